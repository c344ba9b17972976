// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gitops/migration.h"
#include "validation/diagnostic.h"

#include <QList>
#include <QObject>

class QAction;
class QPoint;
class QTableView;

namespace Airgate::Console {

class ProblemsModel;
class WorkspaceModel;

/** @brief A fix offered on a diagnostic: one `airgatectl migrate` rewrite of its lines. */
struct QuickFix
{
    QString label; ///< "Migrate: rateLimit.requests → rateLimit.limit"
    GitOps::MigrationFinding finding;
};

/**
 * @brief "Migrate" as a quick fix in the problems panel: on a diagnostic about a stale field or
 * kind that `airgatectl migrate` can rewrite (rateLimit.requests, applications[].appId,
 * jwt.jwksUrl…), the context menu and Ctrl+. offer the rewrite, applied to the file's text as one
 * undoable edit that changes only the affected lines.
 */
class QuickFixes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickFixes)

public:
    QuickFixes(QTableView *view, ProblemsModel *problems, WorkspaceModel *model,
               QObject *parent = nullptr);

    /** The fixes for the diagnostic in row @p row of the problems panel. */
    QList<QuickFix> fixesFor(int row) const;
    /** The migrations of @p model's workspace that fix @p d (same file, resource and field);
        @p offline as `migrate --offline`. */
    static QList<QuickFix> fixesFor(const WorkspaceModel &model, const Diagnostic &d, bool offline);
    /** Applies @p fix to the file as it is now; @return false when it no longer applies. */
    bool apply(const QuickFix &fix);
    /** Ctrl+. on the problems panel: the fixes of the current row as a menu. */
    QAction *action() const { return m_action; }

private:
    void showMenu(int row, const QPoint &globalPos);

    QTableView *m_view;
    ProblemsModel *m_problems;
    WorkspaceModel *m_model;
    QAction *m_action;
};

} // namespace Airgate::Console
