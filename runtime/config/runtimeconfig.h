// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwt/jwtverifier.h"
#include "mock/mockapi.h"
#include "model/specs.h"
#include "routing/routematcher.h"
#include "settings/localsettings.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QSslConfiguration>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace Airgate {
class Workspace;
}

namespace Airgate::Runtime {

class LabelTable;
class FilterChain;

/** @brief An entry point as the gateway binds it. */
struct EntryPointConfig
{
    QString name;
    ListenAddress address;
    bool tls = false;
    QSslConfiguration ssl;
};

/** @brief Where a route sends traffic. */
struct UpstreamConfig
{
    enum class Type { Url, Mock, Portal, Unresolved };
    Type type = Type::Unresolved;
    QString serviceKey; ///< "ns/name:port"
    QString host;
    quint16 port = 0;
    bool https = false;
    qint64 connectTimeoutMs = 5000;
    qint64 readTimeoutMs = 30000;
    bool passHostHeader = true;
    qint64 weight = 1;
    std::shared_ptr<const MockApi> mock;
    QList<QByteArray> specPaths; ///< paths at which a mock serves the OpenAPI document itself
    QString portal; ///< "ns/name" of the APIPortal served here
    QString problem; ///< why it is unresolved
    int metricsLabel = 0; ///< serviceKey in the snapshot's LabelTable
};

/** @brief Where API keys are read from (APIAuth keySource; defaults when absent). */
struct KeySourceConfig
{
    bool defaults = true; ///< Authorization: Bearer and ?api_key=
    QByteArray header;
    QByteArray scheme;
    QByteArray query;
};

/** @brief A namespace's default APIAuth, ready for requests. */
struct AuthConfig
{
    enum class Method { ApiKey, Jwt, Keyless };
    Method method = Method::ApiKey;
    QString source; ///< "ns/name" of the APIAuth
    KeySourceConfig keys;
    // JWT
    std::optional<JwtVerifier> verifier; ///< signingSecretName, publicKey, jwksFile, jwksUrl
    QList<QPair<QString, JwtVerifier>> trustedIssuers; ///< issuer ("" = any) → keys
    QString appIdClaim;
    QMap<QString, QString> forwardHeaders;
    bool stripAuthorizationHeader = false;
    QByteArray tokenQueryKey;
};

/** @brief One operation-set matcher, compiled. */
struct OperationMatcherConfig
{
    QList<QByteArray> methods; ///< empty = any (a few: a list, not a hash's 1 KB of buckets)
    QByteArray path;
    QByteArray pathPrefix;
    QRegularExpression pathRegex;
    bool hasRegex = false;
    bool matches(const QByteArray &method, const QByteArray &path) const;
};

struct OperationSetConfig
{
    QString name;
    QList<OperationMatcherConfig> matchers;
    bool matches(const QByteArray &method, const QByteArray &path) const;
};

struct CorsConfig
{
    bool enabled = false;
    bool allowCredentials = false;
    bool addVaryHeader = false;
    QList<QByteArray> allowOrigins; ///< may hold "*"
    QList<QRegularExpression> allowOriginRegex;
    QByteArray allowMethods;
    QByteArray allowHeaders;
    QByteArray exposeHeaders;
    qint64 maxAge = -1;
    bool originAllowed(const QByteArray &origin) const;
};

/** @brief An API (or an APIVersion) the gateway serves. */
struct ApiConfig
{
    QString key; ///< "ns/name"
    QString kind; ///< "API" or "APIVersion"
    QString ns;
    QString name;
    QString grantKey; ///< the API subscriptions name (an APIVersion's parent API)
    QString title;
    std::shared_ptr<const AuthConfig> auth;
    QMap<QString, OperationSetConfig> operationSets; ///< a map: a QHash costs 3.5 KB per API
    CorsConfig cors;
    QByteArray specPath; ///< openApiSpec.path, served by the upstream
    int metricsLabel = 0; ///< key in the snapshot's LabelTable
};

struct PlanConfig
{
    QString key;
    QString title;
    PlanLimit rate;
    PlanLimit quota;
};

struct ApplicationConfig
{
    struct Key
    {
        QByteArray digestHex;
        QString title;
        bool suspended = false;
    };
    QString key; ///< "ns/name"
    QString ns;
    QString name;
    QString appId;
    QString owner;
    QList<Key> keys;
    int metricsLabel = 0; ///< key in the snapshot's LabelTable
};

/** @brief What one application may do on one API: the winning subscription. */
struct GrantConfig
{
    QString subscription; ///< "ns/name"
    qint64 weight = 0;
    std::shared_ptr<const PlanConfig> plan;
    std::optional<QStringList> operationFilter;
    /// The plan's rate and quota bucket keys for this application and API, built once here
    /// (the plan filter would otherwise build them on every request).
    QString rateBucket;
    QString quotaBucket;
};

struct MiddlewareConfig
{
    enum class Type { StripPrefix, AddPrefix, RequestHeaders, ResponseHeaders };
    Type type = Type::StripPrefix;
    QList<QByteArray> values; ///< prefixes, or name/value pairs flattened
};

struct RouteConfig
{
    QString id; ///< "ns/name#index"
    QString ns;
    QString rule;
    QSet<QString> entryPoints; ///< empty = every entry point
    std::shared_ptr<const RouteMatcher> matcher;
    qint64 priority = 0;
    bool tls = false;
    std::shared_ptr<const ApiConfig> api; ///< null for a plain route
    QString portal; ///< "ns/name" when this route serves a portal
    QList<UpstreamConfig> upstreams;
    QList<MiddlewareConfig> middlewares;
    int metricsLabel = 0; ///< id in the snapshot's LabelTable
    /// CORS, authentication, subscription, plan, then the middlewares: built once here
    /// (filters/filter.h); the terminal runs after it.
    std::shared_ptr<const FilterChain> filters;
};

/** @brief An APIPortal the gateway serves, with its resolved OIDC login. */
struct PortalConfig
{
    QString key; ///< "ns/name"
    QString ns;
    QString name;
    ApiPortalSpec spec;
    QString authName;
    ApiPortalAuthSpec auth;
    QByteArray clientId;
    QByteArray clientSecret;
};

/** @brief A resource the gateway does not serve, and why (shown in /api/status and the console). */
struct SkippedResource
{
    QString kind;
    QString ns;
    QString name;
    QString reason;
};

/**
 * @brief The immutable snapshot the data path reads: compiled once from a workspace and
 * airgate.yaml, shared by every worker thread, swapped in one step on reload.
 */
struct RuntimeConfig
{
    quint64 generation = 0;
    qint64 builtAtMs = 0;
    QList<EntryPointConfig> entryPoints;
    std::vector<RouteConfig> routes; ///< highest priority first
    QHash<QString, std::shared_ptr<const ApiConfig>> apis;
    std::vector<ApplicationConfig> applications;
    QHash<QByteArray, QPair<int, int>> keysByDigest; ///< digest → (application, key)
    QHash<QString, int> applicationsByAppId; ///< "ns|appId" → application
    QHash<QString, GrantConfig> grants; ///< "appKey|apiGrantKey"
    QHash<QString, std::shared_ptr<const PlanConfig>> plans;
    QList<SkippedResource> ignored;
    QStringList warnings;
    QStringList loaded; ///< "API apps/weather-api", …
    GatewayLimits limits;
    QMap<QString, ListenAddress> portalPreview;
    QHash<QString, std::shared_ptr<const PortalConfig>> portals; ///< "ns/name"
    QString workspaceRoot;
    /// The workspace the snapshot was compiled from (the portal reads catalogs and documents).
    std::shared_ptr<const Workspace> workspace;
    /// What the metricsLabel handles of this snapshot refer to (the gateway's, across reloads).
    std::shared_ptr<LabelTable> labels;

