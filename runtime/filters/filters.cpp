// SPDX-License-Identifier: Apache-2.0
#include "filter.h"

#include "gateway/metrics.h"
#include "gateway/sharedstate.h"
#include "keys/apikey.h"
#include "routing/requestpath.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Airgate::Runtime {

// ------------------------------------------------------------------ the chain

void RequestContext::sendLocalReply(Http::Response response, const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!reason.isEmpty())
        log.reason = reason;
    if (m_chain && m_current >= 0 && metrics && route)
        metrics->add(MetricsShard::Family::FilterStops, route->metricsLabel,
                     m_chain->entries()[static_cast<size_t>(m_current)].label, response.status);
    if (onLocalReply)
        onLocalReply(std::move(response));
}

FilterStatus RequestContext::reply(int status, const QString &reason, QByteArray body)
{
    Http::Response r;
    r.status = status;
    r.body = std::move(body);
    if (!r.body.isEmpty())
        r.headers.add("Content-Type", "text/plain; charset=utf-8");
    sendLocalReply(std::move(r), reason);
    return FilterStatus::Stop;
}

void RequestContext::resume()
{
    if (m_finished || !m_chain)
        return;
    m_chain->run(*this);
}

void FilterChain::start(RequestContext &ctx) const
{
    ctx.m_chain = this;
    ctx.m_next = 0;
    ctx.m_current = -1;
    ctx.m_bodyPhase = false;
    run(ctx);
}

void FilterChain::run(RequestContext &ctx) const
{
    const int n = static_cast<int>(m_entries.size());
    for (;;) {
        while (ctx.m_next < n) {
            const int i = ctx.m_next++;
            ctx.m_current = i;
            Filter &f = const_cast<Filter &>(*m_entries[static_cast<size_t>(i)].filter);
            const FilterStatus st
                = ctx.m_bodyPhase ? f.onRequestBody(ctx) : f.onRequestHeaders(ctx);
            if (ctx.m_finished || st == FilterStatus::Stop)
                return; // replied, or resume() comes later
        }
        if (ctx.m_bodyPhase)
            break;
        ctx.m_bodyPhase = true;
        ctx.m_next = 0;
    }
    ctx.m_current = -1;
    if (ctx.onChainEnd)
        ctx.onChainEnd();
}

void FilterChain::encodeResponse(RequestContext &ctx, Http::Response &response) const
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it)
        const_cast<Filter &>(*it->filter).onResponseHeaders(ctx, response);
}

const std::vector<FilterFactory> &filterFactories()
{
    using Out = std::vector<std::shared_ptr<const Filter>>;
    static const std::vector<FilterFactory> factories {
        {"cors",
         [](const RouteConfig &r, Out &out) {
             if (r.api && r.api->cors.enabled)
                 out.push_back(std::make_shared<CorsFilter>(r.api));
         }},
        {"authentication",
         [](const RouteConfig &r, Out &out) {
             if (r.api && r.api->auth)
                 out.push_back(std::make_shared<AuthFilter>(r.api));
         }},
        {"subscription",
         [](const RouteConfig &r, Out &out) {
             if (r.api)
                 out.push_back(std::make_shared<SubscriptionFilter>(r.api));
         }},
        {"plan",
         [](const RouteConfig &r, Out &out) {
             if (r.api)
                 out.push_back(std::make_shared<PlanFilter>());
         }},
        {"middlewares",
         [](const RouteConfig &r, Out &out) {
             for (const MiddlewareConfig &m : r.middlewares) {
                 HeadersFilter::Pairs pairs;
                 if (m.type == MiddlewareConfig::Type::RequestHeaders
                     || m.type == MiddlewareConfig::Type::ResponseHeaders)
                     for (qsizetype i = 0; i + 1 < m.values.size(); i += 2)
                         pairs.push_back({m.values[i], m.values[i + 1]});
                 switch (m.type) {
                 case MiddlewareConfig::Type::StripPrefix:
                     out.push_back(std::make_shared<StripPrefixFilter>(m.values));
                     break;
                 case MiddlewareConfig::Type::AddPrefix:
                     if (!m.values.isEmpty())
                         out.push_back(std::make_shared<AddPrefixFilter>(m.values.first()));
                     break;
                 case MiddlewareConfig::Type::RequestHeaders:
                     out.push_back(std::make_shared<HeadersFilter>(pairs, HeadersFilter::Pairs()));
                     break;
                 case MiddlewareConfig::Type::ResponseHeaders:
                     out.push_back(std::make_shared<HeadersFilter>(HeadersFilter::Pairs(), pairs));
                     break;
                 }
             }
         }},
    };
    return factories;
}

