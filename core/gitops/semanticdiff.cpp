// SPDX-License-Identifier: Apache-2.0
#include "semanticdiff.h"

#include "model/specs.h"
#include "normalize.h"
#include "relatedkinds.h"
#include "yaml/yamlemitter.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace Airgate::GitOps {

namespace {

struct Entry
{
    const DumpObject *object = nullptr;
    Yaml::NodePtr canonical;
    QString apiVersion;
    QString kind;
    QString ns;
    QString name;
};

QString apiGroup(const QString &apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(u'/');
    return slash < 0 ? QString() : apiVersion.left(slash);
}

/// Identity ignores the API version: `v1alpha1` → `v1beta1` is a change of one resource.
QString identity(const Entry &e)
{
    return apiGroup(e.apiVersion) + u'|' + e.kind + u'|' + e.ns + u'|' + e.name;
}

Entry entryOf(const DumpObject &o)
{
    Entry e;
    e.object = &o;
    e.canonical = canonical(*o.node);
    e.apiVersion = QString::fromStdString(o.node->scalarAt("apiVersion").value_or(""));
    e.kind = QString::fromStdString(o.node->scalarAt("kind").value_or(""));
    const Yaml::Node *meta = o.node->get("metadata");
    e.ns = stringAt(meta, "namespace");
    e.name = stringAt(meta, "name");
    return e;
}

/// Keys the validator would write in brackets: `metadata.annotations[hub.traefik.io/api]`.
QString appendKey(const QString &path, const std::string &key)
{
    const QString k = QString::fromStdString(key);
    const bool plain = !k.isEmpty() && std::all_of(k.begin(), k.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'$';
    });
    if (!plain)
        return path + u'[' + k + u']';
    return path.isEmpty() ? k : path + u'.' + k;
}

void compare(const Yaml::NodePtr &a, const Yaml::NodePtr &b, const QString &path,
             std::vector<FieldChange> &out)
{
    if (a->kind == Yaml::NodeKind::Map && b->kind == Yaml::NodeKind::Map) {
        // Both sides are sorted by key (canonical form): merge them.
        size_t i = 0;
        size_t j = 0;
        while (i < a->entries.size() || j < b->entries.size()) {
            if (j >= b->entries.size()
                || (i < a->entries.size() && a->entries[i].key < b->entries[j].key)) {
                const auto &e = a->entries[i++];
                out.push_back({FieldChange::Type::Removed, appendKey(path, e.key), e.value, nullptr,
                               e.keyMark});
            } else if (i >= a->entries.size() || b->entries[j].key < a->entries[i].key) {
                const auto &e = b->entries[j++];
                out.push_back({FieldChange::Type::Added, appendKey(path, e.key), nullptr, e.value,
                               e.keyMark});
            } else {
                compare(a->entries[i].value, b->entries[j].value,
                        appendKey(path, a->entries[i].key), out);
                ++i;
                ++j;
            }
        }
        return;
    }
    if (a->kind == Yaml::NodeKind::Sequence && b->kind == Yaml::NodeKind::Sequence) {
        const size_t n = std::min(a->items.size(), b->items.size());
        for (size_t i = 0; i < n; ++i)
            compare(a->items[i], b->items[i], path + QStringLiteral("[%1]").arg(i), out);
        for (size_t i = n; i < a->items.size(); ++i)
            out.push_back({FieldChange::Type::Removed, path + QStringLiteral("[%1]").arg(i),
                           a->items[i], nullptr, a->items[i]->mark});
        for (size_t i = n; i < b->items.size(); ++i)
            out.push_back({FieldChange::Type::Added, path + QStringLiteral("[%1]").arg(i), nullptr,
                           b->items[i], b->items[i]->mark});
        return;
    }
    const bool scalars = (a->isScalar() || a->isNull()) && (b->isScalar() || b->isNull());
    if (scalars && sameScalar(*a, *b))
        return;
    out.push_back({FieldChange::Type::Changed, path, a, b, b->mark});
}

QByteArray canonicalYaml(const Yaml::Node &n)
{
    return QByteArray::fromStdString(Yaml::emitDocument(n));
}

} // namespace

