// SPDX-License-Identifier: Apache-2.0
// Plans as Hub applies them: GCRA rate limits and sliding-window quotas with the remaining-count
// headers (the count includes the current request), 429 with Retry-After, the three buckets,
// subscription precedence by weight then name, and quotas that survive a restart.
#include "gatewaytest.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AirgateTest;

namespace {

/// Two APIs (orders, billing) and two applications (app-a, app-c) in one subscription "sub-a".
QByteArray twoApis(const QByteArray &plan)
{
    QByteArray ws = baseWorkspace(plan);
    ws.replace("spec: {managedApplications: [{name: app-a}], apis: [{name: orders}], apiPlan: "
               "{name: std}}",
               "spec: {managedApplications: [{name: app-a}, {name: app-c}], apis: [{name: orders}, "
               "{name: billing}], apiPlan: {name: std}}");
    ws += "---\napiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata: {name: billing, "
          "namespace: apps}\nspec: {}\n"
          "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: billing\n  "
          "namespace: apps\n"
          "  annotations: {hub.traefik.io/api: billing@apps}\n"
          "spec:\n  routes:\n  - match: Host(`billing.test`)\n    services: [{name: backend, port: "
          "80}]\n"
          "---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication\nmetadata: {name: "
          "app-c, namespace: apps}\n"
          "spec: {appId: app-c, owner: carol, apiKeys: [{secretName: key-c}]}\n"
          "---\napiVersion: v1\nkind: Secret\nmetadata: {name: key-c, namespace: apps}\ndata: "
          "{key: "
        + keySecret("key-c") + "}\n";
    return ws;
}

} // namespace

class TestGatewayPlans final : public QObject
{
    Q_OBJECT

    TestUpstream m_upstream;

