// SPDX-License-Identifier: Apache-2.0
// One test (at least) per validation rule: the clean workspace stays clean, each mistake is found
// with the right rule, severity, message and position.
#include "testutil.h"

#include <QTest>

using namespace Airgate;
using namespace AirgateTest;

namespace {

QByteArray base(const char *extra = "")
{
    return QByteArray(kCleanBase) + extra;
}

Workspace ws(const QByteArray &text)
{
    QList<QPair<QString, QByteArray>> files {{QStringLiteral("ws.yaml"), text}};
    return Workspace::fromFiles(QStringLiteral("/ws"), files);
}

QByteArray replaced(const char *from, const char *to)
{
    QByteArray b = kCleanBase;
    const qsizetype at = b.indexOf(from);
    Q_ASSERT(at >= 0);
    return b.replace(at, qstrlen(from), to);
}

} // namespace

class TestValidator final : public QObject
{
    Q_OBJECT

private slots:
    void cleanWorkspaceIsClean()
    {
        const Diagnostics ds = lint(ws(base()), true);
        QVERIFY2(ds.isEmpty(), qPrintable(dump(ds)));
    }

    void everyRuleHasANameAndCanBeSwitchedOff()
    {
        QStringList names;
        for (const RuleInfo &r : Validator::rules())
            names << r.name;
        for (const char *n :
             {"yaml", "resource", "reference", "duplicate", "orphan", "childless", "operation-set",
              "regex", "release", "selector", "offline-auth", "offline-portal-auth"})
            QVERIFY2(names.contains(QLatin1StringView(n)), n);
        const Workspace w = ws(replaced(
            "{name: std}}\n---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication",
            "{name: nope}}\n---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication"));
        QVERIFY(!ofRule(lint(w), QStringLiteral("reference")).isEmpty());
        QVERIFY(ofRule(lint(w, true, {QStringLiteral("reference")}), QStringLiteral("reference"))
                    .isEmpty());
    }

    void yamlProblemsArePositioned()
    {
        const Diagnostics ds = lint(ws(base("---\nkind: x\nkind: y\n")));
        const Diagnostic *d
            = find(ds, QStringLiteral("yaml"), QStringLiteral("duplicate key \"kind\""));
        QVERIFY2(d, qPrintable(dump(ds)));
        QCOMPARE(d->severity, Diagnostic::Severity::Error);
        QCOMPARE(d->file, QStringLiteral("ws.yaml"));
        QCOMPARE(d->line, QByteArray(kCleanBase).count('\n') + 3);
        QCOMPARE(d->column, 1);
    }

    void resourceSchemaAndCel()
    {
        const Diagnostics ds
            = lint(ws(replaced("spec: {isDefault: true, apiKey: {}}",
                               "spec: {isDefault: true, apiKey: {}, keyless: {}}")));
        const Diagnostic *d = find(ds, QStringLiteral("resource"),
                                   QStringLiteral("exactly one authentication method"));
        QVERIFY2(d, qPrintable(dump(ds)));
        QCOMPARE(d->message,
                 QStringLiteral("spec: Invalid value: \"object\": exactly one authentication "
                                "method must be specified"));
        QCOMPARE(d->kind, QStringLiteral("APIAuth"));
        QCOMPARE(d->ns, QStringLiteral("apps"));
        QCOMPARE(d->name, QStringLiteral("default-auth"));
        QCOMPARE(d->field, QStringLiteral("spec"));
        QCOMPARE(d->line, 4);
    }

    void resourceUnknownFieldWithRenameHint()
    {
        const Diagnostics ds = lint(ws(replaced("rateLimit: {limit: 10, period: 1s}",
                                                "rateLimit: {requests: 10, period: 1s}")));
        const Diagnostic *d = find(ds, QStringLiteral("resource"),
                                   QStringLiteral("unknown field \"spec.rateLimit.requests\""));
        QVERIFY2(d, qPrintable(dump(ds)));
        QVERIFY(d->hint.contains(QStringLiteral("rateLimit.limit")));
        QVERIFY(hasMessage(ds, QStringLiteral("resource"),
                           QStringLiteral("spec.rateLimit.limit: Required value")));
    }

