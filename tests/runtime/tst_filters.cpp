// SPDX-License-Identifier: Apache-2.0
// The request path's filters, one by one, on a fake request context (no socket, no gateway):
// the chain's order, Stop with a later resume() or sendLocalReply(), the response pass last
// filter first, per-filter reply counters, and each filter's answers. Plan limits run on the
// injected clocks of SharedState: nothing here sleeps.
#include "filters/filter.h"
#include "gateway/metrics.h"
#include "gateway/sharedstate.h"
#include "keys/apikey.h"

#include <QTest>

using namespace Airgate::Runtime;
using namespace Airgate;

namespace {

/** A request context as the gateway handler builds it, with the terminal and local replies
 * recorded instead of sent. */
struct Fake
{
    SharedState shared;
    std::shared_ptr<RuntimeConfig> config = std::make_shared<RuntimeConfig>();
    std::shared_ptr<ApiConfig> api = std::make_shared<ApiConfig>();
    RouteConfig route;
    qint64 nanos = 1'000'000'000'000;
    qint64 ms = 1'764'000'000'000;
    std::shared_ptr<RequestContext> ctx;
    int terminals = 0;
    QList<Http::Response> replies;

    Fake()
    {
        shared.steadyNanos = [this] { return nanos; };
        shared.wallMs = [this] { return ms; };
        api->key = api->grantKey = QStringLiteral("ns/api");
        api->ns = QStringLiteral("ns");
        auto auth = std::make_shared<AuthConfig>();
        auth->method = AuthConfig::Method::Keyless;
        api->auth = auth;
        route.id = QStringLiteral("ns/route#0");
        route.api = api;
        route.metricsLabel = shared.metrics.labels()->intern(route.id);
    }

    RequestContext &request(QByteArray method = "GET", QByteArray path = "/a",
                            Http::Headers headers = {})
    {
        ctx = std::make_shared<RequestContext>();
        ctx->exchange = std::make_shared<Http::Exchange>();
        ctx->exchange->request.method = method;
        ctx->exchange->request.path = path;
        ctx->exchange->request.headers = std::move(headers);
        ctx->config = config;
        ctx->shared = &shared;
        ctx->metrics = &shared.metrics.common();
        ctx->route = &route;
        ctx->api = route.api.get();
        ctx->routingPath = ctx->forwardPath = path;
        ctx->onChainEnd = [this] { ++terminals; };
        ctx->onLocalReply = [this](Http::Response r) { replies << r; };
        return *ctx;
    }
    /** The route's chain as the compiler builds it, run on a new request. */
    RequestContext &run(QByteArray method = "GET", QByteArray path = "/a",
                        Http::Headers headers = {})
    {
        route.filters = FilterChain::forRoute(route, *shared.metrics.labels());
        RequestContext &c = request(method, path, std::move(headers));
        route.filters->start(c);
        return c;
    }
    int lastStatus() const { return replies.isEmpty() ? 0 : replies.last().status; }
};

/** A filter that records what runs and answers what the test says. */
class Probe final : public Filter
{
public:
    Probe(QString name, QStringList *trace, FilterStatus onHeaders = FilterStatus::Continue)
        : m_name(std::move(name))
        , m_trace(trace)
        , m_onHeaders(onHeaders)
    {
    }
    QString name() const override { return m_name; }
    FilterStatus onRequestHeaders(RequestContext &) override
    {
        *m_trace << m_name + QStringLiteral(":headers");
        return m_onHeaders;
    }
    FilterStatus onRequestBody(RequestContext &) override
    {
        *m_trace << m_name + QStringLiteral(":body");
        return FilterStatus::Continue;
    }
    void onResponseHeaders(RequestContext &, Http::Response &r) override
    {
        *m_trace << m_name + QStringLiteral(":response");
        r.headers.add("X-Seen", m_name.toLatin1());
    }

private:
    QString m_name;
    QStringList *m_trace;
    FilterStatus m_onHeaders;
};

std::shared_ptr<const FilterChain> chainOf(std::vector<std::shared_ptr<const Filter>> filters,
                                           LabelTable &labels)
{
    std::vector<FilterChain::Entry> entries;
    for (auto &f : filters)
        entries.push_back({f, labels.intern(f->name())});
    return std::make_shared<FilterChain>(std::move(entries));
}

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out << QString::fromLatin1(n);
    return out;
}

Http::Headers headers(std::initializer_list<std::pair<QByteArray, QByteArray>> fields)
{
    Http::Headers h;
    for (const auto &[n, v] : fields)
        h.add(n, v);
    return h;
}

} // namespace