QString ResourceChange::kubectlName() const
{
    QString gv = apiVersion;
    gv.replace(u'/', u'.');
    QStringList parts {gv, kind};
    if (!ns.isEmpty())
        parts << ns;
    parts << name;
    return parts.join(u'.');
}

QString ResourceChange::displayName() const
{
    return kind + u' ' + (ns.isEmpty() ? name : ns + u'/' + name);
}

int SemanticDiff::count(ResourceChange::Type type) const
{
    return static_cast<int>(std::count_if(changes.begin(), changes.end(),
                                          [type](const auto &c) { return c.type == type; }));
}

SemanticDiff diffObjects(const std::vector<DumpObject> &before,
                         const std::vector<DumpObject> &after, const DiffOptions &options)
{
    SemanticDiff result;
    auto index = [&result](const std::vector<DumpObject> &objects, const char *side) {
        QHash<QString, Entry> out;
        for (const DumpObject &o : objects) {
            Entry e = entryOf(o);
            const QString id = identity(e);
            if (out.contains(id)) {
                result.notes << QStringLiteral("%1:%2: %3 %4 is defined again (%5 side); the "
                                               "first definition is compared")
                                    .arg(o.file)
                                    .arg(o.mark.line)
                                    .arg(e.kind, e.ns.isEmpty() ? e.name : e.ns + u'/' + e.name,
                                         QLatin1StringView(side));
                continue;
            }
            out.insert(id, std::move(e));
        }
        return out;
    };
    const QHash<QString, Entry> a = index(before, "compared");
    const QHash<QString, Entry> b = index(after, "workspace");
    const QSet<QString> referenced = referencedConfig(before) + referencedConfig(after);

    QMap<QString, ResourceChange> ordered;
    auto sortKey = [](const Entry &e) -> QString {
        return e.kind + u'|' + e.ns + u'|' + e.name + u'|' + e.apiVersion;
    };
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        const Entry &old = it.value();
        if (b.contains(it.key()))
            continue;
        if (options.ignoreUnrelatedKinds) {
            const bool config = isSecretOrConfigMap(old.apiVersion, old.kind);
            const bool related = isHubOrTraefik(old.apiVersion)
                || (config && referenced.contains(configKey(old.kind, old.ns, old.name)));
            if (!related) {
                result.notes << QStringLiteral("%1:%2: %3 %4 (%5) left out: %6")
                                    .arg(old.object->file)
                                    .arg(old.object->mark.line)
                                    .arg(old.kind,
                                         old.ns.isEmpty() ? old.name : old.ns + u'/' + old.name,
                                         old.apiVersion,
                                         config ? QStringLiteral("nothing names it")
                                                : QStringLiteral("not a Hub or Traefik resource"));
                continue;
            }
        }
        ResourceChange c;
        c.type = ResourceChange::Type::Removed;
        c.apiVersion = old.apiVersion;
        c.kind = old.kind;
        c.ns = old.ns;
        c.name = old.name;
        c.file = old.object->file;
        c.beforeFile = old.object->file;
        c.mark = old.object->mark;
        c.beforeYaml = canonicalYaml(*old.canonical);
        ordered.insert(sortKey(old), std::move(c));
    }
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        const Entry &now = it.value();
        ResourceChange c;
        c.apiVersion = now.apiVersion;
        c.kind = now.kind;
        c.ns = now.ns;
        c.name = now.name;
        c.file = now.object->file;
        c.mark = now.object->mark;
        c.afterYaml = canonicalYaml(*now.canonical);
        const auto old = a.constFind(it.key());
        if (old == a.cend()) {
            c.type = ResourceChange::Type::Added;
            ordered.insert(sortKey(now), std::move(c));
            continue;
        }
        compare(old->canonical, now.canonical, QString(), c.fields);
        if (c.fields.empty()) {
            ++result.unchanged;
            continue;
        }
        c.type = ResourceChange::Type::Changed;
        c.beforeFile = old->object->file;
        c.beforeYaml = canonicalYaml(*old->canonical);
        ordered.insert(sortKey(now), std::move(c));
    }
    for (auto &c : ordered)
        result.changes.push_back(std::move(c));
    return result;
}

} // namespace Airgate::GitOps
