// SPDX-License-Identifier: Apache-2.0
#include "quickfixes.h"

#include "consoletr.h"
#include "models/problemsmodel.h"
#include "models/workspacemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>

namespace Airgate::Console {

namespace {

/** Whether a migration is about what a diagnostic points at. */
bool matches(const GitOps::MigrationFinding &f, const Diagnostic &d)
{
    if (f.file != d.file || f.name != d.name || f.kind != d.kind || f.ns != d.ns)
        return false;
    if (d.field.isEmpty() || f.field.isEmpty() || (d.line > 0 && d.line == f.mark.line))
        return true; // e.g. `limit: Required value`, reported where `requests` stands
    return d.field == f.field || d.field.startsWith(f.field + u'.')
        || d.field.startsWith(f.field + u'[') || f.field.startsWith(d.field + u'.');
}

bool sameFinding(const GitOps::MigrationFinding &a, const GitOps::MigrationFinding &b)
{
    return a.id == b.id && a.file == b.file && a.kind == b.kind && a.ns == b.ns && a.name == b.name
        && a.field == b.field;
}

} // namespace

QuickFixes::QuickFixes(QTableView *view, ProblemsModel *problems, WorkspaceModel *model,
                       QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_problems(problems)
    , m_model(model)
    , m_action(new QAction(Tr::tr("Quick fix…"), view))
{
    setObjectName(QStringLiteral("quickFixes"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (index.isValid())
            showMenu(index.row(), m_view->viewport()->mapToGlobal(pos));
    });
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_action);
    connect(m_action, &QAction::triggered, this, [this] {
        const QModelIndex index = m_view->currentIndex();
        if (!index.isValid())
            return;
        const QRect r = m_view->visualRect(index);
        showMenu(index.row(), m_view->viewport()->mapToGlobal(r.bottomLeft()));
    });
}

QList<QuickFix> QuickFixes::fixesFor(int row) const
{
    if (row < 0 || row >= m_problems->rowCount())
        return {};
    return fixesFor(*m_model, m_problems->diagnostic(row), m_model->validationOptions().offline);
}

QList<QuickFix> QuickFixes::fixesFor(const WorkspaceModel &model, const Diagnostic &d, bool offline)
{
    QList<QuickFix> out;
    if (!model.isOpen() || d.file.isEmpty())
        return out;
    GitOps::MigrationOptions options;
    options.offline = offline;
    const GitOps::MigrationPlan plan = GitOps::planMigration(model.workspace(), options);
    for (const GitOps::MigrationFinding &f : plan.findings)
        if (f.automatic && matches(f, d))
            out.append({Tr::tr("Migrate: %1").arg(f.message), f});
    return out;
}

bool QuickFixes::apply(const QuickFix &fix)
{
    if (!m_model->isOpen())
        return false;
    m_model->commitPendingEdits();
    // Made again on the text as it is now, so the edits' offsets are right.
    GitOps::MigrationOptions options;
    options.offline = m_model->validationOptions().offline;
    const GitOps::MigrationPlan plan = GitOps::planMigration(m_model->workspace(), options);
    for (const GitOps::MigrationFinding &f : plan.findings) {
        if (!f.automatic || !sameFinding(f, fix.finding))
            continue;
        const int index = m_model->workspace().fileIndex(f.file);
        if (index < 0)
            return false;
        const QByteArray &text = m_model->workspace().files().at(size_t(index)).original;
        m_model->setFileText(f.file, GitOps::applyEdits(text, {&f}));
        return true;
    }
    return false;
}

void QuickFixes::showMenu(int row, const QPoint &globalPos)
{
    const QList<QuickFix> fixes = fixesFor(row);
    QMenu menu(m_view);
    menu.setObjectName(QStringLiteral("quickFixMenu"));
    if (fixes.isEmpty()) {
        menu.addAction(Tr::tr("No quick fix for this problem"))->setEnabled(false);
    } else {
        for (const QuickFix &fix : fixes)
            connect(menu.addAction(fix.label), &QAction::triggered, this,
                    [this, fix] { apply(fix); });
    }
    menu.exec(globalPos);
}

} // namespace Airgate::Console
