// SPDX-License-Identifier: Apache-2.0
#include "workspace.h"

#include "io/atomicfile.h"
#include "model/specs.h"
#include "openapi/openapidocument.h"
#include "yaml/yamlemitter.h"
#include "yaml/yamlpatch.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <unordered_map>

namespace Airgate {

namespace {

const QString kSettingsFile = QStringLiteral("airgate.yaml");

bool isKustomization(const QString &fileName)
{
    return fileName == QLatin1StringView("kustomization.yaml")
        || fileName == QLatin1StringView("kustomization.yml")
        || fileName == QLatin1StringView("Kustomization");
}

Diagnostic yamlDiagnostic(const QString &file, const Yaml::Problem &p)
{
    Diagnostic d;
    d.severity = p.severity == Yaml::Problem::Severity::Error ? Diagnostic::Severity::Error
                                                              : Diagnostic::Severity::Warning;
    d.rule = QStringLiteral("yaml");
    d.message = QString::fromStdString(p.message);
    d.file = file;
    d.line = p.mark.line;
    d.column = p.mark.column;
    return d;
}

QMap<QString, QString> stringMap(const Yaml::Node *n)
{
    QMap<QString, QString> out;
    if (n && n->isMap())
        for (const auto &e : n->entries)
            if (e.value->isScalar())
                out.insert(QString::fromStdString(e.key), QString::fromStdString(e.value->value));
    return out;
}

} // namespace

QString resourceKey(Kind kind, const QString &ns, const QString &name)
{
    return kindName(kind) + u'|' + ns + u'|' + name;
}

Workspace::LoadOptions::LoadOptions()
    : maxFileBytes(Io::kMaxManifestBytes)
{
}

bool WorkspaceFile::isModified() const
{
    if (isNew || original != onDisk)
        return true;
    return std::any_of(documents.begin(), documents.end(), [](const WorkspaceDocument &d) {
        return d.modified || d.removed || d.added;
    });
}

bool Workspace::isManifestPath(const QString &relPath, QString *why)
{
    const QStringList parts = relPath.split(u'/');
    if (std::any_of(parts.begin(), parts.end() - 1,
                    [](const QString &p) { return p.startsWith(u'.'); })) {
        if (why)
            *why = QStringLiteral("in a dot folder");
        return false;
    }
    const QString fileName = parts.last();
    if (relPath == kSettingsFile || relPath == QLatin1StringView("airgate.yml")) {
        if (why)
            *why = QStringLiteral("local settings, never a manifest");
        return false;
    }
    if (isKustomization(fileName)) {
        if (why)
            *why = QStringLiteral("kustomization, not a manifest");
        return false;
    }
    if (!fileName.endsWith(QLatin1StringView(".yaml"))
        && !fileName.endsWith(QLatin1StringView(".yml"))) {
        if (why)
            *why = QStringLiteral("not a .yaml or .yml file");
        return false;
    }
    return true;
}

Result<Workspace> Workspace::load(const QString &dir, const LoadOptions &options)
{
    const QFileInfo info(dir);
    if (!info.exists())
        return makeError(Error::Code::NotFound, QStringLiteral("%1: no such folder").arg(dir));
    if (!info.isDir())
        return makeError(Error::Code::Invalid, QStringLiteral("%1: not a folder").arg(dir));
    const QDir root(info.absoluteFilePath());
    QStringList paths;
    QDirIterator it(
        root.absolutePath(),
        {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("Kustomization")},
        QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString abs = it.next();
        const QString rel = root.relativeFilePath(abs);
        // Dot folders (.git, .airgate) hold no manifests.
        const QStringList parts = rel.split(u'/');
        if (std::any_of(parts.begin(), parts.end() - 1,
                        [](const QString &p) { return p.startsWith(u'.'); }))
            continue;
        paths << rel;
    }
    std::sort(paths.begin(), paths.end());
    QElapsedTimer timer;
    timer.start();
    QList<QPair<QString, QByteArray>> files;
    Workspace ws;
    ws.m_root = root.absolutePath();
    ws.m_options = options;
    for (const QString &rel : paths) {
        QString why;
        if (!isManifestPath(rel, &why)) {
            ws.m_skipped << rel + QStringLiteral(": ") + why;
            continue;
        }
        auto bytes = Io::readFile(root.filePath(rel), options.maxFileBytes);
        if (!bytes) {
            Diagnostic d;
            d.rule = QStringLiteral("yaml");
            d.message = bytes.error().message;
            d.file = rel;
            ws.m_loadDiagnostics << d;
            continue;
        }
        files.append({rel, std::move(bytes).value()});
    }
    if (options.timing)
        options.timing("read", timer.nsecsElapsed() / 1000);
    Diagnostics readErrors = ws.m_loadDiagnostics;
    Workspace loaded = fromFiles(ws.m_root, files, options);
    loaded.m_skipped = ws.m_skipped;
    loaded.m_loadDiagnostics = readErrors + loaded.m_loadDiagnostics;
    return loaded;
}

Workspace Workspace::fromFiles(const QString &root, const QList<QPair<QString, QByteArray>> &files,
                               const LoadOptions &options)
{
    Workspace ws;
    ws.m_root = root;
    ws.m_options = options;
    ws.m_files.reserve(static_cast<size_t>(files.size()));
    QElapsedTimer timer;
    timer.start();
    for (const auto &f : files) {
        WorkspaceFile wf;
        wf.relPath = f.first;
        wf.onDisk = f.second;
        ws.parseInto(wf, f.second);
        ws.m_files.push_back(std::move(wf));
    }
    if (options.timing)
        options.timing("parse", timer.nsecsElapsed() / 1000);
    timer.restart();
    // Settings first: the files airgate.yaml names are documents, not manifests.
    ws.loadSettings();
    ws.rebuild();
    if (options.timing)
        options.timing("index", timer.nsecsElapsed() / 1000);
    return ws;
}

void Workspace::parseInto(WorkspaceFile &file, const QByteArray &bytes)
{
    file.original = bytes;
    Yaml::ParsedText parsed = Yaml::parseYaml(
        std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())), m_options.limits);
    file.hadBom = parsed.hadBom;
    file.documents.clear();
    file.documents.reserve(parsed.documents.size());
    for (Yaml::Document &d : parsed.documents) {
        WorkspaceDocument wd;
        wd.root = d.root;
        wd.parsed = std::move(d);
        file.documents.push_back(std::move(wd));
    }
    // An API description announces itself on its first document's top level.
    file.documentFormat.clear();
    file.references.clear();
    for (const WorkspaceDocument &d : file.documents) {
        if (d.parsed.failed) {
            // A description with a syntax error is still a description (the openapi rule says
            // what is wrong): its first lines tell.
            static const QRegularExpression top(
                QStringLiteral("^(openapi|swagger|asyncapi)\\s*:\\s*['\"]?([^'\"\\s#]*)"),
                QRegularExpression::MultilineOption);
            const auto m = top.match(QString::fromUtf8(bytes.left(4096)));
            if (m.hasMatch())
                file.documentFormat = m.captured(1) + u' ' + m.captured(2);
            break;
        }
        if (!d.root || d.root->isNull())
            continue;
        file.documentFormat = OpenApi::documentFormat(*d.root);
        break;
    }
    if (OpenApi::mayReferToFiles(bytes))
        for (const WorkspaceDocument &d : file.documents)
            if (d.root)
                file.references << OpenApi::externalReferences(*d.root);
}

