// SPDX-License-Identifier: Apache-2.0
#include "specs.h"

#include "schema/formats.h"

namespace Airgate {

using Yaml::Node;

QString scalarText(const Node *n)
{
    if (!n || n->kind != Yaml::NodeKind::Scalar)
        return {};
    return QString::fromStdString(n->value);
}

QString stringAt(const Node *map, std::string_view key)
{
    return map ? scalarText(map->get(key)) : QString();
}

namespace {

bool boolAt(const Node *map, std::string_view key, bool fallback = false)
{
    const Node *n = map ? map->get(key) : nullptr;
    return n ? n->asBool().value_or(fallback) : fallback;
}

QStringList stringsAt(const Node *map, std::string_view key)
{
    QStringList out;
    const Node *n = map ? map->get(key) : nullptr;
    if (n && n->isSequence())
        for (const auto &i : n->items)
            if (i->isScalar())
                out << QString::fromStdString(i->value);
    return out;
}

std::optional<QStringList> optionalStringsAt(const Node *map, std::string_view key)
{
    const Node *n = map ? map->get(key) : nullptr;
    if (!n || n->isNull())
        return std::nullopt;
    return stringsAt(map, key);
}

NameList namesAt(const Node *map, std::string_view key)
{
    NameList out;
    const Node *n = map ? map->get(key) : nullptr;
    if (n && n->isSequence())
        for (const auto &i : n->items)
            if (i->isMap())
                out << stringAt(i.get(), "name");
    return out;
}

QMap<QString, QString> stringMapAt(const Node *map, std::string_view key)
{
    QMap<QString, QString> out;
    const Node *n = map ? map->get(key) : nullptr;
    if (n && n->isMap())
        for (const auto &e : n->entries)
            out.insert(QString::fromStdString(e.key), scalarText(e.value.get()));
    return out;
}

std::optional<LabelSelector> selectorAt(const Node *map, std::string_view key)
{
    const Node *n = map ? map->get(key) : nullptr;
    if (!n || n->isNull())
        return std::nullopt;
    return readLabelSelector(n);
}

OpenApiSpecRef readOpenApi(const Node *n)
{
    OpenApiSpecRef o;
    if (!n || !n->isMap())
        return o;
    o.present = true;
    o.path = stringAt(n, "path");
    o.url = stringAt(n, "url");
    if (const Node *ov = n->get("override"))
        if (const Node *servers = ov->get("servers"); servers && servers->isSequence())
            for (const auto &s : servers->items)
                o.overrideServers << stringAt(s.get(), "url");
    if (const Node *sets = n->get("operationSets"); sets && sets->isSequence()) {
        for (const auto &s : sets->items) {
            OperationSet set;
            set.name = stringAt(s.get(), "name");
            if (const Node *ms = s->get("matchers"); ms && ms->isSequence()) {
                for (const auto &m : ms->items) {
                    OperationMatcher om;
                    om.methods = stringsAt(m.get(), "methods");
                    om.path = stringAt(m.get(), "path");
                    om.pathPrefix = stringAt(m.get(), "pathPrefix");
                    om.pathRegex = stringAt(m.get(), "pathRegex");
                    set.matchers << om;
                }
            }
            o.operationSets << set;
        }
    }
    if (const Node *v = n->get("validateRequestMethodAndPath"))
        o.validateRequestMethodAndPath = v->asBool();
    if (const Node *v = n->get("validateRequestBodySchema"))
        o.validateRequestBodySchema = v->asBool();
    return o;
}

CorsSpec readCors(const Node *n)
{
    CorsSpec c;
    if (!n || !n->isMap())
        return c;
    c.present = true;
    c.addVaryHeader = boolAt(n, "addVaryHeader");
    c.allowCredentials = boolAt(n, "allowCredentials");
    c.allowHeaders = stringsAt(n, "allowHeadersList");
    c.allowMethods = stringsAt(n, "allowMethodsList");
    c.allowOriginRegex = stringsAt(n, "allowOriginListRegex");
    c.allowOrigins = stringsAt(n, "allowOriginsList");
    c.exposeHeaders = stringsAt(n, "exposeHeadersList");
    if (const Node *m = n->get("maxAge"))
        c.maxAge = m->asInt();
    return c;
}

PlanLimit readLimit(const Node *n)
{
    PlanLimit p;
    if (!n || !n->isMap())
        return p;
    p.present = true;
    if (const Node *l = n->get("limit"))
        p.limit = l->asInt().value_or(0);
    p.period = stringAt(n, "period");
    if (!p.period.isEmpty())
        p.periodNanos = Formats::parseKubernetesDuration(p.period.toStdString()).value_or(0);
    const QString bucket = stringAt(n, "bucket");
    if (!bucket.isEmpty())
        p.bucket = bucket;
    return p;
}

} // namespace

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    for (auto it = matchLabels.cbegin(); it != matchLabels.cend(); ++it) {
        auto found = labels.constFind(it.key());
        if (found == labels.cend() || found.value() != it.value())
            return false;
    }
    for (const Expression &e : matchExpressions) {
        const bool has = labels.contains(e.key);
        if (e.op == QLatin1StringView("In")) {
            if (!has || !e.values.contains(labels.value(e.key)))
                return false;
        } else if (e.op == QLatin1StringView("NotIn")) {
            if (has && e.values.contains(labels.value(e.key)))
                return false;
        } else if (e.op == QLatin1StringView("Exists")) {
            if (!has)
                return false;
        } else if (e.op == QLatin1StringView("DoesNotExist")) {
            if (has)
                return false;
        } else {
            return false; // an unknown operator selects nothing (reported by the selector rule)
        }
    }
    return true;
}

