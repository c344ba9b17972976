// SPDX-License-Identifier: Apache-2.0
#include "workspacemodel.h"

#include "consoletr.h"
#include "io/atomicfile.h"
#include "plainmessages.h"
#include "references.h"
#include "services/editjournal.h"
#include "yaml/nodepath.h"
#include "yaml/yamlemitter.h"
#include "yaml/yamlparser.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace Airgate::Console {

/** @brief One undoable step: the text of one or more files before and after. */
class TextEditCommand final : public QUndoCommand
{
public:
    TextEditCommand(WorkspaceModel *model, QList<WorkspaceModel::FileText> changes,
                    const QString &label, const QString &mergeKey)
        : QUndoCommand(label)
        , m_model(model)
        , m_changes(std::move(changes))
        , m_mergeKey(mergeKey)
    {
        m_time.start();
    }

    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const TextEditCommand *>(other);
        if (o->m_mergeKey != m_mergeKey || m_time.elapsed() > WorkspaceModel::kMergeWindowMs
            || o->m_changes.size() != 1 || m_changes.size() != 1
            || o->m_changes[0].relPath != m_changes[0].relPath)
            return false;
        m_changes[0].after = o->m_changes[0].after;
        m_time.start();
        return true;
    }

    void redo() override
    {
        QList<QPair<QString, QByteArray>> texts;
        for (const auto &c : m_changes)
            texts.append({c.relPath, c.after});
        m_model->applyTexts(texts);
    }

    void undo() override
    {
        QList<QPair<QString, QByteArray>> texts;
        for (const auto &c : m_changes)
            texts.append({c.relPath, c.before});
        m_model->applyTexts(texts);
    }

private:
    WorkspaceModel *m_model;
    QList<WorkspaceModel::FileText> m_changes;
    QString m_mergeKey;
    QElapsedTimer m_time;
};

WorkspaceModel::WorkspaceModel(QObject *parent)
    : QObject(parent)
{
    m_validation.offline = true; // an offline workbench: the offline rules always apply
    m_diskDebounce.setSingleShot(true);
    m_diskDebounce.setInterval(300);
    connect(&m_diskDebounce, &QTimer::timeout, this, &WorkspaceModel::onDiskChanged);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_diskDebounce.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            [this] { m_diskDebounce.start(); });
    connect(&m_undo, &QUndoStack::indexChanged, this, [this] {
        const bool d = isDirty();
        if (d != m_lastDirty) {
            m_lastDirty = d;
            emit dirtyChanged(d);
        }
    });
}

WorkspaceModel::~WorkspaceModel() = default;

Status WorkspaceModel::open(const QString &dir)
{
    auto ws = Workspace::load(dir);
    if (!ws)
        return ws.error();
    m_ws = std::make_unique<Workspace>(std::move(ws).value());
    m_undo.clear();
    m_base.clear();
    m_journal = std::make_unique<EditJournal>(m_ws->root());
    m_lastDirty = false;
    loadSettingsFromDisk();
    watch();
    revalidate();
    emit workspaceOpened();
    emit changed();
    emit dirtyChanged(false);
    return {};
}

void WorkspaceModel::openFiles(const QString &root, const QList<QPair<QString, QByteArray>> &files)
{
    m_ws = std::make_unique<Workspace>(Workspace::fromFiles(root, files));
    m_undo.clear();
    m_journal.reset();
    m_settingsText.clear();
    m_settingsDisk.clear();
    m_lastDirty = false;
    revalidate();
    emit workspaceOpened();
    emit changed();
}

QString WorkspaceModel::root() const
{
    return m_ws ? m_ws->root() : QString();
}

QString WorkspaceModel::keyOf(const Resource &r)
{
    return resourceKey(r.kind, r.ns, r.name)
        + (r.kind == Kind::Unknown ? u'|' + r.apiVersion + u'/' + r.kindName : QString());
}

const Resource *WorkspaceModel::resource(const QString &key) const
{
    if (!m_ws)
        return nullptr;
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd() || *it >= static_cast<int>(m_ws->resources().size()))
        return nullptr;
    return &m_ws->resources()[static_cast<size_t>(*it)];
}

QStringList WorkspaceModel::resourceKeys() const
{
    QStringList out;
    if (m_ws)
        for (const Resource &r : m_ws->resources())
            out << keyOf(r);
    return out;
}