void Workspace::classifyDocuments()
{
    // Documents are the files that say so, the files airgate.yaml names (mock:, specs:), and,
    // transitively, the files their `$ref`s name: a split OpenAPI document's parts hold no
    // `openapi:` key but are no manifests either.
    std::vector<int> queue;
    for (int i = 0; i < static_cast<int>(m_files.size()); ++i) {
        WorkspaceFile &f = m_files[static_cast<size_t>(i)];
        f.documentOf.clear();
        if (!f.documentFormat.isEmpty())
            f.documentOf = f.documentFormat + QStringLiteral(" document");
        else if (const auto it = m_settingsDocuments.constFind(f.relPath);
                 it != m_settingsDocuments.cend())
            f.documentOf = *it;
        if (f.isDocument())
            queue.push_back(i);
    }
    while (!queue.empty()) {
        const int i = queue.back();
        queue.pop_back();
        const WorkspaceFile &f = m_files[static_cast<size_t>(i)];
        const QString dir = QFileInfo(f.relPath).path();
        for (const QString &ref : f.references) {
            const QString rel
                = QDir::cleanPath(dir + u'/' + QUrl::fromPercentEncoding(ref.toUtf8()));
            const int target = fileIndex(rel);
            if (target < 0 || m_files[static_cast<size_t>(target)].isDocument())
                continue;
            m_files[static_cast<size_t>(target)].documentOf
                = QStringLiteral("referenced by ") + f.relPath;
            queue.push_back(target);
        }
    }
}

