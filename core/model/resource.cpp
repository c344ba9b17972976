// SPDX-License-Identifier: Apache-2.0
#include "resource.h"

#include <QStringList>

namespace Airgate {

QString ObjectRef::toString() const
{
    return kindName(kind) + u' ' + (ns.isEmpty() ? name : ns + u'/' + name);
}

QString Resource::displayName() const
{
    return kindName + u' ' + (ns.isEmpty() ? name : ns + u'/' + name);
}

QStringList splitFieldPath(QStringView path)
{
    QStringList out;
    QString cur;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QChar c = path[i];
        if (c == u'.') {
            if (!cur.isEmpty())
                out << cur;
            cur.clear();
        } else if (c == u'[') {
            if (!cur.isEmpty())
                out << cur;
            cur.clear();
            const qsizetype close = path.indexOf(u']', i);
            if (close < 0)
                break;
            out << path.mid(i, close - i + 1).toString();
            i = close;
        } else {
            cur += c;
        }
    }
    if (!cur.isEmpty())
        out << cur;
    return out;
}

namespace {

/// Walks a path; @p lastMark receives the mark of the deepest segment reached (key marks for map
/// entries).
const Yaml::Node *walk(const Yaml::Node *n, QStringView path, Yaml::Mark &lastMark)
{
    if (n)
        lastMark = n->mark;
    for (const QString &seg : splitFieldPath(path)) {
        if (!n)
            return nullptr;
        if (seg.startsWith(u'[')) {
            const QString inner = seg.mid(1, seg.size() - 2);
            bool isIndex = false;
            const int idx = inner.toInt(&isIndex);
            if (isIndex && n->isSequence()) {
                if (idx < 0 || idx >= static_cast<int>(n->items.size()))
                    return nullptr;
                n = n->items[static_cast<size_t>(idx)].get();
                lastMark = n->mark.isValid() ? n->mark : lastMark;
                continue;
            }
            const Yaml::Node::Entry *e = n->entry(inner.toStdString());
            if (!e)
                return nullptr;
            lastMark = e->keyMark;
            n = e->value.get();
            continue;
        }
        const Yaml::Node::Entry *e = n->entry(seg.toStdString());
        if (!e)
            return nullptr;
        lastMark = e->keyMark;
        n = e->value.get();
    }
    return n;
}

} // namespace

Yaml::Mark Resource::markAt(QStringView fieldPath) const
{
    Yaml::Mark m = source.mark;
    walk(node.get(), fieldPath, m);
    return m.isValid() ? m : source.mark;
}

const Yaml::Node *Resource::nodeAt(QStringView fieldPath) const
{
    Yaml::Mark m;
    return walk(node.get(), fieldPath, m);
}

} // namespace Airgate