std::shared_ptr<const FilterChain> FilterChain::forRoute(const RouteConfig &route,
                                                         LabelTable &labels)
{
    std::vector<std::shared_ptr<const Filter>> filters;
    for (const FilterFactory &f : filterFactories())
        f.create(route, filters);
    std::vector<Entry> entries;
    entries.reserve(filters.size());
    for (auto &f : filters) {
        const int label = labels.intern(f->name());
        entries.push_back({std::move(f), label});
    }
    return std::make_shared<FilterChain>(std::move(entries));
}

// ------------------------------------------------------------------ CORS

FilterStatus CorsFilter::onRequestHeaders(RequestContext &ctx)
{
    const CorsConfig &cors = m_api->cors;
    if (!cors.enabled)
        return FilterStatus::Continue;
    const Http::Request &r = ctx.request();
    const QByteArray origin = r.headers.value("origin");
    if (origin.isEmpty())
        return FilterStatus::Continue;
    const bool allowed = cors.originAllowed(origin);
    const bool wildcard = cors.allowOrigins.contains("*") && !cors.allowCredentials;
    Http::Headers &h = ctx.responseExtraHeaders;
    if (allowed) {
        h.set("Access-Control-Allow-Origin", wildcard ? QByteArray("*") : origin);
        if (cors.allowCredentials)
            h.set("Access-Control-Allow-Credentials", "true");
        if (cors.addVaryHeader || !wildcard)
            h.set("Vary", "Origin");
    }
    if (r.method == "OPTIONS" && r.headers.has("access-control-request-method")) {
        // A preflight carries no credentials; it is answered here, before authentication.
        if (allowed) {
            if (!cors.allowMethods.isEmpty())
                h.set("Access-Control-Allow-Methods", cors.allowMethods);
            if (!cors.allowHeaders.isEmpty())
                h.set("Access-Control-Allow-Headers", cors.allowHeaders);
            if (cors.maxAge >= 0)
                h.set("Access-Control-Max-Age", QByteArray::number(cors.maxAge));
        }
        ctx.sendLocalReply(Http::Response::empty(204),
                           allowed ? QStringLiteral("CORS preflight")
                                   : QStringLiteral("CORS preflight from an origin not allowed"));
        return FilterStatus::Stop;
    }
    if (allowed && !cors.exposeHeaders.isEmpty())
        h.set("Access-Control-Expose-Headers", cors.exposeHeaders);
    return FilterStatus::Continue;
}

// ------------------------------------------------------------------ authentication

