// SPDX-License-Identifier: Apache-2.0
#include "filter.h"

#include "gateway/metrics.h"
#include "gateway/sharedstate.h"
#include "keys/apikey.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Airgate::Runtime {

FilterStatus RequestContext::reply(int status, const QString &reason, QByteArray body)
{
    localReply = Http::Response();
    localReply.status = status;
    localReply.body = std::move(body);
    if (!localReply.body.isEmpty())
        localReply.headers.add("Content-Type", "text/plain; charset=utf-8");
    log.reason = reason;
    return FilterStatus::StopAndReply;
}

// ------------------------------------------------------------------ CORS

FilterStatus corsFilter(RequestContext &ctx)
{
    const CorsConfig &cors = ctx.api->cors;
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
        ctx.localReply = Http::Response::empty(204);
        ctx.log.reason = allowed ? QStringLiteral("CORS preflight")
                                 : QStringLiteral("CORS preflight from an origin not allowed");
        return FilterStatus::StopAndReply;
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

FilterStatus apiKeyAuth(RequestContext &ctx, const AuthConfig &auth)
{
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

FilterStatus jwtAuth(RequestContext &ctx, const AuthConfig &auth)
{
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

} // namespace

FilterStatus authFilter(RequestContext &ctx)
{
    const AuthConfig &auth = *ctx.api->auth;
    switch (auth.method) {
    case AuthConfig::Method::Keyless:
        return FilterStatus::Continue;
    case AuthConfig::Method::ApiKey:
        return apiKeyAuth(ctx, auth);
    case AuthConfig::Method::Jwt:
        return jwtAuth(ctx, auth);
    }
    return FilterStatus::Continue;
}

// ------------------------------------------------------------------ access

FilterStatus accessFilter(RequestContext &ctx)
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

FilterStatus planFilter(RequestContext &ctx)
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

} // namespace Airgate::Runtime
