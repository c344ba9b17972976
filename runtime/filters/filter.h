// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/runtimeconfig.h"
#include "gateway/accesslog.h"
#include "http/httpserver.h"

#include <functional>
#include <memory>
#include <vector>

namespace Airgate::Runtime {

class MetricsShard;
class SharedState;
class Filter;
class FilterChain;

/** @brief What a filter says of a request phase (Envoy's FilterHeadersStatus, closed). */
enum class FilterStatus {
    Continue, ///< the next filter runs
    /// The chain waits: the filter has replied (RequestContext::sendLocalReply), or it calls
    /// RequestContext::resume() later, when its asynchronous work is done.
    Stop,
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
    /// The normalised path, percent-encoded: what goes upstream. stripPrefix and addPrefix
    /// rewrite it.
    QByteArray forwardPath;
    QByteArray host;
    qint64 startNanos = 0;

    // Set by the authentication filter.
    const ApplicationConfig *application = nullptr;
    int applicationLabel = 0; ///< the application the request counts for (also when refused)
    QString keyTitle;
    Http::Headers upstreamExtraHeaders; ///< forwardHeaders claims
    bool stripAuthorization = false;
    // Set by the subscription filter.
    const GrantConfig *grant = nullptr;
    /// Request header edits of the headers middleware, in order: set, or remove when empty.
    QList<std::pair<QByteArray, QByteArray>> upstreamHeaderEdits;

    Http::Headers responseExtraHeaders; ///< CORS, X-Ratelimit-Remaining, X-Quota-Remaining
    AccessLogEntry log;

    Http::Request &request() { return exchange->request; }

    // ---------------------------------------------------------------- the chain's callbacks
    /** Goes on with the filter after the one that returned Stop (from any later event on the
     * worker's thread). Does nothing once the request has a reply. */
    void resume();
    /** Ends the request with @p response; the filters after the current one do not run. The
     * reply is counted for the current filter (airgate_filter_replies_total). */
    void sendLocalReply(Http::Response response, const QString &reason);
    /** A local reply with an empty body (as Hub answers 401/403/429) or @p body as plain
     * text: @return Stop, what the filter returns after it. */
    FilterStatus reply(int status, const QString &reason, QByteArray body = {});
    bool finished() const { return m_finished; }

    /// Wired by the gateway handler: what runs after the last filter (the terminal: proxy,
    /// mock or portal), and how a local reply is sent.
    std::function<void()> onChainEnd;
    std::function<void(Http::Response)> onLocalReply;

private:
    friend class FilterChain;
    const FilterChain *m_chain = nullptr;
    int m_next = 0; ///< the filter that runs next
    int m_current = -1; ///< the filter running or stopped
    bool m_bodyPhase = false;
    bool m_finished = false;
};

using RequestContextPtr = std::shared_ptr<RequestContext>;

/**
 * @brief One filter of a route's chain: built once from the snapshot by its factory, shared
 * by every worker, so it keeps no per-request state (that lives in RequestContext).
 */
class Filter
{
public:
    virtual ~Filter() = default;
    /** The name in metrics and the access log ("cors", "apiKey", "stripPrefix", …). */
    virtual QString name() const = 0;
    /** Request head received (the request line and header fields). */
    virtual FilterStatus onRequestHeaders(RequestContext &) { return FilterStatus::Continue; }
    /** The request body, complete (the HTTP layer buffers it within limits.maxBodyBytes). */
    virtual FilterStatus onRequestBody(RequestContext &) { return FilterStatus::Continue; }
    /** The response about to be sent (from the terminal or a local reply), last filter first. */
    virtual void onResponseHeaders(RequestContext &, Http::Response &) { }
};

/**
 * @brief A route's filters in order, built at compile time: CORS, authentication, subscription,
 * plan (for routes of an API), then the route's Traefik middlewares. The terminal (proxy, mock,
 * portal) is not a filter: it runs when the chain ends (RequestContext::onChainEnd).
 */
class FilterChain
{
public:
    struct Entry
    {
        std::shared_ptr<const Filter> filter;
        int label = 0; ///< the filter's name in the LabelTable (per-filter counters)
    };

    /** The chain of @p route (its API's filters and its middlewares); names interned in
     * @p labels. */
    static std::shared_ptr<const FilterChain> forRoute(const RouteConfig &route,
                                                       LabelTable &labels);
    explicit FilterChain(std::vector<Entry> entries)
        : m_entries(std::move(entries))
    {
    }