class TestFilters final : public QObject
{
    Q_OBJECT

private slots:
    // ------------------------------------------------------------------ the chain
    void headersOfEveryFilterThenBodiesThenTheTerminal()
    {
        Fake f;
        QStringList trace;
        f.route.filters = chainOf({std::make_shared<Probe>(QStringLiteral("a"), &trace),
                                   std::make_shared<Probe>(QStringLiteral("b"), &trace)},
                                  *f.shared.metrics.labels());
        RequestContext &c = f.request();
        f.route.filters->start(c);
        QCOMPARE(trace, names({"a:headers", "b:headers", "a:body", "b:body"}));
        QCOMPARE(f.terminals, 1);
        Http::Response r;
        f.route.filters->encodeResponse(c, r);
        // The response passes the filters last first (Envoy's encoder order, Traefik's nesting).
        QCOMPARE(r.headers.values("x-seen"), QList<QByteArray>({"b", "a"}));
    }

    void stopWaitsUntilResume()
    {
        Fake f;
        QStringList trace;
        f.route.filters
            = chainOf({std::make_shared<Probe>(QStringLiteral("async"), &trace, FilterStatus::Stop),
                       std::make_shared<Probe>(QStringLiteral("next"), &trace)},
                      *f.shared.metrics.labels());
        RequestContext &c = f.request();
        f.route.filters->start(c);
        QCOMPARE(trace, names({"async:headers"}));
        QCOMPARE(f.terminals, 0);
        c.resume(); // the asynchronous work is done
        QCOMPARE(trace, names({"async:headers", "next:headers", "async:body", "next:body"}));
        QCOMPARE(f.terminals, 1);
        QVERIFY(f.replies.isEmpty());
    }

    void sendLocalReplyLaterEndsTheChainAndIsCountedForItsFilter()
    {
        Fake f;
        QStringList trace;
        f.route.filters
            = chainOf({std::make_shared<Probe>(QStringLiteral("async"), &trace, FilterStatus::Stop),
                       std::make_shared<Probe>(QStringLiteral("next"), &trace)},
                      *f.shared.metrics.labels());
        RequestContext &c = f.request();
        f.route.filters->start(c);
        c.sendLocalReply(Http::Response::text(503, "later\n"), QStringLiteral("backend down"));
        QCOMPARE(f.lastStatus(), 503);
        QCOMPARE(c.log.reason, QStringLiteral("backend down"));
        QVERIFY(c.finished());
        c.resume(); // too late: nothing more runs
        c.sendLocalReply(Http::Response::text(500, "twice\n"), {});
        QCOMPARE(trace, names({"async:headers"}));
        QCOMPARE(f.terminals, 0);
        QCOMPARE(f.replies.size(), 1);
        const QByteArray metrics = f.shared.metrics.render();
        QVERIFY2(metrics.contains("airgate_filter_replies_total{route=\"ns/"
                                  "route#0\",filter=\"async\",code=\"503\"} 1"),
                 metrics.constData());
    }

    void chainOrderFromTheCompiledRoute()
    {
        Fake f;
        auto auth = std::make_shared<AuthConfig>();
        auth->method = AuthConfig::Method::ApiKey;
        f.api->auth = auth;
        f.api->cors.enabled = true;
        f.route.middlewares << MiddlewareConfig {MiddlewareConfig::Type::StripPrefix, {"/a"}}
                            << MiddlewareConfig {MiddlewareConfig::Type::AddPrefix, {"/v1"}}
                            << MiddlewareConfig {MiddlewareConfig::Type::ResponseHeaders,
                                                 {"X-A", "1"}};
        const auto chain = FilterChain::forRoute(f.route, *f.shared.metrics.labels());
        QStringList built;
        for (const auto &e : chain->entries())
            built << e.filter->name();
        QCOMPARE(built,
                 names({"cors", "apiKey", "subscription", "plan", "stripPrefix", "addPrefix",
                        "headers"}));
        // A route of no API has only its middlewares.
        f.route.api.reset();
        QCOMPARE(FilterChain::forRoute(f.route, *f.shared.metrics.labels())->entries().size(),
                 size_t(3));
    }