void WorkspaceModel::revalidate()
{
    // Every change of the workspace passes here: re-index its resources by key.
    m_index.clear();
    if (m_ws) {
        m_index.reserve(static_cast<qsizetype>(m_ws->resources().size()));
        int i = 0;
        for (const Resource &r : m_ws->resources())
            m_index.insert(keyOf(r), i++);
    }
    QElapsedTimer t;
    t.start();
    // As the API server words them, but no CEL evaluation jargon about a value being typed.
    m_diagnostics = plainMessages(Validator::validate(*m_ws, m_validation));
    if (settingsDirty()) {
        // airgate.yaml as edited here, not as on disk: its problems point at the typed lines.
        m_diagnostics.removeIf([](const Diagnostic &d) {
            return d.file == kSettingsFile && d.rule == QLatin1StringView("settings");
        });
        const bool none = m_settingsText.isEmpty()
            && !QFileInfo::exists(QDir(m_ws->root()).filePath(kSettingsFile));
        if (!none)
            (void)LocalSettings::parse(m_settingsText, m_ws->root(), m_diagnostics);
    }
    m_diagnosticsByKey.clear();
    QHash<QString, QString> byLocation; // "file|kind|ns|name" → key
    for (const Resource &r : m_ws->resources())
        byLocation.insert(r.source.file + u'|' + r.kindName + u'|' + r.ns + u'|' + r.name,
                          keyOf(r));
    for (int i = 0; i < m_diagnostics.size(); ++i) {
        const Diagnostic &d = m_diagnostics[i];
        const QString key = d.file == kSettingsFile && d.kind.isEmpty()
            ? kSettingsKey
            : byLocation.value(d.file + u'|' + d.kind + u'|' + d.ns + u'|' + d.name);
        if (!key.isEmpty())
            m_diagnosticsByKey[key] << i;
    }
    m_lastValidationMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    emit diagnosticsChanged();
}

Diagnostics WorkspaceModel::diagnosticsFor(const QString &key) const
{
    Diagnostics out;
    for (int i : m_diagnosticsByKey.value(key))
        out << m_diagnostics[i];
    return out;
}

int WorkspaceModel::errorCount(const QString &key) const
{
    int n = 0;
    for (int i : m_diagnosticsByKey.value(key))
        n += m_diagnostics[i].severity == Diagnostic::Severity::Error;
    return n;
}

int WorkspaceModel::warningCount(const QString &key) const
{
    int n = 0;
    for (int i : m_diagnosticsByKey.value(key))
        n += m_diagnostics[i].severity == Diagnostic::Severity::Warning;
    return n;
}

QVariant WorkspaceModel::value(const QString &key, const QString &path) const
{
    const Resource *r = resource(key);
    const Yaml::Node *n = r ? Yaml::Path::get(r->node.get(), path) : nullptr;
    if (!n || n->kind != Yaml::NodeKind::Scalar)
        return {};
    switch (n->scalarType) {
    case Yaml::ScalarType::Bool:
        return n->asBool().value_or(false);
    case Yaml::ScalarType::Int:
        if (auto i = n->asInt())
            return static_cast<qint64>(*i);
        return QString::fromStdString(n->value);
    case Yaml::ScalarType::Float:
        return n->asDouble().value_or(0);
    default:
        return QString::fromStdString(n->value);
    }
}

bool WorkspaceModel::has(const QString &key, const QString &path) const
{
    const Resource *r = resource(key);
    return r && Yaml::Path::get(r->node.get(), path) != nullptr;
}

int WorkspaceModel::count(const QString &key, const QString &path) const
{
    const Resource *r = resource(key);
    const Yaml::Node *n = r ? Yaml::Path::get(r->node.get(), path) : nullptr;
    if (!n)
        return 0;
    return static_cast<int>(n->isSequence() ? n->items.size() : n->entries.size());
}

QStringList WorkspaceModel::mapKeys(const QString &key, const QString &path) const
{
    QStringList out;
    const Resource *r = resource(key);
    const Yaml::Node *n = r ? Yaml::Path::get(r->node.get(), path) : nullptr;
    if (n && n->isMap())
        for (const auto &e : n->entries)
            out << QString::fromStdString(e.key);
    return out;
}