namespace {

QByteArray bearer(const QByteArray &authorization, const QByteArray &scheme)
{
    const QByteArray v = authorization.trimmed();
    if (v.size() <= scheme.size() || v.left(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0
        || v[scheme.size()] != ' ')
        return {};
    return v.mid(scheme.size() + 1).trimmed();
}

} // namespace

FilterStatus AuthFilter::apiKey(RequestContext &ctx) const
{
    const AuthConfig &auth = *m_api->auth;
    const Http::Request &r = ctx.request();
    QByteArray key;
    if (auth.keys.defaults) {
        key = bearer(r.headers.value("authorization"), "Bearer");
        if (key.isEmpty())
            key = r.queryValue("api_key");
    } else {
        if (!auth.keys.header.isEmpty()) {
            const QByteArray v = r.headers.value(auth.keys.header);
            key = auth.keys.scheme.isEmpty() ? v.trimmed() : bearer(v, auth.keys.scheme);
        }
        if (key.isEmpty() && !auth.keys.query.isEmpty())
            key = r.queryValue(auth.keys.query);
    }
    if (key.isEmpty()) {
        ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::MissingCredential);
        return ctx.reply(401, QStringLiteral("no API key in the request"));
    }
    const QByteArray digest = Keys::digestHex(key);
    const auto it = ctx.config->keysByDigest.constFind(digest);
    if (it == ctx.config->keysByDigest.cend()) {
        ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::UnknownKey);
        return ctx.reply(401, QStringLiteral("unknown API key"));
    }
    const ApplicationConfig &app = ctx.config->applications[static_cast<size_t>(it->first)];
    const ApplicationConfig::Key &k = app.keys[it->second];
    // The hash lookup found it; compare again in constant time so no timing depends on the key.
    if (!Keys::constantTimeEquals(k.digestHex, digest)) {
        ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::UnknownKey);
        return ctx.reply(401, QStringLiteral("unknown API key"));
    }
    if (k.suspended) {
        ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::SuspendedKey);
        ctx.log.application = app.key;
        ctx.applicationLabel = app.metricsLabel;
        return ctx.reply(401,
                         QStringLiteral("API key \"%1\" of %2 is suspended").arg(k.title, app.key));
    }
    ctx.application = &app;
    ctx.keyTitle = k.title;
    return FilterStatus::Continue;
}

FilterStatus AuthFilter::jwt(RequestContext &ctx) const
{
    const AuthConfig &auth = *m_api->auth;
    const Http::Request &r = ctx.request();
    QByteArray token = bearer(r.headers.value("authorization"), "Bearer");
    if (token.isEmpty() && !auth.tokenQueryKey.isEmpty())
        token = r.queryValue(auth.tokenQueryKey);
    if (token.isEmpty()) {
        ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::MissingCredential);
        return ctx.reply(401, QStringLiteral("no bearer token in the request"));
    }
    const qint64 now = ctx.shared->wallMs() / 1000;
    const JwtVerifier *verifier = auth.verifier ? &*auth.verifier : nullptr;
    if (!verifier) {
        auto peek = decodeUnverified(token);
        if (!peek) {
            ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::MalformedToken);
            return ctx.reply(401, QStringLiteral("token: ") + peek.error().message);
        }
        const QString iss = peek->claims.value(QStringLiteral("iss")).toString();
        for (const auto &t : auth.trustedIssuers)
            if (!t.first.isEmpty() && t.first == iss)
                verifier = &t.second;
        if (!verifier)
            for (const auto &t : auth.trustedIssuers)
                if (t.first.isEmpty())
                    verifier = &t.second;
        if (!verifier) {
            ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::UntrustedIssuer);
            return ctx.reply(401, QStringLiteral("issuer \"%1\" is not trusted").arg(iss));
        }
    }
    auto verified = verifier->verify(token, now);
    if (!verified) {
        ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::InvalidToken);
        return ctx.reply(401, QStringLiteral("token: ") + verified.error().message);
    }
    const QJsonObject &claims = verified->claims;
    const QJsonValue appIdValue = claims.value(auth.appIdClaim);
    const QString appId = appIdValue.isString() ? appIdValue.toString() : QString();
    const auto appIt = ctx.config->applicationsByAppId.constFind(ctx.api->ns + u'|' + appId);
    for (auto it = auth.forwardHeaders.cbegin(); it != auth.forwardHeaders.cend(); ++it) {
        const QJsonValue v = claims.value(it.value());
        if (v.isUndefined())
            continue;
        QByteArray text;
        if (v.isString())
            text = v.toString().toUtf8();
        else if (v.isArray())
            text = QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
        else if (v.isObject())
            text = QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
        else
            text = v.toVariant().toString().toUtf8();
        // A header value holds no control characters: CR/LF would add headers, or a request,
        // on the upstream connection. C0, DEL and C1 (U+0080–U+009F, C2 80–9F in UTF-8).
        for (qsizetype i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text.at(i));
            const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text.at(i + 1)) : 0;
            if (c < 0x20 || c == 0x7f || (c == 0xc2 && next >= 0x80 && next <= 0x9f)) {
                ctx.metrics->authFailure(ctx.api->metricsLabel, MetricReason::InvalidToken);
                return ctx.reply(401,
                                 QStringLiteral("token: claim %1 (forwarded as %2) holds control "
                                                "characters")
                                     .arg(it.value(), it.key()));
            }
        }
        ctx.upstreamExtraHeaders.set(it.key().toUtf8(), text);
    }
    ctx.stripAuthorization = auth.stripAuthorizationHeader;
    if (appIt == ctx.config->applicationsByAppId.cend()) {
        ctx.metrics->forbidden(ctx.api->metricsLabel, MetricReason::UnknownApplication);
        return ctx.reply(403,
                         QStringLiteral("no ManagedApplication in %1 has appId \"%2\" (claim %3)")
                             .arg(ctx.api->ns, appId, auth.appIdClaim));
    }
    ctx.application = &ctx.config->applications[static_cast<size_t>(appIt.value())];
    return FilterStatus::Continue;
}

