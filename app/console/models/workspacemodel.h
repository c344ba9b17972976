// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/workspace.h"
#include "validation/validator.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>
#include <QUndoStack>
#include <QVariant>

#include <memory>

namespace Airgate::Console {

class EditJournal;

/**
 * @brief The console's single source of truth: a core Workspace, its diagnostics, undo/redo,
 * dirty state, external-change detection and the autosave journal. Widgets edit through it with
 * field paths ("spec.apis[0].name") and never touch YAML, files or sockets themselves.
 *
 * Every edit becomes new file text (untouched documents keep their bytes) and is re-parsed, so
 * marks and diagnostics always point at the lines a save would write.
 */
class WorkspaceModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceModel)

public:
    explicit WorkspaceModel(QObject *parent = nullptr);
    ~WorkspaceModel() override;

    /** Opens a workspace folder (undo history and journal start afresh). */
    Status open(const QString &dir);
    /** An in-memory workspace (tests, benchmarks): nothing is watched or saved to a journal. */
    void openFiles(const QString &root, const QList<QPair<QString, QByteArray>> &files);
    bool isOpen() const { return m_ws != nullptr; }
    QString root() const;
    const Workspace &workspace() const { return *m_ws; }
    QUndoStack *undoStack() { return &m_undo; }

    // ---- local settings: airgate.yaml is edited like a file, with its own tree entry
    /// The tree's and editors' key for airgate.yaml (it is not a resource).
    static inline const QString kSettingsKey = QStringLiteral("#settings");
    static inline const QString kSettingsFile = QStringLiteral("airgate.yaml");
    static bool isSettings(const QString &key) { return key == kSettingsKey; }
    /** airgate.yaml as edited (what a save writes); empty when the workspace has none. */
    const QByteArray &settingsText() const { return m_settingsText; }
    /** Replaces airgate.yaml's text (one undo step; consecutive calls with the same
     * @p mergeKey within kMergeWindowMs merge). Its problems are diagnostics at once. */
    void setSettingsText(const QByteArray &text, const QString &mergeKey = {});

    // ---- reading
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    Diagnostics diagnosticsFor(const QString &resourceKey) const;
    int errorCount(const QString &resourceKey) const;
    int warningCount(const QString &resourceKey) const;
    const Resource *resource(const QString &key) const;
    QStringList resourceKeys() const;
    /** "Kind|namespace|name" of a resource. */
    static QString keyOf(const Resource &r);
    /** A scalar value at @p path: QString, qint64, double, bool, or invalid when absent or null. */
    QVariant value(const QString &key, const QString &path) const;
    bool has(const QString &key, const QString &path) const;
    int count(const QString &key, const QString &path) const;
    QStringList mapKeys(const QString &key, const QString &path) const;
    /** The resource as YAML: its document's exact text when unchanged, kubectl style otherwise. */
    QString yaml(const QString &key) const;
    /** The 1-based file line where the resource's YAML text starts. */
    int yamlFirstLine(const QString &key) const;
    /** The shape of a resource (lists with their lengths, maps present): forms rebuild when it
     * changes. */
    QString shape(const QString &key) const;
    /** Names of resources of @p kind in @p ns, sorted (for pick-lists). */
    QStringList names(Kind kind, const QString &ns) const;
    /** Keys of the resources that reference @p key (rename and delete warn about them). */
    QStringList dependents(const QString &key) const;

    // ---- editing (every call is one undoable step; consecutive typing in one field merges)
    /** Sets a scalar: a QString is a string, qint64/int an integer, bool a boolean; invalid removes
     * the field. */
    void setValue(const QString &key, const QString &path, const QVariant &value);
    void setNode(const QString &key, const QString &path, Yaml::NodePtr node, const QString &label);
    void removeField(const QString &key, const QString &path);
    void appendItem(const QString &key, const QString &path, Yaml::NodePtr item);
    void removeItem(const QString &key, const QString &listPath, int index);
    void moveItem(const QString &key, const QString &listPath, int from, int to);
    void setMapEntry(const QString &key, const QString &mapPath, const QString &entry,
                     const QString &value);
    void renameMapEntry(const QString &key, const QString &mapPath, const QString &from,
                        const QString &to);
    void removeMapEntry(const QString &key, const QString &mapPath, const QString &entry);
    /** Replaces the resource with YAML text from the YAML view; @return an error (with line) or
     * empty. */
    QString setYaml(const QString &key, const QString &yaml);
    /** The current text of a workspace file (what a save would write). */
    QByteArray fileText(const QString &relPath) const;
    /** Replaces a whole file's text (fixing a file that does not parse); one undo step. */
    void setFileText(const QString &relPath, const QByteArray &text);
    /** Adds a resource to @p relFile (created when new); @return its key. */
    QString addResource(const QString &relFile, Yaml::NodePtr node);
    void removeResource(const QString &key);
    /** Renames a resource and updates every reference to it; @return its new key. References
     * to @p previousName are updated instead when given (a name the user cleared, then retyped). */
    QString renameResource(const QString &key, const QString &newName,
                           const QString &previousName = {});

    /** Groups the edits until endCompound() into one undo step (nesting allowed). */
    void beginCompound(const QString &label) { m_undo.beginMacro(label); }
    void endCompound() { m_undo.endMacro(); }

    /**
     * Asks every editor to apply what it holds but has not applied yet (the YAML view's text
     * waiting for its apply delay, a form field being typed). Called before every edit, save,
     * export, gateway reload and close, so nothing typed is left behind.
     */
    void commitPendingEdits();

    // ---- files
    bool isDirty() const;
    QStringList dirtyFiles() const;
    bool isDirty(const QString &resourceKey) const;
    Status save();
    Status saveFile(const QString &relPath);
    void revertFile(const QString &relPath);
    void revertAll();
    /** Reloads files changed on disk (the "reload" answer to an external change). */
    void reloadFromDisk(const QStringList &relPaths);
    /** Keeps the editor's text for files changed on disk (the "keep" answer): they stay dirty,
     * and a later save of them asks again (see changedOnDisk()). */
    void keepMine(const QStringList &relPaths);
    /** Of @p relPaths, those whose bytes on disk differ from the ones the edits were made on
     * (changed by someone else since they were loaded or last saved here). */
    QStringList changedOnDisk(const QStringList &relPaths) const;

    /** Restores the journal of an earlier session that ended without saving; @return files
     * restored. */
    QStringList restoreJournal();
    bool hasJournal() const;
    QDateTime journalTime() const;
    /** The files the journal holds unsaved edits of. */
    QStringList journalFiles() const;

    ValidationOptions &validationOptions() { return m_validation; }
    /** Time the last validation took, in milliseconds (for the status bar and the benchmark). */
    double lastValidationMs() const { return m_lastValidationMs; }

    /// Consecutive edits of one field within this time are one undo step.
    static constexpr int kMergeWindowMs = 1500;

