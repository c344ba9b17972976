// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yaml/yamlnode.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Airgate {

/** @brief A Kubernetes label selector (matchLabels + matchExpressions). */
struct LabelSelector
{
    struct Expression
    {
        QString key;
        QString op; ///< In, NotIn, Exists, DoesNotExist
        QStringList values;
    };
    QMap<QString, QString> matchLabels;
    QList<Expression> matchExpressions;

    /** Whether @p labels satisfy every requirement; an empty selector matches everything. */
    bool matches(const QMap<QString, QString> &labels) const;
    bool isEmpty() const { return matchLabels.isEmpty() && matchExpressions.isEmpty(); }
};

/** @brief `{name: x}` references as Hub specs list them. */
using NameList = QStringList;

struct OperationMatcher
{
    QStringList methods;
    QString path;
    QString pathPrefix;
    QString pathRegex;
};

struct OperationSet
{
    QString name;
    QList<OperationMatcher> matchers;
};

struct OpenApiSpecRef
{
    bool present = false;
    QString path;
    QString url;
    QStringList overrideServers;
    QList<OperationSet> operationSets;
    std::optional<bool> validateRequestMethodAndPath;
    std::optional<bool> validateRequestBodySchema;
};

struct CorsSpec
{
    bool present = false;
    bool addVaryHeader = false;
    bool allowCredentials = false;
    QStringList allowHeaders;
    QStringList allowMethods;
    QStringList allowOriginRegex;
    QStringList allowOrigins;
    QStringList exposeHeaders;
    std::optional<std::int64_t> maxAge;
};

struct ApiSpec
{
    QString title;
    QString description;
    OpenApiSpecRef openApi;
    CorsSpec cors;
    NameList versions;
};

struct ApiVersionSpec
{
    QString release;
    QString title;
    QString description;
    OpenApiSpecRef openApi;
    CorsSpec cors;
};

struct ApiBundleSpec
{
    QString title;
    NameList apis;
    std::optional<LabelSelector> apiSelector;
};

struct ApiAuthSpec
{
    enum class Method { None, ApiKey, Jwt, Ldap, Keyless };
    bool isDefault = false;
    Method method = Method::None;
    int methodCount = 0;
    // apiKey
    bool hasKeySource = false;
    QString keyHeader;
    QString keyHeaderAuthScheme;
    QString keyQuery;
    // jwt
    QString appIdClaim;
    QString signingSecretName;
    QString publicKey;
    QString jwksFile;
    QString jwksUrl;
    struct TrustedIssuer
    {
        QString issuer;
        QString jwksUrl;
    };
    QList<TrustedIssuer> trustedIssuers;
    QMap<QString, QString> forwardHeaders;
    bool stripAuthorizationHeader = false;
    QString tokenNameClaim;
    QString tokenQueryKey;
    // ldap
    QString ldapUrl;
    QString ldapBaseDn;
};

struct ApiPortalSpec
{
    QString title;
    QString description;
    QStringList trustedUrls;
    QString logoUrl;
    QString authName;
};

struct ApiPortalAuthSpec
{
    bool hasOidc = false;
    bool hasLdap = false;
    QString issuerUrl;
    QString secretName;
    QStringList scopes;
    QMap<QString, QString> claims; ///< groups, userId, email, firstname, lastname, company,
                                   ///< organizationId, organizationName
    QStringList syncedAttributes;
    QString ldapUrl;
};

struct PlanLimit
{
    bool present = false;
    std::int64_t limit = 0;
    std::int64_t periodNanos = 0; ///< 0 when absent or unparsable
    QString period;
    QString bucket = QStringLiteral("subscription");
};

struct ApiPlanSpec
{
    QString title;
    QString description;
    PlanLimit rateLimit;
    PlanLimit quota;
};

struct ApiCatalogItemSpec
{
    std::optional<bool> everyone;
    QStringList groups;
    NameList apis;
    std::optional<LabelSelector> apiSelector;
    NameList apiBundles;
    QString apiPlan;
    std::optional<QStringList> operationFilter; ///< absent = every operation; empty = none
};

struct ManagedApplicationSpec
{
    struct ApiKey
    {
        QString secretName;
        QString value;
        QString title;
        bool suspended = false;
    };
    QString appId;
    QString owner;
    QString notes;
    QList<ApiKey> apiKeys;
};

struct ManagedSubscriptionSpec
{
    NameList apis;
    std::optional<LabelSelector> apiSelector;
    NameList apiBundles;
    QString apiPlan;
    NameList managedApplications;
    std::optional<LabelSelector> managedApplicationSelector;
    QStringList applicationAppIds; ///< deprecated `applications[].appId`
    QString claims;
    std::optional<QStringList> operationFilter;
    std::int64_t weight = 0;
};

struct IngressRouteSpec
{
    struct ServiceRef
    {
        QString name;
        QString ns; ///< empty = the route's namespace
        QString kind = QStringLiteral("Service");
        QString port; ///< number or name
        QString scheme;
        bool passHostHeader = true;
        std::int64_t weight = 1;
    };
    struct MiddlewareRef
    {
        QString name;
        QString ns;
    };
    struct Route
    {
        QString match;
        std::optional<std::int64_t> priority;
        QList<ServiceRef> services;
        QList<MiddlewareRef> middlewares;
    };
    QStringList entryPoints;
    QList<Route> routes;
    QString tlsSecretName;
    bool hasTls = false;
};

struct SecretSpec
{
    QString type;
    QMap<QString, QByteArray> data; ///< decoded `data` merged with `stringData` (stringData wins)
    QMap<QString, bool> fromStringData;
};

// Readers: lenient (the validator reports type problems); absent fields keep defaults.
LabelSelector readLabelSelector(const Yaml::Node *node);
ApiSpec readApiSpec(const Yaml::Node *spec);
ApiVersionSpec readApiVersionSpec(const Yaml::Node *spec);
ApiBundleSpec readApiBundleSpec(const Yaml::Node *spec);
ApiAuthSpec readApiAuthSpec(const Yaml::Node *spec);
ApiPortalSpec readApiPortalSpec(const Yaml::Node *spec);
ApiPortalAuthSpec readApiPortalAuthSpec(const Yaml::Node *spec);
ApiPlanSpec readApiPlanSpec(const Yaml::Node *spec);
ApiCatalogItemSpec readApiCatalogItemSpec(const Yaml::Node *spec);
ManagedApplicationSpec readManagedApplicationSpec(const Yaml::Node *spec);
ManagedSubscriptionSpec readManagedSubscriptionSpec(const Yaml::Node *spec);
IngressRouteSpec readIngressRouteSpec(const Yaml::Node *spec);
SecretSpec readSecret(const Yaml::Node *root);

/** Text of a scalar node as QString (empty for null or collections). */
QString scalarText(const Yaml::Node *node);
QString stringAt(const Yaml::Node *map, std::string_view key);

} // namespace Airgate