    // ------------------------------------------------------------------ CORS
    void corsPreflightIsAnsweredBeforeAuthentication()
    {
        Fake f;
        auto auth = std::make_shared<AuthConfig>();
        auth->method = AuthConfig::Method::ApiKey;
        f.api->auth = auth;
        f.api->cors.enabled = true;
        f.api->cors.allowOrigins = {"https://app.test"};
        f.api->cors.allowMethods = "GET, POST";
        RequestContext &c = f.run(
            "OPTIONS", "/a",
            headers({{"Origin", "https://app.test"}, {"Access-Control-Request-Method", "POST"}}));
        QCOMPARE(f.lastStatus(), 204);
        QCOMPARE(c.responseExtraHeaders.value("access-control-allow-origin"),
                 QByteArray("https://app.test"));
        QCOMPARE(c.responseExtraHeaders.value("access-control-allow-methods"),
                 QByteArray("GET, POST"));
        f.run(
            "OPTIONS", "/a",
            headers({{"Origin", "https://evil.test"}, {"Access-Control-Request-Method", "POST"}}));
        QCOMPARE(f.lastStatus(), 204);
        QVERIFY(!f.ctx->responseExtraHeaders.has("access-control-allow-origin"));
    }

    // ------------------------------------------------------------------ authentication
    void apiKeyFindsItsApplication()
    {
        Fake f;
        auto auth = std::make_shared<AuthConfig>();
        auth->method = AuthConfig::Method::ApiKey;
        auth->keys.defaults = true;
        f.api->auth = auth;
        ApplicationConfig app;
        app.key = QStringLiteral("ns/app");
        app.keys << ApplicationConfig::Key {Keys::digestHex("good"), QStringLiteral("k1"), false}
                 << ApplicationConfig::Key {Keys::digestHex("off"), QStringLiteral("k2"), true};
        f.config->applications.push_back(app);
        f.config->keysByDigest.insert(Keys::digestHex("good"), {0, 0});
        f.config->keysByDigest.insert(Keys::digestHex("off"), {0, 1});
        f.config->grants.insert(QStringLiteral("ns/app|ns/api"), GrantConfig {});

        f.run();
        QCOMPARE(f.lastStatus(), 401);
        QCOMPARE(f.ctx->log.reason, QStringLiteral("no API key in the request"));
        f.run("GET", "/a", headers({{"Authorization", "Bearer bad"}}));
        QCOMPARE(f.lastStatus(), 401);
        QCOMPARE(f.ctx->log.reason, QStringLiteral("unknown API key"));
        f.run("GET", "/a", headers({{"Authorization", "Bearer off"}}));
        QCOMPARE(f.lastStatus(), 401);
        QVERIFY(f.ctx->log.reason.contains(QStringLiteral("suspended")));
        QCOMPARE(f.replies.size(), 3);
        QCOMPARE(f.terminals, 0);

        f.run("GET", "/a", headers({{"Authorization", "Bearer good"}}));
        QCOMPARE(f.replies.size(), 3);
        QCOMPARE(f.terminals, 1);
        QCOMPARE(f.ctx->application, &f.config->applications[0]);
        QCOMPARE(f.ctx->keyTitle, QStringLiteral("k1"));
        const QByteArray metrics = f.shared.metrics.render();
        QVERIFY(metrics.contains(
            "airgate_filter_replies_total{route=\"ns/route#0\",filter=\"apiKey\",code=\"401\"} 3"));
    }

    // ------------------------------------------------------------------ subscription
    void subscriptionAndOperationFilter()
    {
        Fake f;
        ApplicationConfig app;
        app.key = QStringLiteral("ns/app");
        f.config->applications.push_back(app);
        RequestContext &c = f.request();
        c.application = &f.config->applications[0];
        SubscriptionFilter s(f.api);
        QCOMPARE(s.onRequestHeaders(c), FilterStatus::Stop);
        QCOMPARE(f.lastStatus(), 403);

        GrantConfig g;
        g.subscription = QStringLiteral("ns/sub");
        g.operationFilter = QStringList {QStringLiteral("reads")};
        f.config->grants.insert(QStringLiteral("ns/app|ns/api"), g);
        RequestContext &c2 = f.request("DELETE", "/a");
        c2.application = &f.config->applications[0];
        QCOMPARE(s.onRequestHeaders(c2), FilterStatus::Stop); // no operation set "reads"
        QCOMPARE(f.lastStatus(), 403);
        QVERIFY(c2.log.reason.contains(QStringLiteral("outside the operation sets")));

        f.config->grants[QStringLiteral("ns/app|ns/api")].operationFilter.reset();
        RequestContext &c3 = f.request();
        c3.application = &f.config->applications[0];
        QCOMPARE(s.onRequestHeaders(c3), FilterStatus::Continue);
        QCOMPARE(c3.log.subscription, QStringLiteral("ns/sub"));
        QVERIFY(c3.grant);
    }