signals:
    void changed();
    void diagnosticsChanged();
    void dirtyChanged(bool dirty);
    void resourceRenamed(const QString &oldKey, const QString &newKey);
    void externalChange(const QStringList &relPaths, bool conflicting);
    /** Editors apply what they hold now (see commitPendingEdits()); connect directly. */
    void pendingEditsRequested();
    void workspaceOpened();

private:
    friend class TextEditCommand;
    struct FileText
    {
        QString relPath;
        QByteArray before;
        QByteArray after;
    };
    /** Applies @p changes as one undoable step (or merges it into the previous one). */
    void commit(QList<FileText> changes, const QString &label, const QString &mergeKey);
    void applyTexts(const QList<QPair<QString, QByteArray>> &texts);
    void afterChange();
    void revalidate();
    QByteArray textWithResource(const Resource &r, const Yaml::NodePtr &node);
    void editNode(const QString &key, const std::function<Yaml::NodePtr(const Yaml::NodePtr &)> &fn,
                  const QString &label, const QString &mergeKey = {});
    void watch();
    void onDiskChanged();
    int fileIndex(const QString &relPath) const;
    /** The bytes the edits of @p relPath were made on. */
    QByteArray baseBytes(const WorkspaceFile &f) const;

    std::unique_ptr<Workspace> m_ws;
    QUndoStack m_undo;
    Diagnostics m_diagnostics;
    QHash<QString, QList<int>> m_diagnosticsByKey;
    QHash<QString, int> m_index; ///< resource key → index in the workspace's resources
    ValidationOptions m_validation;
    QFileSystemWatcher m_watcher;
    QTimer m_diskDebounce;
    std::unique_ptr<EditJournal> m_journal;
    bool m_lastDirty = false;
    bool m_flushing = false;
    /** Reads airgate.yaml's bytes from disk into the settings text (no undo step). */
    void loadSettingsFromDisk();
    bool settingsDirty() const { return m_settingsText != m_settingsDisk; }
    Status writeSettings();
    QByteArray settingsOnDiskNow() const;

    QByteArray m_settingsText; ///< airgate.yaml as edited
    QByteArray m_settingsDisk; ///< airgate.yaml's bytes at the last load or save
    /// Files kept over an outside change: the disk bytes their edits were made on.
    QHash<QString, QByteArray> m_base;
    double m_lastValidationMs = 0;
};

} // namespace Airgate::Console
