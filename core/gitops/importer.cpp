// SPDX-License-Identifier: Apache-2.0
#include "importer.h"

#include "diffreport.h"
#include "export/exporter.h"
#include "io/atomicfile.h"
#include "keys/apikey.h"
#include "model/specs.h"
#include "model/workspace.h"
#include "normalize.h"
#include "relatedkinds.h"
#include "semanticdiff.h"
#include "yaml/yamlemitter.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace Airgate::GitOps {

namespace {

struct Taken
{
    Yaml::NodePtr node;
    const DumpObject *source = nullptr;
    QString apiVersion;
    QString kind;
    QString ns;
    QString name;
    Kind known = Kind::Unknown;
};

QString apiGroup(const QString &apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(u'/');
    return slash < 0 ? QString() : apiVersion.left(slash);
}

QString identity(const QString &apiVersion, const QString &kind, const QString &ns,
                 const QString &name)
{
    return apiGroup(apiVersion) + u'|' + kind + u'|' + ns + u'|' + name;
}

QString display(const QString &kind, const QString &ns, const QString &name)
{
    return kind + u' ' + (ns.isEmpty() ? name : ns + u'/' + name);
}

QString where(const DumpObject &o)
{
    return QStringLiteral("%1:%2").arg(o.file).arg(o.mark.line);
}

Taken takenOf(const Yaml::NodePtr &node, const DumpObject *source)
{
    Taken t;
    t.node = node;
    t.source = source;
    t.apiVersion = QString::fromStdString(node->scalarAt("apiVersion").value_or(""));
    t.kind = QString::fromStdString(node->scalarAt("kind").value_or(""));
    const Yaml::Node *meta = node->get("metadata");
    t.ns = stringAt(meta, "namespace");
    t.name = stringAt(meta, "name");
    t.known = kindFromManifest(t.apiVersion, t.kind);
    return t;
}

QString targetFile(const Taken &t, ImportLayout layout)
{
    const QString stem
        = t.known == Kind::Unknown ? t.kind.toLower() + u's' : Exporter::kindPlural(t.kind);
    if (layout == ImportLayout::Kinds)
        return stem + QStringLiteral(".yaml");
    return (t.ns.isEmpty() ? QStringLiteral("_no-namespace") : t.ns) + u'/' + stem
        + QStringLiteral(".yaml");
}

/// Secret names ManagedApplications use for API keys, as "ns|name".
void collectKeySecrets(const Yaml::Node &app, const QString &ns, QSet<QString> &out)
{
    const ManagedApplicationSpec s = readManagedApplicationSpec(app.get("spec"));
    for (const auto &k : s.apiKeys)
        if (!k.secretName.isEmpty())
            out.insert(ns + u'|' + k.secretName);
}

/**
 * Hub compares presented keys with SHAKE256 digests; a plaintext in a Secret would end up in Git.
 * Returns the Secret with `data.key` as base64(hex digest) when it held a plaintext.
 */
Yaml::NodePtr digestKeySecret(const Taken &t, QStringList &warnings)
{
    const SecretSpec s = readSecret(t.node.get());
    if (!s.data.contains(QStringLiteral("key")))
        return t.node;
    const QByteArray value = s.data.value(QStringLiteral("key"));
    if (Keys::isDigestHex(value))
        return t.node;
    const bool fromStringData = s.fromStringData.value(QStringLiteral("key"));
    auto copy = std::make_shared<Yaml::Node>(*t.node);
    Yaml::NodePtr data = copy->get("data") && copy->get("data")->isMap()
        ? std::make_shared<Yaml::Node>(*copy->get("data"))
        : Yaml::Node::makeMap();
    data->set("key", Yaml::Node::makeString(Keys::secretDataValue(value).toStdString()));
    copy->set("data", data);
    if (const Yaml::Node *sd = copy->get("stringData"); sd && sd->isMap()) {
        auto stringData = std::make_shared<Yaml::Node>(*sd);
        stringData->remove("key");
        if (stringData->entries.empty())
            copy->remove("stringData");
        else
            copy->set("stringData", stringData);
    }
    warnings << QStringLiteral("%1 (%2): %3 held a plaintext API key; imported as its SHAKE256 "
                               "digest, the key itself is not kept (its holder still has it; "
                               "`airgatectl key new` issues a new one)")
                    .arg(display(t.kind, t.ns, t.name), where(*t.source),
                         fromStringData ? QStringLiteral("stringData.key")
                                        : QStringLiteral("data.key"));
    return copy;
}

Yaml::NodePtr digestInlineKeys(const Taken &t, QStringList &warnings)
{
    const Yaml::Node *spec = t.node->get("spec");
    const Yaml::Node *keys = spec ? spec->get("apiKeys") : nullptr;
    if (!keys || !keys->isSequence())
        return t.node;
    Yaml::NodePtr newKeys;
    for (size_t i = 0; i < keys->items.size(); ++i) {
        const Yaml::Node *value = keys->items[i]->get("value");
        if (!value || !value->isScalar() || value->text().empty()
            || Keys::isDigestHex(QByteArray::fromStdString(value->text())))
            continue;
        if (!newKeys)
            newKeys = std::make_shared<Yaml::Node>(*keys);
        auto item = std::make_shared<Yaml::Node>(*keys->items[i]);
        item->set("value",
                  Yaml::Node::makeString(
                      Keys::digestHex(QByteArray::fromStdString(value->text())).toStdString()));
        newKeys->items[i] = item;
        warnings << QStringLiteral("%1 (%2): spec.apiKeys[%3].value held a plaintext API key; "
                                   "imported as its SHAKE256 digest")
                        .arg(display(t.kind, t.ns, t.name), where(*t.source))
                        .arg(i);
    }
    if (!newKeys)
        return t.node;
    auto newSpec = std::make_shared<Yaml::Node>(*spec);
    newSpec->set("apiKeys", newKeys);
    auto copy = std::make_shared<Yaml::Node>(*t.node);
    copy->set("spec", newSpec);
    return copy;
}

QByteArray emitted(const Yaml::Node &n)
{
    return QByteArray::fromStdString(Yaml::emitDocument(n));
}

} // namespace

