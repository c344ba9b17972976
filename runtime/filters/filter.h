// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/runtimeconfig.h"
#include "gateway/accesslog.h"
#include "http/httpserver.h"

#include <memory>

namespace Airgate::Runtime {

class MetricsShard;
class SharedState;

/** @brief What a filter says (Envoy's FilterHeadersStatus, closed). */
enum class FilterStatus {
    Continue, ///< the next filter runs
    StopIteration, ///< the filter resumes later (continueChain) — for asynchronous work
    StopAndReply, ///< the filter produced the local reply (401, 403, 429, …)
};

/** @brief The per-request state the filters share; built by the gateway handler. */
struct RequestContext
{
    Http::ExchangePtr exchange;
    std::shared_ptr<const RuntimeConfig> config;
    SharedState *shared = nullptr;
    MetricsShard *metrics = nullptr; ///< the worker's own counters
    const RouteConfig *route = nullptr;
    const ApiConfig *api = nullptr;
    /// Traefik's routing path of the normalised request path (routing/requestpath.h): what
    /// routes and operation filters match.
    QByteArray routingPath;
    /// The normalised path, percent-encoded: what goes upstream (before stripPrefix/addPrefix).
    QByteArray forwardPath;
    QByteArray host;
    qint64 startNanos = 0;

    // Set by the auth filter.
    const ApplicationConfig *application = nullptr;
    int applicationLabel = 0; ///< the application the request counts for (also when refused)
    QString keyTitle;
    Http::Headers upstreamExtraHeaders; ///< forwardHeaders claims
    bool stripAuthorization = false;
    // Set by the access filter.
    const GrantConfig *grant = nullptr;

    Http::Headers responseExtraHeaders; ///< CORS, X-Ratelimit-Remaining, X-Quota-Remaining
    Http::Response localReply; ///< when a filter stops with StopAndReply
    AccessLogEntry log;

    Http::Request &request() { return exchange->request; }
    /** Sets a local reply (empty body as Hub answers 401/403/429) and its access-log reason. */
    FilterStatus reply(int status, const QString &reason, QByteArray body = {});
};

using RequestContextPtr = std::shared_ptr<RequestContext>;

/** CORS: answers preflights, adds the allow headers to actual responses. */
FilterStatus corsFilter(RequestContext &ctx);
/** API key, JWT or keyless authentication with the namespace's default APIAuth: 401. */
FilterStatus authFilter(RequestContext &ctx);
/** Subscription and operation filter: 403. */
FilterStatus accessFilter(RequestContext &ctx);
/** The plan's rate limit (GCRA) and quota (sliding window): 429, remaining-count headers. */
FilterStatus planFilter(RequestContext &ctx);

} // namespace Airgate::Runtime
