// SPDX-License-Identifier: Apache-2.0
// The gateway as operators use it: the example workspace, routing, every status path, the
// proxy's headers, mocks, and the admin API (status, metrics, events, reload).
#include "gatewaytest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace AirgateTest;

class TestGatewayBasics final : public QObject
{
    Q_OBJECT

    TestUpstream m_upstream;
    std::unique_ptr<GatewayProcess> m_gw;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_gw = std::make_unique<GatewayProcess>();
        m_gw->write(QStringLiteral("apps.yaml"), baseWorkspace());
        m_gw->write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(m_gw->start(), qPrintable(m_gw->error()));
    }

    void cleanupTestCase() { QCOMPARE(m_gw->stop(), 0); }

    void exampleWorkspaceIsServed()
    {
        GatewayProcess example;
        example.copyFrom(QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather"));
        QVERIFY2(example.start(), qPrintable(example.error()));
        const quint16 port = example.port();
        const Reply ok = get(port, "weather.example.com", "/weather", "secret-api-key");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("X-Ratelimit-Remaining"), QByteArray("99"));
        QVERIFY(ok.body.contains("Lyon"));
        QCOMPARE(get(port, "weather.example.com", "/weather").status, 401);
        QCOMPARE(get(port, "weather.example.com", "/weather", "wrong-key").status, 401);
        // The mock serves the API's own OpenAPI document at openApiSpec.path.
        const Reply spec = get(port, "weather.example.com", "/spec.json", "secret-api-key");
        QCOMPARE(spec.status, 200);
        QVERIFY(spec.json().contains(QStringLiteral("openapi")));
        QCOMPARE(example.stop(), 0);
    }

    void routesAndStatusPaths()
    {
        const quint16 port = m_gw->port();
        QCOMPARE(get(port, "nowhere.test", "/").status, 404);
        QCOMPARE(get(port, "nowhere.test", "/").body, QByteArray("404 page not found\n"));
        // A plain route (no API) proxies without authentication.
        QCOMPARE(get(port, "public.test", "/hello").status, 200);
        QCOMPARE(get(port, "orders.test", "/echo").status, 401);
        const Reply ok = get(port, "orders.test", "/echo", "key-a");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("X-Upstream"), QByteArray("test"));
        // Authenticated but not subscribed.
        QCOMPARE(get(port, "orders.test", "/echo", "key-b").status, 403);
        // Keys also come from ?api_key=.
        QCOMPARE(get(port, "orders.test", "/echo?api_key=key-a").status, 200);
        // Scheme names are case-insensitive; a Basic credential is not an API key.
        QCOMPARE(request(port, "GET", "/echo",
                         {{"Host", "orders.test"}, {"Authorization", "bearer key-a"}})
                     .status,
                 200);
        QCOMPARE(request(port, "GET", "/echo",
                         {{"Host", "orders.test"}, {"Authorization", "Basic a2V5LWE="}})
                     .status,
                 401);
    }

    void proxyHeadersAndBodies()
    {
        const quint16 port = m_gw->port();
        const Reply r = request(port, "POST", "/echo/items?x=1",
                                {{"Host", "orders.test"},
                                 {"Authorization", "Bearer key-a"},
                                 {"Connection", "close, X-Drop"},
                                 {"X-Drop", "secret"},
                                 {"Keep-Alive", "timeout=5"},
                                 {"X-Forwarded-For", "10.0.0.1"},
                                 {"Content-Type", "application/json"}},
                                "{\"a\":1}");
        QCOMPARE(r.status, 200);
        const QJsonObject echo = r.json();
        const QJsonObject h = echo.value(QStringLiteral("headers")).toObject();
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(echo.value(QStringLiteral("path")).toString(), QStringLiteral("/echo/items"));
        QCOMPARE(echo.value(QStringLiteral("query")).toString(), QStringLiteral("x=1"));
        QCOMPARE(echo.value(QStringLiteral("body")).toString(), QStringLiteral("{\"a\":1}"));
        QCOMPARE(h.value(QStringLiteral("host")).toString(),
                 QStringLiteral("orders.test")); // passHostHeader defaults to true
        QCOMPARE(h.value(QStringLiteral("x-forwarded-for")).toString(),
                 QStringLiteral("10.0.0.1, 127.0.0.1"));
        QCOMPARE(h.value(QStringLiteral("x-forwarded-proto")).toString(), QStringLiteral("http"));
        QCOMPARE(h.value(QStringLiteral("x-forwarded-host")).toString(),
                 QStringLiteral("orders.test"));
        QVERIFY(!h.contains(QStringLiteral("x-drop"))); // named by Connection
        QVERIFY(!h.contains(QStringLiteral("keep-alive"))); // hop-by-hop
        QVERIFY(!h.contains(QStringLiteral("connection")));
        // Upstream hop-by-hop headers do not come back either.
        QVERIFY(!r.headers.has("keep-alive"));
    }

    void operationFiltersGive403()
    {
        GatewayProcess gw;
        QByteArray ws = baseWorkspace();
        ws.replace("apiPlan: {name: std}}\n",
                   "apiPlan: {name: std}, operationFilter: {include: [echo-only]}}\n");
        gw.write(QStringLiteral("apps.yaml"), ws);
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        QCOMPARE(get(gw.port(), "orders.test", "/echo/x", "key-a").status, 200);
        QCOMPARE(get(gw.port(), "orders.test", "/other", "key-a").status, 403);
        QCOMPARE(gw.stop(), 0);
    }

    void upstreamFailuresAre502And504()
    {
        GatewayProcess gw;
        QTcpServer closed; // bound then closed: a port nobody listens on
        closed.listen(QHostAddress::LocalHost, 0);
        const quint16 dead = closed.serverPort();
        closed.close();
        gw.write(QStringLiteral("apps.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"),
                 "entryPoints:\n  web: 127.0.0.1:0\nservices:\n  apps/backend:80: {url: "
                 "http://127.0.0.1:"
                     + QByteArray::number(m_upstream.port()) + ", readTimeout: 300ms}\n");
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        QCOMPARE(get(gw.port(), "orders.test", "/slow?ms=1500", "key-a").status, 504);
        QCOMPARE(get(gw.port(), "orders.test", "/close", "key-a").status, 502);
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(dead));
        const quint64 gen
            = static_cast<quint64>(gw.status().value(QStringLiteral("generation")).toDouble());
        QVERIFY(gw.waitForGeneration(gen));
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 502);
        const QByteArray metrics = gw.admin("GET", "/metrics").body;
        QVERIFY2(
            metrics.contains(
                "airgate_upstream_errors_total{upstream=\"apps/backend:80\",kind=\"timeout\"} 1"),
            metrics.constData());
        QVERIFY(metrics.contains("kind=\"connect\"} 1"));
        QCOMPARE(gw.stop(), 0);
    }

    void adminApi()
    {
        QCOMPARE(request(m_gw->adminPort(), "GET", "/ping").status, 200);
        QCOMPARE(request(m_gw->adminPort(), "GET", "/api/status").status, 401);
        QCOMPARE(request(m_gw->adminPort(), "GET", "/metrics", {{"Authorization", "Bearer nope"}})
                     .status,
                 401);
        const QJsonObject status = m_gw->status();
        QVERIFY(status.value(QStringLiteral("generation")).toInt() >= 1);
        QCOMPARE(status.value(QStringLiteral("listeners")).toArray().size(), 1);
        QVERIFY(status.value(QStringLiteral("loaded"))
                    .toArray()
                    .contains(QStringLiteral("API apps/orders")));
        get(m_gw->port(), "orders.test", "/echo", "key-a");
        const QByteArray metrics = m_gw->admin("GET", "/metrics").body;
        QVERIFY2(metrics.contains("airgate_requests_total{api=\"apps/"
                                  "orders\",code=\"200\",application=\"apps/app-a\"}"),
                 metrics.constData());
        QVERIFY(metrics.contains("airgate_request_duration_seconds_bucket{le=\"+Inf\"}"));
        QVERIFY(metrics.contains(
            "airgate_auth_failures_total{api=\"apps/orders\",reason=\"missing credential\"}"));
        QVERIFY(metrics.contains(
            "airgate_forbidden_total{api=\"apps/orders\",reason=\"not subscribed\"}"));
        QVERIFY(metrics.contains("# TYPE airgate_reloads_total counter"));
    }

    // The admin API's 64 KiB limit was per read, not per request: an unauthenticated 8 MiB
    // body was read and buffered before the 401.
    void adminApiRefusesBodiesBeforeReadingThem()
    {
        const quint16 port = m_gw->adminPort();
        const QByteArray auth = "Authorization: Bearer " + m_gw->token() + "\r\n";
        // Only the header block is sent: each answer comes without waiting for a body.
        auto headOnly
            = [port](const QByteArray &head) { return exchange(port, head, 1, 5000).value(0); };
        Reply r = headOnly("POST /api/reload HTTP/1.1\r\nHost: x\r\n" + auth
                           + "Content-Length: 8388608\r\n\r\n");
        QCOMPARE(r.status, 413);
        QVERIFY(r.closed);
        r = headOnly("POST /api/reload HTTP/1.1\r\nHost: x\r\nContent-Length: 8388608\r\n\r\n");
        QCOMPARE(r.status, 413);
        r = headOnly("POST /api/reload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
        QCOMPARE(r.status, 401);
        QVERIFY(r.closed);
        r = headOnly("POST /api/reload HTTP/1.1\r\nHost: x\r\n" + auth
                     + "Transfer-Encoding: chunked\r\n\r\n");
        QCOMPARE(r.status, 411);
        r = headOnly("POST /api/reload HTTP/1.1\r\nHost: x\r\n" + auth
                     + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n");
        QCOMPARE(r.status, 400);

        // Counted across reads: a header block (and a Content-Length) sent in pieces.
        auto pieces = [port](const QList<QByteArray> &parts) -> QByteArray {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            if (!s.waitForConnected(5000))
                return QByteArray();
            QByteArray got;
            qint64 sent = 0;
            for (const QByteArray &p : parts) {
                if (s.state() != QAbstractSocket::ConnectedState || !got.isEmpty())
                    break;
                s.write(p);
                sent += p.size();
                s.waitForBytesWritten(1000);
                s.waitForReadyRead(20);
                got += s.readAll();
            }
            while (s.state() == QAbstractSocket::ConnectedState && s.waitForReadyRead(2000))
                got += s.readAll();
            return got + "\nsent " + QByteArray::number(sent);
        };
        QList<QByteArray> header {"GET /api/status HTTP/1.1\r\nHost: x\r\n"};
        for (int i = 0; i < 200; ++i)
            header << "X-Pad-" + QByteArray::number(i) + ": " + QByteArray(1000, 'a') + "\r\n";
        header << "\r\n";
        QByteArray got = pieces(header);
        QVERIFY2(got.startsWith("HTTP/1.1 431 "), got.constData());
        QVERIFY2(got.mid(got.lastIndexOf(' ') + 1).toInt() < 80 * 1024, got.constData());
        got = pieces(
            {"POST /api/reload HTTP/1.1\r\nHost: x\r\nContent-Le", "ngth: 9000000\r\n\r\n"});
        QVERIFY2(got.startsWith("HTTP/1.1 413 "), got.constData());
        // An unauthenticated body streamed in pieces: refused before the first piece of it.
        QList<QByteArray> body {"POST /api/reload HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                "8388608\r\n\r\n"};
        for (int i = 0; i < 128; ++i)
            body << QByteArray(64 * 1024, 'b');
        got = pieces(body);
        QVERIFY2(got.startsWith("HTTP/1.1 413 "), got.constData());
        QVERIFY2(got.mid(got.lastIndexOf(' ') + 1).toInt() < 1024 * 1024, got.constData());

        // What the admin API takes still works: pipelined requests, a small authorised body.
        const QByteArray status = "GET /api/status HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
        const QList<Reply> two = exchange(port, status + status, 2);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two[0].status, 200);
        QCOMPARE(two[1].status, 200);
        QCOMPARE(exchange(port,
                          "POST /api/reload HTTP/1.1\r\nHost: x\r\n" + auth
                              + "Content-Length: 2\r\n\r\n{}" + status)
                     .value(0)
                     .status,
                 200);
        QCOMPARE(request(port, "GET", "/ping").status, 200);
    }

    void eventsStreamAccessLogAndReloads()
    {
        QTcpSocket sse;
        sse.connectToHost(QHostAddress::LocalHost, m_gw->adminPort());
        QVERIFY(sse.waitForConnected(5000));
        sse.write("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + m_gw->token() + "\r\n\r\n");
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += sse.readAll(), got.contains("text/event-stream")), 5000);
        get(m_gw->port(), "orders.test", "/echo/sse-marker", "key-a");
        QTRY_VERIFY_WITH_TIMEOUT((got += sse.readAll(), got.contains("/echo/sse-marker")), 5000);
        QVERIFY(got.contains("event: access"));
        QVERIFY(got.contains("\"application\":\"apps/app-a\""));
        QVERIFY(got.contains("\"status\":200"));
        const Reply reload = m_gw->admin("POST", "/api/reload");
        QCOMPARE(reload.status, 200);
        QVERIFY(reload.json().value(QStringLiteral("ok")).toBool());
        QTRY_VERIFY_WITH_TIMEOUT((got += sse.readAll(), got.contains("event: reload")), 5000);
        // The same entries go to the access log file.
        const QString logPath = m_gw->stateDir() + QStringLiteral("/access.log");
        auto logText = [&] {
            QFile log(logPath);
            return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(logText().contains("/echo/sse-marker"), 5000);
    }

    void corsVersionsBundlesAndHostHeader()
    {
        GatewayProcess gw;
        QByteArray ws = baseWorkspace();
        // CORS on the API; a version of it on its own route; the subscription through a bundle.
        ws.replace("spec:\n  openApiSpec:\n    path: /openapi.json\n",
                   "spec:\n  versions: [{name: orders-v2}]\n  cors:\n    allowOriginsList: "
                   "[https://app.test]\n    allowMethodsList: [GET, POST]\n"
                   "    allowHeadersList: [Authorization]\n    exposeHeadersList: "
                   "[X-Ratelimit-Remaining]\n    maxAge: 600\n"
                   "  openApiSpec:\n    path: /openapi.json\n");
        ws.replace("apis: [{name: orders}], apiPlan: {name: std}}",
                   "apiBundles: [{name: all-orders}], apiPlan: {name: std}}");
        ws += "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIBundle\nmetadata: {name: "
              "all-orders, namespace: apps}\n"
              "spec: {apis: [{name: orders}]}\n"
              "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIVersion\nmetadata: {name: "
              "orders-v2, namespace: apps}\nspec: {release: v2.0.0}\n"
              "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: "
              "orders-v2\n  namespace: apps\n"
              "  annotations: {hub.traefik.io/api-version: orders-v2@apps}\n"
              "spec:\n  routes:\n  - match: Host(`orders.test`) && PathPrefix(`/v2`)\n"
              "    services: [{name: backend, port: 80, passHostHeader: false}]\n";
        gw.write(QStringLiteral("apps.yaml"), ws);
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        const quint16 port = gw.port();
        // Preflight: answered before authentication.
        const Reply pre = request(port, "OPTIONS", "/echo",
                                  {{"Host", "orders.test"},
                                   {"Origin", "https://app.test"},
                                   {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(pre.status, 204);
        QCOMPARE(pre.header("Access-Control-Allow-Origin"), QByteArray("https://app.test"));
        QCOMPARE(pre.header("Access-Control-Allow-Methods"), QByteArray("GET, POST"));
        QCOMPARE(pre.header("Access-Control-Max-Age"), QByteArray("600"));
        const Reply actual = request(port, "GET", "/echo",
                                     {{"Host", "orders.test"},
                                      {"Origin", "https://app.test"},
                                      {"Authorization", "Bearer key-a"}});
        QCOMPARE(actual.status, 200);
        QCOMPARE(actual.header("Access-Control-Expose-Headers"),
                 QByteArray("X-Ratelimit-Remaining"));
        const Reply other = request(port, "GET", "/echo",
                                    {{"Host", "orders.test"},
                                     {"Origin", "https://evil.test"},
                                     {"Authorization", "Bearer key-a"}});
        QVERIFY(!other.headers.has("Access-Control-Allow-Origin"));
        // The version route is longer, so it wins; its subscription comes through the parent API.
        const Reply v2 = get(port, "orders.test", "/v2/echo", "key-a");
        QCOMPARE(v2.status, 200);
        QCOMPARE(v2.json()
                     .value(QStringLiteral("headers"))
                     .toObject()
                     .value(QStringLiteral("host"))
                     .toString(),
                 QStringLiteral("127.0.0.1:%1").arg(m_upstream.port())); // passHostHeader: false
        QCOMPARE(get(port, "orders.test", "/v2/echo", "key-b").status, 403);
        QCOMPARE(gw.stop(), 0);
    }

    void ignoredResourcesAreReported()
    {
        GatewayProcess gw;
        QByteArray ws = baseWorkspace();
        ws.replace("spec: {isDefault: true, apiKey: {}}", "spec: {isDefault: false, apiKey: {}}");
        gw.write(QStringLiteral("apps.yaml"), ws);
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        const QJsonArray ignored = gw.status().value(QStringLiteral("ignored")).toArray();
        bool found = false;
        for (const QJsonValue &v : ignored)
            found = found
                || v.toObject().value(QStringLiteral("reason")).toString()
                    == QLatin1StringView(
                        "API \"orders\" will be ignored: no authentication configuration found");
        QVERIFY2(found, QJsonDocument(ignored).toJson().constData());
        QTRY_VERIFY_WITH_TIMEOUT(
            gw.stderrText().contains("will be ignored: no authentication configuration found"),
            5000);
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 404);
        QCOMPARE(gw.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayBasics)
#include "tst_gateway_basics.moc"