std::vector<int> Workspace::documentFiles() const
{
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(m_files.size()); ++i)
        if (m_files[static_cast<size_t>(i)].isDocument())
            out.push_back(i);
    return out;
}

void Workspace::rebuild()
{
    // Keep only read errors (they have no documents) and recompute the rest.
    Diagnostics kept;
    for (const Diagnostic &d : m_loadDiagnostics)
        if (d.line == 0 && d.rule == QLatin1StringView("yaml") && fileIndex(d.file) < 0)
            kept << d;
    m_loadDiagnostics = kept;
    m_resources.clear();
    m_index.clear();
    for (auto &v : m_byKind)
        v.clear();
    for (auto &h : m_byKindNs)
        h.clear();
    std::size_t documents = 0;
    for (const WorkspaceFile &f : m_files)
        documents += f.documents.size();
    m_resources.reserve(documents);
    m_index.reserve(static_cast<qsizetype>(documents));
    // apiVersion, kind and namespace repeat across thousands of resources: convert each text once.
    std::unordered_map<std::string, QString> interned;
    auto intern = [&interned](const Yaml::Node *n) -> QString {
        if (!n || n->kind != Yaml::NodeKind::Scalar)
            return {};
        auto it = interned.find(n->value);
        if (it == interned.end())
            it = interned.emplace(n->value, QString::fromStdString(n->value)).first;
        return it->second;
    };
    classifyDocuments();
    for (int fi = 0; fi < static_cast<int>(m_files.size()); ++fi) {
        const WorkspaceFile &f = m_files[static_cast<size_t>(fi)];
        if (f.isDocument())
            continue;
        for (int di = 0; di < static_cast<int>(f.documents.size()); ++di) {
            const WorkspaceDocument &doc = f.documents[static_cast<size_t>(di)];
            if (doc.removed)
                continue;
            if (!doc.modified && !doc.added)
                for (const Yaml::Problem &p : doc.parsed.problems)
                    m_loadDiagnostics << yamlDiagnostic(f.relPath, p);
            if (!doc.root || doc.root->isNull())
                continue;
            const Yaml::Mark docMark = doc.root->mark.isValid()
                ? doc.root->mark
                : Yaml::Mark {doc.parsed.contentLine, 1};
            if (!doc.root->isMap()) {
                Diagnostic d;
                d.rule = QStringLiteral("yaml");
                d.message = QStringLiteral("a manifest document must be a mapping with apiVersion "
                                           "and kind, not a %1")
                                .arg(QLatin1StringView(Yaml::jsonTypeName(*doc.root)));
                d.file = f.relPath;
                d.line = docMark.line;
                d.column = docMark.column;
                m_loadDiagnostics << d;
                continue;
            }
            auto addResource = [&](const Yaml::NodePtr &node, int item) {
                Resource r;
                r.node = node;
                r.fileIndex = fi;
                r.documentIndex = di;
                r.source.file = f.relPath;
                r.source.document = di;
                r.source.item = item;
                r.source.mark = node->mark.isValid() ? node->mark : docMark;
                r.apiVersion = intern(node->get("apiVersion"));
                r.kindName = intern(node->get("kind"));
                r.kind = kindFromManifest(r.apiVersion, r.kindName);
                if (const Yaml::Node *meta = node->get("metadata"); meta && meta->isMap()) {
                    r.name = stringAt(meta, "name");
                    if (const Yaml::Node *ns = meta->get("namespace"); ns && ns->isScalar()) {
                        r.ns = intern(ns);
                        r.namespaceSet = true;
                    }
                    r.labels = stringMap(meta->get("labels"));
                    r.annotations = stringMap(meta->get("annotations"));
                }
                const int position = static_cast<int>(m_resources.size());
                const QString key = resourceKey(r.kind, r.ns, r.name);
                if (!m_index.contains(key))
                    m_index.insert(key, position);
                const auto k = static_cast<std::size_t>(r.kind);
                m_byKind[k].push_back(position);
                m_byKindNs[k][r.ns].push_back(position);
                m_resources.push_back(std::move(r));
            };
            const bool isList = doc.root->scalarAt("kind").value_or("") == "List"
                && doc.root->scalarAt("apiVersion").value_or("") == "v1";
            if (isList) {
                const Yaml::Node *items = doc.root->get("items");
                if (items && items->isSequence()) {
                    for (int i = 0; i < static_cast<int>(items->items.size()); ++i) {
                        const Yaml::NodePtr &item = items->items[static_cast<size_t>(i)];
                        if (item->isMap())
                            addResource(item, i);
                    }
                }
                continue;
            }
            addResource(doc.root, -1);
        }
    }
}

