// SPDX-License-Identifier: Apache-2.0
#include "config/runtimeconfig.h"
#include "keys/apikey.h"
#include "model/workspace.h"

#include <QTest>

using namespace Airgate;
using namespace Airgate::Runtime;

namespace {

Workspace ws(const QByteArray &text)
{
    return Workspace::fromFiles(QStringLiteral("/ws"), {{QStringLiteral("a.yaml"), text}});
}

const QByteArray kBase
    = "apiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\nmetadata: {name: auth, namespace: "
      "apps}\nspec: {isDefault: true, apiKey: {}}\n"
      "---\napiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata: {name: api, namespace: apps, "
      "labels: {t: x}}\nspec: {}\n"
      "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: r, namespace: "
      "apps, annotations: {hub.traefik.io/api: api}}\n"
      "spec:\n  routes:\n  - match: Host(`a`)\n    services: [{name: s, port: 80}]\n  - match: "
      "Host(`a`) && PathPrefix(`/long/prefix`)\n"
      "    priority: 5\n    services: [{name: s, port: 80}]\n"
      "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: p, namespace: "
      "apps}\nspec: {title: P}\n"
      "---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication\nmetadata: {name: app, "
      "namespace: apps, labels: {tier: gold}}\n"
      "spec: {appId: app-id, owner: o, apiKeys: [{value: "
    + Keys::digestHex("k") + "}, {value: not-a-digest}]}\n";

} // namespace

class TestCompiler final : public QObject
{
    Q_OBJECT

private slots:
    void compilesRoutesInPriorityOrder()
    {
        const CompileResult r = compile(ws(kBase));
        QVERIFY(r.fatal.isEmpty());
        QCOMPARE(r.config->routes.size(), size_t(2));
        // Default priority is the rule length; an explicit one wins.
        QCOMPARE(r.config->routes[0].priority, qint64(9)); // Host(`a`)
        QCOMPARE(r.config->routes[1].priority, qint64(5));
        QVERIFY(r.config->routes[0].api);
        QCOMPARE(r.config->routes[0].upstreams[0].type, UpstreamConfig::Type::Unresolved);
        QVERIFY(r.config->warnings.join(u'\n').contains(
            QStringLiteral("no local target for Service apps/s:80")));
    }

    void keysAreIndexedAndInvalidOnesIgnored()
    {
        const CompileResult r = compile(ws(kBase));
        QCOMPARE(r.config->applications.size(), size_t(1));
        QCOMPARE(r.config->applications[0].keys.size(), 1);
        QVERIFY(r.config->keysByDigest.contains(Keys::digestHex("k")));
        QVERIFY(r.config->warnings.join(u'\n').contains(QStringLiteral("not a SHAKE256 digest")));
    }

    void subscriptionsBySelectorAndWeight()
    {
        const QByteArray extra
            = "---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedSubscription\nmetadata: "
              "{name: b, namespace: apps}\n"
              "spec: {managedApplicationSelector: {matchLabels: {tier: gold}}, apiSelector: "
              "{matchLabels: {t: x}}, apiPlan: {name: p}, weight: 1}\n"
              "---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedSubscription\nmetadata: "
              "{name: a, namespace: apps}\n"
              "spec: {managedApplications: [{name: app}], apis: [{name: api}], apiPlan: {name: "
              "p}}\n";
        const CompileResult r = compile(ws(kBase + extra));
        const auto it = r.config->grants.constFind(QStringLiteral("apps/app|apps/api"));
        QVERIFY(it != r.config->grants.cend());
        QCOMPARE(it->subscription, QStringLiteral("apps/b")); // weight 1 beats alphabetical "a"
    }

    void ignoredWithTheGatewaysLogLine()
    {
        QByteArray text = kBase;
        text.replace("spec: {isDefault: true, apiKey: {}}", "spec: {isDefault: false, apiKey: {}}");
        const CompileResult r = compile(ws(text));
        bool found = false;
        for (const SkippedResource &s : r.config->ignored)
            found = found
                || s.reason
                    == QLatin1StringView(
                        "API \"api\" will be ignored: no authentication configuration found");
        QVERIFY(found);
        QVERIFY(r.config->routes.empty()); // its routes are not served either
    }

    void invalidResourcesAreSkippedYamlErrorsAreFatal()
    {
        QByteArray text = kBase;
        text.replace("spec: {title: P}", "spec: {}");
        const CompileResult r = compile(ws(text));
        QVERIFY(r.fatal.isEmpty());
        QVERIFY(!r.config->plans.contains(QStringLiteral("apps/p")));
        const CompileResult broken = compile(ws(kBase + "---\nkind: [x\n"));
        QVERIFY(!broken.fatal.isEmpty());
        QVERIFY(!broken.config);
    }

    void schemaChecksCarryOverOnlyForUnchangedValidDocuments()
    {
        // A reload checks again only the documents whose text changed; an invalid one is never
        // taken for checked, however often it is compiled.
        CompileOptions options;
        options.schemaChecks = std::make_shared<SchemaCheckCache>();
        const QString plan = QStringLiteral("apps/p");
        QVERIFY(compile(ws(kBase), options).config->plans.contains(plan));
        QCOMPARE(options.schemaChecks->passed.size(), 5); // every document passed

        QByteArray invalid = kBase;
        invalid.replace("spec: {title: P}", "spec: {}");
        for (int i = 0; i < 2; ++i) {
            const CompileResult r = compile(ws(invalid), options);
            QVERIFY(r.fatal.isEmpty());
            QVERIFY2(!r.config->plans.contains(plan), "an invalid plan was served");
            QCOMPARE(options.schemaChecks->passed.size(), 4);
        }
        // Moved (a comment above it), the same text passes from the cache; the plan comes back
        // once its text is valid again.
        const CompileResult back = compile(ws("# moved\n" + kBase), options);
        QVERIFY(back.config->plans.contains(plan));
        QCOMPARE(back.config->ignored.size(), compile(ws(kBase)).config->ignored.size());
        QCOMPARE(options.schemaChecks->passed.size(), 5);

        // An item of a List that fails keeps its whole document out of the cache.
        const QByteArray list = kBase
            + "---\napiVersion: v1\nkind: List\nitems:\n"
              "- {apiVersion: hub.traefik.io/v1alpha1, kind: APIPlan, metadata: {name: ok, "
              "namespace: "
              "apps}, spec: {title: OK}}\n"
              "- {apiVersion: hub.traefik.io/v1alpha1, kind: APIPlan, metadata: {name: bad, "
              "namespace: apps}, spec: {}}\n";
        for (int i = 0; i < 2; ++i) {
            const CompileResult r = compile(ws(list), options);
            QVERIFY(r.config->plans.contains(QStringLiteral("apps/ok")));
            QVERIFY2(!r.config->plans.contains(QStringLiteral("apps/bad")),
                     "an invalid item was served");
        }
    }
};

QTEST_GUILESS_MAIN(TestCompiler)
#include "tst_compiler.moc"