QString WorkspaceModel::yaml(const QString &key) const
{
    if (isSettings(key))
        return QString::fromUtf8(m_settingsText);
    const Resource *r = resource(key);
    if (!r)
        return {};
    const WorkspaceFile &f = m_ws->files()[static_cast<size_t>(r->fileIndex)];
    const WorkspaceDocument &d = f.documents[static_cast<size_t>(r->documentIndex)];
    if (r->source.item < 0 && !d.modified && !d.added)
        return QString::fromUtf8(
            f.original.mid(static_cast<qsizetype>(d.parsed.contentBegin),
                           static_cast<qsizetype>(d.parsed.end - d.parsed.contentBegin)));
    return QString::fromStdString(Yaml::emitDocument(*r->node));
}

int WorkspaceModel::yamlFirstLine(const QString &key) const
{
    if (isSettings(key))
        return 1;
    const Resource *r = resource(key);
    if (!r)
        return 1;
    if (r->source.item < 0)
        return m_ws->files()[static_cast<size_t>(r->fileIndex)]
            .documents[static_cast<size_t>(r->documentIndex)]
            .parsed.contentLine;
    return r->source.mark.line;
}

namespace {
void shapeOf(const Yaml::Node *n, const QString &path, QString &out)
{
    if (!n)
        return;
    if (n->isMap()) {
        out += path + u'{';
        for (const auto &e : n->entries)
            shapeOf(e.value.get(), path + u'.' + QString::fromStdString(e.key), out);
    } else if (n->isSequence()) {
        out += path + u'=' + QString::number(n->items.size()) + u';';
        for (size_t i = 0; i < n->items.size(); ++i)
            shapeOf(n->items[i].get(), path + u'[' + QString::number(i) + u']', out);
    }
}
} // namespace

QString WorkspaceModel::shape(const QString &key) const
{
    QString out;
    if (const Resource *r = resource(key))
        shapeOf(r->node.get(), QString(), out);
    return out;
}

QStringList WorkspaceModel::names(Kind kind, const QString &ns) const
{
    QStringList out;
    if (m_ws)
        for (const Resource *r : m_ws->ofKind(kind, ns))
            out << r->name;
    out.sort();
    out.removeDuplicates();
    return out;
}

QStringList WorkspaceModel::dependents(const QString &key) const
{
    const Resource *target = resource(key);
    QStringList out;
    if (!target)
        return out;
    for (const ReferenceSite &s : referenceSites(*m_ws))
        if (s.kind == target->kind && s.ns == target->ns && s.name == target->name
            && !out.contains(keyOf(*s.from)))
            out << keyOf(*s.from);
    return out;
}

int WorkspaceModel::fileIndex(const QString &relPath) const
{
    return m_ws ? m_ws->fileIndex(relPath) : -1;
}

// ------------------------------------------------------------------ editing

QByteArray WorkspaceModel::textWithResource(const Resource &r, const Yaml::NodePtr &node)
{
    // Edit a copy and serialize it: the model's workspace only changes through applyTexts().
    Workspace copy = *m_ws;
    copy.replaceResource(r, node);
    return copy.serialize(r.fileIndex);
}

void WorkspaceModel::commit(QList<FileText> changes, const QString &label, const QString &mergeKey)
{
    changes.removeIf([](const FileText &c) { return c.before == c.after; });
    if (changes.isEmpty())
        return;
    m_undo.push(new TextEditCommand(this, std::move(changes), label, mergeKey));
}

void WorkspaceModel::applyTexts(const QList<QPair<QString, QByteArray>> &texts)
{
    for (const auto &t : texts) {
        if (t.first == kSettingsFile) {
            m_settingsText = t.second; // validated from this text (see revalidate())
            continue;
        }
        int fi = fileIndex(t.first);
        if (fi >= 0 && t.second.isEmpty() && m_ws->files()[static_cast<size_t>(fi)].isNew) {
            m_ws->removeFile(fi); // undoing the creation of a file
            continue;
        }
        if (fi < 0)
            fi = m_ws->addFile(t.first);
        m_ws->setFileText(fi, t.second);
    }
    afterChange();
}

void WorkspaceModel::afterChange()
{
    revalidate();
    if (m_journal) {
        QList<QPair<QString, QByteArray>> dirty;
        for (const WorkspaceFile &f : m_ws->files())
            if (f.isModified())
                dirty.append({f.relPath, m_ws->serialize(m_ws->fileIndex(f.relPath))});
        if (settingsDirty())
            dirty.append({kSettingsFile, m_settingsText});
        m_journal->record(dirty);
    }
    emit changed();
    const bool d = isDirty();
    if (d != m_lastDirty) {
        m_lastDirty = d;
        emit dirtyChanged(d);
    }
}

