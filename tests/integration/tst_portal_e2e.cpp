// SPDX-License-Identifier: Apache-2.0
// The developer portal end to end: a real OpenID provider (npm oidc-provider) on loopback, the
// gateway serving the example's portal on a preview listener, and headless Chromium (Debian's
// chromium driven by npm playwright-core): login with PKCE, group-based catalog, the API page
// with the example's operations, try-it through the gateway with the user's key, logout.
#include "gatewaytest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace AirgateTest;

namespace {

const QString kTools = QStringLiteral(AIRGATE_NODE_TOOLS);

/** The port of a portal's preview listener, from the ready line. */
quint16 portalPort(const GatewayProcess &gw)
{
    const QString a = gw.ready()
                          .value(QStringLiteral("portals"))
                          .toObject()
                          .value(QStringLiteral("apps/api-portal"))
                          .toString();
    return static_cast<quint16>(a.section(u':', -1).toUInt());
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** The example workspace, changed so group-a sees the Weather API and group-b the Billing API. */
void prepare(GatewayProcess &gw, const QString &issuer, quint16 previewPort)
{
    const QString ex = QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather");
    gw.copyFrom(ex);
    QByteArray portal = readAll(ex + QStringLiteral("/portal/portal.yaml"));
    portal.replace("issuerUrl: https://auth.example.com/",
                   QByteArray("issuerUrl: " + issuer.toUtf8()));
    portal.replace(R"(scopes: ["openid", "profile", "email"])",
                   R"(scopes: ["openid", "profile", "email", "groups"])");
    portal.replace("clientId: weather-portal", "clientId: portal");
    portal.replace(R"(clientSecret: "<set on the cluster; never committed>")",
                   "clientSecret: portal-secret");
    gw.write(QStringLiteral("portal/portal.yaml"), portal);
    QByteArray plan = readAll(ex + QStringLiteral("/plans/standard-plan.yaml"));
    plan.replace("  everyone: true\n", "  groups: [group-a]\n");
    gw.write(QStringLiteral("plans/standard-plan.yaml"), plan);
    QByteArray app = readAll(ex + QStringLiteral("/consumers/partner-app.yaml"));
    app.replace(R"(owner: "67f67907ee260b44336a952e")", "owner: alice");
    gw.write(QStringLiteral("consumers/partner-app.yaml"), app);
    gw.write(QStringLiteral("apis/more.yaml"), R"(apiVersion: hub.traefik.io/v1alpha1
kind: API
metadata:
  name: billing-api
  namespace: apps
spec:
  title: Billing API
  description: Invoices.
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: billing-ingress
  namespace: apps
  annotations:
    hub.traefik.io/api: billing-api@apps
spec:
  entryPoints: [web]
  routes:
    - match: Host(`billing.example.com`)
      kind: Rule
      services:
        - name: billing-app
          port: 8080
---
apiVersion: hub.traefik.io/v1alpha1
kind: API
metadata:
  name: broken-api
  namespace: apps
spec:
  title: Broken API
  openApiSpec:
    path: /openapi.json
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: broken-ingress
  namespace: apps
  annotations:
    hub.traefik.io/api: broken-api@apps
spec:
  entryPoints: [web]
  routes:
    - match: Host(`broken.example.com`)
      kind: Rule
      services:
        - name: broken-app
          port: 8080
---
apiVersion: hub.traefik.io/v1alpha1
kind: APICatalogItem
metadata:
  name: for-group-b
  namespace: apps
spec:
  groups: [group-b]
  apis:
    - name: billing-api
    - name: broken-api
  apiPlan:
    name: standard-plan
)");
    gw.write(
        QStringLiteral("specs/billing.json"),
        R"({"openapi":"3.0.3","info":{"title":"Billing","version":"1"},"paths":{"/invoices":{"get":{"tags":["invoices"],"summary":"List invoices","responses":{"200":{"description":"ok","content":{"application/json":{"example":[{"id":1}]}}}}}}}})");
    gw.write(QStringLiteral("airgate.yaml"),
             "entryPoints:\n  web: 127.0.0.1:0\nservices:\n"
             "  apps/weather-app:8080: {mock: specs/weather.json}\n"
             "  apps/billing-app:8080: {mock: specs/billing.json}\n"
             "  apps/broken-app:8080: http://127.0.0.1:1\n"
             "specs:\n  apps/weather-api: specs/weather.json\n"
             "portalPreview:\n  apps/api-portal: 127.0.0.1:"
                 + QByteArray::number(previewPort) + "\n");
}

} // namespace

class TestPortalE2E : public QObject
{
    Q_OBJECT

private:
    QProcess m_idp;
    QString m_issuer;
    quint16 m_preview = 0;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kTools + QStringLiteral("/node_modules/oidc-provider/package.json")),
                 "npm ci in tests/node first (./build.sh test does)");
        m_preview = freePort();
        m_idp.setProgram(QStringLiteral("node"));
        m_idp.setArguments({kTools + QStringLiteral("/oidc-server.mjs"),
                            QStringLiteral("--redirect"),
                            QStringLiteral("http://127.0.0.1:%1/callback").arg(m_preview)});
        m_idp.setProcessChannelMode(QProcess::SeparateChannels);
        m_idp.start();
        QVERIFY(m_idp.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_idp.canReadLine(), 20000);
        m_issuer = QJsonDocument::fromJson(m_idp.readLine())
                       .object()
                       .value(QStringLiteral("issuer"))
                       .toString();
        QVERIFY(m_issuer.startsWith(QStringLiteral("http://127.0.0.1:")));
    }

    void cleanupTestCase()
    {
        m_idp.terminate();
        m_idp.waitForFinished(5000);
    }

    void loginCatalogApiPageTryItLogout()
    {
        GatewayProcess gw;
        prepare(gw, m_issuer, m_preview);
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        QCOMPARE(portalPort(gw), m_preview);

        // Raw HTTP first: home, redirect to login, the authorization request.
        const Reply home = request(m_preview, "GET", "/", {{"Host", "127.0.0.1"}});
        QCOMPARE(home.status, 200);
        QVERIFY(home.body.contains("<h1>Company API Portal</h1>"));
        QVERIFY(home.body.contains("<main id=\"main\">"));
        const Reply catalog = request(m_preview, "GET", "/catalog", {{"Host", "127.0.0.1"}});
        QCOMPARE(catalog.status, 303);
        QCOMPARE(catalog.header("Location"), QByteArray("/login?return=%2Fcatalog"));
        const Reply login = request(m_preview, "GET", "/login",
                                    {{"Host", "127.0.0.1:" + QByteArray::number(m_preview)}});
        QCOMPARE(login.status, 303);
        const QUrl auth(QString::fromUtf8(login.header("Location")));
        QVERIFY(auth.toString().startsWith(m_issuer));
        const QUrlQuery q(auth);
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
        QCOMPARE(q.queryItemValue(QStringLiteral("client_id")), QStringLiteral("portal"));
        QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 QStringLiteral("http://127.0.0.1:%1/callback").arg(m_preview));
        QVERIFY(!q.queryItemValue(QStringLiteral("state")).isEmpty());
        QVERIFY(!q.queryItemValue(QStringLiteral("nonce")).isEmpty());
        QVERIFY(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                    .contains(QStringLiteral("groups")));
        // The same portal behind its annotated IngressRoute on the web entry point (Host matched).
        const Reply routed = request(gw.port(), "GET", "/", {{"Host", "portal.example.com"}});
        QCOMPARE(routed.status, 200);
        QVERIFY(routed.body.contains("<h1>Company API Portal</h1>"));
        const Reply other = request(gw.port(), "GET", "/", {{"Host", "elsewhere.example.com"}});
        QCOMPARE(other.status, 404);
        // German and French from the same translation files as the console.
        const Reply de
            = request(m_preview, "GET", "/",
                      {{"Host", "127.0.0.1"}, {"Accept-Language", "de-DE,de;q=0.9,en;q=0.5"}});
        QVERIFY(de.body.contains("<html lang=\"de\">"));
        QVERIFY(de.body.contains("Anmelden, um die APIs zu sehen"));
        const Reply fr
            = request(m_preview, "GET", "/", {{"Host", "127.0.0.1"}, {"Accept-Language", "fr-FR"}});
        QVERIFY(fr.body.contains("Connectez-vous pour voir les API"));
        const Reply css = request(m_preview, "GET", "/assets/portal.css", {{"Host", "x"}});
        QCOMPARE(css.status, 200);
        QVERIFY(css.header("Content-Type").startsWith("text/css"));

        // The browser.
        QProcess e2e;
        e2e.setProgram(QStringLiteral("node"));
        QStringList args {kTools + QStringLiteral("/portal-e2e.mjs"), QStringLiteral("--portal"),
                          QStringLiteral("http://127.0.0.1:%1").arg(m_preview),
                          QStringLiteral("--key"), QStringLiteral("secret-api-key")};
        if (qEnvironmentVariableIsSet("AIRGATE_SCREENSHOTS"))
            args << QStringLiteral("--shots") << qEnvironmentVariable("AIRGATE_SCREENSHOTS");
        e2e.setArguments(args);
        e2e.start();
        QVERIFY(e2e.waitForFinished(180000));
        const QByteArray line = e2e.readAllStandardOutput().trimmed().split('\n').last();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY2(!o.contains(QStringLiteral("failed")),
                 qPrintable(QString::fromUtf8(line + '\n' + e2e.readAllStandardError())));
        QCOMPARE(e2e.exitCode(), 0);

        QCOMPARE(o.value(QStringLiteral("homeTitle")).toString(),
                 QStringLiteral("Company API Portal"));
        // Login: alice (group-a) sees A's API, not B's.
        QCOMPARE(o.value(QStringLiteral("aliceCatalog")).toArray(),
                 QJsonArray {QStringLiteral("Weather API")});
        QCOMPARE(o.value(QStringLiteral("aliceUser")).toString(), QStringLiteral("Alice Martin"));
        QCOMPARE(
            o.value(QStringLiteral("cookie")).toObject().value(QStringLiteral("httpOnly")).toBool(),
            true);
        QCOMPARE(o.value(QStringLiteral("cookie"))
                     .toObject()
                     .value(QStringLiteral("sameSite"))
                     .toString(),
                 QStringLiteral("Lax"));
        // The API page renders the example's operations, servers overridden.
        const QJsonArray ops = o.value(QStringLiteral("operations")).toArray();
        QVERIFY(ops.contains(QStringLiteral("GET /weather")));
        QVERIFY(ops.contains(QStringLiteral("GET /forecast/{city}")));
        QVERIFY(o.value(QStringLiteral("servers"))
                    .toArray()
                    .contains(QStringLiteral("https://weather.example.com")));
        // Try-it through the gateway with the user's key; a wrong key gets the gateway's 401.
        QCOMPARE(o.value(QStringLiteral("tryWithKey")).toString(), QStringLiteral("HTTP 200"));
        QVERIFY(o.value(QStringLiteral("tryBody")).toString().contains(QStringLiteral("Lyon")));
        QCOMPARE(o.value(QStringLiteral("tryWithWrongKey")).toString(), QStringLiteral("HTTP 401"));
        // My applications, plans in plain words, keyboard entry.
        QCOMPARE(o.value(QStringLiteral("apps")).toArray(),
                 QJsonArray {QStringLiteral("partner-app")});
        QVERIFY(o.value(QStringLiteral("plans"))
                    .toArray()
                    .contains(QStringLiteral("100 requests / second")));
        QCOMPARE(o.value(QStringLiteral("firstFocus")).toString(),
                 QStringLiteral("Skip to content"));
        // Logout ends the session.
        QCOMPARE(o.value(QStringLiteral("afterLogout"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
                 303);
        // bob (group-b) sees B's APIs and not A's, even by URL.
        const QJsonArray bob = o.value(QStringLiteral("bobCatalog")).toArray();
        QVERIFY(bob.contains(QStringLiteral("Billing API")));
        QVERIFY(!bob.contains(QStringLiteral("Weather API")));
        QCOMPARE(o.value(QStringLiteral("bobWeatherStatus")).toInt(), 404);
        // A document that cannot be loaded: on the page and in the gateway status.
        const QJsonObject broken = o.value(QStringLiteral("brokenApi")).toObject();
        QCOMPARE(broken.value(QStringLiteral("status")).toInt(), 502);
        QVERIFY(broken.value(QStringLiteral("text"))
                    .toString()
                    .contains(QStringLiteral("could not be loaded")));
        const QJsonArray problems = gw.status().value(QStringLiteral("portalProblems")).toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().toObject().value(QStringLiteral("api")).toString(),
                 QStringLiteral("apps/broken-api"));
        // Invalid state is refused with a readable page.
        QCOMPARE(o.value(QStringLiteral("forgedState"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
                 400);
        QVERIFY(o.value(QStringLiteral("forgedState"))
                    .toObject()
                    .value(QStringLiteral("text"))
                    .toString()
                    .contains(QStringLiteral("invalid state")));
        QCOMPARE(o.value(QStringLiteral("phoneOverflow")).toBool(), false);
    }

    void portalWithoutAuthIsNotServed()
    {
        GatewayProcess gw;
        const QString ex = QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather");
        gw.copyFrom(ex);
        QByteArray portal = readAll(ex + QStringLiteral("/portal/portal.yaml"));
        portal.replace("  auth:\n    name: portal-auth\n", "  auth:\n    name: missing-auth\n");
        gw.write(QStringLiteral("portal/portal.yaml"), portal);
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        bool ignored = false;
        for (const auto &v : gw.status().value(QStringLiteral("ignored")).toArray())
            ignored = ignored
                || (v.toObject().value(QStringLiteral("kind")).toString()
                        == QStringLiteral("APIPortal")
                    && v.toObject()
                           .value(QStringLiteral("reason"))
                           .toString()
                           .startsWith(QStringLiteral("API portal will be ignored: no "
                                                      "authentication configuration found")));
        QVERIFY(ignored);
        const Reply r = request(portalPort(gw), "GET", "/", {{"Host", "x"}});
        QCOMPARE(r.status, 404);
        QVERIFY(r.body.contains("no authentication configuration found"));
        QTRY_VERIFY_WITH_TIMEOUT(
            gw.stderrText().contains(
                "API portal will be ignored: no authentication configuration found"),
            5000);
    }

    void issuerOverPlainHttpOffLoopbackIsRefused()
    {
        GatewayProcess gw;
        const QString ex = QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather");
        gw.copyFrom(ex);
        QByteArray portal = readAll(ex + QStringLiteral("/portal/portal.yaml"));
        portal.replace("issuerUrl: https://auth.example.com/",
                       "issuerUrl: http://idp.example.com/");
        gw.write(QStringLiteral("portal/portal.yaml"), portal);
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        const quint16 p = portalPort(gw);
        const Reply r
            = request(p, "GET", "/login", {{"Host", "127.0.0.1:" + QByteArray::number(p)}});
        QCOMPARE(r.status, 502);
        QVERIFY(r.body.contains("plain-http issuers are accepted on loopback only"));
    }
};

QTEST_GUILESS_MAIN(TestPortalE2E)
#include "tst_portal_e2e.moc"
