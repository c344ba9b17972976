// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

struct git_repository;

namespace Airgate::GitOps {

/** @brief How a file differs from the last commit (HEAD), index and work tree together. */
enum class GitFileStatus {
    Unmodified,
    Modified, ///< changed in the index or the work tree (renames included)
    New, ///< untracked or added to the index, not in HEAD
    Deleted,
};

/**
 * @brief Read access to the Git repository holding a workspace, through libgit2 (no `git` process,
 * no parsing of its output): the files of a revision and the status of the work tree.
 * Error texts are libgit2's own (`revspec 'nope' not found`).
 */
class GitRepository
{
public:
    GitRepository(GitRepository &&) noexcept;
    GitRepository &operator=(GitRepository &&) noexcept;
    ~GitRepository();

    /** Opens the repository that holds @p path (searching parent folders, as `git` does). */
    static Result<GitRepository> discover(const QString &path);

    /** The work tree's root folder (absolute, no trailing '/'). */
    QString workdir() const;

    /**
     * The manifest files (Workspace::isManifestPath) under @p folder, an absolute path inside the
     * work tree, as they are in revision @p rev ("HEAD", "main~2", a tag, a commit id): paths
     * relative to @p folder → bytes.
     */
    Result<QList<QPair<QString, QByteArray>>> manifestsAt(const QString &rev,
                                                          const QString &folder) const;

    /** The status of every changed file under @p folder, keyed by path relative to @p folder. */
    Result<QHash<QString, GitFileStatus>> status(const QString &folder) const;

private:
    struct Handle;
    explicit GitRepository(std::unique_ptr<Handle> handle);
    /** @p folder relative to the work tree ("" for its root), or an error when outside it. */
    Result<QString> prefixOf(const QString &folder) const;

    std::unique_ptr<Handle> m_handle;
};

} // namespace Airgate::GitOps