void WorkspaceModel::editNode(const QString &key,
                              const std::function<Yaml::NodePtr(const Yaml::NodePtr &)> &fn,
                              const QString &label, const QString &mergeKey)
{
    const Resource *r = resource(key);
    if (!r)
        return;
    const QString oldName = r->name;
    const QString rel = r->source.file;
    const QByteArray before = m_ws->serialize(r->fileIndex);
    const Yaml::NodePtr node = fn(r->node);
    const QByteArray after = textWithResource(*r, node);
    const Resource copyOfIdentity = *r;
    commit({FileText {rel, before, after}}, label, mergeKey);
    // metadata.name or kind edits change the resource's key: tell the views which one it became.
    for (const Resource &n : m_ws->resources()) {
        if (n.source.file == rel && n.documentIndex == copyOfIdentity.documentIndex
            && n.source.item == copyOfIdentity.source.item) {
            const QString newKey = keyOf(n);
            if (newKey != key)
                emit resourceRenamed(key, newKey);
            break;
        }
    }
    Q_UNUSED(oldName);
}

void WorkspaceModel::setValue(const QString &key, const QString &path, const QVariant &value)
{
    commitPendingEdits();
    if (!value.isValid() || (value.typeId() == QMetaType::QString && value.toString().isNull())) {
        removeField(key, path);
        return;
    }
    Yaml::NodePtr node;
    switch (value.typeId()) {
    case QMetaType::Bool:
        node = Yaml::Node::makeBool(value.toBool());
        break;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        node = Yaml::Node::makeInt(value.toLongLong());
        break;
    default:
        node = Yaml::Node::makeString(value.toString().toStdString());
    }
    editNode(
        key, [&](const Yaml::NodePtr &root) { return Yaml::Path::set(root, path, node); },
        Tr::tr("Edit %1").arg(path), key + u'#' + path);
}

void WorkspaceModel::setNode(const QString &key, const QString &path, Yaml::NodePtr node,
                             const QString &label)
{
    commitPendingEdits();
    editNode(
        key, [&](const Yaml::NodePtr &root) { return Yaml::Path::set(root, path, node); }, label);
}

void WorkspaceModel::removeField(const QString &key, const QString &path)
{
    commitPendingEdits();
    editNode(
        key, [&](const Yaml::NodePtr &root) { return Yaml::Path::remove(root, path); },
        Tr::tr("Remove %1").arg(path));
}

void WorkspaceModel::appendItem(const QString &key, const QString &path, Yaml::NodePtr item)
{
    commitPendingEdits();
    editNode(
        key, [&](const Yaml::NodePtr &root) { return Yaml::Path::insertItem(root, path, item); },
        Tr::tr("Add to %1").arg(path));
}

void WorkspaceModel::removeItem(const QString &key, const QString &listPath, int index)
{
    commitPendingEdits();
    editNode(
        key,
        [&](const Yaml::NodePtr &root) {
            return Yaml::Path::remove(root, listPath + QStringLiteral("[%1]").arg(index));
        },
        Tr::tr("Remove %1[%2]").arg(listPath).arg(index));
}

void WorkspaceModel::moveItem(const QString &key, const QString &listPath, int from, int to)
{
    commitPendingEdits();
    editNode(
        key,
        [&](const Yaml::NodePtr &root) { return Yaml::Path::moveItem(root, listPath, from, to); },
        Tr::tr("Move %1[%2]").arg(listPath).arg(from));
}

void WorkspaceModel::setMapEntry(const QString &key, const QString &mapPath, const QString &entry,
                                 const QString &value)
{
    commitPendingEdits();
    editNode(
        key,
        [&](const Yaml::NodePtr &root) {
            return Yaml::Path::set(root, mapPath + u'[' + entry + u']',
                                   Yaml::Node::makeString(value.toStdString()));
        },
        Tr::tr("Edit %1[%2]").arg(mapPath, entry), key + u'#' + mapPath + u'[' + entry + u']');
}

void WorkspaceModel::renameMapEntry(const QString &key, const QString &mapPath, const QString &from,
                                    const QString &to)
{
    commitPendingEdits();
    editNode(
        key,
        [&](const Yaml::NodePtr &root) { return Yaml::Path::renameKey(root, mapPath, from, to); },
        Tr::tr("Rename %1[%2]").arg(mapPath, from));
}

