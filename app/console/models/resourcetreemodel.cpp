// SPDX-License-Identifier: Apache-2.0
#include "resourcetreemodel.h"

#include "consoletr.h"
#include "workspacemodel.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QStyle>

#include <functional>
#include <map>

namespace Airgate::Console {

ResourceTreeModel::ResourceTreeModel(WorkspaceModel *workspace, QObject *parent)
    : QAbstractItemModel(parent)
    , m_ws(workspace)
{
    rebuild();
    // Every revalidation is followed by changed(): one rebuild per edit covers badges too.
    connect(m_ws, &WorkspaceModel::changed, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
}

void ResourceTreeModel::rebuild()
{
    m_root = std::make_unique<Item>();
    if (!m_ws->isOpen())
        return;
    // namespace → kind → resources, sorted
    std::map<QString, std::map<QString, std::vector<const Resource *>>> tree;
    for (const Resource &r : m_ws->workspace().resources())
        tree[r.ns][r.kindName].push_back(&r);
    for (auto &[ns, kinds] : tree) {
        auto nsItem = std::make_unique<Item>();
        nsItem->label = ns.isEmpty() ? Tr::tr("(no namespace)") : ns;
        nsItem->level = 0;
        nsItem->parent = m_root.get();
        for (auto &[kind, resources] : kinds) {
            auto kindItem = std::make_unique<Item>();
            kindItem->label = kind;
            kindItem->kind = kind;
            kindItem->level = 1;
            kindItem->parent = nsItem.get();
            std::sort(resources.begin(), resources.end(),
                      [](const Resource *a, const Resource *b) { return a->name < b->name; });
            for (const Resource *r : resources) {
                auto item = std::make_unique<Item>();
                item->key = WorkspaceModel::keyOf(*r);
                item->label = r->name.isEmpty() ? Tr::tr("(unnamed)") : r->name;
                item->kind = kind;
                item->level = 2;
                item->errors = m_ws->errorCount(item->key);
                item->warnings = m_ws->warningCount(item->key);
                item->dirty = m_ws->isDirty(item->key);
                item->parent = kindItem.get();
                kindItem->errors += item->errors;
                kindItem->warnings += item->warnings;
                kindItem->children.push_back(std::move(item));
            }
            nsItem->errors += kindItem->errors;
            nsItem->warnings += kindItem->warnings;
            nsItem->children.push_back(std::move(kindItem));
        }
        m_root->children.push_back(std::move(nsItem));
    }
    const Workspace &ws = m_ws->workspace();
    // airgate.yaml, the workstation's settings: last, so the workspace opens on a resource.
    auto settingsFolder = std::make_unique<Item>();
    settingsFolder->label = Tr::tr("Local settings");
    settingsFolder->tip = Tr::tr("This workstation's settings: never exported");
    settingsFolder->level = 0;
    settingsFolder->parent = m_root.get();
    auto settings = std::make_unique<Item>();
    settings->key = WorkspaceModel::kSettingsKey;
    settings->label = WorkspaceModel::kSettingsFile;
    settings->kind = Tr::tr("settings");
    settings->tip = Tr::tr("Entry points, local services, OpenAPI documents, portal previews");
    settings->level = 2;
    settings->errors = m_ws->errorCount(settings->key);
    settings->warnings = m_ws->warningCount(settings->key);
    settings->dirty = m_ws->isDirty(settings->key);
    settings->parent = settingsFolder.get();
    settingsFolder->errors = settings->errors;
    settingsFolder->warnings = settings->warnings;
    settingsFolder->children.push_back(std::move(settings));
    const std::vector<int> documents = ws.documentFiles();
    if (documents.empty()) {
        m_root->children.push_back(std::move(settingsFolder));
        return;
    }
    auto folder = std::make_unique<Item>();
    folder->label = Tr::tr("Documents");
    folder->tip = Tr::tr("API descriptions: not manifests, never exported");
    folder->level = 0;
    folder->parent = m_root.get();
    for (int i : documents) {
        const WorkspaceFile &f = ws.files()[static_cast<size_t>(i)];
        auto item = std::make_unique<Item>();
        item->label = f.relPath;
        item->kind = Tr::tr("document");
        item->tip = f.relPath + QStringLiteral(": ") + f.documentOf;
        item->level = 2;
        item->parent = folder.get();
        folder->children.push_back(std::move(item));
    }
    m_root->children.push_back(std::move(folder));
    m_root->children.push_back(std::move(settingsFolder));
}

ResourceTreeModel::Item *ResourceTreeModel::itemFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_root.get();
}

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Item *p = itemFor(parent);
    if (row < 0 || row >= static_cast<int>(p->children.size()) || column < 0 || column >= 2)
        return {};
    return createIndex(row, column, p->children[static_cast<size_t>(row)].get());
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Item *item = itemFor(child);
    Item *p = item->parent;
    if (!p || p == m_root.get())
        return {};
    Item *gp = p->parent;
    for (size_t i = 0; i < gp->children.size(); ++i)
        if (gp->children[i].get() == p)
            return createIndex(static_cast<int>(i), 0, p);
    return {};
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(itemFor(parent)->children.size());
}