    /** Runs @p ctx through the chain from its start; calls onChainEnd when every filter has
     * continued through both phases. */
    void start(RequestContext &ctx) const;
    /** Every filter's onResponseHeaders, last first. */
    void encodeResponse(RequestContext &ctx, Http::Response &response) const;
    const std::vector<Entry> &entries() const { return m_entries; }

private:
    friend struct RequestContext;
    void run(RequestContext &ctx) const;
    std::vector<Entry> m_entries;
};

/** @brief How a filter type is made from a route: one per type, in chain order. */
struct FilterFactory
{
    const char *type;
    /** Appends this type's filters for @p route (none when it does not apply). */
    std::function<void(const RouteConfig &route, std::vector<std::shared_ptr<const Filter>> &out)>
        create;
};
/** The factories in chain order. */
const std::vector<FilterFactory> &filterFactories();

// ---------------------------------------------------------------- the filters

/** CORS: answers preflights, adds the allow headers to actual responses. */
class CorsFilter final : public Filter
{
public:
    explicit CorsFilter(std::shared_ptr<const ApiConfig> api)
        : m_api(std::move(api))
    {
    }
    QString name() const override { return QStringLiteral("cors"); }
    FilterStatus onRequestHeaders(RequestContext &ctx) override;

private:
    std::shared_ptr<const ApiConfig> m_api;
};

/** API key, JWT or keyless authentication with the API's APIAuth: 401 (403 for a JWT whose
 * application is unknown). */
class AuthFilter final : public Filter
{
public:
    explicit AuthFilter(std::shared_ptr<const ApiConfig> api)
        : m_api(std::move(api))
    {
    }
    QString name() const override;
    FilterStatus onRequestHeaders(RequestContext &ctx) override;

private:
    FilterStatus apiKey(RequestContext &ctx) const;
    FilterStatus jwt(RequestContext &ctx) const;
    std::shared_ptr<const ApiConfig> m_api;
};

/** Subscription and operation filter: 403. */
class SubscriptionFilter final : public Filter
{
public:
    explicit SubscriptionFilter(std::shared_ptr<const ApiConfig> api)
        : m_api(std::move(api))
    {
    }
    QString name() const override { return QStringLiteral("subscription"); }
    FilterStatus onRequestHeaders(RequestContext &ctx) override;

private:
    std::shared_ptr<const ApiConfig> m_api;
};

/** The plan's rate limit (GCRA) and quota (sliding window), on the gateway's injectable
 * clocks: 429, remaining-count headers. */
class PlanFilter final : public Filter
{
public:
    QString name() const override { return QStringLiteral("plan"); }
    FilterStatus onRequestHeaders(RequestContext &ctx) override;
};

/** Traefik's stripPrefix: the first matching prefix leaves the upstream path; a strip that
 * leaves `.`/`..` segments is refused (400), as Traefik ≥ 3.6.19 does. */
class StripPrefixFilter final : public Filter
{
public:
    explicit StripPrefixFilter(QList<QByteArray> prefixes)
        : m_prefixes(std::move(prefixes))
    {
    }
    QString name() const override { return QStringLiteral("stripPrefix"); }
    FilterStatus onRequestHeaders(RequestContext &ctx) override;

private:
    QList<QByteArray> m_prefixes;
};

/** Traefik's addPrefix: the prefix (percent-encoded as a path literal) before the upstream
 * path. */
class AddPrefixFilter final : public Filter
{
public:
    explicit AddPrefixFilter(QByteArray prefix);
    QString name() const override { return QStringLiteral("addPrefix"); }
    FilterStatus onRequestHeaders(RequestContext &ctx) override;

private:
    QByteArray m_encoded;
};

/** Traefik's headers middleware, customRequestHeaders and customResponseHeaders: set, or
 * remove when the value is empty. */
class HeadersFilter final : public Filter
{
public:
    using Pairs = QList<std::pair<QByteArray, QByteArray>>;
    HeadersFilter(Pairs request, Pairs response)
        : m_request(std::move(request))
        , m_response(std::move(response))
    {
    }
    QString name() const override { return QStringLiteral("headers"); }
    FilterStatus onRequestHeaders(RequestContext &ctx) override;
    void onResponseHeaders(RequestContext &ctx, Http::Response &response) override;

private:
    Pairs m_request;
    Pairs m_response;
};

} // namespace Airgate::Runtime