void WorkspaceModel::removeMapEntry(const QString &key, const QString &mapPath,
                                    const QString &entry)
{
    commitPendingEdits();
    editNode(
        key,
        [&](const Yaml::NodePtr &root) {
            return Yaml::Path::remove(root, mapPath + u'[' + entry + u']');
        },
        Tr::tr("Remove %1[%2]").arg(mapPath, entry));
}

QString WorkspaceModel::setYaml(const QString &key, const QString &yaml)
{
    if (isSettings(key)) {
        // Always taken: what does not parse is a diagnostic at its line, like every other
        // problem of airgate.yaml.
        setSettingsText(yaml.toUtf8(), QStringLiteral("#settings-yaml"));
        return {};
    }
    commitPendingEdits();
    std::vector<Yaml::Problem> problems;
    const QByteArray bytes = yaml.toUtf8();
    Yaml::NodePtr node = Yaml::parseSingleDocument(
        std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())), problems);
    for (const Yaml::Problem &p : problems)
        if (p.severity == Yaml::Problem::Severity::Error)
            return Tr::tr("line %1, column %2: %3")
                .arg(p.mark.line)
                .arg(p.mark.column)
                .arg(QString::fromStdString(p.message));
    if (!node || !node->isMap())
        return Tr::tr("a resource must be a YAML mapping with apiVersion and kind");
    const Resource *r = resource(key);
    if (!r)
        return Tr::tr("the resource no longer exists");
    if (r->source.item < 0) {
        // Replace the document's text as typed, so the user's formatting and comments stay.
        const WorkspaceFile &f = m_ws->files()[static_cast<size_t>(r->fileIndex)];
        const WorkspaceDocument &d = f.documents[static_cast<size_t>(r->documentIndex)];
        const QByteArray before = m_ws->serialize(r->fileIndex);
        Workspace copy = *m_ws;
        copy.setDocumentRoot(r->fileIndex, r->documentIndex, node);
        QByteArray after = copy.serialize(r->fileIndex);
        if (!d.modified && !d.added) {
            QByteArray text = bytes;
            if (!text.endsWith('\n'))
                text += '\n';
            const QByteArray prefix
                = f.original.left(static_cast<qsizetype>(d.parsed.contentBegin));
            const QByteArray suffix = f.original.mid(static_cast<qsizetype>(d.parsed.end));
            after = prefix + text + suffix;
        }
        const QString rel = r->source.file;
        commit({FileText {rel, before, after}}, Tr::tr("Edit YAML of %1").arg(r->displayName()),
               QString());
        return {};
    }
    editNode(
        key, [&](const Yaml::NodePtr &) { return node; },
        Tr::tr("Edit YAML of %1").arg(r->displayName()));
    return {};
}

QByteArray WorkspaceModel::fileText(const QString &relPath) const
{
    if (relPath == kSettingsFile)
        return m_settingsText;
    const int fi = fileIndex(relPath);
    return fi >= 0 ? m_ws->serialize(fi) : QByteArray();
}

void WorkspaceModel::setSettingsText(const QByteArray &text, const QString &mergeKey)
{
    if (!m_ws)
        return;
    commit({FileText {kSettingsFile, m_settingsText, text}}, Tr::tr("Edit %1").arg(kSettingsFile),
           mergeKey);
}

void WorkspaceModel::setFileText(const QString &relPath, const QByteArray &text)
{
    commitPendingEdits();
    if (relPath == kSettingsFile) {
        setSettingsText(text);
        return;
    }
    const int fi = fileIndex(relPath);
    if (fi < 0)
        return;
    commit({FileText {relPath, m_ws->serialize(fi), text}}, Tr::tr("Edit %1").arg(relPath),
           QString());
}

QString WorkspaceModel::addResource(const QString &relFile, Yaml::NodePtr node)
{
    commitPendingEdits();
    const int fi = fileIndex(relFile);
    const QByteArray before = fi >= 0 ? m_ws->serialize(fi) : QByteArray();
    Workspace copy = *m_ws;
    const int cfi = copy.addDocument(relFile, node);
    const QByteArray after = copy.serialize(cfi);
    commit({FileText {relFile, before, after}},
           Tr::tr("Add %1").arg(QString::fromStdString(node->scalarAt("kind").value_or(""))),
           QString());
    const Yaml::Node *meta = node->get("metadata");
    const QString kind = QString::fromStdString(node->scalarAt("kind").value_or(""));
    const QString apiVersion = QString::fromStdString(node->scalarAt("apiVersion").value_or(""));
    return resourceKey(
        kindFromManifest(apiVersion, kind),
        meta ? QString::fromStdString(meta->scalarAt("namespace").value_or("")) : QString(),
        meta ? QString::fromStdString(meta->scalarAt("name").value_or("")) : QString());
}