    bool start(GatewayProcess &gw, const QByteArray &ws)
    {
        gw.write(QStringLiteral("apps.yaml"), ws);
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        return gw.start();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rateLimitOnePerSecond()
    {
        GatewayProcess gw;
        QVERIFY2(start(gw, baseWorkspace("title: Tiny\n  rateLimit: {limit: 1, period: 1s}")),
                 qPrintable(gw.error()));
        const Reply first = get(gw.port(), "orders.test", "/echo", "key-a");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("X-Ratelimit-Remaining"), QByteArray("0"));
        const Reply second = get(gw.port(), "orders.test", "/echo", "key-a");
        QCOMPARE(second.status, 429);
        QCOMPARE(second.header("X-Ratelimit-Remaining"), QByteArray("0"));
        QCOMPARE(second.header("Retry-After"), QByteArray("1"));
        QCOMPARE(second.header("Content-Length"), QByteArray("0"));
        QTest::qWait(1100); // capacity regenerates at limit/period
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 200);
        QVERIFY(gw.admin("GET", "/metrics")
                    .body.contains("airgate_rate_limited_total{api=\"apps/orders\"} 1"));
        QCOMPARE(gw.stop(), 0);
    }

    void rateLimitBurstAndRegeneration()
    {
        GatewayProcess gw;
        QVERIFY2(start(gw, baseWorkspace("title: Ten\n  rateLimit: {limit: 10, period: 2s}")),
                 qPrintable(gw.error()));
        QList<int> remaining;
        for (int i = 0; i < 10; ++i)
            remaining << get(gw.port(), "orders.test", "/echo", "key-a")
                             .header("X-Ratelimit-Remaining")
                             .toInt();
        QCOMPARE(remaining, (QList<int> {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 429);
        QTest::qWait(450); // one request every 200 ms comes back
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 200);
        QCOMPARE(gw.stop(), 0);
    }

    void quotaCountsDownThenRefuses()
    {
        GatewayProcess gw;
        QVERIFY2(start(gw, baseWorkspace("title: Five\n  quota: {limit: 5, period: 24h}")),
                 qPrintable(gw.error()));
        QList<int> remaining;
        for (int i = 0; i < 5; ++i) {
            const Reply r = get(gw.port(), "orders.test", "/echo", "key-a");
            QCOMPARE(r.status, 200);
            remaining << r.header("X-Quota-Remaining").toInt();
        }
        QCOMPARE(remaining, (QList<int> {4, 3, 2, 1, 0}));
        const Reply refused = get(gw.port(), "orders.test", "/echo", "key-a");
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.header("X-Quota-Remaining"), QByteArray("0"));
        QVERIFY(refused.header("Retry-After").toInt() > 0);
        QVERIFY(gw.admin("GET", "/metrics")
                    .body.contains("airgate_quota_exceeded_total{api=\"apps/orders\"} 1"));
        QCOMPARE(gw.stop(), 0);
    }

    void quotaSurvivesARestartAndAPlanChange()
    {
        QTemporaryDir state;
        {
            GatewayProcess gw(state.path());
            QVERIFY2(start(gw, baseWorkspace("title: Five\n  quota: {limit: 5, period: 24h}")),
                     qPrintable(gw.error()));
            for (int i = 0; i < 3; ++i)
                QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 200);
            QCOMPARE(gw.stop(), 0);
        }
        GatewayProcess again(state.path());
        QVERIFY2(start(again, baseWorkspace("title: Five\n  quota: {limit: 5, period: 24h}")),
                 qPrintable(again.error()));
        QCOMPARE(get(again.port(), "orders.test", "/echo", "key-a").header("X-Quota-Remaining"),
                 QByteArray("1"));
        // A bigger plan keeps what was used (Hub: 5 used on a 500/24h plan → 494 after the next).
        again.write(QStringLiteral("apps.yaml"),
                    baseWorkspace("title: Big\n  quota: {limit: 500, period: 24h}"));
        QVERIFY(again.waitForGeneration(1));
        QCOMPARE(get(again.port(), "orders.test", "/echo", "key-a").header("X-Quota-Remaining"),
                 QByteArray("495"));
        QCOMPARE(again.stop(), 0);
    }

    void buckets_data()
    {
        QTest::addColumn<QByteArray>("bucket");
        QTest::addColumn<int>(
            "sameAppOtherApi"); // remaining for app-a on billing after 2 calls by app-a on orders
        QTest::addColumn<int>("otherAppSameApi"); // remaining for app-c on orders after that
        QTest::newRow("subscription") << QByteArray("subscription") << 7 << 6;
        QTest::newRow("application-api") << QByteArray("application-api") << 9 << 9;
        QTest::newRow("application") << QByteArray("application") << 7 << 9;
    }

    void buckets()
    {
        QFETCH(QByteArray, bucket);
        QFETCH(int, sameAppOtherApi);
        QFETCH(int, otherAppSameApi);
        GatewayProcess gw;
        QVERIFY2(
            start(gw,
                  twoApis("title: Q\n  quota: {limit: 10, period: 1h, bucket: " + bucket + "}")),
            qPrintable(gw.error()));
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").header("X-Quota-Remaining"),
                 QByteArray("9"));
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").header("X-Quota-Remaining"),
                 QByteArray("8"));
        QCOMPARE(
            get(gw.port(), "billing.test", "/echo", "key-a").header("X-Quota-Remaining").toInt(),
            sameAppOtherApi);
        QCOMPARE(
            get(gw.port(), "orders.test", "/echo", "key-c").header("X-Quota-Remaining").toInt(),
            otherAppSameApi);
        QCOMPARE(gw.stop(), 0);
    }

    void highestWeightThenAlphabeticalWins()
    {
        QByteArray ws = baseWorkspace("title: Std\n  quota: {limit: 100, period: 1h}");
        ws += "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: gold, "
              "namespace: apps}\n"
              "spec: {title: Gold, quota: {limit: 7, period: 1h}}\n"
              "---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedSubscription\nmetadata: "
              "{name: a-first, namespace: apps}\n"
              "spec: {managedApplications: [{name: app-a}], apis: [{name: orders}], apiPlan: "
              "{name: gold}}\n";
        GatewayProcess gw;
        QVERIFY2(start(gw, ws), qPrintable(gw.error()));
        // Same weight: "a-first" sorts before "sub-a", so gold applies.
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").header("X-Quota-Remaining"),
                 QByteArray("6"));
        QByteArray heavier = ws;
        heavier.replace("apiPlan: {name: std}}", "apiPlan: {name: std}, weight: 10}");
        gw.write(QStringLiteral("apps.yaml"), heavier);
        QVERIFY(gw.waitForGeneration(1));
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").header("X-Quota-Remaining"),
                 QByteArray("99"));
        QCOMPARE(gw.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayPlans)
#include "tst_gateway_plans.moc"