void Workspace::reloadSettings()
{
    loadSettings();
    rebuild();
}

void Workspace::loadSettings()
{
    m_settingsDiagnostics.clear();
    m_settings = LocalSettings::load(m_root, m_settingsDiagnostics);
    m_settingsDocuments.clear();
    QStringList named;
    for (const ServiceTarget &t : m_settings.services)
        if (t.type == ServiceTarget::Type::Mock && !t.mockFile.isEmpty())
            named << t.mockFile;
    for (const QString &p : m_settings.specs)
        named << p;
    const QDir root(m_root);
    for (const QString &abs : named) {
        const QString rel = root.relativeFilePath(abs);
        if (rel.startsWith(QLatin1StringView("..")) || QDir::isAbsolutePath(rel))
            continue;
        m_settingsDocuments.insert(rel, QStringLiteral("named by airgate.yaml"));
        // A JSON document is not among the workspace's files, but the YAML files it refers
        // to are: they are part of it.
        if (fileIndex(rel) >= 0)
            continue;
        auto bytes = Io::readFile(abs, OpenApi::kMaxDocumentBytes);
        if (!bytes || !OpenApi::mayReferToFiles(*bytes))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(*bytes);
        const QString dir = QFileInfo(rel).path();
        for (const QString &ref : OpenApi::externalReferences(doc.object())) {
            const QString target
                = QDir::cleanPath(dir + u'/' + QUrl::fromPercentEncoding(ref.toUtf8()));
            if (!m_settingsDocuments.contains(target))
                m_settingsDocuments.insert(target, QStringLiteral("referenced by ") + rel);
        }
    }
}

int Workspace::documentCount() const
{
    int n = 0;
    for (const WorkspaceFile &f : m_files)
        if (!f.isDocument())
            for (const WorkspaceDocument &d : f.documents)
                if (!d.removed && (!d.parsed.empty || d.added || d.modified))
                    ++n;
    return n;
}

