// SPDX-License-Identifier: Apache-2.0
#include "validator.h"

#include <QElapsedTimer>

namespace Airgate {

void RuleContext::report(Diagnostic::Severity severity, const Resource &r, const QString &field,
                         const QString &message, const QString &hint)
{
    Diagnostic d;
    d.severity = severity;
    d.rule = m_rule;
    d.message = message;
    d.hint = hint;
    d.file = r.source.file;
    const Yaml::Mark m = field.isEmpty() ? r.source.mark : r.markAt(field);
    d.line = m.line;
    d.column = m.column;
    d.kind = r.kindName;
    d.ns = r.ns;
    d.name = r.name;
    d.field = field;
    m_out << d;
}

void RuleContext::add(Diagnostic d)
{
    d.rule = m_rule;
    m_out << d;
}

const QList<RuleInfo> &Validator::rules()
{
    static const QList<RuleInfo> all {
        {QStringLiteral("yaml"),
         QStringLiteral("YAML syntax, duplicate keys, tabs, encoding and size limits"),
         false,
         {}},
        {QStringLiteral("settings"),
         QStringLiteral(
             "airgate.yaml: entry points, services, local specs and JWKS, portal preview, limits"),
         false,
         [](RuleContext &ctx) {
             for (const Diagnostic &d : ctx.workspace.settingsDiagnostics())
                 ctx.add(d);
         }},
        {QStringLiteral("openapi"),
         QStringLiteral("OpenAPI documents: readable, every $ref a file inside the workspace"),
         false, runOpenApiRule},
        {QStringLiteral("resource"),
         QStringLiteral(
             "Check resource definitions against the CRD schemas, CEL rules and object metadata"),
         false, runResourceRule},
        {QStringLiteral("reference"), QStringLiteral("Check invalid resource references"), false,
         runReferenceRule},
        {QStringLiteral("duplicate"),
         QStringLiteral("Check duplicate resources and resource references"), false,
         runDuplicateRule},
        {QStringLiteral("orphan"), QStringLiteral("Check orphan resources"), false, runOrphanRule},
        {QStringLiteral("childless"), QStringLiteral("Check childless resources"), false,
         runChildlessRule},
        {QStringLiteral("operation-set"), QStringLiteral("Check for unknown operation sets"), false,
         runOperationSetRule},
        {QStringLiteral("regex"),
         QStringLiteral("Check invalid regular expressions (Go RE2 syntax)"), false, runRegexRule},
        {QStringLiteral("release"), QStringLiteral("Check duplicate releases of a given API"),
         false, runReleaseRule},
        {QStringLiteral("selector"), QStringLiteral("Check selector definitions"), false,
         runSelectorRule},
        {QStringLiteral("route"),
         QStringLiteral("Check IngressRoute rules (Traefik v3 syntax) and Hub annotations"), false,
         runRouteRule},
        {QStringLiteral("deprecated"),
         QStringLiteral("Report deprecated kinds and fields and what replaced them"), false,
         runDeprecatedRule},
        {QStringLiteral("offline-auth"),
         QStringLiteral("APIs need a default APIAuth in their namespace in offline mode"), true,
         runOfflineAuthRule},
        {QStringLiteral("offline-portal-auth"),
         QStringLiteral("Portals need a resolvable APIPortalAuth in offline mode"), true,
         runOfflinePortalAuthRule},
        {QStringLiteral("offline-synced-attributes"),
         QStringLiteral("Attribute synchronisation is not supported offline"), true,
         runOfflineSyncedAttributesRule},
        {QStringLiteral("offline-network"),
         QStringLiteral("URLs that need network access from an air-gapped cluster"), true,
         runOfflineNetworkRule},
        {QStringLiteral("offline-key-digest"),
         QStringLiteral("API keys must be stored as SHAKE256 digests, never in clear"), true,
         runOfflineKeyDigestRule},
        {QStringLiteral("offline-client-secret"),
         QStringLiteral("Clear-text OIDC client secrets committed in the workspace"), true,
         runOfflineClientSecretRule},
    };
    return all;
}

bool Validator::isRule(const QString &name)
{
    for (const RuleInfo &r : rules())
        if (r.name == name)
            return true;
    return false;
}

Diagnostics Validator::validate(const Workspace &workspace, const ValidationOptions &options)
{
    Diagnostics out;
    if (!options.disabledRules.contains(QStringLiteral("yaml")))
        out += workspace.loadDiagnostics();
    for (const RuleInfo &r : rules()) {
        if (!r.run || options.disabledRules.contains(r.name) || (r.offlineOnly && !options.offline))
            continue;
        RuleContext ctx(workspace, options, r.name, out);
        QElapsedTimer t;
        t.start();
        r.run(ctx);
        if (options.timing)
            options.timing(r.name, t.nsecsElapsed() / 1000);
    }
    sortDiagnostics(out);
    return out;
}

} // namespace Airgate
