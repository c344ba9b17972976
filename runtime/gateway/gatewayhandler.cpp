// SPDX-License-Identifier: Apache-2.0
#include "gatewayhandler.h"

#include "routing/requestpath.h"

#include <QDateTime>
#include <QUrl>

namespace Airgate::Runtime {

void stripHopByHop(Http::Headers &headers)
{
    QList<QByteArray> named;
    for (const QByteArray &v : headers.values("connection"))
        for (const QByteArray &t : v.split(','))
            if (!t.trimmed().isEmpty())
                named << t.trimmed();
    static const char *const hop[] = {"connection",
                                      "keep-alive",
                                      "proxy-connection",
                                      "proxy-authenticate",
                                      "proxy-authorization",
                                      "te",
                                      "trailer",
                                      "transfer-encoding",
                                      "upgrade"};
    for (const char *h : hop)
        headers.remove(h);
    // Connection may name only hop-by-hop fields: Host and the framing headers are never
    // removed because it names them (`Connection: Host` would strip the upstream's Host).
    for (const QByteArray &n : named)
        if (n.compare("host", Qt::CaseInsensitive) != 0
            && n.compare("content-length", Qt::CaseInsensitive) != 0
            && n.compare("transfer-encoding", Qt::CaseInsensitive) != 0)
            headers.remove(n);
}

void GatewayHandler::refused(const Http::Refusal &r)
{
    AccessLogEntry e;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.entryPoint = r.entryPoint;
    e.clientIp = r.peer.toString();
    e.method = r.method;
    e.host = r.host;
    e.path = r.path;
    e.status = r.status;
    e.reason = QString::fromLatin1(r.reason);
    e.generation = m_shared->generation();
    m_shared->accessLog.append(e);
}

GatewayHandler::GatewayHandler(SharedState *shared, PortalService *portal, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_portal(portal)
    , m_pool(this)
    , m_metrics(shared->metrics.addShard())
{
}

void GatewayHandler::handle(const Http::ExchangePtr &exchange)
{
    const quint64 gen = m_shared->generation();
    if (gen != m_generation) {
        m_config = m_shared->current();
        m_generation = gen;
    }
    auto ctx = std::make_shared<RequestContext>();
    ctx->exchange = exchange;
    ctx->config = m_config;
    ctx->shared = m_shared;
    ctx->metrics = m_metrics;
    ctx->startNanos = m_shared->steadyNanos();
    Http::Request &r = exchange->request;
    auto path = RequestPath::fromRaw(r.path);
    if (path) {
        ctx->routingPath = std::move(path->routing);
        ctx->forwardPath = std::move(path->forward);
    }
    ctx->host = r.host();
    ctx->log.timeMs = r.receivedAtMs;
    ctx->log.entryPoint = r.entryPoint;
    ctx->log.clientIp = r.peer.toString();
    ctx->log.method = r.method;
    ctx->log.host = ctx->host;
    ctx->log.path = r.path;
    ctx->log.generation = gen;
    m_shared->inFlight++;
    if (!path) {
        ctx->log.reason = path.error().message;
        Http::Response bad = Http::Response::text(400, "Bad Request\n");
        bad.closeAfter = true;
        complete(ctx, std::move(bad));
        return;
    }
    if (!m_config) {
        complete(ctx, Http::Response::text(503, "the gateway has no configuration yet\n"));
        return;
    }
    // Portal preview listeners serve one portal for any host.
    if (r.entryPoint.startsWith(QLatin1StringView("portal:"))) {
        const QString portal = r.entryPoint.mid(7);
        ctx->log.route = QStringLiteral("portal preview ") + portal;
        if (!m_portal) {
            complete(
                ctx,
                Http::Response::text(503, "the developer portal is not available in this build\n"));
            return;
        }
        std::weak_ptr<RequestContext> weak = ctx;
        m_portal->serve(ctx, portal, [this, weak](Http::Response resp) {
            if (auto c = weak.lock())
                complete(c, std::move(resp));
        });
        return;
    }
    ctx->route = m_config->findRoute(r, ctx->routingPath, ctx->host);
    if (!ctx->route) {
        ctx->log.reason = QStringLiteral("no route matches");
        // Traefik's own answer.
        complete(ctx, Http::Response::text(404, "404 page not found\n"));
        return;
    }
    ctx->log.route = ctx->route->id;
    ctx->api = ctx->route->api.get();
    if (ctx->api)
        ctx->log.api = ctx->api->key;
    if (!ctx->route->filters) {
        terminal(ctx);
        return;
    }
    // The chain's callbacks hold the request weakly: the context owns them.
    std::weak_ptr<RequestContext> weak = ctx;
    ctx->onChainEnd = [this, weak] {
        if (auto c = weak.lock())
            terminal(c);
    };
    ctx->onLocalReply = [this, weak](Http::Response resp) {
        if (auto c = weak.lock())
            complete(c, std::move(resp));
    };
    ctx->route->filters->start(*ctx);
}

void GatewayHandler::terminal(const RequestContextPtr &ctx)
{
    const RouteConfig &route = *ctx->route;
    // Weighted choice among the route's services.
    const UpstreamConfig *u = nullptr;
    qint64 total = 0;
    for (const UpstreamConfig &c : route.upstreams)
        total += qMax<qint64>(0, c.weight);
    if (total > 0) {
        m_rng = m_rng * 1664525u + 1013904223u;
        qint64 pick = static_cast<qint64>(m_rng % static_cast<quint32>(total));
        for (const UpstreamConfig &c : route.upstreams) {
            pick -= qMax<qint64>(0, c.weight);
            if (pick < 0) {
                u = &c;
                break;
            }
        }
    } else if (!route.upstreams.isEmpty()) {
        u = &route.upstreams.first();
    }
    if (!u) {
        ctx->log.reason = QStringLiteral("route has no service");
        complete(ctx, Http::Response::text(503, "Service Unavailable\n"));
        return;
    }
    ctx->log.upstream = u->serviceKey;
    switch (u->type) {
    case UpstreamConfig::Type::Unresolved:
        ctx->log.reason = u->problem;
        m_metrics->upstreamError(u->metricsLabel, MetricReason::Unresolved);
        complete(ctx, Http::Response::text(502, "Bad Gateway\n"));
        return;
    case UpstreamConfig::Type::Mock:
        complete(
            ctx,
            u->mock->respond(ctx->request(), Http::percentDecode(ctx->forwardPath), u->specPaths));
        return;
    case UpstreamConfig::Type::Portal: {
        if (!m_portal) {
            complete(
                ctx,
                Http::Response::text(503, "the developer portal is not available in this build\n"));
            return;
        }
        std::weak_ptr<RequestContext> weak = ctx;
        m_portal->serve(ctx, u->portal, [this, weak](Http::Response resp) {
            if (auto c = weak.lock())
                complete(c, std::move(resp));
        });
        return;
    }
    case UpstreamConfig::Type::Url:
        proxy(ctx, *u);
        return;
    }
}

void GatewayHandler::proxy(const RequestContextPtr &ctx, const UpstreamConfig &u)
{
    Http::Request &r = ctx->request();
    // The normalised path, never the raw one: what the route and the filters judged (and
    // stripPrefix/addPrefix rewrote) is what the upstream receives.
    const QByteArray &path = ctx->forwardPath;
    Http::Headers headers = r.headers;
    stripHopByHop(headers);
    headers.remove("content-length");
    if (ctx->stripAuthorization)
        headers.remove("authorization");
    for (const Http::Headers::Field &f : ctx->upstreamExtraHeaders.fields())
        headers.set(f.first, f.second);
    for (const auto &[name, value] : ctx->upstreamHeaderEdits) {
        if (value.isEmpty())
            headers.remove(name);
        else
            headers.set(name, value);
    }
    const QByteArray client = r.peer.toString().toLatin1();
    const QByteArray prior = headers.value("x-forwarded-for");
    headers.set("X-Forwarded-For", prior.isEmpty() ? client : prior + ", " + client);
    headers.set("X-Forwarded-Proto", r.tls ? "https" : "http");
    headers.set("X-Forwarded-Host", r.headers.value("host"));
    headers.set("X-Real-Ip", client);
    if (!u.passHostHeader)
        headers.set("Host", u.host.toLatin1() + ':' + QByteArray::number(u.port));
    QByteArray out;
    out.reserve(512 + r.body.size());
    out += r.method;
    out += ' ';
    out += path;
    if (!r.query.isEmpty()) {
        out += '?';
        out += r.query;
    }
    out += " HTTP/1.1\r\n";
    for (const Http::Headers::Field &f : headers.fields()) {
        out += f.first;
        out += ": ";
        out += f.second;
        out += "\r\n";
    }
    if (!r.body.isEmpty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH") {
        out += "Content-Length: ";
        out += QByteArray::number(r.body.size());
        out += "\r\n";
    }
    out += "\r\n";
    out += r.body;
    UpstreamRequest req;
    req.host = u.host;
    req.port = u.port;
    req.https = u.https;
    req.method = r.method;
    req.bytes = std::move(out);
    req.connectTimeoutMs = u.connectTimeoutMs;
    req.readTimeoutMs = u.readTimeoutMs;
    req.maxResponseBytes = ctx->config->limits.maxUpstreamResponseBytes;
    req.idempotent = r.method == "GET" || r.method == "HEAD" || r.method == "OPTIONS"
        || r.method == "PUT" || r.method == "DELETE";
    const int serviceLabel = u.metricsLabel;
    std::weak_ptr<RequestContext> weak = ctx;
    const quint64 ticket
        = m_pool.send(std::move(req), [this, weak, serviceLabel](UpstreamResult res) {
              auto c = weak.lock();
              if (!c)
                  return;
              if (res.error != UpstreamResult::Error::None) {
                  const bool timeout = res.error == UpstreamResult::Error::ConnectTimeout
                      || res.error == UpstreamResult::Error::ReadTimeout;
                  c->log.reason = res.errorText;
                  m_metrics->upstreamError(serviceLabel,
                                           timeout ? MetricReason::Timeout
                                               : res.error == UpstreamResult::Error::Refused
                                               ? MetricReason::Connect
                                               : MetricReason::Protocol);
                  complete(c,
                           Http::Response::text(timeout ? 504 : 502,
                                                timeout ? "Gateway Timeout\n" : "Bad Gateway\n"));
                  return;
              }
              Http::Response resp;
              resp.status = res.status;
              resp.headers = std::move(res.headers);
              stripHopByHop(resp.headers);
              resp.headers.remove("content-length");
              resp.body = std::move(res.body);
              complete(c, std::move(resp));
          });
    // The client may leave first: stop waiting for the upstream and free the request state.
    ctx->exchange->setAbandonHandler([this, ticket, keep = RequestContextPtr(ctx)]() mutable {
        m_pool.cancel(ticket);
        keep->log.status = 499;
        keep->log.reason = QStringLiteral("client closed the connection before the reply");
        keep->log.durationMs
            = static_cast<double>(m_shared->steadyNanos() - keep->startNanos) / 1e6;
        m_shared->accessLog.append(keep->log);
        m_shared->inFlight--;
        keep.reset();
    });
}

void GatewayHandler::complete(const RequestContextPtr &ctx, Http::Response response)
{
    if (ctx->exchange->replied())
        return;
    auto refuseUnsafe = [&] {
        if (const char *why = Http::responseHeadProblem(response)) {
            // A CR/LF/NUL in a header (from an upstream or a middleware value) is never
            // written: the HTTP layer would refuse it too; the log says why.
            ctx->log.reason = QString::fromLatin1(why);
            response = Http::Response::text(500, "Internal Server Error\n");
        }
    };
    for (const Http::Headers::Field &f : ctx->responseExtraHeaders.fields())
        response.headers.set(f.first, f.second);
    if (ctx->route && ctx->route->filters)
        ctx->route->filters->encodeResponse(*ctx, response);
    refuseUnsafe();
    const qint64 nanos = m_shared->steadyNanos() - ctx->startNanos;
    ctx->log.status = response.status;
    ctx->log.durationMs = static_cast<double>(nanos) / 1e6;
    ctx->log.bytes = response.bodySize();
    m_metrics->request(ctx->api ? ctx->api->metricsLabel : 0, response.status,
                       ctx->applicationLabel, nanos);
    m_shared->accessLog.append(ctx->log);
    ctx->exchange->setAbandonHandler(nullptr);
    ctx->exchange->reply(std::move(response));
    m_shared->inFlight--;
}

} // namespace Airgate::Runtime