LabelSelector readLabelSelector(const Node *n)
{
    LabelSelector s;
    if (!n || !n->isMap())
        return s;
    s.matchLabels = stringMapAt(n, "matchLabels");
    if (const Node *exprs = n->get("matchExpressions"); exprs && exprs->isSequence()) {
        for (const auto &e : exprs->items) {
            LabelSelector::Expression x;
            x.key = stringAt(e.get(), "key");
            x.op = stringAt(e.get(), "operator");
            x.values = stringsAt(e.get(), "values");
            s.matchExpressions << x;
        }
    }
    return s;
}

ApiSpec readApiSpec(const Node *spec)
{
    ApiSpec a;
    a.title = stringAt(spec, "title");
    a.description = stringAt(spec, "description");
    a.openApi = readOpenApi(spec ? spec->get("openApiSpec") : nullptr);
    a.cors = readCors(spec ? spec->get("cors") : nullptr);
    a.versions = namesAt(spec, "versions");
    return a;
}

ApiVersionSpec readApiVersionSpec(const Node *spec)
{
    ApiVersionSpec a;
    a.release = stringAt(spec, "release");
    a.title = stringAt(spec, "title");
    a.description = stringAt(spec, "description");
    a.openApi = readOpenApi(spec ? spec->get("openApiSpec") : nullptr);
    a.cors = readCors(spec ? spec->get("cors") : nullptr);
    return a;
}

ApiBundleSpec readApiBundleSpec(const Node *spec)
{
    ApiBundleSpec b;
    b.title = stringAt(spec, "title");
    b.apis = namesAt(spec, "apis");
    b.apiSelector = selectorAt(spec, "apiSelector");
    return b;
}