const Resource *Workspace::find(Kind kind, const QString &ns, const QString &name) const
{
    auto it = m_index.constFind(resourceKey(kind, ns, name));
    return it == m_index.cend() ? nullptr : &m_resources[static_cast<size_t>(it.value())];
}

std::vector<const Resource *> Workspace::ofKind(Kind kind) const
{
    const std::vector<int> &positions = m_byKind[static_cast<std::size_t>(kind)];
    std::vector<const Resource *> out;
    out.reserve(positions.size());
    for (int i : positions)
        out.push_back(&m_resources[static_cast<std::size_t>(i)]);
    return out;
}

std::vector<const Resource *> Workspace::ofKind(Kind kind, const QString &ns) const
{
    std::vector<const Resource *> out;
    const auto &byNs = m_byKindNs[static_cast<std::size_t>(kind)];
    const auto it = byNs.constFind(ns);
    if (it == byNs.cend())
        return out;
    out.reserve(it->size());
    for (int i : *it)
        out.push_back(&m_resources[static_cast<std::size_t>(i)]);
    return out;
}

QStringList Workspace::namespaces() const
{
    QSet<QString> set;
    for (const Resource &r : m_resources)
        set.insert(r.ns);
    QStringList out(set.begin(), set.end());
    std::sort(out.begin(), out.end());
    return out;
}

int Workspace::fileIndex(const QString &relPath) const
{
    for (int i = 0; i < static_cast<int>(m_files.size()); ++i)
        if (m_files[static_cast<size_t>(i)].relPath == relPath)
            return i;
    return -1;
}

void Workspace::setDocumentRoot(int fileIndex, int documentIndex, Yaml::NodePtr root)
{
    WorkspaceDocument &d = m_files.at(static_cast<size_t>(fileIndex))
                               .documents.at(static_cast<size_t>(documentIndex));
    d.root = std::move(root);
    d.modified = true;
    rebuild();
}

int Workspace::addDocument(const QString &relPath, Yaml::NodePtr root)
{
    int fi = fileIndex(relPath);
    if (fi < 0) {
        WorkspaceFile f;
        f.relPath = relPath;
        f.isNew = true;
        m_files.push_back(std::move(f));
        fi = static_cast<int>(m_files.size()) - 1;
    }
    WorkspaceDocument d;
    d.root = std::move(root);
    d.added = true;
    d.parsed.index = static_cast<int>(m_files[static_cast<size_t>(fi)].documents.size());
    m_files[static_cast<size_t>(fi)].documents.push_back(std::move(d));
    rebuild();
    return fi;
}

void Workspace::replaceResource(const Resource &resource, Yaml::NodePtr node)
{
    const int fi = resource.fileIndex;
    const int di = resource.documentIndex;
    const int item = resource.source.item;
    if (item < 0) {
        setDocumentRoot(fi, di, std::move(node));
        return;
    }
    const WorkspaceDocument &doc
        = m_files.at(static_cast<size_t>(fi)).documents.at(static_cast<size_t>(di));
    Yaml::NodePtr root = std::make_shared<Yaml::Node>(*doc.root);
    Yaml::NodePtr items = std::make_shared<Yaml::Node>(*root->getPtr("items"));
    items->items.at(static_cast<size_t>(item)) = std::move(node);
    root->set("items", items);
    setDocumentRoot(fi, di, root);
}

void Workspace::removeDocument(int fileIndex, int documentIndex)
{
    m_files.at(static_cast<size_t>(fileIndex))
        .documents.at(static_cast<size_t>(documentIndex))
        .removed
        = true;
    rebuild();
}

void Workspace::setFileText(int fileIndex, const QByteArray &text)
{
    WorkspaceFile &f = m_files.at(static_cast<size_t>(fileIndex));
    parseInto(f, text);
    rebuild();
}