void WorkspaceModel::removeResource(const QString &key)
{
    commitPendingEdits();
    const Resource *r = resource(key);
    if (!r)
        return;
    const QByteArray before = m_ws->serialize(r->fileIndex);
    Workspace copy = *m_ws;
    if (r->source.item >= 0) {
        const Yaml::NodePtr root = m_ws->files()[static_cast<size_t>(r->fileIndex)]
                                       .documents[static_cast<size_t>(r->documentIndex)]
                                       .root;
        copy.setDocumentRoot(
            r->fileIndex, r->documentIndex,
            Yaml::Path::remove(root, QStringLiteral("items[%1]").arg(r->source.item)));
    } else {
        copy.removeDocument(r->fileIndex, r->documentIndex);
    }
    commit({FileText {r->source.file, before, copy.serialize(r->fileIndex)}},
           Tr::tr("Delete %1").arg(r->displayName()), QString());
}

QString WorkspaceModel::renameResource(const QString &key, const QString &newName,
                                       const QString &previousName)
{
    commitPendingEdits();
    const Resource *target = resource(key);
    if (!target || newName.isEmpty() || newName == target->name)
        return key;
    const Kind kind = target->kind;
    const QString ns = target->ns;
    const QString oldName = previousName.isEmpty() ? target->name : previousName;
    // Collect every edit first, then apply them as one step over all files.
    Workspace copy = *m_ws;
    QMap<QString, QByteArray> before;
    auto remember = [&](const Resource &r) {
        if (!before.contains(r.source.file))
            before.insert(r.source.file, m_ws->serialize(r.fileIndex));
    };
    struct Edit
    {
        QString key;
        QString path;
        QString value;
    };
    QList<Edit> edits;
    for (const ReferenceSite &s : referenceSites(*m_ws)) {
        if (s.kind != kind || s.ns != ns || s.name != oldName)
            continue;
        remember(*s.from);
        QString value = newName;
        if (s.annotation) {
            const QString raw
                = s.from->annotations.value(s.field.mid(s.field.indexOf(u'[') + 1).chopped(1));
            value = raw.contains(u'@') ? newName + u'@' + raw.section(u'@', 1) : newName;
        }
        edits << Edit {keyOf(*s.from), s.field, value};
    }
    remember(*target);
    edits << Edit {key, QStringLiteral("metadata.name"), newName};
    for (const Edit &e : edits) {
        const Resource *r = nullptr;
        for (const Resource &c : copy.resources())
            if (keyOf(c) == e.key)
                r = &c;
        if (!r)
            continue;
        const Yaml::NodePtr node
            = Yaml::Path::set(r->node, e.path, Yaml::Node::makeString(e.value.toStdString()));
        copy.replaceResource(*r, node);
        copy.setFileText(r->fileIndex, copy.serialize(r->fileIndex));
    }
    QList<FileText> changes;
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        changes << FileText {it.key(), it.value(), copy.serialize(copy.fileIndex(it.key()))};
    commit(changes, Tr::tr("Rename %1 to %2").arg(oldName, newName), QString());
    const QString newKey = resourceKey(kind, ns, newName);
    emit resourceRenamed(key, newKey);
    return newKey;
}

// ------------------------------------------------------------------ files

bool WorkspaceModel::isDirty() const
{
    return m_ws && (m_ws->isModified() || settingsDirty());
}

QStringList WorkspaceModel::dirtyFiles() const
{
    QStringList out;
    if (m_ws)
        for (const WorkspaceFile &f : m_ws->files())
            if (f.isModified())
                out << f.relPath;
    if (m_ws && settingsDirty())
        out << kSettingsFile;
    return out;
}

bool WorkspaceModel::isDirty(const QString &resourceKey) const
{
    if (isSettings(resourceKey))
        return settingsDirty();
    const Resource *r = resource(resourceKey);
    return r && m_ws->files()[static_cast<size_t>(r->fileIndex)].isModified();
}

void WorkspaceModel::commitPendingEdits()
{
    if (m_flushing)
        return;
    m_flushing = true;
    emit pendingEditsRequested();
    m_flushing = false;
}

