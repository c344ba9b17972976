// SPDX-License-Identifier: Apache-2.0
#include "problemsmodel.h"

#include "consoletr.h"
#include "model/kind.h"
#include "workspacemodel.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace Airgate::Console {

ProblemsModel::ProblemsModel(WorkspaceModel *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ws(workspace)
{
    reload();
    connect(m_ws, &WorkspaceModel::diagnosticsChanged, this, &ProblemsModel::reload);
}

void ProblemsModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    if (m_ws->isOpen()) {
        for (const Diagnostic &d : m_ws->diagnostics()) {
            if (d.severity == Diagnostic::Severity::Info)
                continue;
            m_rows << d;
            const Kind kind = kindFromName(d.kind);
            QString key;
            if (!d.kind.isEmpty()) {
                for (const Resource &r : m_ws->workspace().resources())
                    if (r.kindName == d.kind && r.ns == d.ns && r.name == d.name
                        && r.source.file == d.file) {
                        key = WorkspaceModel::keyOf(r);
                        break;
                    }
            }
            Q_UNUSED(kind);
            if (d.kind.isEmpty() && d.file == WorkspaceModel::kSettingsFile)
                key = WorkspaceModel::kSettingsKey;
            m_keys << key;
        }
    }
    endResetModel();
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Diagnostic &d = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return d.isError() ? Tr::tr("Error") : Tr::tr("Warning");
        case MessageColumn:
            return d.hint.isEmpty() ? d.message : d.message + QStringLiteral("  — ") + d.hint;
        case ResourceColumn:
            return d.kind.isEmpty()
                ? QString()
                : d.kind + u' ' + (d.ns.isEmpty() ? d.name : d.ns + u'/' + d.name);
        case LocationColumn:
            return d.line > 0 ? QStringLiteral("%1:%2:%3").arg(d.file).arg(d.line).arg(d.column)
                              : d.file;
        case RuleColumn:
            return d.rule;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return QApplication::style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical
                                                                   : QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ToolTipRole:
        return d.hint.isEmpty() ? d.message : d.message + u'\n' + d.hint;
    case KeyRole:
        return m_keys.value(index.row());
    case FieldRole:
        return d.field;
    case FileRole:
        return d.file;
    case LineRole:
        return d.line;
    case SeverityRole:
        return static_cast<int>(d.severity);
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return Tr::tr("Severity");
    case MessageColumn:
        return Tr::tr("Problem");
    case ResourceColumn:
        return Tr::tr("Resource");
    case LocationColumn:
        return Tr::tr("Location");
    case RuleColumn:
        return Tr::tr("Rule");
    }
    return {};
}

} // namespace Airgate::Console
