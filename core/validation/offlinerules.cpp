// SPDX-License-Identifier: Apache-2.0
// The offline-* rules: what Traefik Hub does differently, or cannot do, in offline mode.
#include "validator.h"

#include "keys/apikey.h"
#include "model/resolver.h"

#include <QSet>
#include <QUrl>

namespace Airgate {

void runOfflineAuthRule(RuleContext &ctx)
{
    const Workspace &ws = ctx.workspace;
    QSet<QString> reported;
    struct Defaults
    {
        const Resource *chosen = nullptr;
        QList<const Resource *> all;
    };
    QHash<QString, Defaults> byNamespace; // one look-up per namespace, not per API
    for (const Resource *api : ws.ofKind(Kind::API)) {
        auto cached = byNamespace.constFind(api->ns);
        if (cached == byNamespace.cend()) {
            Defaults d;
            d.chosen = defaultApiAuth(ws, api->ns, &d.all);
            cached = byNamespace.insert(api->ns, d);
        }
        const QList<const Resource *> &defaults = cached->all;
        const Resource *chosen = cached->chosen;
        if (!chosen) {
            // The gateway's own log line for this case (offline-mode documentation).
            ctx.error(
                *api, QString(),
                QStringLiteral("API \"%1\" will be ignored: no authentication configuration found")
                    .arg(api->name),
                QStringLiteral("add an APIAuth with isDefault: true in namespace %1").arg(api->ns));
        }
        if (defaults.size() > 1 && !reported.contains(api->ns)) {
            reported.insert(api->ns);
            QStringList names;
            for (const Resource *d : defaults)
                names << d->name;
            for (const Resource *d : defaults.mid(1))
                ctx.warning(
                    *d, QStringLiteral("spec.isDefault"),
                    QStringLiteral("several default APIAuths in namespace \"%1\" (%2): \"%3\" wins "
                                   "(alphabetical order), \"%4\" is not used")
                        .arg(api->ns, names.join(QStringLiteral(", ")), chosen->name, d->name),
                    QStringLiteral("set isDefault: false on all but one"));
        }
    }
}

void runOfflinePortalAuthRule(RuleContext &ctx)
{
    const Workspace &ws = ctx.workspace;
    for (const Resource *portal : ws.ofKind(Kind::APIPortal)) {
        const ApiPortalSpec s = readApiPortalSpec(portal->spec());
        const Resource *auth
            = s.authName.isEmpty() ? nullptr : ws.find(Kind::APIPortalAuth, portal->ns, s.authName);
        if (!auth)
            ctx.error(
                *portal,
                s.authName.isEmpty() ? QStringLiteral("spec") : QStringLiteral("spec.auth.name"),
                QStringLiteral("API portal will be ignored: no authentication configuration found"),
                s.authName.isEmpty()
                    ? QStringLiteral("set spec.auth.name to an APIPortalAuth in namespace %1")
                          .arg(portal->ns)
                    : QStringLiteral("create APIPortalAuth \"%1\" in namespace %2")
                          .arg(s.authName, portal->ns));
    }
}

void runOfflineSyncedAttributesRule(RuleContext &ctx)
{
    for (const Resource *r : ctx.workspace.ofKind(Kind::APIPortalAuth)) {
        for (const char *method : {"oidc", "ldap"}) {
            const Yaml::Node *m = r->spec() ? r->spec()->get(method) : nullptr;
            if (m && m->has("syncedAttributes"))
                ctx.warning(
                    *r, QStringLiteral("spec.%1.syncedAttributes").arg(QLatin1StringView(method)),
                    QStringLiteral("attribute synchronisation is not supported in offline mode; "
                                   "syncedAttributes is ignored"),
                    QStringLiteral("remove syncedAttributes"));
        }
    }
}

namespace {

bool isLoopbackOrLocal(const QUrl &url)
{
    const QString host = url.host().toLower();
    return host == QLatin1StringView("localhost") || host.startsWith(QLatin1StringView("127."))
        || host == QLatin1StringView("::1") || host.endsWith(QLatin1StringView(".svc"))
        || host.endsWith(QLatin1StringView(".svc.cluster.local"))
        || host.endsWith(QLatin1StringView(".local"))
        || host.endsWith(QLatin1StringView(".internal")) || !host.contains(u'.');
}

} // namespace

void runOfflineNetworkRule(RuleContext &ctx)
{
    for (const Resource &r : ctx.workspace.resources()) {
        if (r.kind == Kind::APIAuth) {
            const ApiAuthSpec s = readApiAuthSpec(r.spec());
            auto check = [&](const QString &url, const QString &field) {
                if (url.isEmpty() || isLoopbackOrLocal(QUrl(url)))
                    return;
                ctx.warning(r, field,
                            QStringLiteral("the gateway must fetch %1 at run time; an air-gapped "
                                           "cluster may not reach it")
                                .arg(url),
                            QStringLiteral("use jwt.jwksFile (the JWKS inline) or jwt.publicKey"));
            };
            check(s.jwksUrl, QStringLiteral("spec.jwt.jwksUrl"));
            for (int i = 0; i < s.trustedIssuers.size(); ++i)
                check(s.trustedIssuers[i].jwksUrl,
                      QStringLiteral("spec.jwt.trustedIssuers[%1].jwksUrl").arg(i));
        } else if (r.kind == Kind::API || r.kind == Kind::APIVersion) {
            const Yaml::Node *oas = r.spec() ? r.spec()->get("openApiSpec") : nullptr;
            const QString url = stringAt(oas, "url");
            if (!url.isEmpty() && !isLoopbackOrLocal(QUrl(url)))
                ctx.warning(
                    r, QStringLiteral("spec.openApiSpec.url"),
                    QStringLiteral("the OpenAPI document at %1 must be reachable from the cluster")
                        .arg(url),
                    QStringLiteral("serve it from the API's own service with openApiSpec.path; "
                                   "locally, map it in airgate.yaml specs:"));
        } else if (r.kind == Kind::APIPortalAuth) {
            const ApiPortalAuthSpec s = readApiPortalAuthSpec(r.spec());
            if (s.hasOidc && !s.issuerUrl.isEmpty() && !isLoopbackOrLocal(QUrl(s.issuerUrl)))
                ctx.info(r, QStringLiteral("spec.oidc.issuerUrl"),
                         QStringLiteral("the portal needs %1 (discovery, token endpoint) reachable "
                                        "from the gateway and the browser")
                             .arg(s.issuerUrl));
        }
    }
}

void runOfflineKeyDigestRule(RuleContext &ctx)
{
    const Workspace &ws = ctx.workspace;
    for (const Resource *app : ws.ofKind(Kind::ManagedApplication)) {
        const ManagedApplicationSpec s = readManagedApplicationSpec(app->spec());
        for (int i = 0; i < s.apiKeys.size(); ++i) {
            const auto &k = s.apiKeys[i];
            if (!k.value.isEmpty() && !Keys::isDigestHex(k.value.toUtf8()))
                ctx.error(
                    *app, QStringLiteral("spec.apiKeys[%1].value").arg(i),
                    QStringLiteral(
                        "apiKeys[%1].value is not a SHAKE256 digest: it looks like a plaintext key")
                        .arg(i),
                    QStringLiteral("store the hex digest (`airgatectl key hash KEY | base64 -d`) "
                                   "and keep the key in the keychain"));
            if (k.secretName.isEmpty())
                continue;
            const Resource *secret = ws.find(Kind::Secret, app->ns, k.secretName);
            if (!secret)
                continue; // reported by the reference rule
            const SecretSpec sec = readSecret(secret->node.get());
            if (!sec.data.contains(QStringLiteral("key")))
                continue;
            const QByteArray value = sec.data.value(QStringLiteral("key"));
            const QString where = sec.fromStringData.value(QStringLiteral("key"))
                ? QStringLiteral("stringData.key")
                : QStringLiteral("data.key");
            if (!Keys::isDigestHex(value)) {
                Diagnostic d;
                d.severity = Diagnostic::Severity::Error;
                d.message = QStringLiteral("Secret \"%1\" %2 is not a SHAKE256 digest: it looks "
                                           "like a plaintext API key")
                                .arg(secret->name, where);
                d.hint = QStringLiteral("data.key must be base64(hex(SHAKE256(key))); `airgatectl "
                                        "key hash KEY` prints it");
                d.file = secret->source.file;
                const Yaml::Mark m = secret->markAt(where);
                d.line = m.line;
                d.column = m.column;
                d.kind = secret->kindName;
                d.ns = secret->ns;
                d.name = secret->name;
                d.field = where;
                ctx.add(d);
            }
        }
    }
}

void runOfflineClientSecretRule(RuleContext &ctx)
{
    const Workspace &ws = ctx.workspace;
    for (const Resource *auth : ws.ofKind(Kind::APIPortalAuth)) {
        const ApiPortalAuthSpec s = readApiPortalAuthSpec(auth->spec());
        if (!s.hasOidc || s.secretName.isEmpty())
            continue;
        const Resource *secret = ws.find(Kind::Secret, auth->ns, s.secretName);
        if (!secret)
            continue;
        const SecretSpec sec = readSecret(secret->node.get());
        const QByteArray value = sec.data.value(QStringLiteral("clientSecret"));
        if (value.isEmpty() || value.startsWith('<'))
            continue;
        const QString where = sec.fromStringData.value(QStringLiteral("clientSecret"))
            ? QStringLiteral("stringData.clientSecret")
            : QStringLiteral("data.clientSecret");
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.message = QStringLiteral("Secret \"%1\" holds the OIDC client secret in clear (%2); "
                                   "anyone with the repository can read it")
                        .arg(secret->name, where);
        d.hint = QStringLiteral(
            "keep this Secret out of git (sealed or external secret); base64 is not encryption");
        d.file = secret->source.file;
        const Yaml::Mark m = secret->markAt(where);
        d.line = m.line;
        d.column = m.column;
        d.kind = secret->kindName;
        d.ns = secret->ns;
        d.name = secret->name;
        d.field = where;
        ctx.add(d);
    }
}

} // namespace Airgate