QByteArray WorkspaceModel::baseBytes(const WorkspaceFile &f) const
{
    return m_base.value(f.relPath, f.onDisk);
}

QStringList WorkspaceModel::changedOnDisk(const QStringList &relPaths) const
{
    QStringList out;
    if (!m_ws)
        return out;
    for (const QString &rel : relPaths) {
        if (rel == kSettingsFile) {
            if (settingsOnDiskNow() != m_base.value(rel, m_settingsDisk))
                out << rel;
            continue;
        }
        const int fi = fileIndex(rel);
        if (fi < 0)
            continue;
        const WorkspaceFile &f = m_ws->files()[static_cast<size_t>(fi)];
        QFile file(QDir(m_ws->root()).filePath(rel));
        const bool exists = file.exists();
        if (f.isNew) {
            if (exists)
                out << rel; // someone else created it meanwhile
            continue;
        }
        const QByteArray now = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        if (!exists || now != baseBytes(f))
            out << rel;
    }
    return out;
}

Status WorkspaceModel::save()
{
    commitPendingEdits();
    m_watcher.blockSignals(true);
    Status st = m_ws->save();
    if (st && settingsDirty())
        st = writeSettings();
    m_watcher.blockSignals(false);
    if (st) {
        m_base.clear();
        if (m_journal)
            m_journal->clear();
    }
    afterChange();
    return st;
}

Status WorkspaceModel::saveFile(const QString &relPath)
{
    commitPendingEdits();
    if (relPath == kSettingsFile) {
        m_watcher.blockSignals(true);
        const Status st = settingsDirty() ? writeSettings() : Status();
        m_watcher.blockSignals(false);
        if (st)
            m_base.remove(relPath);
        afterChange();
        return st;
    }
    const int fi = fileIndex(relPath);
    if (fi < 0)
        return {};
    m_watcher.blockSignals(true);
    const Status st = m_ws->saveFile(fi);
    m_watcher.blockSignals(false);
    if (st)
        m_base.remove(relPath);
    afterChange();
    return st;
}

void WorkspaceModel::revertFile(const QString &relPath)
{
    commitPendingEdits();
    if (relPath == kSettingsFile) {
        commit({FileText {kSettingsFile, m_settingsText, m_settingsDisk}},
               Tr::tr("Revert %1").arg(relPath), QString());
        return;
    }
    const int fi = fileIndex(relPath);
    if (fi < 0)
        return;
    const WorkspaceFile &f = m_ws->files()[static_cast<size_t>(fi)];
    commit({FileText {relPath, m_ws->serialize(fi), f.onDisk}}, Tr::tr("Revert %1").arg(relPath),
           QString());
}

void WorkspaceModel::revertAll()
{
    commitPendingEdits();
    QList<FileText> changes;
    for (const WorkspaceFile &f : m_ws->files())
        if (f.isModified())
            changes << FileText {f.relPath, m_ws->serialize(m_ws->fileIndex(f.relPath)), f.onDisk};
    if (settingsDirty())
        changes << FileText {kSettingsFile, m_settingsText, m_settingsDisk};
    commit(changes, Tr::tr("Revert all"), QString());
}

void WorkspaceModel::watch()
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    QStringList paths {m_ws->root()};
    if (QFileInfo::exists(QDir(m_ws->root()).filePath(kSettingsFile)))
        paths << QDir(m_ws->root()).filePath(kSettingsFile);
    for (const WorkspaceFile &f : m_ws->files())
        paths << QDir(m_ws->root()).filePath(f.relPath);
    QDirIterator dirs(m_ws->root(), QDir::Dirs | QDir::NoDotAndDotDot,
                      QDirIterator::Subdirectories);
    while (dirs.hasNext()) {
        const QString d = dirs.next();
        if (!QDir(m_ws->root()).relativeFilePath(d).startsWith(u'.'))
            paths << d;
    }
    m_watcher.addPaths(paths);
}