    /**
     * The router: the first route, highest priority first, whose TLS mode and entry points fit
     * @p request and whose rule matches its routing path (RequestPath::routing) and @p host.
     */
    const RouteConfig *findRoute(const Http::Request &request, const QByteArray &routingPath,
                                 const QByteArray &host) const;
};

/**
 * @brief The manifests that passed the CRD schema check, by the SHA-256 of their document's
 * text, carried by the gateway from one compile to the next: a reload checks again only the
 * documents whose text changed (with 1,000 APIs, applications and subscriptions the schema walk
 * was a quarter of a reload). Only documents whose every resource passed are kept, so an invalid
 * resource is always checked again and skipped with its current reason.
 */
struct SchemaCheckCache
{
    QSet<QByteArray> passed;
};

/** @brief How to compile: listen addresses given on the command line win over airgate.yaml. */
struct CompileOptions
{
    QMap<QString, ListenAddress> listenOverrides;
    /// Set (by SIGTERM) to stop reading documents: the compile then fails, so no snapshot with
    /// documents missing is ever served.
    const std::atomic<bool> *cancel = nullptr;
    /// Where metric labels are interned (the gateway's Metrics::labels()); null: a new table.
    std::shared_ptr<LabelTable> labels;
    /// Read and replaced by the compile (the documents that pass now); null: check every one.
    std::shared_ptr<SchemaCheckCache> schemaChecks;
};

struct CompileResult
{
    std::shared_ptr<RuntimeConfig> config; ///< null when fatal is not empty
    QStringList fatal; ///< why the workspace cannot be served (last good stays)
};

/**
 * Compiles a workspace into a snapshot. Pure: no sockets, no clock (generation is set by the
 * caller). Resources that cannot be served are skipped with the gateway's log line as reason
 * (`API "weather-api" will be ignored: no authentication configuration found`); YAML or
 * settings errors are fatal, so the last good snapshot keeps serving.
 */
CompileResult compile(const Workspace &workspace, const CompileOptions &options = {});
/** The same, keeping @p workspace in the snapshot instead of a copy of it. */
CompileResult compile(std::shared_ptr<const Workspace> workspace,
                      const CompileOptions &options = {});

} // namespace Airgate::Runtime
