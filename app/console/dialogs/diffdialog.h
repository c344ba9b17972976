// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gitops/manifestsource.h"
#include "gitops/semanticdiff.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Airgate::Console {

class GatewaySupervisor;
class WorkspaceModel;

/**
 * @brief Review before saving or exporting: the workspace as edited (unsaved edits included)
 * compared, resource by resource, with the files on disk, with `git:HEAD` when the workspace is
 * in a Git repository, with what the running gateway serves, or with a folder (the export
 * folder). Changed fields are listed with their old and new values; the unified diff of the
 * selected resource is shown beside them. Blind to formatting, key order and comments, as
 * `airgatectl diff` is.
 */
class DiffDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffDialog)

public:
    enum class Against { Disk, GitHead, Gateway, Folder };
    Q_ENUM(Against)

    /** @p gateway may be null (no gateway choice). */
    DiffDialog(WorkspaceModel *model, GatewaySupervisor *gateway, QWidget *parent = nullptr);
    ~DiffDialog() override;

    /** Adds "the folder @p dir" as a choice (e.g. the export folder), named @p label. */
    void addFolder(const QString &dir, const QString &label);
    /** Whether the choice is offered and usable now (Git: a repository; gateway: running). */
    bool isAvailable(Against against) const;
    /** Compares now; for the gateway the answer comes later: wait for compared(). */
    void compareWith(Against against);
    Against against() const;

    const GitOps::SemanticDiff &diff() const { return m_diff; }
    /** Why the last comparison failed, or empty. */
    QString error() const { return m_error; }
    QString summary() const;
    /** What the last comparison was against: "disk", "git:HEAD", "gateway", a folder. */
    QString beforeLabel() const { return m_beforeLabel; }

    /**
     * Opens a review dialog over @p parent (deleted when closed), comparing with the disk when
     * the workspace has unsaved edits, else with git:HEAD when there is a repository; with
     * @p folder (e.g. the export folder) as an extra choice, selected when @p preferFolder.
     */
    static DiffDialog *open(WorkspaceModel *model, GatewaySupervisor *gateway, QWidget *parent,
                            const QString &folder = {}, bool preferFolder = false);

    QComboBox *againstBox() const { return m_against; }
    QTreeWidget *changesView() const { return m_changes; }
    QPlainTextEdit *textView() const { return m_text; }

signals:
    /** A comparison finished (or failed: see error()). */
    void compared();

private:
    void refresh();
    void present(const Result<GitOps::ManifestSet> &before);
    void fail(const QString &why);
    void fillChanges();
    void showText(int resource);

    WorkspaceModel *m_model;
    QPointer<GatewaySupervisor> m_gateway;
    QString m_folder;
    QString m_gitProblem; ///< why git:HEAD cannot be compared with, or empty
    QComboBox *m_against;
    QPushButton *m_refresh;
    QLabel *m_summary;
    QTreeWidget *m_changes;
    QPlainTextEdit *m_text;
    QNetworkAccessManager *m_net;
    QPointer<QNetworkReply> m_pending;
    GitOps::SemanticDiff m_diff;
    QString m_beforeLabel;
    QString m_error;
};

} // namespace Airgate::Console