    void resourceMetadataAsHubValidates()
    {
        const Diagnostics ds = lint(
            ws(replaced("metadata: {name: std, namespace: apps}", "metadata: {name: Std.Plan}")));
        QVERIFY2(hasMessage(ds, QStringLiteral("resource"),
                            QStringLiteral("metadata.name: Invalid value: \"Std.Plan\": a "
                                           "lowercase RFC 1123 label must consist of")),
                 qPrintable(dump(ds)));
        QVERIFY(hasMessage(ds, QStringLiteral("resource"),
                           QStringLiteral("metadata.namespace: Required value")));
        const Diagnostics ds2 = lint(
            ws(base("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm.with.dots}\n")));
        QVERIFY(!hasMessage(ds2, QStringLiteral("resource"), QStringLiteral("metadata.name:")));
        const Diagnostic *w = find(ds2, QStringLiteral("resource"),
                                   QStringLiteral("metadata.namespace is not set"));
        QVERIFY(w);
        QCOMPARE(w->severity, Diagnostic::Severity::Warning);
        const Diagnostics ds3
            = lint(ws(base("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: "
                           "n, labels: {'bad key': v}, owner: me}\n")));
        QVERIFY(hasMessage(ds3, QStringLiteral("resource"),
                           QStringLiteral("metadata.labels: Invalid value: \"bad key\"")));
        QVERIFY(hasMessage(ds3, QStringLiteral("resource"),
                           QStringLiteral("unknown field \"metadata.owner\"")));
    }

