// SPDX-License-Identifier: Apache-2.0
#include "operationsets.h"

#include <QRegularExpression>
#include <QSet>

namespace Airgate::OpenApi {

namespace {

/** Escapes what RE2 would read as syntax; `/` and word characters stay readable. */
QString re2Literal(const QString &text)
{
    static const QString special = QStringLiteral("\\.+*?()[]{}|^$");
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace

namespace {

/** The regex of one path template (without anchors): parameters never cross a `/`. */
QString templateRegex(const QString &path)
{
    QString re;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i] == u'{') {
            const qsizetype close = path.indexOf(u'}', i);
            if (close > i) {
                re += QStringLiteral("[^/]+");
                i = close;
                continue;
            }
        }
        re += re2Literal(QString(path[i]));
    }
    return re;
}

QString basePrefix(const QString &basePath)
{
    return basePath.isEmpty() ? QString()
                              : QStringLiteral("(?:") + re2Literal(basePath) + QStringLiteral(")?");
}

/** One matcher for several paths answering the same methods: an alternation. */
OperationMatcher matcherFor(const QStringList &methods, const QStringList &paths,
                            const QString &basePath)
{
    OperationMatcher m;
    m.methods = methods;
    if (paths.size() == 1 && !paths.first().contains(u'{') && basePath.isEmpty()) {
        m.path = paths.first();
        return m;
    }
    QStringList alternatives;
    for (const QString &p : paths)
        alternatives << templateRegex(p);
    m.pathRegex = u'^' + basePrefix(basePath)
        + (alternatives.size() == 1 ? alternatives.first()
                                    : QStringLiteral("(?:") + alternatives.join(u'|') + u')')
        + u'$';
    return m;
}

/** The matchers of one tag's operations: one per operation when the CRD's limit allows,
 * else one per path, else paths with the same methods share an alternation. */
QList<OperationMatcher> matchersFor(const std::vector<const Operation *> &ops,
                                    const QString &basePath)
{
    QList<OperationMatcher> out;
    if (static_cast<int>(ops.size()) <= kMaxMatchersPerSet) {
        for (const Operation *op : ops)
            out << exactMatcher(*op, basePath);
        return out;
    }
    // path → methods, in document order.
    QStringList paths;
    QHash<QString, QStringList> methodsOf;
    for (const Operation *op : ops) {
        if (!methodsOf.contains(op->path))
            paths << op->path;
        methodsOf[op->path] << op->method;
    }
    if (paths.size() <= kMaxMatchersPerSet) {
        for (const QString &p : paths)
            out << matcherFor(methodsOf.value(p), {p}, basePath);
        return out;
    }
    // methods → paths; then the smallest chunk of alternatives that fits the limit.
    QList<QStringList> keys;
    QHash<QString, QStringList> pathsOf;
    for (const QString &p : paths) {
        QStringList m = methodsOf.value(p);
        m.sort();
        const QString key = m.join(u',');
        if (!pathsOf.contains(key))
            keys << m;
        pathsOf[key] << p;
    }
    qsizetype chunk = 1;
    auto count = [&](qsizetype c) {
        qsizetype n = 0;
        for (const QStringList &k : keys)
            n += (pathsOf.value(k.join(u',')).size() + c - 1) / c;
        return n;
    };
    while (count(chunk) > kMaxMatchersPerSet)
        ++chunk;
    for (const QStringList &k : keys) {
        const QStringList group = pathsOf.value(k.join(u','));
        for (qsizetype i = 0; i < group.size(); i += chunk)
            out << matcherFor(k, group.mid(i, chunk), basePath);
    }
    return out;
}

} // namespace

OperationMatcher exactMatcher(const Operation &operation, const QString &basePath)
{
    return matcherFor({operation.method}, {operation.path}, basePath);
}

QString setNameForTag(const QString &tag)
{
    QString s = tag.toLower();
    static const QRegularExpression other(QStringLiteral("[^a-z0-9-]+"));
    static const QRegularExpression edges(QStringLiteral("^-+|-+$"));
    s.replace(other, QStringLiteral("-"));
    s.remove(edges);
    s = s.left(63);
    while (s.endsWith(u'-'))
        s.chop(1);
    return s.isEmpty() ? QStringLiteral("operations") : s;
}

QList<OperationSet> operationSetsByTag(const Document &document, QStringList *notes)
{
    QStringList tags;
    QHash<QString, std::vector<const Operation *>> byTag;
    for (const Operation &op : document.operations())
        for (const QString &tag : op.tags) {
            if (!byTag.contains(tag))
                tags << tag;
            byTag[tag].push_back(&op);
        }
    if (tags.size() > kMaxOperationSets) {
        if (notes)
            *notes << QStringLiteral("%1 tags, but an API holds at most %2 operation sets: the "
                                     "tags after \"%3\" have none")
                          .arg(tags.size())
                          .arg(kMaxOperationSets)
                          .arg(tags.at(kMaxOperationSets - 1));
        tags = tags.mid(0, kMaxOperationSets);
    }
    QList<OperationSet> sets;
    QSet<QString> names;
    for (const QString &tag : tags) {
        OperationSet s;
        const QString base = setNameForTag(tag);
        s.name = base;
        for (int n = 2; names.contains(s.name); ++n)
            s.name = base.left(60) + u'-' + QString::number(n);
        names.insert(s.name);
        s.matchers = matchersFor(byTag.value(tag), document.basePath());
        sets << s;
    }
    return sets;
}

} // namespace Airgate::OpenApi