    // ------------------------------------------------------------------ plan
    void rateLimitOnTheInjectedClock()
    {
        Fake f;
        auto plan = std::make_shared<PlanConfig>();
        plan->key = QStringLiteral("ns/plan");
        plan->rate.present = true;
        plan->rate.limit = 2;
        plan->rate.periodNanos = 1'000'000'000;
        GrantConfig g;
        g.plan = plan;
        g.rateBucket = QStringLiteral("rate|subscription|ns/sub");
        PlanFilter p;
        auto take = [&] {
            RequestContext &c = f.request();
            c.grant = &g;
            return p.onRequestHeaders(c);
        };
        QCOMPARE(take(), FilterStatus::Continue);
        QCOMPARE(f.ctx->responseExtraHeaders.value("x-ratelimit-remaining"), QByteArray("1"));
        QCOMPARE(take(), FilterStatus::Continue);
        QCOMPARE(take(), FilterStatus::Stop);
        QCOMPARE(f.lastStatus(), 429);
        QCOMPARE(f.ctx->responseExtraHeaders.value("retry-after"), QByteArray("1"));
        f.nanos += 499'000'000; // one request regenerates every 500 ms
        QCOMPARE(take(), FilterStatus::Stop);
        f.nanos += 1'000'000;
        QCOMPARE(take(), FilterStatus::Continue);
        QCOMPARE(take(), FilterStatus::Stop);
    }

    void quotaOnTheInjectedWallClock()
    {
        Fake f;
        auto plan = std::make_shared<PlanConfig>();
        plan->key = QStringLiteral("ns/plan");
        plan->quota.present = true;
        plan->quota.limit = 2;
        plan->quota.periodNanos = 3'600'000'000'000; // 1 h
        GrantConfig g;
        g.plan = plan;
        g.quotaBucket = QStringLiteral("quota|subscription|ns/sub");
        PlanFilter p;
        auto take = [&] {
            RequestContext &c = f.request();
            c.grant = &g;
            return p.onRequestHeaders(c);
        };
        QCOMPARE(take(), FilterStatus::Continue);
        QCOMPARE(f.ctx->responseExtraHeaders.value("x-quota-remaining"), QByteArray("1"));
        QCOMPARE(take(), FilterStatus::Continue);
        QCOMPARE(take(), FilterStatus::Stop);
        QCOMPARE(f.lastStatus(), 429);
        f.ms += 3'600'000; // the window slid past both
        QCOMPARE(take(), FilterStatus::Continue);
    }

    // ------------------------------------------------------------------ middlewares
    void stripAndAddPrefixRewriteTheUpstreamPath()
    {
        Fake f;
        f.route.api.reset();
        f.route.middlewares << MiddlewareConfig {MiddlewareConfig::Type::StripPrefix,
                                                 {"/nope", "/api"}}
                            << MiddlewareConfig {MiddlewareConfig::Type::AddPrefix, {"v 1"}};
        RequestContext &c = f.run("GET", "/api/x%2Fy");
        QCOMPARE(f.terminals, 1);
        QCOMPARE(c.forwardPath, QByteArray("/v%201/x%2Fy"));
        // A strip that leaves dot segments is refused, never sent.
        f.run("GET", "/api../x");
        QCOMPARE(f.lastStatus(), 400);
        QVERIFY(f.ctx->log.reason.contains(QStringLiteral("dot segments")));
        QCOMPARE(f.terminals, 1);
    }

    void headersMiddlewareEditsRequestAndResponse()
    {
        Fake f;
        f.route.api.reset();
        f.route.middlewares << MiddlewareConfig {MiddlewareConfig::Type::RequestHeaders,
                                                 {"X-Up", "1", "X-Gone", ""}}
                            << MiddlewareConfig {MiddlewareConfig::Type::ResponseHeaders,
                                                 {"X-Down", "2", "Server", ""}};
        RequestContext &c = f.run();
        QCOMPARE(c.upstreamHeaderEdits.size(), 2);
        QCOMPARE(c.upstreamHeaderEdits[0], std::make_pair(QByteArray("X-Up"), QByteArray("1")));
        QCOMPARE(c.upstreamHeaderEdits[1], std::make_pair(QByteArray("X-Gone"), QByteArray()));
        Http::Response r;
        r.headers.add("Server", "backend");
        f.route.filters->encodeResponse(c, r);
        QCOMPARE(r.headers.value("x-down"), QByteArray("2"));
        QVERIFY(!r.headers.has("server"));
    }
};

QTEST_GUILESS_MAIN(TestFilters)
#include "tst_filters.moc"
