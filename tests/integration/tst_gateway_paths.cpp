// SPDX-License-Identifier: Apache-2.0
// Request paths on the wire: dot segments, encoded dots, slashes, backslashes and NUL, sent as
// exact bytes to `airgatectl serve`, with what the gateway answers and what the recording
// upstream receives. One path normalisation decides the route, the operation filter, the
// stripPrefix middleware and what is forwarded (Traefik v3.7 entry-point defaults:
// sanitizePath on, encoded characters allowed but kept encoded).
#include "gatewaytest.h"

#include <QStandardPaths>
#include <QTest>

using namespace AirgateTest;

namespace {

/// A subscription allowed only `GET /weather…`, a keyless route bounded by PathPrefix, and a
/// route with a stripPrefix middleware.
QByteArray pathsWorkspace()
{
    QByteArray ws = baseWorkspace();
    ws.replace(
        "    - name: echo-only\n      matchers: [{pathPrefix: /echo}]\n",
        "    - name: echo-only\n      matchers: [{pathPrefix: /echo}]\n"
        "    - name: weather-read\n      matchers: [{methods: [GET], pathPrefix: /weather}]\n");
    ws.replace("apiPlan: {name: std}}\n",
               "apiPlan: {name: std}, operationFilter: {include: [weather-read]}}\n");
    ws += "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: edge, "
          "namespace: apps}\nspec:\n  routes:\n  - match: Host(`edge.test`) && "
          "PathPrefix(`/public`)\n    services: [{name: backend, port: 80}]\n"
          "---\napiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: {name: strip, "
          "namespace: apps}\nspec:\n  stripPrefix: {prefixes: [/api]}\n"
          "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: stripped, "
          "namespace: apps}\nspec:\n  routes:\n  - match: Host(`strip.test`) && "
          "PathPrefix(`/api`)\n    middlewares: [{name: strip}]\n    services: [{name: backend, "
          "port: 80}]\n";
    return ws;
}

QByteArray requestBytes(const QByteArray &method, const QByteArray &target, const QByteArray &host,
                        bool key)
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    if (key)
        raw += "Authorization: Bearer key-a\r\n";
    return raw + "Connection: close\r\n\r\n";
}

} // namespace

class TestGatewayPaths final : public QObject
{
    Q_OBJECT

    TestUpstream m_upstream;
    std::unique_ptr<GatewayProcess> m_gw;

    /// Sends one request as exact bytes; @return the status and the target the upstream got
    /// ("" when nothing reached it).
    QPair<int, QByteArray> send(const QByteArray &method, const QByteArray &target,
                                const QByteArray &host = "orders.test", bool key = true)
    {
        const qsizetype before = m_upstream.targets().size();
        const QList<Reply> replies
            = exchange(m_gw->port(), requestBytes(method, target, host, key));
        const QList<QByteArray> after = m_upstream.targets();
        const QByteArray got = after.size() > before ? after.last() : QByteArray();
        if (after.size() > before + 1)
            return {-1, "several upstream requests"};
        return {replies.isEmpty() ? 0 : replies.first().status, got};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_gw = std::make_unique<GatewayProcess>();
        m_gw->write(QStringLiteral("apps.yaml"), pathsWorkspace());
        m_gw->write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(m_gw->start(), qPrintable(m_gw->error()));
    }

    void cleanupTestCase() { QCOMPARE(m_gw->stop(), 0); }