ApiAuthSpec readApiAuthSpec(const Node *spec)
{
    ApiAuthSpec a;
    if (!spec)
        return a;
    a.isDefault = boolAt(spec, "isDefault");
    auto present = [&](std::string_view k) {
        const Node *n = spec->get(k);
        return n && !n->isNull();
    };
    if (present("apiKey")) {
        a.method = ApiAuthSpec::Method::ApiKey;
        ++a.methodCount;
        const Node *ks = spec->get("apiKey")->get("keySource");
        if (ks && ks->isMap()) {
            a.hasKeySource = true;
            a.keyHeader = stringAt(ks, "header");
            a.keyHeaderAuthScheme = stringAt(ks, "headerAuthScheme");
            a.keyQuery = stringAt(ks, "query");
        }
    }
    if (present("jwt")) {
        a.method = ApiAuthSpec::Method::Jwt;
        ++a.methodCount;
        const Node *j = spec->get("jwt");
        a.appIdClaim = stringAt(j, "appIdClaim");
        a.signingSecretName = stringAt(j, "signingSecretName");
        a.publicKey = stringAt(j, "publicKey");
        a.jwksFile = stringAt(j, "jwksFile");
        a.jwksUrl = stringAt(j, "jwksUrl");
        if (const Node *ti = j->get("trustedIssuers"); ti && ti->isSequence())
            for (const auto &t : ti->items)
                a.trustedIssuers << ApiAuthSpec::TrustedIssuer {stringAt(t.get(), "issuer"),
                                                                stringAt(t.get(), "jwksUrl")};
        a.forwardHeaders = stringMapAt(j, "forwardHeaders");
        a.stripAuthorizationHeader = boolAt(j, "stripAuthorizationHeader");
        a.tokenNameClaim = stringAt(j, "tokenNameClaim");
        a.tokenQueryKey = stringAt(j, "tokenQueryKey");
    }
    if (present("ldap")) {
        a.method = ApiAuthSpec::Method::Ldap;
        ++a.methodCount;
        a.ldapUrl = stringAt(spec->get("ldap"), "url");
        a.ldapBaseDn = stringAt(spec->get("ldap"), "baseDn");
    }
    if (present("keyless") || (spec->get("keyless") && spec->get("keyless")->isMap())) {
        a.method = ApiAuthSpec::Method::Keyless;
        ++a.methodCount;
    }
    return a;
}

ApiPortalSpec readApiPortalSpec(const Node *spec)
{
    ApiPortalSpec p;
    p.title = stringAt(spec, "title");
    p.description = stringAt(spec, "description");
    p.trustedUrls = stringsAt(spec, "trustedUrls");
    if (spec)
        if (const Node *ui = spec->get("ui"))
            p.logoUrl = stringAt(ui, "logoUrl");
    if (spec)
        if (const Node *auth = spec->get("auth"))
            p.authName = stringAt(auth, "name");
    return p;
}

ApiPortalAuthSpec readApiPortalAuthSpec(const Node *spec)
{
    ApiPortalAuthSpec p;
    if (!spec)
        return p;
    if (const Node *o = spec->get("oidc"); o && o->isMap()) {
        p.hasOidc = true;
        p.issuerUrl = stringAt(o, "issuerUrl");
        p.secretName = stringAt(o, "secretName");
        p.scopes = stringsAt(o, "scopes");
        p.claims = stringMapAt(o, "claims");
        p.syncedAttributes = stringsAt(o, "syncedAttributes");
    }
    if (const Node *l = spec->get("ldap"); l && l->isMap()) {
        p.hasLdap = true;
        p.ldapUrl = stringAt(l, "url");
        p.syncedAttributes += stringsAt(l, "syncedAttributes");
    }
    return p;
}

ApiPlanSpec readApiPlanSpec(const Node *spec)
{
    ApiPlanSpec p;
    p.title = stringAt(spec, "title");
    p.description = stringAt(spec, "description");
    p.rateLimit = readLimit(spec ? spec->get("rateLimit") : nullptr);
    p.quota = readLimit(spec ? spec->get("quota") : nullptr);
    return p;
}

ApiCatalogItemSpec readApiCatalogItemSpec(const Node *spec)
{
    ApiCatalogItemSpec c;
    if (!spec)
        return c;
    if (const Node *e = spec->get("everyone"))
        c.everyone = e->asBool();
    c.groups = stringsAt(spec, "groups");
    c.apis = namesAt(spec, "apis");
    c.apiSelector = selectorAt(spec, "apiSelector");
    c.apiBundles = namesAt(spec, "apiBundles");
    if (const Node *p = spec->get("apiPlan"))
        c.apiPlan = stringAt(p, "name");
    if (const Node *f = spec->get("operationFilter"); f && f->isMap())
        c.operationFilter = optionalStringsAt(f, "include").value_or(QStringList());
    return c;
}

