// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/workspace.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Airgate::Runtime::Portal {

/** @brief A signed-in portal user, from the ID token through APIPortalAuth's claim mapping. */
struct PortalUser
{
    QString id; ///< userId claim (default `sub`)
    QString email;
    QString firstName;
    QString lastName;
    QString company;
    QStringList groups;
    bool signedIn = false;
    QString displayName() const;
};

/** @brief One API as a portal user sees it. */
struct CatalogApi
{
    const Resource *api = nullptr;
    QString key; ///< "ns/name"
    QString title;
    QString description;
    QList<const Resource *> versions; ///< APIVersions listed in spec.versions that exist
    QStringList plans; ///< plan names offered (union over the items that show the API), sorted
    /// Operation sets the user may see: nullopt = every operation (some item has no filter).
    std::optional<QStringList> operationSets;
    QStringList items; ///< the APICatalogItems that show it
};

/**
 * The APIs visible in a portal of namespace @p ns to @p user: every APICatalogItem of the namespace
 * with `everyone: true`, or whose `groups` meet the user's groups, contributes its `apis`,
 * `apiSelector` and `apiBundles` (resolved as Hub does). Plans offered are the union of the items'
 * plans; operation filters are the union of the items' filters (an item without a filter shows
 * every operation). Sorted by title.
 */
QList<CatalogApi> resolveCatalog(const Workspace &ws, const QString &ns, const PortalUser &user);

/** The CatalogApi for @p name in @p ns if @p user may see it. */
std::optional<CatalogApi> findCatalogApi(const Workspace &ws, const QString &ns,
                                         const PortalUser &user, const QString &name);

} // namespace Airgate::Runtime::Portal
