// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resource.h"
#include "settings/localsettings.h"
#include "util/result.h"
#include "validation/diagnostic.h"
#include "yaml/yamlparser.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>
#include <functional>
#include <vector>

namespace Airgate {

/** @brief One document slot of a file: its parsed original and its current tree. */
struct WorkspaceDocument
{
    Yaml::Document parsed; ///< as read from disk (byte range, marks, problems)
    Yaml::NodePtr root; ///< current tree; equals parsed.root until edited
    bool modified = false;
    bool removed = false;
    bool added = false;
};

/** @brief One manifest file: the bytes read from disk and its documents. */
struct WorkspaceFile
{
    QString relPath; ///< relative to the workspace root, '/'-separated
    QByteArray
        original; ///< the text documents are parsed from (what was read, or the last edited text)
    QByteArray onDisk; ///< the bytes on disk at the last load or save
    bool hadBom = false;
    bool isNew = false;
    std::vector<WorkspaceDocument> documents;
    /// "openapi 3.0.3", "swagger 2.0", "asyncapi 2.6.0" when the top level says so.
    QString documentFormat;
    /// Files its `$ref`s name (as written, relative to this file).
    QStringList references;
    /// Why the file is an API description and not manifests ("openapi 3.1.0 document",
    /// "named by airgate.yaml", "referenced by specs/cafe/openapi.yaml"); empty for manifests.
    QString documentOf;
    /** An API description (OpenAPI, AsyncAPI) or a file one refers to: no resources, not
     * linted as manifests, never exported. */
    bool isDocument() const { return !documentOf.isEmpty(); }
    bool isModified() const;
};

/**
 * @brief A folder of Kubernetes manifests, loaded recursively, with every resource indexed.
 *
 * Loading never fails on bad content: YAML and shape problems become loadDiagnostics().
 * Saving rewrites only what changed: untouched documents keep their exact bytes, changed
 * ones are written in kubectl style after their original leading comments, and every file
 * is replaced atomically.
 */
class Workspace
{
public:
    struct LoadOptions
    {
        qint64 maxFileBytes;
        Yaml::ParseLimits limits;
        /// When set, receives each load phase ("read", "parse", "index") and its time in µs.
        std::function<void(const char *phase, qint64 micros)> timing;
        LoadOptions();
    };

    /** Loads every *.yaml / *.yml under @p dir (skipping dot folders, the root airgate.yaml,
     * kustomizations). */
    static Result<Workspace> load(const QString &dir, const LoadOptions &options = LoadOptions());
    /**
     * Whether a file at @p relPath (relative, '/'-separated) is read as a manifest by load(): a
     * *.yaml / *.yml outside dot folders that is neither the root airgate.yaml nor a
     * kustomization; @p why says why not. Git trees and served snapshots are filtered the same way.
     */
    static bool isManifestPath(const QString &relPath, QString *why = nullptr);
    /** Builds a workspace from in-memory files (relative path → bytes), for tests and editors. */
    static Workspace fromFiles(const QString &root, const QList<QPair<QString, QByteArray>> &files,
                               const LoadOptions &options = LoadOptions());

    const QString &root() const { return m_root; }
    const std::vector<WorkspaceFile> &files() const { return m_files; }
    const std::vector<Resource> &resources() const { return m_resources; }
    /** YAML syntax, limit and document-shape problems found while loading. */
    const Diagnostics &loadDiagnostics() const { return m_loadDiagnostics; }
    /** `airgate.yaml` (defaults when the workspace has none) and its problems (rule `settings`). */
    const LocalSettings &settings() const { return m_settings; }
    const Diagnostics &settingsDiagnostics() const { return m_settingsDiagnostics; }
    /** Re-reads airgate.yaml from the workspace folder (and re-sorts documents from manifests). */
    void reloadSettings();
    /** Files that were skipped on purpose (settings, kustomizations), with why. */
    const QStringList &skippedFiles() const { return m_skipped; }
    /** Manifest documents (API descriptions not counted). */
    int documentCount() const;
    /** Indexes of the files that are API descriptions (see WorkspaceFile::isDocument()). */
    std::vector<int> documentFiles() const;

    const Resource *find(Kind kind, const QString &ns, const QString &name) const;
    const Resource *find(const ObjectRef &ref) const { return find(ref.kind, ref.ns, ref.name); }
    std::vector<const Resource *> ofKind(Kind kind) const;
    std::vector<const Resource *> ofKind(Kind kind, const QString &ns) const;
    QStringList namespaces() const;

    // Editing: every call keeps resources() and the index up to date.
    void setDocumentRoot(int fileIndex, int documentIndex, Yaml::NodePtr root);
    /** Appends a document to @p relPath (a new file when it does not exist); @return its file
     * index. */
    int addDocument(const QString &relPath, Yaml::NodePtr root);
    void removeDocument(int fileIndex, int documentIndex);
    /** Replaces one resource's node: the whole document, or its item inside a `kind: List`. */
    void replaceResource(const Resource &resource, Yaml::NodePtr node);
    /** Replaces a whole file's text (the YAML view's "apply", undo, journal restore), re-parsing
     * it. */
    void setFileText(int fileIndex, const QByteArray &text);
    /** Adds an empty new file (saved on the next save); @return its index. */
    int addFile(const QString &relPath);
    /** Forgets a file that was never saved. */
    void removeFile(int fileIndex);
    /** Re-reads a file from disk (an external change), dropping its unsaved edits. */
    Status reloadFile(int fileIndex);
    int fileIndex(const QString &relPath) const;

    /** The bytes a save would write for @p fileIndex. */
    QByteArray serialize(int fileIndex) const;
    bool isModified() const;
    /** Writes every modified file atomically; afterwards the workspace is clean. */
    Status save();
    Status saveFile(int fileIndex);

private:
    void parseInto(WorkspaceFile &file, const QByteArray &bytes);
    void rebuild();
    void loadSettings();
    void classifyDocuments();

    QString m_root;
    LoadOptions m_options;
    std::vector<WorkspaceFile> m_files;
    std::vector<Resource> m_resources;
    QHash<QString, int> m_index;
    /// Positions in m_resources by kind, and by kind and namespace (rules ask for both often).
    std::array<std::vector<int>, kKinds.size() + 1> m_byKind;
    std::array<QHash<QString, std::vector<int>>, kKinds.size() + 1> m_byKindNs;
    Diagnostics m_loadDiagnostics;
    QStringList m_skipped;
    LocalSettings m_settings;
    Diagnostics m_settingsDiagnostics;
    /// Workspace-relative files airgate.yaml names as documents (or that those refer to) → why.
    QHash<QString, QString> m_settingsDocuments;
};

/** "APIAuth|apps|default-auth" — the index key of a resource. */
QString resourceKey(Kind kind, const QString &ns, const QString &name);

} // namespace Airgate
