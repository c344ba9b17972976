// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

namespace Airgate::Console {

class WorkspaceModel;

/**
 * @brief The workspace as a tree: namespace → kind → resource, with problem counts (badges)
 * and dirty markers; then the API descriptions (OpenAPI files and their parts), which are not
 * manifests, under "Documents". Rebuilt from the WorkspaceModel on every change (cheap at workspace
 * sizes).
 */
class ResourceTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceTreeModel)

public:
    enum Role { KeyRole = Qt::UserRole, ErrorsRole, WarningsRole, LevelRole, KindRole };

    explicit ResourceTreeModel(WorkspaceModel *workspace, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /** The index of a resource, or an invalid index. */
    QModelIndex indexOf(const QString &key) const;

private:
    struct Item
    {
        QString label;
        QString key; ///< resources only
        QString kind;
        QString tip; ///< documents: why the file is one
        int level = 0; ///< 0 namespace (or the documents folder), 1 kind, 2 resource or document
        int errors = 0;
        int warnings = 0;
        bool dirty = false;
        Item *parent = nullptr;
        std::vector<std::unique_ptr<Item>> children;
    };
    void rebuild();
    Item *itemFor(const QModelIndex &index) const;

    WorkspaceModel *m_ws;
    std::unique_ptr<Item> m_root;
};

/** @brief The tree filter: a resource stays when its name, kind or namespace contains the text. */
class ResourceFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString &text);
    void setProblemsOnly(bool on);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_text;
    bool m_problemsOnly = false;
};

} // namespace Airgate::Console