ManagedApplicationSpec readManagedApplicationSpec(const Node *spec)
{
    ManagedApplicationSpec m;
    m.appId = stringAt(spec, "appId");
    m.owner = stringAt(spec, "owner");
    m.notes = stringAt(spec, "notes");
    if (spec)
        if (const Node *keys = spec->get("apiKeys"); keys && keys->isSequence())
            for (const auto &k : keys->items)
                m.apiKeys << ManagedApplicationSpec::ApiKey {
                    stringAt(k.get(), "secretName"), stringAt(k.get(), "value"),
                    stringAt(k.get(), "title"), boolAt(k.get(), "suspended")};
    return m;
}

ManagedSubscriptionSpec readManagedSubscriptionSpec(const Node *spec)
{
    ManagedSubscriptionSpec s;
    if (!spec)
        return s;
    s.apis = namesAt(spec, "apis");
    s.apiSelector = selectorAt(spec, "apiSelector");
    s.apiBundles = namesAt(spec, "apiBundles");
    if (const Node *p = spec->get("apiPlan"))
        s.apiPlan = stringAt(p, "name");
    s.managedApplications = namesAt(spec, "managedApplications");
    s.managedApplicationSelector = selectorAt(spec, "managedApplicationSelector");
    if (const Node *apps = spec->get("applications"); apps && apps->isSequence())
        for (const auto &a : apps->items)
            s.applicationAppIds << stringAt(a.get(), "appId");
    s.claims = stringAt(spec, "claims");
    if (const Node *f = spec->get("operationFilter"); f && f->isMap())
        s.operationFilter = optionalStringsAt(f, "include").value_or(QStringList());
    if (const Node *w = spec->get("weight"))
        s.weight = w->asInt().value_or(0);
    return s;
}

IngressRouteSpec readIngressRouteSpec(const Node *spec)
{
    IngressRouteSpec r;
    if (!spec)
        return r;
    r.entryPoints = stringsAt(spec, "entryPoints");
    if (const Node *routes = spec->get("routes"); routes && routes->isSequence()) {
        for (const auto &rt : routes->items) {
            IngressRouteSpec::Route route;
            route.match = stringAt(rt.get(), "match");
            if (const Node *p = rt->get("priority"))
                route.priority = p->asInt();
            if (const Node *svcs = rt->get("services"); svcs && svcs->isSequence()) {
                for (const auto &s : svcs->items) {
                    IngressRouteSpec::ServiceRef ref;
                    ref.name = stringAt(s.get(), "name");
                    ref.ns = stringAt(s.get(), "namespace");
                    const QString kind = stringAt(s.get(), "kind");
                    if (!kind.isEmpty())
                        ref.kind = kind;
                    ref.port = stringAt(s.get(), "port");
                    ref.scheme = stringAt(s.get(), "scheme");
                    ref.passHostHeader = boolAt(s.get(), "passHostHeader", true);
                    if (const Node *w = s->get("weight"))
                        ref.weight = w->asInt().value_or(1);
                    route.services << ref;
                }
            }
            if (const Node *mws = rt->get("middlewares"); mws && mws->isSequence())
                for (const auto &m : mws->items)
                    route.middlewares << IngressRouteSpec::MiddlewareRef {
                        stringAt(m.get(), "name"), stringAt(m.get(), "namespace")};
            r.routes << route;
        }
    }
    if (const Node *tls = spec->get("tls"); tls && tls->isMap()) {
        r.hasTls = true;
        r.tlsSecretName = stringAt(tls, "secretName");
    }
    return r;
}

SecretSpec readSecret(const Node *root)
{
    SecretSpec s;
    if (!root)
        return s;
    s.type = stringAt(root, "type");
    if (s.type.isEmpty())
        s.type = QStringLiteral("Opaque");
    if (const Node *data = root->get("data"); data && data->isMap()) {
        for (const auto &e : data->entries) {
            const QByteArray raw = QByteArray::fromStdString(e.value->value);
            auto decoded
                = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
            s.data.insert(QString::fromStdString(e.key), decoded ? *decoded : QByteArray());
        }
    }
    if (const Node *data = root->get("stringData"); data && data->isMap()) {
        for (const auto &e : data->entries) {
            const QString k = QString::fromStdString(e.key);
            s.data.insert(k, QByteArray::fromStdString(e.value->value));
            s.fromStringData.insert(k, true);
        }
    }
    return s;
}

} // namespace Airgate