int ResourceTreeModel::columnCount(const QModelIndex &) const
{
    return 2;
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Item *item = itemFor(index);
    if (index.column() == 1) {
        if (role == Qt::DisplayRole) {
            if (item->errors)
                return QStringLiteral("%1 ✖").arg(item->errors);
            if (item->warnings)
                return QStringLiteral("%1 ⚠").arg(item->warnings);
            return {};
        }
        if (role == Qt::ForegroundRole)
            return item->errors ? QColor(0xc0, 0x1c, 0x28) : QColor(0xb3, 0x6b, 0x00);
        if (role == Qt::ToolTipRole)
            return QString(Tr::tr("%n error(s)", nullptr, item->errors) + QStringLiteral(", ")
                           + Tr::tr("%n warning(s)", nullptr, item->warnings));
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return item->dirty ? item->label + QStringLiteral(" •") : item->label;
    case Qt::ToolTipRole:
        if (!item->tip.isEmpty())
            return item->tip;
        return item->level == 2
            ? item->kind + u' ' + item->label + (item->dirty ? Tr::tr(" (unsaved)") : QString())
            : item->label;
    case Qt::DecorationRole:
        if (item->level == 2 && item->errors)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (item->level == 2 && item->warnings)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (item->level < 2)
            return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    case Qt::FontRole:
        if (item->level == 0) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case KeyRole:
        return item->key;
    case ErrorsRole:
        return item->errors;
    case WarningsRole:
        return item->warnings;
    case LevelRole:
        return item->level;
    case KindRole:
        return item->kind;
    default:
        return {};
    }
}

QModelIndex ResourceTreeModel::indexOf(const QString &key) const
{
    if (key.isEmpty())
        return {};
    // Resources sit at depth 3 (namespace, kind, resource), airgate.yaml at depth 2.
    const std::function<QModelIndex(Item *)> find = [&](Item *parent) -> QModelIndex {
        for (size_t i = 0; i < parent->children.size(); ++i) {
            Item *child = parent->children[i].get();
            if (child->key == key)
                return createIndex(static_cast<int>(i), 0, child);
            if (const QModelIndex below = find(child); below.isValid())
                return below;
        }
        return {};
    };
    return find(m_root.get());
}

void ResourceFilterModel::setText(const QString &text)
{
    m_text = text;
    invalidateFilter();
}

void ResourceFilterModel::setProblemsOnly(bool on)
{
    m_problemsOnly = on;
    invalidateFilter();
}

bool ResourceFilterModel::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex idx = sourceModel()->index(row, 0, parent);
    const int level = idx.data(ResourceTreeModel::LevelRole).toInt();
    if (level < 2) {
        // A namespace or kind stays when any resource below it does.
        for (int i = 0; i < sourceModel()->rowCount(idx); ++i)
            if (filterAcceptsRow(i, idx))
                return true;
        return false;
    }
    if (m_problemsOnly
        && idx.data(ResourceTreeModel::ErrorsRole).toInt()
                + idx.data(ResourceTreeModel::WarningsRole).toInt()
            == 0)
        return false;
    if (m_text.isEmpty())
        return true;
    const QString hay = idx.data(Qt::DisplayRole).toString() + u' '
        + idx.data(ResourceTreeModel::KindRole).toString() + u' '
        + parent.parent().data(Qt::DisplayRole).toString();
    return hay.contains(m_text, Qt::CaseInsensitive);
}

} // namespace Airgate::Console
