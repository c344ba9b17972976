// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gitops/gitrepository.h"

#include <QHash>
#include <QObject>
#include <QStyledItemDelegate>
#include <QTimer>

namespace Airgate::Console {

class WorkspaceModel;

/**
 * @brief The Git status (modified / new) of the workspace's files on disk against HEAD, read with
 * libgit2 when the workspace is in a Git repository; refreshed after the workspace is opened,
 * saved or changed on disk, and when the application becomes active again (a commit made
 * elsewhere).
 */
class GitStatusTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitStatusTracker)

public:
    explicit GitStatusTracker(WorkspaceModel *model, QObject *parent = nullptr);

    /** Whether the open workspace is inside a Git repository. */
    bool isRepository() const { return m_repository; }
    /** The status of a workspace-relative file (Unmodified when clean or not in a repository). */
    GitOps::GitFileStatus status(const QString &relPath) const;
    /** The status of the file holding the resource with this key. */
    GitOps::GitFileStatus statusOfResource(const QString &key) const;
    /** Reads the status again now. */
    void refresh();

    /// Changes are gathered this long before the status is read again.
    static constexpr int kDebounceMs = 300;

signals:
    void refreshed();

private:
    WorkspaceModel *m_model;
    QHash<QString, GitOps::GitFileStatus> m_status;
    bool m_repository = false;
    QTimer m_debounce;
};

/**
 * @brief Paints the Git status beside a resource in the workspace tree: "M" (modified since the
 * last commit) or "N" (new, not committed), coloured, with a tooltip.
 */
class GitStatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    GitStatusDelegate(GitStatusTracker *tracker, QObject *parent = nullptr);
    /** "M", "N" or empty for the resource at @p index (the tree's KeyRole). */
    QString marker(const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    GitStatusTracker *m_tracker;
};

} // namespace Airgate::Console