bool parseImportLayout(const QString &name, ImportLayout &out)
{
    if (name == QLatin1StringView("namespaces"))
        out = ImportLayout::Namespaces;
    else if (name == QLatin1StringView("kinds"))
        out = ImportLayout::Kinds;
    else
        return false;
    return true;
}

Result<ImportPlan> planImport(const Dump &dump, const QString &workspaceDir,
                              const ImportOptions &options)
{
    ImportPlan plan;
    const QString root = QFileInfo(workspaceDir).absoluteFilePath();
    Workspace ws = QFileInfo(root).isDir() ? Workspace() : Workspace::fromFiles(root, {});
    if (QFileInfo(root).isDir()) {
        auto loaded = Workspace::load(root);
        if (!loaded)
            return loaded.error();
        ws = std::move(loaded).value();
    } else if (QFileInfo::exists(root)) {
        return makeError(Error::Code::Invalid,
                         QStringLiteral("%1 is not a folder").arg(workspaceDir));
    }

    // 1. Strip what the server set; keep Hub and Traefik objects, hold Secrets and ConfigMaps back.
    std::vector<Taken> taken;
    std::vector<Taken> config;
    for (const DumpObject &o : dump.objects) {
        QString note;
        Yaml::NodePtr node = stripServerFields(o.node, options.preferLastApplied, &note);
        if (note.startsWith(QLatin1StringView("taken")))
            ++plan.fromLastApplied;
        else if (!note.isEmpty())
            plan.warnings << QStringLiteral("%1: %2").arg(where(o), note);
        Taken t = takenOf(node, &o);
        if (isHubOrTraefik(t.apiVersion))
            taken.push_back(std::move(t));
        else if (isSecretOrConfigMap(t.apiVersion, t.kind))
            config.push_back(std::move(t));
        else
            plan.skipped << QStringLiteral("%1 (%2, %3): not a Hub or Traefik resource")
                                .arg(display(t.kind, t.ns, t.name), t.apiVersion, where(o));
    }

    // 2. Secrets and ConfigMaps something names (in the dump or already in the workspace).
    std::vector<DumpObject> namers;
    for (const Taken &t : taken)
        namers.push_back({t.node, t.source->file, t.source->mark, 0, -1});
    for (const Resource &r : ws.resources())
        namers.push_back({r.node, r.source.file, r.source.mark, 0, -1});
    const QSet<QString> referenced = referencedConfig(namers);
    QSet<QString> keySecrets;
    for (const DumpObject &n : namers)
        if (n.node->scalarAt("kind").value_or("") == "ManagedApplication")
            collectKeySecrets(*n.node, stringAt(n.node->get("metadata"), "namespace"), keySecrets);
    for (Taken &t : config) {
        if (!referenced.contains(configKey(t.kind, t.ns, t.name))) {
            plan.skipped << QStringLiteral("%1 (%2): no imported resource names it")
                                .arg(display(t.kind, t.ns, t.name), where(*t.source));
            continue;
        }
        if (t.known == Kind::Secret && keySecrets.contains(t.ns + u'|' + t.name))
            t.node = digestKeySecret(t, plan.warnings);
        taken.push_back(std::move(t));
    }
    for (Taken &t : taken)
        if (t.known == Kind::ManagedApplication)
            t.node = digestInlineKeys(t, plan.warnings);

    // 3. One definition per resource.
    QHash<QString, size_t> seen;
    std::vector<Taken> unique;
    for (Taken &t : taken) {
        const QString id = identity(t.apiVersion, t.kind, t.ns, t.name);
        if (const auto it = seen.constFind(id); it != seen.cend()) {
            const Taken &first = unique[*it];
            if (diffObjects({{first.node, {}, {}, 0, -1}}, {{t.node, {}, {}, 0, -1}}).isEmpty())
                continue;
            return makeError(
                Error::Code::Invalid,
                QStringLiteral("%1: %2 is defined again with other content (first "
                               "at %3); nothing was written")
                    .arg(where(*t.source), display(t.kind, t.ns, t.name), where(*first.source)));
        }
        seen.insert(id, unique.size());
        unique.push_back(std::move(t));
    }

    // 4. Compare with what the workspace holds.
    QHash<QString, int> existing;
    for (int i = 0; i < static_cast<int>(ws.resources().size()); ++i) {
        const Resource &r = ws.resources()[static_cast<size_t>(i)];
        existing.insert(identity(r.apiVersion, r.kindName, r.ns, r.name), i);
    }
    std::vector<const Taken *> added;
    std::vector<std::pair<QString, const Taken *>> replacements; // identity → new content
    for (const Taken &t : unique) {
        const QString id = identity(t.apiVersion, t.kind, t.ns, t.name);
        const auto it = existing.constFind(id);
        if (it == existing.cend()) {
            added.push_back(&t);
            continue;
        }
        const Resource &r = ws.resources()[static_cast<size_t>(*it)];
        const SemanticDiff d = diffObjects({{r.node, r.source.file, r.source.mark, 0, -1}},
                                           {{t.node, t.source->file, t.source->mark, 0, -1}});
        if (d.isEmpty()) {
            ++plan.unchanged;
            continue;
        }
        if (!options.force) {
            const auto &fields = d.changes.front().fields;
            plan.conflicts
                << QStringLiteral("%1 (%2) differs from %3:%4%5")
                       .arg(display(t.kind, t.ns, t.name), where(*t.source), r.source.file)
                       .arg(r.source.mark.line)
                       .arg(fields.empty() ? QString()
                                           : QStringLiteral(": ") + describe(fields.front())
                                    + (fields.size() > 1
                                           ? QStringLiteral(" (and %1 more)").arg(fields.size() - 1)
                                           : QString()));
            continue;
        }
        replacements.push_back({id, &t});
    }
    if (!plan.conflicts.isEmpty())
        return plan;

    // 5. Replace in place (each replacement rebuilds the index: look the resource up again).
    QSet<int> touched;
    for (const auto &[id, t] : replacements) {
        for (const Resource &r : ws.resources()) {
            if (identity(r.apiVersion, r.kindName, r.ns, r.name) != id)
                continue;
            touched.insert(r.fileIndex);
            const Resource copy = r;
            ws.replaceResource(copy, t->node);
            ++plan.replaced;
            break;
        }
    }

    // 6. New resources, in apply order, appended to their layout file.
    std::stable_sort(added.begin(), added.end(), [](const Taken *a, const Taken *b) {
        const int oa = Exporter::applyOrder(a->known);
        const int ob = Exporter::applyOrder(b->known);
        if (oa != ob)
            return oa < ob;
        if (a->ns != b->ns)
            return a->ns < b->ns;
        if (a->name != b->name)
            return a->name < b->name;
        return a->kind < b->kind;
    });
    QMap<QString, QByteArray> appended;
    for (const Taken *t : added) {
        appended[targetFile(*t, options.layout)] += "---\n" + emitted(*t->node);
        ++plan.added;
    }
    QSet<QString> paths;
    for (int fi : touched)
        paths.insert(ws.files()[static_cast<size_t>(fi)].relPath);
    for (auto it = appended.cbegin(); it != appended.cend(); ++it)
        paths.insert(it.key());
    QStringList sorted(paths.begin(), paths.end());
    std::sort(sorted.begin(), sorted.end());
    for (const QString &rel : sorted) {
        const int fi = ws.fileIndex(rel);
        QByteArray bytes;
        QByteArray before;
        if (fi >= 0) {
            bytes = ws.serialize(fi);
            before = ws.files()[static_cast<size_t>(fi)].onDisk;
        } else if (QFileInfo::exists(QDir(root).filePath(rel))) {
            // A file the workspace does not read as manifests (e.g. in a skipped place): never
            // overwrite it.
            return makeError(Error::Code::Refused,
                             QStringLiteral("%1 exists but is not a manifest file of the "
                                            "workspace; nothing was written")
                                 .arg(rel));
        }
        const QByteArray more = appended.value(rel);
        if (!more.isEmpty() && !bytes.isEmpty() && !bytes.endsWith('\n'))
            bytes += '\n';
        bytes += more;
        if (fi >= 0 && bytes == before)
            continue;
        plan.writes.insert(rel, bytes);
        (fi >= 0 ? plan.updatedFiles : plan.createdFiles) << rel;
    }
    return plan;
}

Status applyImport(const ImportPlan &plan, const QString &workspaceDir)
{
    if (!plan.conflicts.isEmpty())
        return makeError(
            Error::Code::Refused,
            QStringLiteral("%1 resources differ from the workspace's").arg(plan.conflicts.size()));
    const QDir root(QFileInfo(workspaceDir).absoluteFilePath());
    for (auto it = plan.writes.cbegin(); it != plan.writes.cend(); ++it) {
        const Status st = Io::writeFileAtomically(root.filePath(it.key()), it.value());
        if (!st)
            return st;
    }
    return {};
}

} // namespace Airgate::GitOps