QString AuthFilter::name() const
{
    switch (m_api->auth->method) {
    case AuthConfig::Method::Keyless:
        return QStringLiteral("keyless");
    case AuthConfig::Method::ApiKey:
        return QStringLiteral("apiKey");
    case AuthConfig::Method::Jwt:
        return QStringLiteral("jwt");
    }
    return QStringLiteral("authentication");
}

FilterStatus AuthFilter::onRequestHeaders(RequestContext &ctx)
{
    switch (m_api->auth->method) {
    case AuthConfig::Method::Keyless:
        return FilterStatus::Continue;
    case AuthConfig::Method::ApiKey:
        return apiKey(ctx);
    case AuthConfig::Method::Jwt:
        return jwt(ctx);
    }
    return FilterStatus::Continue;
}

// ------------------------------------------------------------------ access

FilterStatus SubscriptionFilter::onRequestHeaders(RequestContext &ctx)
{
    if (!ctx.application)
        return FilterStatus::Continue; // keyless
    ctx.log.application = ctx.application->key;
    ctx.applicationLabel = ctx.application->metricsLabel;
    const auto it = ctx.config->grants.constFind(ctx.application->key + u'|' + ctx.api->grantKey);
    if (it == ctx.config->grants.cend()) {
        ctx.metrics->forbidden(ctx.api->metricsLabel, MetricReason::NotSubscribed);
        return ctx.reply(403,
                         QStringLiteral("%1 has no ManagedSubscription to %2")
                             .arg(ctx.application->key, ctx.api->grantKey));
    }
    ctx.grant = &it.value();
    ctx.log.subscription = it->subscription;
    if (it->plan)
        ctx.log.plan = it->plan->key;
    if (it->operationFilter) {
        const QByteArray &method = ctx.request().method;
        bool allowed = false;
        for (const QString &set : *it->operationFilter) {
            const auto s = ctx.api->operationSets.constFind(set);
            if (s != ctx.api->operationSets.cend() && s->matches(method, ctx.routingPath)) {
                allowed = true;
                break;
            }
        }
        if (!allowed) {
            ctx.metrics->forbidden(ctx.api->metricsLabel, MetricReason::OperationNotAllowed);
            return ctx.reply(
                403,
                QStringLiteral("%1 %2 is outside the operation sets of subscription %3")
                    .arg(QString::fromLatin1(method), QString::fromUtf8(ctx.routingPath),
                         it->subscription));
        }
    }
    return FilterStatus::Continue;
}