int Workspace::addFile(const QString &relPath)
{
    const int existing = fileIndex(relPath);
    if (existing >= 0)
        return existing;
    WorkspaceFile f;
    f.relPath = relPath;
    f.isNew = true;
    m_files.push_back(std::move(f));
    return static_cast<int>(m_files.size()) - 1;
}

void Workspace::removeFile(int fileIndex)
{
    m_files.erase(m_files.begin() + fileIndex);
    rebuild();
}

Status Workspace::reloadFile(int fileIndex)
{
    WorkspaceFile &f = m_files.at(static_cast<size_t>(fileIndex));
    auto bytes = Io::readFile(QDir(m_root).filePath(f.relPath), m_options.maxFileBytes);
    if (!bytes)
        return bytes.error();
    f.onDisk = *bytes;
    f.isNew = false;
    parseInto(f, *bytes);
    rebuild();
    return {};
}

QByteArray Workspace::serialize(int fileIndex) const
{
    const WorkspaceFile &f = m_files.at(static_cast<size_t>(fileIndex));
    QByteArray out;
    if (f.hadBom)
        out += "\xEF\xBB\xBF";
    bool wroteDocument = false;
    for (const WorkspaceDocument &d : f.documents) {
        if (d.removed)
            continue;
        if (!d.modified && !d.added) {
            out += f.original.mid(static_cast<qsizetype>(d.parsed.begin),
                                  static_cast<qsizetype>(d.parsed.end - d.parsed.begin));
            wroteDocument = wroteDocument || !d.parsed.empty;
            continue;
        }
        if (!out.isEmpty() && !out.endsWith('\n'))
            out += '\n';
        QByteArray prefix;
        if (d.modified) {
            // Keep the comments (and `---`) that led into the document.
            prefix = f.original.mid(static_cast<qsizetype>(d.parsed.begin),
                                    static_cast<qsizetype>(d.parsed.contentBegin - d.parsed.begin));
            const qsizetype markerLine = prefix.lastIndexOf("\n---");
            if (prefix.startsWith("---") && markerLine < 0 && prefix.indexOf('\n') < 0
                && prefix.size() > 3)
                prefix = "---\n";
        }
        if (prefix.isEmpty() && wroteDocument)
            prefix = "---\n";
        if (!prefix.isEmpty() && !prefix.endsWith('\n'))
            prefix += '\n';
        // A form edit changes only the entries it touched: comments, blank lines, key order
        // and every other value keep their bytes.
        if (d.modified && d.parsed.root && d.root && !d.parsed.failed) {
            const std::string_view text(f.original.constData(),
                                        static_cast<size_t>(f.original.size()));
            if (const auto patched = Yaml::patchDocumentText(
                    text, d.parsed.contentBegin, d.parsed.end, *d.parsed.root, *d.root)) {
                out += prefix;
                out += QByteArray::fromStdString(*patched);
                wroteDocument = true;
                continue;
            }
        }
        out += prefix;
        if (d.root)
            out += QByteArray::fromStdString(Yaml::emitDocument(*d.root));
        wroteDocument = true;
    }
    return out;
}

bool Workspace::isModified() const
{
    return std::any_of(m_files.begin(), m_files.end(),
                       [](const WorkspaceFile &f) { return f.isModified(); });
}

Status Workspace::saveFile(int fileIndex)
{
    WorkspaceFile &f = m_files.at(static_cast<size_t>(fileIndex));
    if (!f.isModified())
        return {};
    const QByteArray bytes = serialize(fileIndex);
    const Status st = Io::writeFileAtomically(QDir(m_root).filePath(f.relPath), bytes);
    if (!st)
        return st;
    parseInto(f, bytes);
    f.onDisk = bytes;
    f.isNew = false;
    return {};
}

Status Workspace::save()
{
    for (int i = 0; i < static_cast<int>(m_files.size()); ++i) {
        const Status st = saveFile(i);
        if (!st)
            return st;
    }
    rebuild();
    return {};
}

} // namespace Airgate
