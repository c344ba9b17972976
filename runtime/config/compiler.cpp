// SPDX-License-Identifier: Apache-2.0
#include "runtimeconfig.h"

#include "filters/filter.h"
#include "gateway/metrics.h"
#include "io/atomicfile.h"
#include "keys/apikey.h"
#include "model/resolver.h"
#include "model/workspace.h"
#include "routing/routerule.h"
#include "validation/validator.h"

#include <QDateTime>
#include <QDir>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslKey>

#include <algorithm>

#include <openssl/evp.h>

namespace Airgate::Runtime {

bool OperationMatcherConfig::matches(const QByteArray &method, const QByteArray &p) const
{
    if (!methods.isEmpty() && !methods.contains(method))
        return false;
    if (!path.isEmpty() && p != path)
        return false;
    if (!pathPrefix.isEmpty() && !p.startsWith(pathPrefix))
        return false;
    if (hasRegex && !pathRegex.match(QString::fromUtf8(p)).hasMatch())
        return false;
    return true;
}

bool OperationSetConfig::matches(const QByteArray &method, const QByteArray &path) const
{
    for (const OperationMatcherConfig &m : matchers)
        if (m.matches(method, path))
            return true;
    return false;
}

const RouteConfig *RuntimeConfig::findRoute(const Http::Request &r, const QByteArray &routingPath,
                                            const QByteArray &host) const
{
    for (const RouteConfig &route : routes) {
        if (route.tls != r.tls)
            continue;
        if (!route.entryPoints.isEmpty() && !route.entryPoints.contains(r.entryPoint))
            continue;
        if (route.matcher->matches(r, routingPath, host))
            return &route;
    }
    return nullptr;
}

bool CorsConfig::originAllowed(const QByteArray &origin) const
{
    if (allowOrigins.contains("*") || allowOrigins.contains(origin))
        return true;
    for (const QRegularExpression &re : allowOriginRegex)
        if (re.match(QString::fromUtf8(origin)).hasMatch())
            return true;
    return false;
}

namespace {

/// IANA TLS 1.2 suite names → OpenSSL names (TLS 1.3 names are the same in both).
const QHash<QString, QString> &ianaToOpenSsl()
{
    static const QHash<QString, QString> map {
        {QStringLiteral("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
         QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")},
        {QStringLiteral("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
         QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256")},
        {QStringLiteral("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
         QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384")},
        {QStringLiteral("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
         QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384")},
        {QStringLiteral("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
         QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305")},
        {QStringLiteral("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
         QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305")},
        {QStringLiteral("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
         QStringLiteral("DHE-RSA-AES128-GCM-SHA256")},
        {QStringLiteral("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
         QStringLiteral("DHE-RSA-AES256-GCM-SHA384")},
        {QStringLiteral("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
         QStringLiteral("ECDHE-ECDSA-AES128-SHA256")},
        {QStringLiteral("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
         QStringLiteral("ECDHE-RSA-AES128-SHA256")},
        {QStringLiteral("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
         QStringLiteral("ECDHE-ECDSA-AES256-SHA384")},
        {QStringLiteral("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
         QStringLiteral("ECDHE-RSA-AES256-SHA384")},
        {QStringLiteral("TLS_RSA_WITH_AES_128_GCM_SHA256"), QStringLiteral("AES128-GCM-SHA256")},
        {QStringLiteral("TLS_RSA_WITH_AES_256_GCM_SHA384"), QStringLiteral("AES256-GCM-SHA384")},
    };
    return map;
}

class Compiler
{
public:
    Compiler(const Workspace &ws, const CompileOptions &o, RuntimeConfig &c)
        : m_ws(ws)
        , m_options(o)
        , m_c(c)
    {
    }

    QStringList fatal;

    void run()
    {
        for (const Diagnostic &d : m_ws.loadDiagnostics())
            if (d.isError())
                fatal << QStringLiteral("%1:%2:%3: %4")
                             .arg(d.file)
                             .arg(d.line)
                             .arg(d.column)
                             .arg(d.message);
        for (const Diagnostic &d : m_ws.settingsDiagnostics())
            if (d.isError())
                fatal << QStringLiteral("%1:%2:%3: %4")
                             .arg(d.file)
                             .arg(d.line)
                             .arg(d.column)
                             .arg(d.message);
        if (!fatal.isEmpty())
            return;
        m_c.limits = m_ws.settings().limits;
        m_c.portalPreview = m_ws.settings().portalPreview;
        m_c.workspaceRoot = m_ws.root();
        checkResources();
        entryPoints();
        if (m_c.entryPoints.isEmpty()) {
            fatal << QStringLiteral("no entry point to listen on (airgate.yaml entryPoints, or "
                                    "--listen NAME=HOST:PORT)");
            return;
        }
        plans();
        apis();
        applications();
        subscriptions();
        portals();
        routes();
        std::stable_sort(
            m_c.routes.begin(), m_c.routes.end(), [](const RouteConfig &a, const RouteConfig &b) {
                return a.priority != b.priority ? a.priority > b.priority : a.id < b.id;
            });
    }

private:
    void skip(const Resource &r, const QString &reason)
    {
        m_c.ignored << SkippedResource {r.kindName, r.ns, r.name, reason};
        m_invalid.insert(&r);
    }

    bool usable(const Resource *r) const { return r && !m_invalid.contains(r); }

    void checkResources()
    {
        // What the cluster would reject on apply does not exist there; it is not served here
        // either. A document whose text passed at the previous compile passes again.
        SchemaCheckCache *cache = m_options.schemaChecks.get();
        QSet<QByteArray> passed;
        QSet<QByteArray> failed;
        for (const Resource &r : m_ws.resources()) {
            const QByteArray digest = cache ? documentDigest(r) : QByteArray();
            if (!digest.isEmpty() && cache->passed.contains(digest)) {
                passed.insert(digest);
                continue;
            }
            bool ok = true;
            for (const Diagnostic &d : validateResourceSchema(r)) {
                if (d.isError()) {
                    skip(r, QStringLiteral("invalid %1: %2").arg(r.kindName, d.message));
                    ok = false;
                    break;
                }
            }
            if (!digest.isEmpty())
                (ok ? passed : failed).insert(digest);
        }
        if (cache)
            cache->passed = passed.subtract(failed);
    }

    /** The SHA-256 of the text @p r was parsed from; empty when its tree was edited since. */
    QByteArray documentDigest(const Resource &r) const
    {
        if (r.fileIndex < 0 || std::size_t(r.fileIndex) >= m_ws.files().size())
            return {};
        const WorkspaceFile &f = m_ws.files()[std::size_t(r.fileIndex)];
        if (r.documentIndex < 0 || std::size_t(r.documentIndex) >= f.documents.size())
            return {};
        const WorkspaceDocument &d = f.documents[std::size_t(r.documentIndex)];
        if (d.modified || d.root != d.parsed.root || !d.root
            || d.parsed.end > std::size_t(f.original.size()) || d.parsed.begin >= d.parsed.end)
            return {};
        // OpenSSL's SHA-256 (SHA-NI where the CPU has it): QCryptographicHash's costs as much as
        // the schema check it saves.
        QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
        unsigned int size = 0;
        if (EVP_Digest(f.original.constData() + d.parsed.begin, d.parsed.end - d.parsed.begin,
                       reinterpret_cast<unsigned char *>(digest.data()), &size, EVP_sha256(),
                       nullptr)
            != 1)
            return {};
        digest.truncate(int(size));
        return digest;
    }

    void entryPoints()
    {
        QMap<QString, ListenAddress> addresses;
        for (const EntryPointSettings &e : m_ws.settings().entryPoints)
            addresses.insert(e.name, e.address);
        for (auto it = m_options.listenOverrides.cbegin(); it != m_options.listenOverrides.cend();
             ++it)
            addresses.insert(it.key(), it.value());
        for (auto it = addresses.cbegin(); it != addresses.cend(); ++it) {
            EntryPointConfig ep;
            ep.name = it.key();
            ep.address = it.value();
            m_c.entryPoints << ep;
        }
    }

    QByteArray secretValue(const QString &ns, const QString &name, const QString &key,
                           QString *why) const
    {
        const Resource *s = m_ws.find(Kind::Secret, ns, name);
        if (!usable(s)) {
            *why = QStringLiteral("Secret %1/%2 not found").arg(ns, name);
            return {};
        }
        const SecretSpec spec = readSecret(s->node.get());
        if (!spec.data.contains(key)) {
            *why = QStringLiteral("Secret %1/%2 has no key \"%3\"").arg(ns, name, key);
            return {};
        }
        return spec.data.value(key);
    }

    std::optional<JwtVerifier> localJwks(const QString &url, QString *why) const
    {
        const QString file = m_ws.settings().jwks.value(url);
        if (file.isEmpty()) {
            *why = QStringLiteral(
                       "%1 needs the network; map it to a local copy in airgate.yaml jwks:")
                       .arg(url);
            return std::nullopt;
        }
        auto bytes = Io::readFile(file, 4 * 1024 * 1024);
        if (!bytes) {
            *why = bytes.error().message;
            return std::nullopt;
        }
        auto v = JwtVerifier::fromJwks(*bytes);
        if (!v) {
            *why = QStringLiteral("%1: %2").arg(file, v.error().message);
            return std::nullopt;
        }
        return *v;
    }

    std::shared_ptr<const AuthConfig> authFor(const QString &ns, QString *why)
    {
        if (m_auths.contains(ns)) {
            *why = m_authProblems.value(ns);
            return m_auths.value(ns);
        }
        QList<const Resource *> defaults;
        const Resource *chosen = nullptr;
        defaultApiAuth(m_ws, ns, &defaults);
        for (const Resource *r : defaults)
            if (usable(r)) {
                chosen = r;
                break;
            }
        std::shared_ptr<AuthConfig> auth;
        QString problem;
        if (chosen) {
            const ApiAuthSpec s = readApiAuthSpec(chosen->spec());
            auth = std::make_shared<AuthConfig>();
            auth->source = ns + u'/' + chosen->name;
            switch (s.method) {
            case ApiAuthSpec::Method::ApiKey:
                auth->method = AuthConfig::Method::ApiKey;
                if (s.hasKeySource) {
                    auth->keys.defaults = false;
                    auth->keys.header = s.keyHeader.toLatin1();
                    auth->keys.scheme = s.keyHeaderAuthScheme.toLatin1();
                    auth->keys.query = s.keyQuery.toLatin1();
                }
                break;
            case ApiAuthSpec::Method::Keyless:
                auth->method = AuthConfig::Method::Keyless;
                break;
            case ApiAuthSpec::Method::Jwt: {
                auth->method = AuthConfig::Method::Jwt;
                auth->appIdClaim = s.appIdClaim;
                auth->forwardHeaders = s.forwardHeaders;
                auth->stripAuthorizationHeader = s.stripAuthorizationHeader;
                auth->tokenQueryKey = s.tokenQueryKey.toLatin1();
                if (!s.signingSecretName.isEmpty()) {
                    const QByteArray secret
                        = secretValue(ns, s.signingSecretName, QStringLiteral("value"), &problem);
                    if (!secret.isEmpty())
                        auth->verifier = JwtVerifier::fromHmacSecret(secret);
                } else if (!s.publicKey.isEmpty()) {
                    auto v = JwtVerifier::fromPublicKeyPem(s.publicKey.toUtf8());
                    if (v)
                        auth->verifier = *v;
                    else
                        problem = v.error().message;
                } else if (!s.jwksFile.isEmpty()) {
                    auto v = JwtVerifier::fromJwks(s.jwksFile.toUtf8());
                    if (v)
                        auth->verifier = *v;
                    else
                        problem = QStringLiteral("jwksFile: ") + v.error().message;
                } else if (!s.jwksUrl.isEmpty()) {
                    auth->verifier = localJwks(s.jwksUrl, &problem);
                } else {
                    for (const ApiAuthSpec::TrustedIssuer &t : s.trustedIssuers) {
                        if (auto v = localJwks(t.jwksUrl, &problem))
                            auth->trustedIssuers.append({t.issuer, *v});
                        else
                            break;
                    }
                }
                if (!problem.isEmpty())
                    auth.reset();
                break;
            }
            case ApiAuthSpec::Method::Ldap:
                problem = QStringLiteral("LDAP authentication needs the directory server; the "
                                         "local gateway does not bind to LDAP");
                auth.reset();
                break;
            case ApiAuthSpec::Method::None:
                auth.reset();
                break;
            }
            if (!problem.isEmpty())
                problem = QStringLiteral("APIAuth %1/%2: %3").arg(ns, chosen->name, problem);
        }
        m_auths.insert(ns, auth);
        m_authProblems.insert(ns, problem);
        *why = problem;
        return auth;
    }

    void fillApi(ApiConfig &a, const OpenApiSpecRef &oas, const CorsSpec &cors)
    {
        a.specPath = oas.path.toUtf8();
        for (const OperationSet &set : oas.operationSets) {
            OperationSetConfig sc;
            sc.name = set.name;
            for (const OperationMatcher &m : set.matchers) {
                OperationMatcherConfig mc;
                for (const QString &method : m.methods)
                    if (const QByteArray m = method.toUpper().toLatin1(); !mc.methods.contains(m))
                        mc.methods << m;
                mc.path = m.path.toUtf8();
                mc.pathPrefix = m.pathPrefix.toUtf8();
                if (!m.pathRegex.isEmpty()) {
                    mc.pathRegex = QRegularExpression(m.pathRegex);
                    mc.hasRegex = true;
                }
                sc.matchers << mc;
            }
            a.operationSets.insert(set.name, sc);
        }
        if (cors.present) {
            a.cors.enabled = true;
            a.cors.allowCredentials = cors.allowCredentials;
            a.cors.addVaryHeader = cors.addVaryHeader;
            for (const QString &o : cors.allowOrigins)
                a.cors.allowOrigins << o.toUtf8();
            for (const QString &re : cors.allowOriginRegex)
                a.cors.allowOriginRegex << QRegularExpression(re);
            a.cors.allowMethods = cors.allowMethods.join(QStringLiteral(", ")).toLatin1();
            a.cors.allowHeaders = cors.allowHeaders.join(QStringLiteral(", ")).toLatin1();
            a.cors.exposeHeaders = cors.exposeHeaders.join(QStringLiteral(", ")).toLatin1();
            a.cors.maxAge = cors.maxAge.value_or(-1);
        }
    }

    void apis()
    {
        for (const Resource *r : m_ws.ofKind(Kind::API)) {
            if (!usable(r))
                continue;
            QString why;
            auto auth = authFor(r->ns, &why);
            if (!auth) {
                // The gateway's own log line in offline mode.
                skip(*r,
                     why.isEmpty()
                         ? QStringLiteral(
                               "API \"%1\" will be ignored: no authentication configuration found")
                               .arg(r->name)
                         : QStringLiteral("API \"%1\" will be ignored: %2").arg(r->name, why));
                continue;
            }
            const ApiSpec s = readApiSpec(r->spec());
            auto a = std::make_shared<ApiConfig>();
            a->key = r->ns + u'/' + r->name;
            a->kind = QStringLiteral("API");
            a->metricsLabel = m_c.labels->intern(a->key);
            a->ns = r->ns;
            a->name = r->name;
            a->grantKey = a->key;
            a->title = s.title.isEmpty() ? r->name : s.title;
            a->auth = auth;
            fillApi(*a, s.openApi, s.cors);
            m_c.apis.insert(QStringLiteral("API|") + a->key, a);
            m_c.loaded << QStringLiteral("API ") + a->key;
            for (const QString &v : s.versions)
                m_versionParent.insert(r->ns + u'/' + v, r);
        }
        for (const Resource *r : m_ws.ofKind(Kind::APIVersion)) {
            if (!usable(r))
                continue;
            const Resource *parent = m_versionParent.value(r->ns + u'/' + r->name);
            if (!parent) {
                skip(*r,
                     QStringLiteral(
                         "APIVersion \"%1\" will be ignored: no API lists it in spec.versions")
                         .arg(r->name));
                continue;
            }
            QString why;
            auto auth = authFor(r->ns, &why);
            if (!auth) {
                skip(*r,
                     QStringLiteral(
                         "APIVersion \"%1\" will be ignored: no authentication configuration found")
                         .arg(r->name));
                continue;
            }
            const ApiVersionSpec s = readApiVersionSpec(r->spec());
            auto a = std::make_shared<ApiConfig>();
            a->key = r->ns + u'/' + r->name;
            a->kind = QStringLiteral("APIVersion");
            a->metricsLabel = m_c.labels->intern(a->key);
            a->ns = r->ns;
            a->name = r->name;
            a->grantKey = r->ns + u'/' + parent->name;
            a->title = s.title.isEmpty() ? parent->name + u' ' + s.release : s.title;
            a->auth = auth;
            fillApi(*a, s.openApi, s.cors);
            m_c.apis.insert(QStringLiteral("APIVersion|") + a->key, a);
            m_c.loaded << QStringLiteral("APIVersion ") + a->key;
        }
    }

    void plans()
    {
        for (const Resource *r : m_ws.ofKind(Kind::APIPlan)) {
            if (!usable(r))
                continue;
            const ApiPlanSpec s = readApiPlanSpec(r->spec());
            auto p = std::make_shared<PlanConfig>();
            p->key = r->ns + u'/' + r->name;
            p->title = s.title;
            p->rate = s.rateLimit;
            p->quota = s.quota;
            // A limit without period: one second for rates, one hour for quotas (the CRDs set no
            // default).
            if (p->rate.present && p->rate.periodNanos <= 0)
                p->rate.periodNanos = 1'000'000'000;
            if (p->quota.present && p->quota.periodNanos <= 0)
                p->quota.periodNanos = 3600'000'000'000;
            m_c.plans.insert(p->key, p);
            m_c.loaded << QStringLiteral("APIPlan ") + p->key;
        }
    }

    void applications()
    {
        for (const Resource *r : m_ws.ofKind(Kind::ManagedApplication)) {
            if (!usable(r))
                continue;
            const ManagedApplicationSpec s = readManagedApplicationSpec(r->spec());
            const QString idKey = r->ns + u'|' + s.appId;
            if (m_c.applicationsByAppId.contains(idKey)) {
                skip(*r,
                     QStringLiteral("appId \"%1\" is already used by another ManagedApplication")
                         .arg(s.appId));
                continue;
            }
            ApplicationConfig app;
            app.key = r->ns + u'/' + r->name;
            app.metricsLabel = m_c.labels->intern(app.key);
            app.ns = r->ns;
            app.name = r->name;
            app.appId = s.appId;
            app.owner = s.owner;
            const int index = static_cast<int>(m_c.applications.size());
            for (const ManagedApplicationSpec::ApiKey &k : s.apiKeys) {
                QByteArray digest;
                QString why;
                if (!k.value.isEmpty()) {
                    digest = k.value.toLatin1();
                } else if (!k.secretName.isEmpty()) {
                    digest = secretValue(r->ns, k.secretName, QStringLiteral("key"), &why);
                }
                if (digest.isEmpty() || !Keys::isDigestHex(digest)) {
                    // Hub: "Ignore ManagedApplication API keys when the backing secret is invalid".
                    m_c.warnings << QStringLiteral("ManagedApplication %1: key \"%2\" ignored: %3")
                                        .arg(app.key, k.title.isEmpty() ? k.secretName : k.title,
                                             why.isEmpty() ? QStringLiteral("not a SHAKE256 digest")
                                                           : why);
                    continue;
                }
                if (m_c.keysByDigest.contains(digest)) {
                    m_c.warnings << QStringLiteral("ManagedApplication %1: key \"%2\" ignored: "
                                                   "another application holds the same key")
                                        .arg(app.key, k.title.isEmpty() ? k.secretName : k.title);
                    continue;
                }
                m_c.keysByDigest.insert(digest, {index, static_cast<int>(app.keys.size())});
                app.keys << ApplicationConfig::Key {digest, k.title, k.suspended};
            }
            m_c.applicationsByAppId.insert(idKey, index);
            m_c.applications.push_back(app);
            m_c.loaded << QStringLiteral("ManagedApplication ") + app.key;
        }
    }

    /** The limit state's key: per application and API, per application, or per subscription
     * (the plan's bucket), prefixed with what it limits. */
    static QString planBucket(const char *what, const PlanLimit &limit, const QString &appKey,
                              const QString &apiKey, const QString &subscription)
    {
        const QString prefix = QLatin1StringView(what) + u'|';
        if (limit.bucket == QLatin1StringView("application-api"))
            return prefix + QStringLiteral("application-api|") + appKey + u'|' + apiKey;
        if (limit.bucket == QLatin1StringView("application"))
            return prefix + QStringLiteral("application|") + appKey;
        return prefix + QStringLiteral("subscription|") + subscription;
    }

    void subscriptions()
    {
        for (const Resource *r : m_ws.ofKind(Kind::ManagedSubscription)) {
            if (!usable(r))
                continue;
            const ManagedSubscriptionSpec s = readManagedSubscriptionSpec(r->spec());
            const auto plan = m_c.plans.value(r->ns + u'/' + s.apiPlan);
            if (!plan) {
                skip(*r,
                     QStringLiteral("APIPlan \"%1\" not found in namespace \"%2\"")
                         .arg(s.apiPlan, r->ns));
                continue;
            }
            const ResolvedApis apis = resolveApis(m_ws, r->ns, s.apis, s.apiSelector, s.apiBundles);
            const ResolvedApplications apps = resolveApplications(m_ws, r->ns, s);
            const QString subKey = r->ns + u'/' + r->name;
            for (const Resource *app : apps.applications) {
                for (const Resource *api : apis.apis) {
                    const QString appKey = r->ns + u'/' + app->name;
                    const QString apiKey = r->ns + u'/' + api->name;
                    const QString key = appKey + u'|' + apiKey;
                    GrantConfig g;
                    g.subscription = subKey;
                    g.weight = s.weight;
                    g.plan = plan;
                    g.operationFilter = s.operationFilter;
                    g.rateBucket = planBucket("rate", plan->rate, appKey, apiKey, subKey);
                    g.quotaBucket = planBucket("quota", plan->quota, appKey, apiKey, subKey);
                    auto it = m_c.grants.find(key);
                    // Highest weight wins; on a tie, alphabetical order of the subscriptions.
                    if (it == m_c.grants.end() || g.weight > it->weight
                        || (g.weight == it->weight && g.subscription < it->subscription))
                        m_c.grants.insert(key, g);
                }
            }
            m_c.loaded << QStringLiteral("ManagedSubscription ") + subKey;
        }
    }

    UpstreamConfig upstream(const Resource &route, const IngressRouteSpec::ServiceRef &ref,
                            const QByteArray &specPath)
    {
        UpstreamConfig u;
        const QString ns = ref.ns.isEmpty() ? route.ns : ref.ns;
        u.serviceKey = ns + u'/' + ref.name + u':' + ref.port;
        u.metricsLabel = m_c.labels->intern(u.serviceKey);
        u.passHostHeader = ref.passHostHeader;
        u.weight = ref.weight;
        if (ref.kind != QLatin1StringView("Service")) {
            u.problem = QStringLiteral("TraefikService %1 is not available in the local gateway")
                            .arg(ref.name);
            return u;
        }
        const auto it = m_ws.settings().services.constFind(u.serviceKey);
        if (it == m_ws.settings().services.cend()) {
            u.problem
                = QStringLiteral("no local target for Service %1; add it to airgate.yaml services:")
                      .arg(u.serviceKey);
            return u;
        }
        u.connectTimeoutMs = it->connectTimeoutMs;
        u.readTimeoutMs = it->readTimeoutMs;
        if (it->type == ServiceTarget::Type::Mock) {
            auto mock = m_mocks.value(it->mockFile);
            if (!mock) {
                auto loaded = MockApi::load(it->mockFile, m_ws.root(), m_options.cancel);
                if (!loaded) {
                    u.problem = QStringLiteral("mock for %1: %2")
                                    .arg(u.serviceKey, loaded.error().message);
                    return u;
                }
                mock = *loaded;
                // Refused or dangling $refs: the rest of the document is served.
                const QDir root(m_ws.root());
                for (const OpenApi::Problem &p : mock->document()->problems()) {
                    OpenApi::Problem shown = p;
                    if (QDir::isAbsolutePath(shown.file))
                        shown.file = root.relativeFilePath(shown.file);
                    m_c.warnings
                        << QStringLiteral("mock for %1: %2").arg(u.serviceKey, shown.toString());
                }
                m_mocks.insert(it->mockFile, mock);
            }
            u.type = UpstreamConfig::Type::Mock;
            u.mock = mock;
            if (!specPath.isEmpty())
                u.specPaths << specPath;
            return u;
        }
        u.type = UpstreamConfig::Type::Url;
        u.https = it->url.scheme() == QLatin1StringView("https");
        u.host = it->url.host();
        u.port = static_cast<quint16>(it->url.port(u.https ? 443 : 80));
        return u;
    }

    void middlewares(const Resource &route, const IngressRouteSpec::Route &rt, RouteConfig &rc)
    {
        for (const IngressRouteSpec::MiddlewareRef &m : rt.middlewares) {
            const QString ns = m.ns.isEmpty() ? route.ns : m.ns;
            const Resource *mw = m_ws.find(Kind::Middleware, ns, m.name);
            if (!usable(mw)) {
                m_c.warnings << QStringLiteral("IngressRoute %1/%2: middleware %3/%4 not found")
                                    .arg(route.ns, route.name, ns, m.name);
                continue;
            }
            const Yaml::Node *spec = mw->spec();
            for (const auto &e : spec ? spec->entries : std::vector<Yaml::Node::Entry> {}) {
                MiddlewareConfig c;
                if (e.key == "stripPrefix") {
                    c.type = MiddlewareConfig::Type::StripPrefix;
                    if (const Yaml::Node *p = e.value->get("prefixes"); p && p->isSequence())
                        for (const auto &i : p->items)
                            c.values << QByteArray::fromStdString(i->value);
                } else if (e.key == "addPrefix") {
                    c.type = MiddlewareConfig::Type::AddPrefix;
                    c.values << QByteArray::fromStdString(e.value->scalarAt("prefix").value_or(""));
                } else if (e.key == "headers") {
                    for (const char *which : {"customRequestHeaders", "customResponseHeaders"}) {
                        const Yaml::Node *h = e.value->get(which);
                        if (!h || !h->isMap())
                            continue;
                        MiddlewareConfig hc;
                        hc.type = std::string_view(which) == "customRequestHeaders"
                            ? MiddlewareConfig::Type::RequestHeaders
                            : MiddlewareConfig::Type::ResponseHeaders;
                        for (const auto &kv : h->entries)
                            hc.values << QByteArray::fromStdString(kv.key)
                                      << QByteArray::fromStdString(kv.value->value);
                        rc.middlewares << hc;
                    }
                    continue;
                } else {
                    m_c.warnings << QStringLiteral(
                                        "Middleware %1/%2: %3 is not applied by the local gateway")
                                        .arg(ns, m.name, QString::fromStdString(e.key));
                    continue;
                }
                rc.middlewares << c;
            }
        }
    }

    void portals()
    {
        for (const Resource *r : m_ws.ofKind(Kind::APIPortal)) {
            if (!usable(r))
                continue;
            auto p = std::make_shared<PortalConfig>();
            p->key = r->ns + u'/' + r->name;
            p->ns = r->ns;
            p->name = r->name;
            p->spec = readApiPortalSpec(r->spec());
            // Offline, a portal logs in through its APIPortalAuth's OIDC provider; without one
            // the gateway ignores it with this line.
            const Resource *auth = p->spec.authName.isEmpty()
                ? nullptr
                : m_ws.find(Kind::APIPortalAuth, r->ns, p->spec.authName);
            QString detail;
            if (auth && usable(auth)) {
                p->authName = auth->name;
                p->auth = readApiPortalAuthSpec(auth->spec());
                const Resource *secret = p->auth.secretName.isEmpty()
                    ? nullptr
                    : m_ws.find(Kind::Secret, r->ns, p->auth.secretName);
                if (p->auth.issuerUrl.isEmpty())
                    detail
                        = QStringLiteral("APIPortalAuth %1 has no OIDC issuerUrl").arg(auth->name);
                else if (!secret)
                    detail
                        = QStringLiteral("Secret %1/%2 is missing").arg(r->ns, p->auth.secretName);
                else {
                    const SecretSpec s = readSecret(secret->node.get());
                    p->clientId = s.data.value(QStringLiteral("clientId"));
                    p->clientSecret = s.data.value(QStringLiteral("clientSecret"));
                    if (p->clientId.isEmpty())
                        detail = QStringLiteral("Secret %1/%2 has no clientId")
                                     .arg(r->ns, p->auth.secretName);
                }
            } else {
                detail = p->spec.authName.isEmpty()
                    ? QStringLiteral("no spec.auth")
                    : QStringLiteral("APIPortalAuth %1/%2 not found").arg(r->ns, p->spec.authName);
            }
            if (!detail.isEmpty()) {
                skip(*r,
                     QStringLiteral("API portal will be ignored: no authentication "
                                    "configuration found (%1)")
                         .arg(detail));
                continue;
            }
            m_c.portals.insert(p->key, p);
            m_c.loaded << QStringLiteral("APIPortal ") + p->key;
        }
    }

    void routes()
    {
        QSet<QString> tlsEntryPoints;
        QHash<QString, QSslConfiguration> tlsConfigs;
        for (const Resource *r : m_ws.ofKind(Kind::IngressRoute)) {
            if (!usable(r))
                continue;
            const IngressRouteSpec spec = readIngressRouteSpec(r->spec());
            std::shared_ptr<const ApiConfig> api;
            QString portal;
            if (r->annotations.contains(kApiAnnotation)
                || r->annotations.contains(kApiVersionAnnotation)) {
                const bool version = r->annotations.contains(kApiVersionAnnotation);
                const AnnotationRef ref = parseAnnotationRef(
                    r->annotations.value(version ? kApiVersionAnnotation : kApiAnnotation), r->ns);
                api = m_c.apis.value(
                    (version ? QStringLiteral("APIVersion|") : QStringLiteral("API|")) + ref.ns
                    + u'/' + ref.name);
                if (!api) {
                    skip(*r,
                         QStringLiteral(
                             "IngressRoute \"%1\" will be ignored: %2 %3/%4 is not served")
                             .arg(r->name,
                                  version ? QStringLiteral("APIVersion") : QStringLiteral("API"),
                                  ref.ns, ref.name));
                    continue;
                }
            }
            if (r->annotations.contains(kApiPortalAnnotation)) {
                const AnnotationRef ref
                    = parseAnnotationRef(r->annotations.value(kApiPortalAnnotation), r->ns);
                portal = ref.ns + u'/' + ref.name;
                if (!m_c.portals.contains(portal)) {
                    skip(*r,
                         QStringLiteral("IngressRoute \"%1\" will be ignored: APIPortal %2 is "
                                        "not served")
                             .arg(r->name, portal));
                    continue;
                }
            }
            QSslConfiguration ssl;
            bool tls = false;
            if (spec.hasTls) {
                QString why;
                const QByteArray crt
                    = secretValue(r->ns, spec.tlsSecretName, QStringLiteral("tls.crt"), &why);
                const QByteArray key = why.isEmpty()
                    ? secretValue(r->ns, spec.tlsSecretName, QStringLiteral("tls.key"), &why)
                    : QByteArray();
                const QList<QSslCertificate> chain = QSslCertificate::fromData(crt, QSsl::Pem);
                QSslKey pkey(key, QSsl::Rsa, QSsl::Pem);
                if (pkey.isNull())
                    pkey = QSslKey(key, QSsl::Ec, QSsl::Pem);
                if (spec.tlsSecretName.isEmpty())
                    why = QStringLiteral(
                        "tls without secretName (certResolver needs ACME and the network)");
                else if (why.isEmpty() && (chain.isEmpty() || pkey.isNull()))
                    why = QStringLiteral("Secret %1/%2 does not hold a PEM certificate and key")
                              .arg(r->ns, spec.tlsSecretName);
                if (!why.isEmpty()) {
                    skip(*r,
                         QStringLiteral("IngressRoute \"%1\" will be ignored: %2")
                             .arg(r->name, why));
                    continue;
                }
                tls = true;
                ssl = QSslConfiguration::defaultConfiguration();
                ssl.setLocalCertificateChain(chain);
                ssl.setPrivateKey(pkey);
                ssl.setProtocol(QSsl::TlsV1_2OrLater);
                ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
            }
            for (int i = 0; i < spec.routes.size(); ++i) {
                const IngressRouteSpec::Route &rt = spec.routes[i];
                RouteConfig rc;
                rc.id = QStringLiteral("%1/%2#%3").arg(r->ns, r->name).arg(i);
                rc.metricsLabel = m_c.labels->intern(rc.id);
                rc.ns = r->ns;
                rc.rule = rt.match;
                auto matcher = std::make_shared<RouteMatcher>(rt.match);
                if (!matcher->ok()) {
                    m_c.ignored << SkippedResource {
                        r->kindName, r->ns, r->name,
                        QStringLiteral("route %1 will be ignored: invalid rule: %2")
                            .arg(i)
                            .arg(matcher->error())};
                    continue;
                }
                rc.matcher = matcher;
                rc.priority = rt.priority.value_or(0) != 0 ? *rt.priority
                                                           : Routing::defaultPriority(rt.match);
                rc.api = api;
                rc.portal = portal;
                rc.tls = tls;
                for (const QString &ep : spec.entryPoints) {
                    bool known = false;
                    for (const EntryPointConfig &e : m_c.entryPoints)
                        known = known || e.name == ep;
                    if (!known)
                        m_c.warnings
                            << QStringLiteral("IngressRoute %1/%2: entry point \"%3\" is not "
                                              "defined locally (airgate.yaml entryPoints)")
                                   .arg(r->ns, r->name, ep);
                    else
                        rc.entryPoints.insert(ep);
                }
                if (!spec.entryPoints.isEmpty() && rc.entryPoints.isEmpty()) {
                    m_c.ignored << SkippedResource {
                        r->kindName, r->ns, r->name,
                        QStringLiteral(
                            "route %1 will be ignored: none of its entry points is defined locally")
                            .arg(i)};
                    continue;
                }
                if (tls) {
                    const QList<QString> eps
                        = rc.entryPoints.isEmpty() ? QList<QString>() : rc.entryPoints.values();
                    for (const EntryPointConfig &e : m_c.entryPoints)
                        if (eps.isEmpty() || eps.contains(e.name)) {
                            tlsEntryPoints.insert(e.name);
                            if (!tlsConfigs.contains(e.name))
                                tlsConfigs.insert(e.name, ssl);
                        }
                }
                if (!portal.isEmpty()) {
                    UpstreamConfig u;
                    u.type = UpstreamConfig::Type::Portal;
                    u.portal = portal;
                    rc.upstreams << u;
                } else {
                    for (const IngressRouteSpec::ServiceRef &ref : rt.services) {
                        UpstreamConfig u = upstream(*r, ref, api ? api->specPath : QByteArray());
                        if (u.type == UpstreamConfig::Type::Unresolved)
                            m_c.warnings << QStringLiteral("IngressRoute %1/%2: %3")
                                                .arg(r->ns, r->name, u.problem);
                        rc.upstreams << u;
                    }
                }
                middlewares(*r, rt, rc);
                rc.filters = FilterChain::forRoute(rc, *m_c.labels);
                m_c.routes.push_back(std::move(rc));
            }
            m_c.loaded << QStringLiteral("IngressRoute ") + r->ns + u'/' + r->name;
        }
        for (EntryPointConfig &e : m_c.entryPoints) {
            if (!tlsEntryPoints.contains(e.name))
                continue;
            e.tls = true;
            e.ssl = tlsConfigs.value(e.name);
            if (const EntryPointSettings *s = m_ws.settings().entryPoint(e.name);
                s && !s->cipherSuites.isEmpty()) {
                QList<QSslCipher> ciphers;
                for (const QString &name : s->cipherSuites) {
                    const QSslCipher c(ianaToOpenSsl().value(name, name));
                    if (c.isNull())
                        m_c.warnings
                            << QStringLiteral("entry point %1: cipher suite %2 is not available")
                                   .arg(e.name, name);
                    else
                        ciphers << c;
                }
                if (!ciphers.isEmpty())
                    e.ssl.setCiphers(ciphers);
            }
        }
    }

    const Workspace &m_ws;
    const CompileOptions &m_options;
    RuntimeConfig &m_c;
    QSet<const Resource *> m_invalid;
    QHash<QString, std::shared_ptr<const AuthConfig>> m_auths;
    QHash<QString, QString> m_authProblems;
    QHash<QString, const Resource *> m_versionParent;
    QHash<QString, std::shared_ptr<const MockApi>> m_mocks;
};

} // namespace

CompileResult compile(const Workspace &workspace, const CompileOptions &options)
{
    return compile(std::make_shared<const Workspace>(workspace), options);
}

CompileResult compile(std::shared_ptr<const Workspace> workspace, const CompileOptions &options)
{
    auto config = std::make_shared<RuntimeConfig>();
    config->builtAtMs = QDateTime::currentMSecsSinceEpoch();
    config->labels = options.labels ? options.labels : std::make_shared<LabelTable>();
    Compiler c(*workspace, options, *config);
    c.run();
    config->workspace = std::move(workspace);
    CompileResult r;
    r.fatal = c.fatal;
    if (options.cancel && options.cancel->load())
        r.fatal << QStringLiteral("stopped while loading the workspace's documents");
    if (r.fatal.isEmpty())
        r.config = config;
    return r;
}

} // namespace Airgate::Runtime