// ------------------------------------------------------------------ plan

FilterStatus PlanFilter::onRequestHeaders(RequestContext &ctx)
{
    if (!ctx.grant || !ctx.grant->plan)
        return FilterStatus::Continue;
    const PlanConfig &plan = *ctx.grant->plan;
    Http::Headers &h = ctx.responseExtraHeaders;
    SharedState &s = *ctx.shared;
    if (plan.rate.present) {
        const LimitDecision d = s.rate.take(ctx.grant->rateBucket, plan.rate.limit,
                                            plan.rate.periodNanos, s.steadyNanos());
        h.set("X-Ratelimit-Remaining", QByteArray::number(d.remaining));
        if (!d.allowed) {
            if (plan.quota.present) {
                const qint64 used = s.quota.used(ctx.grant->quotaBucket,
                                                 plan.quota.periodNanos / 1'000'000, s.wallMs());
                h.set("X-Quota-Remaining",
                      QByteArray::number(qMax<qint64>(0, plan.quota.limit - used)));
            }
            h.set("Retry-After", QByteArray::number((d.retryAfterMs + 999) / 1000));
            ctx.metrics->rateLimited(ctx.api->metricsLabel);
            return ctx.reply(429,
                             QStringLiteral("rate limit of plan %1: %2 per %3 ms")
                                 .arg(plan.key)
                                 .arg(plan.rate.limit)
                                 .arg(plan.rate.periodNanos / 1'000'000));
        }
    }
    if (plan.quota.present) {
        const LimitDecision d = s.quota.take(ctx.grant->quotaBucket, plan.quota.limit,
                                             plan.quota.periodNanos / 1'000'000, s.wallMs());
        h.set("X-Quota-Remaining", QByteArray::number(d.remaining));
        if (!d.allowed) {
            h.set("Retry-After", QByteArray::number((d.retryAfterMs + 999) / 1000));
            ctx.metrics->quotaExceeded(ctx.api->metricsLabel);
            return ctx.reply(429,
                             QStringLiteral("quota of plan %1 used up: %2 per %3 s")
                                 .arg(plan.key)
                                 .arg(plan.quota.limit)
                                 .arg(plan.quota.periodNanos / 1'000'000'000));
        }
    }
    return FilterStatus::Continue;
}

// ------------------------------------------------------------------ Traefik middlewares

FilterStatus StripPrefixFilter::onRequestHeaders(RequestContext &ctx)
{
    for (const QByteArray &p : m_prefixes)
        if (auto stripped = stripPathPrefix(ctx.forwardPath, p)) {
            if (removeDotSegments(*stripped) != *stripped)
                return ctx.reply(400,
                                 QStringLiteral("stripPrefix %1 leaves dot segments in %2")
                                     .arg(QString::fromUtf8(p), QString::fromUtf8(*stripped)),
                                 "Bad Request\n");
            ctx.forwardPath = std::move(*stripped);
            break;
        }
    return FilterStatus::Continue;
}

AddPrefixFilter::AddPrefixFilter(QByteArray prefix)
    : m_encoded(encodePathLiteral(prefix))
{
}

FilterStatus AddPrefixFilter::onRequestHeaders(RequestContext &ctx)
{
    ctx.forwardPath.prepend(m_encoded);
    if (!ctx.forwardPath.startsWith('/'))
        ctx.forwardPath.prepend('/');
    return FilterStatus::Continue;
}

FilterStatus HeadersFilter::onRequestHeaders(RequestContext &ctx)
{
    for (const auto &h : m_request)
        ctx.upstreamHeaderEdits.push_back(h);
    return FilterStatus::Continue;
}

void HeadersFilter::onResponseHeaders(RequestContext &, Http::Response &response)
{
    for (const auto &[name, value] : m_response) {
        if (value.isEmpty())
            response.headers.remove(name);
        else
            response.headers.set(name, value);
    }
}

} // namespace Airgate::Runtime