    void resourceUnknownKinds()
    {
        const Diagnostics ds = lint(ws(base(
            "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIAccess\nmetadata: {name: a, "
            "namespace: apps}\n"
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: apps}\n")));
        const Diagnostic *e = find(ds, QStringLiteral("resource"),
                                   QStringLiteral("no matches for kind \"APIAccess\""));
        QVERIFY2(e, qPrintable(dump(ds)));
        QVERIFY(e->hint.contains(QStringLiteral("APICatalogItem")));
        const Diagnostic *w
            = find(ds, QStringLiteral("resource"),
                   QStringLiteral("Deployment (apps/v1) is not a kind Airgate knows"));
        QVERIFY(w);
        QCOMPARE(w->severity, Diagnostic::Severity::Warning);
    }

    void referenceRule()
    {
        Diagnostics ds = lint(
            ws(replaced("apis: [{name: weather-api}], apiPlan: {name: std}}\n---\napiVersion: "
                        "hub.traefik.io/v1alpha1\nkind: ManagedApplication",
                        "apis: [{name: wether-api}], apiPlan: {name: std}}\n---\napiVersion: "
                        "hub.traefik.io/v1alpha1\nkind: ManagedApplication")));
        const Diagnostic *d
            = find(ds, QStringLiteral("reference"),
                   QStringLiteral("API \"wether-api\" in namespace \"apps\" not found"));
        QVERIFY2(d, qPrintable(dump(ds)));
        QCOMPARE(d->field, QStringLiteral("spec.apis[0].name"));
        QCOMPARE(d->severity, Diagnostic::Severity::Error);
        // Annotations: name@namespace.
        ds = lint(ws(replaced("hub.traefik.io/api: weather-api@apps",
                              "hub.traefik.io/api: weather-api@other")));
        QVERIFY(hasMessage(ds, QStringLiteral("reference"),
                           QStringLiteral("annotation hub.traefik.io/api refers to API "
                                          "\"weather-api\" in namespace \"other\"")));
        // Secrets: the key Secret must be in the application's namespace and hold `key`.
        ds = lint(ws(replaced("metadata: {name: app-key, namespace: apps}\ndata:\n  key:",
                              "metadata: {name: app-key}\ndata:\n  key:")));
        d = find(ds, QStringLiteral("reference"),
                 QStringLiteral("Secret \"app-key\" in namespace \"apps\" not found"));
        QVERIFY2(d, qPrintable(dump(ds)));
        QVERIFY(d->hint.contains(QStringLiteral("no metadata.namespace")));
    }

    void duplicateRule()
    {
        Diagnostics ds
            = lint(ws(base("---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: "
                           "{name: std, namespace: apps}\nspec: {title: Again}\n")));
        QVERIFY2(hasMessage(ds, QStringLiteral("duplicate"),
                            QStringLiteral("APIPlan apps/std is defined twice (first at ws.yaml:")),
                 qPrintable(dump(ds)));
        ds = lint(ws(base("---\napiVersion: hub.traefik.io/v1alpha1\nkind: "
                          "ManagedApplication\nmetadata: {name: app2, namespace: apps}\n"
                          "spec: {appId: app-id, owner: x, apiKeys: [{secretName: app-key}]}\n")));
        QVERIFY(hasMessage(
            ds, QStringLiteral("duplicate"),
            QStringLiteral("appId \"app-id\" is also used by ManagedApplication \"app\"")));
        QVERIFY(hasMessage(
            ds, QStringLiteral("duplicate"),
            QStringLiteral("the same API key is also held by ManagedApplication \"app\"")));
        ds = lint(ws(replaced(
            "operationSets:\n    - name: read\n",
            "operationSets:\n    - name: read\n      matchers: [{path: /a}]\n    - name: read\n")));
        QVERIFY(hasMessage(ds, QStringLiteral("duplicate"),
                           QStringLiteral("operation set \"read\" is listed twice")));
    }

    void orphanRule()
    {
        const Diagnostics ds
            = lint(ws(base("---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: "
                           "{name: unused, namespace: apps}\nspec: {title: U}\n"
                           "---\napiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata: {name: "
                           "hidden, namespace: apps}\nspec: {}\n")));
        const Diagnostic *p
            = find(ds, QStringLiteral("orphan"), QStringLiteral("APIPlan \"unused\" is not used"));
        QVERIFY2(p, qPrintable(dump(ds)));
        QCOMPARE(p->severity, Diagnostic::Severity::Warning);
        const Diagnostic *a = find(ds, QStringLiteral("orphan"),
                                   QStringLiteral("API \"hidden\" is not exposed by any route"));
        QVERIFY(a);
        QVERIFY(a->hint.contains(QStringLiteral("hub.traefik.io/api: hidden@apps")));
    }

    void childlessRule()
    {
        const Diagnostics ds
            = lint(ws(base("---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIBundle\nmetadata: "
                           "{name: b, namespace: apps}\n"
                           "spec: {apiSelector: {matchLabels: {area: nothing}}}\n"
                           "---\napiVersion: hub.traefik.io/v1alpha1\nkind: "
                           "APICatalogItem\nmetadata: {name: c2, namespace: apps}\n"
                           "spec: {everyone: true, apiBundles: [{name: b}]}\n")));
        QVERIFY2(hasMessage(ds, QStringLiteral("childless"),
                            QStringLiteral("APIBundle \"b\" resolves no API")),
                 qPrintable(dump(ds)));
        QVERIFY(hasMessage(ds, QStringLiteral("childless"),
                           QStringLiteral("APICatalogItem \"c2\" resolves no API")));
        // A selector that does match resolves.
        const Diagnostics ok
            = lint(ws(base("---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIBundle\nmetadata: "
                           "{name: b, namespace: apps}\n"
                           "spec: {apiSelector: {matchLabels: {area: weather}}}\n"
                           "---\napiVersion: hub.traefik.io/v1alpha1\nkind: "
                           "APICatalogItem\nmetadata: {name: c2, namespace: apps}\n"
                           "spec: {everyone: true, apiBundles: [{name: b}]}\n")));
        QVERIFY2(ofRule(ok, QStringLiteral("childless")).isEmpty(), qPrintable(dump(ok)));
    }

    void operationSetRule()
    {
        const Diagnostics ds = lint(ws(replaced("spec: {managedApplications: [{name: app}], apis: "
                                                "[{name: weather-api}], apiPlan: {name: std}}",
                                                "spec: {managedApplications: [{name: app}], apis: "
                                                "[{name: weather-api}], apiPlan: {name: std}, "
                                                "operationFilter: {include: [read, write]}}")));
        const Diagnostic *d
            = find(ds, QStringLiteral("operation-set"),
                   QStringLiteral("operation set \"write\" is not defined on any targeted API"));
        QVERIFY2(d, qPrintable(dump(ds)));
        QCOMPARE(d->field, QStringLiteral("spec.operationFilter.include[1]"));
        QVERIFY(!hasMessage(ds, QStringLiteral("operation-set"), QStringLiteral("\"read\"")));
    }

    void regexRule()
    {
        const Diagnostics ds
            = lint(ws(replaced("matchers: [{methods: [GET], pathPrefix: /weather}]",
                               "matchers: [{methods: [GET], pathRegex: '^/w(?=x)'}]")));
        QVERIFY2(
            hasMessage(ds, QStringLiteral("regex"),
                       QStringLiteral("look-around assertions are not supported by Go regexp")),
            qPrintable(dump(ds)));
        const Diagnostics ds2
            = lint(ws(replaced("matchers: [{methods: [GET], pathPrefix: /weather}]",
                               "matchers: [{methods: [GET], pathRegex: '^/w[a-'}]")));
        QVERIFY(
            hasMessage(ds2, QStringLiteral("regex"), QStringLiteral("invalid regular expression")));
    }

    void releaseRule()
    {
        const Diagnostics ds = lint(ws(base(R"(---
apiVersion: hub.traefik.io/v1alpha1
kind: API
metadata: {name: versioned, namespace: apps}
spec: {versions: [{name: v1}, {name: v1b}]}
---
apiVersion: hub.traefik.io/v1alpha1
kind: APIVersion
metadata: {name: v1, namespace: apps}
spec: {release: v1.0.0}
---
apiVersion: hub.traefik.io/v1alpha1
kind: APIVersion
metadata: {name: v1b, namespace: apps}
spec: {release: 1.0.0}
)")));
        QVERIFY2(
            hasMessage(
                ds, QStringLiteral("release"),
                QStringLiteral(
                    "release 1.0.0 of API \"versioned\" is already defined by APIVersion \"v1\"")),
            qPrintable(dump(ds)));
    }

    void selectorRule()
    {
        const Diagnostics ds
            = lint(ws(base("---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIBundle\nmetadata: "
                           "{name: b, namespace: apps}\n"
                           "spec: {apiSelector: {matchExpressions: [{key: area, operator: Equals, "
                           "values: [x]}, {key: tier, operator: In}]}}\n")));
        QVERIFY2(hasMessage(ds, QStringLiteral("selector"),
                            QStringLiteral("Unsupported value: \"Equals\"")),
                 qPrintable(dump(ds)));
        QVERIFY(hasMessage(ds, QStringLiteral("selector"),
                           QStringLiteral("must be specified when `operator` is 'In' or 'NotIn'")));
    }

    void routeRule()
    {
        const Diagnostics ds
            = lint(ws(replaced("match: Host(`weather.example.com`)",
                               "match: Host(`weather.example.com`) && PathPrefix(`api`)")));
        QVERIFY2(hasMessage(ds, QStringLiteral("route"),
                            QStringLiteral("path \"api\" does not start with a '/'")),
                 qPrintable(dump(ds)));
        const Diagnostics ds2
            = lint(ws(replaced("match: Host(`weather.example.com`)", "match: Host(`a`, `b`)")));
        QVERIFY(hasMessage(
            ds2, QStringLiteral("route"),
            QStringLiteral("unexpected number of parameters; got 2, expected one of [1]")));
        const Diagnostics ds3 = lint(ws(
            replaced("match: Host(`weather.example.com`)", "match: Host('weather.example.com')")));
        QVERIFY(hasMessage(ds3, QStringLiteral("route"),
                           QStringLiteral("single quotes are not allowed")));
    }

    void deprecatedRule()
    {
        const Diagnostics ds = lint(ws(replaced("spec: {managedApplications: [{name: app}],",
                                                "spec: {applications: [{appId: app-id}],")));
        QVERIFY2(hasMessage(ds, QStringLiteral("deprecated"),
                            QStringLiteral("applications[].appId is deprecated")),
                 qPrintable(dump(ds)));
        QVERIFY(ofRule(ds, QStringLiteral("reference")).isEmpty()); // appId resolves
    }

    void offlineAuthRule()
    {
        QByteArray noAuth = kCleanBase;
        noAuth.replace("spec: {isDefault: true, apiKey: {}}",
                       "spec: {isDefault: false, apiKey: {}}");
        const Diagnostics ds = lint(ws(noAuth));
        const Diagnostic *d = find(ds, QStringLiteral("offline-auth"), QString());
        QVERIFY2(d, qPrintable(dump(ds)));
        QCOMPARE(d->message,
                 QStringLiteral(
                     "API \"weather-api\" will be ignored: no authentication configuration found"));
        QCOMPARE(d->severity, Diagnostic::Severity::Error);
        QVERIFY(ofRule(lint(ws(noAuth), false), QStringLiteral("offline-auth"))
                    .isEmpty()); // only with --offline
        const Diagnostics two
            = lint(ws(base("---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\nmetadata: "
                           "{name: a-first, namespace: apps}\n"
                           "spec: {isDefault: true, jwt: {appIdClaim: azp, publicKey: k}}\n")));
        const Diagnostic *w = find(two, QStringLiteral("offline-auth"),
                                   QStringLiteral("\"a-first\" wins (alphabetical order)"));
        QVERIFY2(w, qPrintable(dump(two)));
        QCOMPARE(w->name, QStringLiteral("default-auth"));
        QCOMPARE(w->severity, Diagnostic::Severity::Warning);
    }

    void offlinePortalAuthRule()
    {
        const Diagnostics ds = lint(ws(base(R"(---
apiVersion: hub.traefik.io/v1alpha1
kind: APIPortal
metadata: {name: portal, namespace: apps}
spec: {trustedUrls: [https://portal.example.com], auth: {name: missing}}
)")));
        QVERIFY2(
            hasMessage(ds, QStringLiteral("offline-portal-auth"),
                       QStringLiteral(
                           "API portal will be ignored: no authentication configuration found")),
            qPrintable(dump(ds)));
    }

    void offlineSyncedAttributesAndNetworkAndClientSecret()
    {
        const Diagnostics ds = lint(ws(base(R"(---
apiVersion: hub.traefik.io/v1alpha1
kind: APIPortalAuth
metadata: {name: pa, namespace: apps}
spec:
  oidc:
    issuerUrl: https://idp.example.com/
    secretName: pa-secret
    claims: {groups: groups}
    syncedAttributes: [groups]
---
apiVersion: v1
kind: Secret
metadata: {name: pa-secret, namespace: apps}
stringData: {clientId: portal, clientSecret: s3cr3t}
---
apiVersion: hub.traefik.io/v1alpha1
kind: APIAuth
metadata: {name: jwt, namespace: other}
spec: {isDefault: true, jwt: {appIdClaim: azp, trustedIssuers: [{jwksUrl: https://idp.example.com/jwks.json}]}}
)")));
        QVERIFY2(hasMessage(ds, QStringLiteral("offline-synced-attributes"),
                            QStringLiteral("not supported in offline mode")),
                 qPrintable(dump(ds)));
        const Diagnostic *n = find(ds, QStringLiteral("offline-network"),
                                   QStringLiteral("https://idp.example.com/jwks.json"));
        QVERIFY(n);
        QVERIFY(n->hint.contains(QStringLiteral("jwksFile")));
        const Diagnostic *c = find(
            ds, QStringLiteral("offline-client-secret"),
            QStringLiteral("holds the OIDC client secret in clear (stringData.clientSecret)"));
        QVERIFY(c);
        QCOMPARE(c->kind, QStringLiteral("Secret"));
    }

    void offlineKeyDigestRule()
    {
        const Diagnostics ds = lint(ws(base(R"(---
apiVersion: hub.traefik.io/v1alpha1
kind: ManagedApplication
metadata: {name: leaky, namespace: apps}
spec: {appId: leaky, owner: x, apiKeys: [{secretName: leaky-key}, {value: my-plain-key}]}
---
apiVersion: v1
kind: Secret
metadata: {name: leaky-key, namespace: apps}
stringData: {key: secret-api-key}
)")));
        const Diagnostic *s
            = find(ds, QStringLiteral("offline-key-digest"),
                   QStringLiteral("Secret \"leaky-key\" stringData.key is not a SHAKE256 digest"));
        QVERIFY2(s, qPrintable(dump(ds)));
        QCOMPARE(s->field, QStringLiteral("stringData.key"));
        QVERIFY(hasMessage(ds, QStringLiteral("offline-key-digest"),
                           QStringLiteral("apiKeys[1].value is not a SHAKE256 digest")));
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