void WorkspaceModel::onDiskChanged()
{
    if (!m_ws)
        return;
    QStringList changed;
    QStringList conflicting;
    for (const WorkspaceFile &f : m_ws->files()) {
        if (f.isNew)
            continue;
        QFile file(QDir(m_ws->root()).filePath(f.relPath));
        const QByteArray now = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        if (now == f.onDisk)
            continue;
        changed << f.relPath;
        if (f.isModified())
            conflicting << f.relPath;
    }
    // airgate.yaml: reloaded when it has no edits here, asked about when it has.
    if (settingsOnDiskNow() != m_settingsDisk) {
        changed << kSettingsFile;
        if (settingsDirty())
            conflicting << kSettingsFile;
    }
    // Files added on disk (git pull): reload the workspace when nothing is at stake.
    auto onDisk = Workspace::load(m_ws->root());
    bool newFiles = false;
    if (onDisk)
        for (const WorkspaceFile &f : onDisk->files())
            newFiles = newFiles || fileIndex(f.relPath) < 0;
    watch();
    if (changed.isEmpty() && !newFiles)
        return;
    if (conflicting.isEmpty()) {
        if (newFiles && !isDirty()) {
            m_ws = std::make_unique<Workspace>(std::move(onDisk).value());
            m_undo.clear();
            loadSettingsFromDisk();
            afterChange();
            emit externalChange(changed, false);
            return;
        }
        reloadFromDisk(changed);
        emit externalChange(changed, false);
        return;
    }
    emit externalChange(conflicting, true);
}

void WorkspaceModel::reloadFromDisk(const QStringList &relPaths)
{
    for (const QString &rel : relPaths) {
        if (rel == kSettingsFile) {
            loadSettingsFromDisk();
            m_base.remove(rel);
            continue;
        }
        const int fi = fileIndex(rel);
        if (fi < 0)
            continue;
        // A file deleted on disk takes its resources with it.
        if (!QFileInfo::exists(QDir(m_ws->root()).filePath(rel)))
            m_ws->removeFile(fi);
        else
            (void)m_ws->reloadFile(fi);
        m_base.remove(rel);
    }
    // Undo steps refer to text that is no longer on disk.
    m_undo.clear();
    afterChange();
}

void WorkspaceModel::keepMine(const QStringList &relPaths)
{
    // The disk bytes move on; the editor's text stays and is dirty against them.
    for (const QString &rel : relPaths) {
        if (rel == kSettingsFile) {
            if (!m_base.contains(rel))
                m_base.insert(rel, m_settingsDisk);
            m_settingsDisk = settingsOnDiskNow();
            continue;
        }
        const int fi = fileIndex(rel);
        if (fi < 0)
            continue;
        const QByteArray mine = m_ws->serialize(fi);
        // The edits were made on the bytes first loaded: a save over the outside change asks.
        if (!m_base.contains(rel))
            m_base.insert(rel, m_ws->files()[static_cast<size_t>(fi)].onDisk);
        (void)m_ws->reloadFile(fi);
        m_ws->setFileText(fi, mine);
    }
    afterChange();
}

bool WorkspaceModel::hasJournal() const
{
    return m_journal && m_journal->exists() && !m_journal->load().isEmpty();
}

QStringList WorkspaceModel::journalFiles() const
{
    QStringList out;
    if (m_journal)
        for (const auto &e : m_journal->load())
            out << e.first;
    return out;
}

QDateTime WorkspaceModel::journalTime() const
{
    return m_journal ? m_journal->time() : QDateTime();
}

QStringList WorkspaceModel::restoreJournal()
{
    commitPendingEdits();
    QStringList restored;
    if (!m_journal)
        return restored;
    QList<FileText> changes;
    for (const auto &e : m_journal->load()) {
        const int fi = fileIndex(e.first);
        const QByteArray current = e.first == kSettingsFile
            ? m_settingsText
            : (fi >= 0 ? m_ws->serialize(fi) : QByteArray());
        if (current == e.second)
            continue;
        changes << FileText {e.first, current, e.second};
        restored << e.first;
    }
    commit(changes, Tr::tr("Restore unsaved edits"), QString());
    return restored;
}

QByteArray WorkspaceModel::settingsOnDiskNow() const
{
    QFile f(QDir(m_ws->root()).filePath(kSettingsFile));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void WorkspaceModel::loadSettingsFromDisk()
{
    m_settingsDisk = settingsOnDiskNow();
    m_settingsText = m_settingsDisk;
    m_ws->reloadSettings();
}

Status WorkspaceModel::writeSettings()
{
    const Status st
        = Io::writeFileAtomically(QDir(m_ws->root()).filePath(kSettingsFile), m_settingsText);
    if (st) {
        m_settingsDisk = m_settingsText;
        m_ws->reloadSettings(); // what the gateway reads now
    }
    return st;
}

} // namespace Airgate::Console