    void operationFilterSeesTheNormalisedPath_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("upstream"); ///< what the backend receives; "" = nothing
        auto row = [](const char *name, const char *method, const char *target, int status,
                      const char *upstream) {
            QTest::newRow(name) << QByteArray(method) << QByteArray(target) << status
                                << QByteArray(upstream);
        };
        row("allowed", "GET", "/weather/Lyon", 200, "/weather/Lyon");
        row("outside the filter", "GET", "/forecast/Lyon", 403, "");
        row("wrong method", "POST", "/weather/Lyon", 403, "");
        // RFC 3986 §5.2.4: the dot segment is removed before any decision.
        row("dot-dot", "GET", "/weather/../forecast/Lyon", 403, "");
        row("dot-dot to root", "GET", "/weather/..", 403, "");
        // %2e is an unreserved '.' (RFC 3986 §2.3): the same dot segment.
        row("encoded dot-dot", "GET", "/weather/%2e%2e/forecast/Lyon", 403, "");
        row("encoded dot-dot upper", "GET", "/weather/%2E%2E/forecast/Lyon", 403, "");
        row("half encoded dot-dot", "GET", "/weather/.%2e/forecast/Lyon", 403, "");
        // An encoded slash is data inside one segment: it stays under /weather and is forwarded
        // encoded (upper-cased), never as a separator that would reach /forecast.
        row("dot-dot encoded slash", "GET", "/weather/..%2fforecast/Lyon", 200,
            "/weather/..%2Fforecast/Lyon");
        row("all encoded", "GET", "/weather/%2e%2e%2fforecast/Lyon", 200,
            "/weather/..%2Fforecast/Lyon");
        // Backslashes are data too: forwarded as %5C, whether sent raw or encoded.
        row("encoded backslashes", "GET", "/weather%5c..%5cforecast/Lyon", 200,
            "/weather%5C..%5Cforecast/Lyon");
        row("raw backslashes", "GET", "/weather\\..\\forecast\\Lyon", 200,
            "/weather%5C..%5Cforecast%5CLyon");
        // Traefik v3.7 allows an encoded NUL by default (allowEncodedNullCharacter: true) and
        // forwards it as it came; it never becomes a raw NUL.
        row("encoded NUL", "GET", "/weather/%00/Lyon", 200, "/weather/%00/Lyon");
        row("dot", "GET", "/weather/./Lyon", 200, "/weather/Lyon");
        row("duplicate slashes", "GET", "//weather//Lyon", 200, "/weather/Lyon");
        row("query untouched", "GET", "/weather/Lyon?next=../forecast", 200,
            "/weather/Lyon?next=../forecast");
        row("bad percent-encoding", "GET", "/weather/%zz", 400, "");
        row("fragment", "GET", "/weather#x", 400, "");
    }

    void operationFilterSeesTheNormalisedPath()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, upstream);
        const auto [got, received] = send(method, target);
        QCOMPARE(got, status);
        QCOMPARE(received, upstream);
    }

    void routeBoundaries()
    {
        // PathPrefix(`/public`) does not catch a path that leaves /public.
        QCOMPARE(send("GET", "/public/x", "edge.test", false),
                 qMakePair(200, QByteArray("/public/x")));
        QCOMPARE(send("GET", "/public/../admin", "edge.test", false), qMakePair(404, QByteArray()));
        QCOMPARE(send("GET", "/public/%2e%2e/admin", "edge.test", false),
                 qMakePair(404, QByteArray()));
        QCOMPARE(send("GET", "/x/../public/y", "edge.test", false),
                 qMakePair(200, QByteArray("/public/y")));
    }

    void stripPrefix()
    {
        QCOMPARE(send("GET", "/api/x", "strip.test", false), qMakePair(200, QByteArray("/x")));
        QCOMPARE(send("GET", "/api", "strip.test", false), qMakePair(200, QByteArray("/")));
        // As Traefik ≥ 3.6.19: a strip that leaves dot segments is refused, not forwarded.
        QCOMPARE(send("GET", "/api../x", "strip.test", false), qMakePair(400, QByteArray()));
        QCOMPARE(send("GET", "/api%2e%2e/x", "strip.test", false), qMakePair(400, QByteArray()));
        // Normalised before routing: /api/../x is /x, outside the route.
        QCOMPARE(send("GET", "/api/../x", "strip.test", false), qMakePair(404, QByteArray()));
        QCOMPARE(send("GET", "/api/%2Fx", "strip.test", false),
                 qMakePair(200, QByteArray("/%2Fx")));
    }

    void badPathIsLoggedAndTheGatewayKeepsServing()
    {
        const QList<Reply> r
            = exchange(m_gw->port(), requestBytes("GET", "/a%", "orders.test", true));
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().status, 400);
        QVERIFY(r.first().closed);
        QCOMPARE(send("GET", "/weather/Lyon").first, 200);
    }
};

QTEST_GUILESS_MAIN(TestGatewayPaths)
#include "tst_gateway_paths.moc"
