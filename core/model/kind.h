// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

#include <array>

namespace Airgate {

/** @brief Every kind Airgate understands; anything else is Kind::Unknown and kept as-is. */
enum class Kind {
    API,
    APIVersion,
    APIBundle,
    APIAuth,
    APIPortal,
    APIPortalAuth,
    APIPlan,
    APICatalogItem,
    ManagedApplication,
    ManagedSubscription,
    APIRateLimit,
    IngressRoute,
    Middleware,
    Secret,
    ConfigMap,
    Service,
    Unknown,
};

/** @brief Static facts about a kind. */
struct KindInfo
{
    Kind kind;
    const char *name; ///< "APIAuth"
    const char *apiVersion; ///< "hub.traefik.io/v1alpha1"
    bool hub; ///< a Traefik Hub kind (Hub's offline validator applies)
    bool deprecated;
};

inline constexpr std::array<KindInfo, 16> kKinds {{
    {Kind::API, "API", "hub.traefik.io/v1alpha1", true, false},
    {Kind::APIVersion, "APIVersion", "hub.traefik.io/v1alpha1", true, false},
    {Kind::APIBundle, "APIBundle", "hub.traefik.io/v1alpha1", true, false},
    {Kind::APIAuth, "APIAuth", "hub.traefik.io/v1alpha1", true, false},
    {Kind::APIPortal, "APIPortal", "hub.traefik.io/v1alpha1", true, false},
    {Kind::APIPortalAuth, "APIPortalAuth", "hub.traefik.io/v1alpha1", true, false},
    {Kind::APIPlan, "APIPlan", "hub.traefik.io/v1alpha1", true, false},
    {Kind::APICatalogItem, "APICatalogItem", "hub.traefik.io/v1alpha1", true, false},
    {Kind::ManagedApplication, "ManagedApplication", "hub.traefik.io/v1alpha1", true, false},
    {Kind::ManagedSubscription, "ManagedSubscription", "hub.traefik.io/v1alpha1", true, false},
    {Kind::APIRateLimit, "APIRateLimit", "hub.traefik.io/v1alpha1", true, true},
    {Kind::IngressRoute, "IngressRoute", "traefik.io/v1alpha1", false, false},
    {Kind::Middleware, "Middleware", "traefik.io/v1alpha1", false, false},
    {Kind::Secret, "Secret", "v1", false, false},
    {Kind::ConfigMap, "ConfigMap", "v1", false, false},
    {Kind::Service, "Service", "v1", false, false},
}};

const KindInfo *kindInfo(Kind kind);
/** @return the kind for an apiVersion/kind pair, or Kind::Unknown. */
Kind kindFromManifest(QStringView apiVersion, QStringView kind);
/** @return the kind for a kind name alone ("APIAuth"), or Kind::Unknown. */
Kind kindFromName(QStringView kind);
QString kindName(Kind kind);

} // namespace Airgate
