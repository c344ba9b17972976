// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "specs.h"
#include "workspace.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Airgate {

/** @brief APIs a catalog item, subscription or bundle reaches, and the names it could not resolve.
 */
struct ResolvedApis
{
    QList<const Resource *> apis; ///< unique, in first-seen order
    QStringList unresolvedApis;
    QStringList unresolvedBundles;
};

/**
 * Resolves `apis[]` ∪ `apiSelector` ∪ `apiBundles[]` in @p ns, as Hub does: names must exist in the
 * namespace; an absent selector adds nothing, an empty one every API; bundles add their own
 * `apis` and `apiSelector` (a bundle cannot hold a bundle).
 */
ResolvedApis resolveApis(const Workspace &ws, const QString &ns, const NameList &apis,
                         const std::optional<LabelSelector> &selector, const NameList &bundles);

/** @brief Applications a subscription grants, and the names/appIds it could not resolve. */
struct ResolvedApplications
{
    QList<const Resource *> applications;
    QStringList unresolvedNames;
    QStringList unresolvedAppIds;
};

/** `managedApplications[]` ∪ `managedApplicationSelector` ∪ deprecated `applications[].appId`, in
 * @p ns. */
ResolvedApplications resolveApplications(const Workspace &ws, const QString &ns,
                                         const ManagedSubscriptionSpec &spec);

/**
 * The namespace's default APIAuth: among `isDefault: true` APIAuths the alphabetically first
 * wins (as the gateway picks it); @p all receives every default one.
 */
const Resource *defaultApiAuth(const Workspace &ws, const QString &ns,
                               QList<const Resource *> *all = nullptr);

/** @brief A parsed `hub.traefik.io/api*` annotation value: `name` or `name@namespace`. */
struct AnnotationRef
{
    QString name;
    QString ns;
    bool explicitNamespace = false;
};

/** Parses an annotation value; the namespace defaults to @p defaultNs. */
AnnotationRef parseAnnotationRef(const QString &value, const QString &defaultNs);

inline const QString kApiAnnotation = QStringLiteral("hub.traefik.io/api");
inline const QString kApiVersionAnnotation = QStringLiteral("hub.traefik.io/api-version");
inline const QString kApiPortalAnnotation = QStringLiteral("hub.traefik.io/api-portal");

} // namespace Airgate
