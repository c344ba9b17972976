// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validation/diagnostic.h"

#include <QAbstractTableModel>

namespace Airgate::Console {

class WorkspaceModel;

/** @brief Every diagnostic of the workspace, live: severity, message, resource, location, rule. */
class ProblemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsModel)

public:
    enum Column {
        SeverityColumn,
        MessageColumn,
        ResourceColumn,
        LocationColumn,
        RuleColumn,
        ColumnCount
    };
    enum Role { KeyRole = Qt::UserRole, FieldRole, FileRole, LineRole, SeverityRole };

    explicit ProblemsModel(WorkspaceModel *workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    const Diagnostic &diagnostic(int row) const { return m_rows[row]; }
    QString keyFor(int row) const { return m_keys.value(row); }

private:
    void reload();
    WorkspaceModel *m_ws;
    Diagnostics m_rows;
    QStringList m_keys;
};

} // namespace Airgate::Console
