// SPDX-License-Identifier: Apache-2.0
// HTTP hygiene the Qt 6.4 server lacks, checked on real sockets: limits (431/413/414), connection
// cap (503), slow and idle clients, Connection: close, HTTP/1.0, Expect: 100-continue, pipelining
// in order, chunked bodies, clients that leave before their reply, and TLS entry points.
#include "gatewaytest.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace AirgateTest;

namespace {

const QByteArray kAuth = "Authorization: Bearer key-a\r\n";

QByteArray nul(const char *text)
{
    return QByteArray(text).replace("<NUL>", QByteArray(1, '\0'));
}

QByteArray readAllFor(QTcpSocket &s, int ms)
{
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (s.waitForReadyRead(50))
            got += s.readAll();
        if (s.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return got + s.readAll();
}

} // namespace

class TestGatewayHttp final : public QObject
{
    Q_OBJECT

    TestUpstream m_upstream;
    std::unique_ptr<GatewayProcess> m_gw;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_gw = std::make_unique<GatewayProcess>();
        // public.test answers with a header value holding CR LF (a middleware's value): the
        // HTTP layer must refuse to write it.
        QByteArray ws = baseWorkspace();
        const QByteArray publicRoute
            = "  - match: Host(`public.test`)\n    services: [{name: backend, port: 80}]\n";
        QVERIFY(ws.contains(publicRoute));
        ws.replace(publicRoute, QByteArray(publicRoute + "    middlewares: [{name: inject}]\n"));
        ws += "---\napiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: {name: inject, "
              "namespace: apps}\nspec:\n  headers:\n    customResponseHeaders:\n"
              "      X-Injected: \"a\\r\\nSet-Cookie: evil=1\"\n";
        m_gw->write(QStringLiteral("apps.yaml"), ws);
        m_gw->write(
            QStringLiteral("airgate.yaml"),
            settingsFor(
                m_upstream.port(),
                "limits:\n  maxHeaderBytes: 4096\n  maxBodyBytes: 65536\n  maxConnections: 40\n"
                "  headerTimeout: 1s\n  idleTimeout: 2s\n  bodyTimeout: 1s\n"));
        QVERIFY2(m_gw->start({}, 1), qPrintable(m_gw->error()));
    }

    void cleanupTestCase() { QCOMPARE(m_gw->stop(), 0); }

    void headerAndBodyLimits()
    {
        const quint16 port = m_gw->port();
        const QByteArray big(5000, 'x');
        Reply r = exchange(port,
                           "GET /echo HTTP/1.1\r\nHost: orders.test\r\nX-Big: " + big + "\r\n\r\n")
                      .value(0);
        QCOMPARE(r.status, 431);
        QVERIFY(r.closed);
        r = exchange(port, "GET /" + big + " HTTP/1.1\r\nHost: orders.test\r\n\r\n").value(0);
        QCOMPARE(r.status, 414);
        // Refused from Content-Length alone, before the body is read.
        r = exchange(port,
                     "POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                         + "Content-Length: 100000000\r\n\r\n")
                .value(0);
        QCOMPARE(r.status, 413);
        QVERIFY(r.closed);
        // Chunked bodies are counted as they arrive.
        QByteArray chunked = "POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
            + "Transfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            chunked += "1000\r\n" + QByteArray(4096, 'a') + "\r\n";
        chunked += "0\r\n\r\n";
        QCOMPARE(exchange(port, chunked).value(0).status, 413);
        // A small chunked body is reassembled for the upstream.
        r = exchange(port,
                     "POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                         + "Transfer-Encoding: chunked\r\nConnection: "
                           "close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                .value(0);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("body")).toString(), QStringLiteral("hello world"));
    }

    void malformedRequests()
    {
        const quint16 port = m_gw->port();
        QCOMPARE(exchange(port, "BLAH\r\n\r\n").value(0).status, 400);
        QCOMPARE(exchange(port, "GET /x HTTP/2.0\r\nHost: a\r\n\r\n").value(0).status, 505);
        QCOMPARE(exchange(port, "GET /x HTTP/1.1\r\n\r\n").value(0).status, 400); // no Host
        QCOMPARE(exchange(port,
                          "GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: "
                          "chunked\r\n\r\n")
                     .value(0)
                     .status,
                 400);
        QCOMPARE(exchange(port, "GET /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n")
                     .value(0)
                     .status,
                 501);
        QCOMPARE(exchange(port, "GET /x HTTP/1.1\r\nHost: a\r\n folded: x\r\n\r\n").value(0).status,
                 400);
        // The gateway is still fine.
        QCOMPARE(get(port, "orders.test", "/echo", "key-a").status, 200);
    }

    // Issue 10 §1: hostile bytes get a 4xx with Connection: close, nothing reaches the upstream,
    // the access log says why, and the gateway keeps serving.
    void hostileBytesAreRefusedAndNothingIsForwarded_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        const QByteArray get = "GET /echo/hostile HTTP/1.1\r\n" + kAuth;
        const QByteArray chunked = "POST /echo/hostile HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
            + "Transfer-Encoding: chunked\r\n\r\n";
        const QByteArray smuggled
            = "GET /echo/smuggled HTTP/1.1\r\nHost: orders.test\r\n" + kAuth + "\r\n";
        auto row = [](const char *name, const QByteArray &raw, int status, const char *reason) {
            QTest::newRow(name) << raw << status << QByteArray(reason);
        };
        row("bare CR in a value",
            get
                + "Host: orders.test\r\nX: x\rTransfer-Encoding: chunked\r\nContent-Length: "
                  "5\r\n\r\nhello",
            400, "bare CR in a header field");
        row("NUL in Host", get + nul("Host: orders.test<NUL>.evil.example\r\n\r\n"), 400,
            "NUL in a header field");
        row("NUL in the authority",
            nul("GET http://orders.test<NUL>.evil/echo HTTP/1.1\r\n") + kAuth + "\r\n", 400,
            "invalid character in request target");
        row("CR in the authority",
            "GET http://orders.test\rX-Injected:1/echo HTTP/1.1\r\n" + kAuth + "\r\n", 400,
            "invalid character in request target");
        row("chunk -0 smuggling", chunked + "-0\r\n\r\n" + smuggled, 400, "malformed chunk size");
        row("chunk +0", chunked + "+0\r\n\r\n" + smuggled, 400, "malformed chunk size");
        row("chunk 0x5", chunked + "0x5\r\nhello\r\n0\r\n\r\n", 400, "malformed chunk extension");
        row("chunk leading SP", chunked + " 5\r\nhello\r\n0\r\n\r\n", 400, "malformed chunk size");
        row("chunk leading VT", chunked + "\v5\r\nhello\r\n0\r\n\r\n", 400, "malformed chunk size");
        row("chunk leading FF", chunked + "\f5\r\nhello\r\n0\r\n\r\n", 400, "malformed chunk size");
        row("chunk 0 NUL", chunked + nul("0<NUL>\r\n\r\n") + smuggled, 400,
            "malformed chunk extension");
        row("chunk CR CR", chunked + "5\r\r;a\r\nhello\r\n0\r\n\r\n", 400,
            "malformed chunk extension");
        row("chunk size overflows", chunked + "fffffffffffffffffff\r\nhello\r\n", 400,
            "chunk size overflows");
        row("chunked twice",
            get + "Host: orders.test\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", 400,
            "chunked applied more than once");
        row("empty coding",
            get + "Host: orders.test\r\nTransfer-Encoding: ,chunked\r\n\r\n0\r\n\r\n", 400,
            "malformed Transfer-Encoding");
        row("VT chunked",
            get + "Host: orders.test\r\nTransfer-Encoding: \vchunked\r\n\r\n0\r\n\r\n", 400,
            "control character in a header field");
        row("gzip, chunked",
            get + "Host: orders.test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501,
            "unsupported Transfer-Encoding");
        row("Host list", get + "Host: orders.test, evil.test\r\n\r\n", 400, "invalid Host header");
        row("empty Host", get + "Host:\r\n\r\n", 400, "invalid Host header");
        row("Host with a path", get + "Host: orders.test/x\r\n\r\n", 400, "invalid Host header");
        row("HTTP/0.9", "GET /echo/hostile\r\n", 400, "malformed request line");
    }

    void hostileBytesAreRefusedAndNothingIsForwarded()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        const QByteArray before = m_upstream.received();
        QElapsedTimer t;
        t.start();
        const QList<Reply> rs = exchange(m_gw->port(), raw, 2, 3000);
        QCOMPARE(rs.size(), 1); // one answer, no second (smuggled) request
        QCOMPARE(rs[0].status, status);
        QVERIFY(t.elapsed() < 900); // at once, not after the 1 s header timeout
        QCOMPARE(rs[0].header("Connection"), QByteArray("close"));
        QVERIFY(rs[0].closed);
        QVERIFY2(rs[0].body.contains(reason), rs[0].body.constData());
        // Nothing reached the upstream, and the access log has a line with the reason.
        QTest::qWait(100);
        QCOMPARE(m_upstream.received(), before);
        const QString logPath = m_gw->stateDir() + QStringLiteral("/access.log");
        auto logText = [&] {
            QFile log(logPath);
            return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            logText().contains(QByteArray("\"status\":" + QByteArray::number(status)))
                && logText().contains(reason),
            5000);
        // The gateway keeps serving.
        QCOMPARE(get(m_gw->port(), "orders.test", "/echo", "key-a").status, 200);
    }

    // Issue: a bare-LF field line then a CRLF empty line got no answer until a 408 after the
    // header timeout, and the pipelined request after it was dropped.
    void bareLfLineThenCrlfIsServedWithThePipelinedRequest()
    {
        const QByteArray raw = "GET /echo/first HTTP/1.1\r\n" + kAuth
            + "Host: orders.test\n\r\n"
              "GET /echo/second HTTP/1.1\r\nHost: orders.test\r\nConnection: close\r\n"
            + kAuth + "\r\n";
        QElapsedTimer t;
        t.start();
        const QList<Reply> rs = exchange(m_gw->port(), raw, 2, 3000);
        QCOMPARE(rs.size(), 2);
        QVERIFY(t.elapsed() < 900);
        QCOMPARE(rs[0].status, 200);
        QCOMPARE(rs[0].json().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/first"));
        QCOMPARE(rs[1].json().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/second"));
    }

    // RFC 9112 §3.2.2: the absolute-form authority replaces Host, and routing uses it
    // (Traefik's TestEmptyHost); this was refused as "several Host headers".
    void absoluteFormAuthorityReplacesHost()
    {
        Reply r = exchange(m_gw->port(),
                           "GET http://orders.test/echo/abs?x=1 HTTP/1.1\r\nHost: other.test\r\n"
                               + kAuth + "Connection: close\r\n\r\n")
                      .value(0);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("path")).toString(), QStringLiteral("/echo/abs"));
        QCOMPARE(r.json().value(QStringLiteral("query")).toString(), QStringLiteral("x=1"));
        const QJsonObject h = r.json().value(QStringLiteral("headers")).toObject();
        QCOMPARE(h.value(QStringLiteral("host")).toString(), QStringLiteral("orders.test"));
        QCOMPARE(h.value(QStringLiteral("x-forwarded-host")).toString(),
                 QStringLiteral("orders.test"));
        // An empty Host with absolute-form routes on the authority too.
        r = exchange(m_gw->port(),
                     "GET http://orders.test/echo HTTP/1.1\r\nHost:\r\n" + kAuth
                         + "Connection: close\r\n\r\n")
                .value(0);
        QCOMPARE(r.status, 200);
        // And the authority decides the route: this one has none.
        r = exchange(m_gw->port(),
                     "GET http://nowhere.test/echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                         + "Connection: close\r\n\r\n")
                .value(0);
        QCOMPARE(r.status, 404);
    }

    // Issue: `Connection: Host` stripped Host from the upstream request.
    void connectionHeaderNeverStripsHostOrFraming()
    {
        const Reply r
            = exchange(m_gw->port(),
                       "POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                           + "Connection: Host, Content-Length, Transfer-Encoding, X-Drop\r\n"
                             "X-Drop: 1\r\nX-Keep: 2\r\nContent-Length: 5\r\n\r\nhello")
                  .value(0);
        QCOMPARE(r.status, 200);
        const QJsonObject h = r.json().value(QStringLiteral("headers")).toObject();
        QCOMPARE(h.value(QStringLiteral("host")).toString(), QStringLiteral("orders.test"));
        QCOMPARE(h.value(QStringLiteral("content-length")).toString(), QStringLiteral("5"));
        QCOMPARE(r.json().value(QStringLiteral("body")).toString(), QStringLiteral("hello"));
        QVERIFY(!h.contains(QStringLiteral("x-drop"))); // a hop-by-hop header it names still goes
        QCOMPARE(h.value(QStringLiteral("x-keep")).toString(), QStringLiteral("2"));
    }

    // RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 is faulty framing: answered, then closed
    // even with keep-alive. Content-Length "5, 5" is one length (RFC 9110 §8.6), sent as 5.
    void framingEdges()
    {
        QList<Reply> rs = exchange(m_gw->port(),
                                   "POST /echo HTTP/1.0\r\nHost: orders.test\r\n" + kAuth
                                       + "Connection: keep-alive\r\nTransfer-Encoding: "
                                         "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        QCOMPARE(rs.value(0).status, 200);
        QCOMPARE(rs.value(0).json().value(QStringLiteral("body")).toString(),
                 QStringLiteral("hello"));
        QVERIFY(rs.value(0).closed);
        QCOMPARE(rs.value(0).header("Connection"), QByteArray("close"));
        rs = exchange(m_gw->port(),
                      "POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                          + "Content-Length: 5, 5\r\nConnection: close\r\n\r\nhello");
        QCOMPARE(rs.value(0).status, 200);
        const QJsonObject h = rs.value(0).json().value(QStringLiteral("headers")).toObject();
        QCOMPARE(h.value(QStringLiteral("content-length")).toString(), QStringLiteral("5"));
        QCOMPARE(rs.value(0).json().value(QStringLiteral("body")).toString(),
                 QStringLiteral("hello"));
    }

    // Issue: the header timeout (1 s here) also cut the body. A body sent steadily for 3 s
    // passes; one that stops for longer than bodyTimeout (1 s here) gets 408.
    void slowSteadyBodyHasItsOwnTimeout()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_gw->port());
        QVERIFY(s.waitForConnected(3000));
        s.write("POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                + "Content-Length: 60000\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < 30; ++i) {
            s.write(QByteArray(2000, 'a'));
            s.flush();
            QTest::qWait(100);
        }
        const QByteArray got = readAllFor(s, 5000);
        QVERIFY2(got.startsWith("HTTP/1.1 200"), got.left(200).constData());
        QVERIFY(got.contains(QByteArray(60000, 'a')));
        const QByteArray before = m_upstream.received();
        QTcpSocket stall;
        stall.connectToHost(QHostAddress::LocalHost, m_gw->port());
        QVERIFY(stall.waitForConnected(3000));
        stall.write("POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                    + "Content-Length: 10\r\n\r\nabc");
        QElapsedTimer t;
        t.start();
        const QByteArray late = readAllFor(stall, 4000);
        QVERIFY2(late.startsWith("HTTP/1.1 408"), late.constData());
        QVERIFY(late.contains("request body not received in time"));
        QVERIFY(t.elapsed() < 2500);
        QCOMPARE(m_upstream.received(), before);
    }

    // Issue 17: a header value with CR LF (here a middleware's customResponseHeaders value) was
    // written as it was: response splitting. Now 500, never the bytes, and a log line.
    void responseHeaderInjectionIsRefused()
    {
        const QByteArray raw = "GET /x HTTP/1.1\r\nHost: public.test\r\nConnection: close\r\n\r\n";
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_gw->port());
        QVERIFY(s.waitForConnected(3000));
        s.write(raw);
        const QByteArray got = readAllFor(s, 3000);
        QVERIFY2(got.startsWith("HTTP/1.1 500"), got.constData());
        QVERIFY2(!got.contains("evil"), got.constData());
        const QString logPath = m_gw->stateDir() + QStringLiteral("/access.log");
        auto logText = [&] {
            QFile log(logPath);
            return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(logText().contains("CR, LF or NUL in a response header value"),
                                 5000);
    }

    void keepAliveCloseAndHttp10()
    {
        const quint16 port = m_gw->port();
        // Keep-alive: two requests on one connection, the connection stays open.
        QList<Reply> rs
            = exchange(port, "GET /echo/1 HTTP/1.1\r\nHost: orders.test\r\n" + kAuth + "\r\n", 1);
        QCOMPARE(rs.value(0).status, 200);
        QVERIFY(!rs.value(0).closed);
        // Connection: close is honoured.
        rs = exchange(port,
                      "GET /echo HTTP/1.1\r\nHost: orders.test\r\nConnection: close\r\n" + kAuth
                          + "\r\n");
        QVERIFY(rs.value(0).closed);
        QCOMPARE(rs.value(0).header("Connection"), QByteArray("close"));
        // HTTP/1.0 closes unless it asks for keep-alive.
        rs = exchange(port, "GET /echo HTTP/1.0\r\nHost: orders.test\r\n" + kAuth + "\r\n");
        QCOMPARE(rs.value(0).status, 200);
        QVERIFY(rs.value(0).closed);
        rs = exchange(port,
                      "GET /echo HTTP/1.0\r\nHost: orders.test\r\nConnection: keep-alive\r\n"
                          + kAuth + "\r\n");
        QVERIFY(!rs.value(0).closed);
        // HEAD has no body but keeps the headers.
        rs = exchange(port,
                      "HEAD /echo HTTP/1.1\r\nHost: orders.test\r\nConnection: close\r\n" + kAuth
                          + "\r\n");
        QCOMPARE(rs.value(0).status, 200);
        QVERIFY(rs.value(0).body.isEmpty());
    }

    void pipelinedRequestsAnswerInOrder()
    {
        // The first is slow upstream, the others are fast: replies must still come in request
        // order.
        QByteArray raw;
        raw += "GET /slow?ms=400&n=1 HTTP/1.1\r\nHost: orders.test\r\n" + kAuth + "\r\n";
        raw += "GET /echo?n=2 HTTP/1.1\r\nHost: orders.test\r\n" + kAuth + "\r\n";
        raw += "GET /nowhere HTTP/1.1\r\nHost: none.test\r\n\r\n";
        raw += "GET /echo?n=4 HTTP/1.1\r\nHost: orders.test\r\nConnection: close\r\n" + kAuth
            + "\r\n";
        const QList<Reply> rs = exchange(m_gw->port(), raw, 4);
        QCOMPARE(rs.size(), 4);
        QCOMPARE(rs[0].json().value(QStringLiteral("query")).toString(),
                 QStringLiteral("ms=400&n=1"));
        QCOMPARE(rs[1].json().value(QStringLiteral("query")).toString(), QStringLiteral("n=2"));
        QCOMPARE(rs[2].status, 404);
        QCOMPARE(rs[3].json().value(QStringLiteral("query")).toString(), QStringLiteral("n=4"));
        QVERIFY(rs[3].closed);
    }

    void expectContinue()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_gw->port());
        QVERIFY(s.waitForConnected(3000));
        s.write("POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT(
            (got += s.readAll(), got.startsWith("HTTP/1.1 100 Continue\r\n\r\n")), 3000);
        s.write("hello");
        QTRY_VERIFY_WITH_TIMEOUT((got += s.readAll(), got.contains("\"body\":\"hello\"")), 3000);
        // Too large: refused instead of continued.
        const Reply r = exchange(m_gw->port(),
                                 "POST /echo HTTP/1.1\r\nHost: orders.test\r\n" + kAuth
                                     + "Content-Length: 9999999\r\nExpect: 100-continue\r\n\r\n")
                            .value(0);
        QCOMPARE(r.status, 413);
    }

    void slowAndIdleClientsAreClosed()
    {
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, m_gw->port());
        QVERIFY(slow.waitForConnected(3000));
        slow.write("GET /echo HTTP/1.1\r\nHost: orders.test\r\n"); // never finishes its headers
        QElapsedTimer t;
        t.start();
        const QByteArray got = readAllFor(slow, 4000);
        QVERIFY2(got.startsWith("HTTP/1.1 408"), got.constData());
        QVERIFY(t.elapsed() < 3500);
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, m_gw->port());
        QVERIFY(idle.waitForConnected(3000));
        QVERIFY(idle.waitForDisconnected(5000)); // idle keep-alive closed after 2 s
    }

    void connectionCapGives503()
    {
        QList<QTcpSocket *> held;
        for (int i = 0; i < 40; ++i) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(QHostAddress::LocalHost, m_gw->port());
            QVERIFY(s->waitForConnected(3000));
            held << s;
        }
        QTest::qWait(300);
        const Reply r = get(m_gw->port(), "orders.test", "/echo", "key-a");
        QCOMPARE(r.status, 503);
        qDeleteAll(held);
        QTRY_COMPARE_WITH_TIMEOUT(get(m_gw->port(), "orders.test", "/echo", "key-a").status, 200,
                                  5000);
        QVERIFY(m_gw->admin("GET", "/metrics").body.contains("airgate_connections_refused_total "));
    }

    void clientLeavingBeforeTheReplyIsHarmless()
    {
        for (int i = 0; i < 20; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_gw->port());
            QVERIFY(s.waitForConnected(3000));
            s.write("GET /slow?ms=300 HTTP/1.1\r\nHost: orders.test\r\n" + kAuth + "\r\n");
            s.waitForBytesWritten(1000);
            QTest::qWait(20);
            s.abort();
        }
        QTest::qWait(500); // the upstream replies arrive for clients that are gone
        QVERIFY(m_gw->running());
        QCOMPARE(get(m_gw->port(), "orders.test", "/echo", "key-a").status, 200);
        const QByteArray metrics = m_gw->admin("GET", "/metrics").body;
        QVERIFY2(metrics.contains("airgate_requests_abandoned_total 2")
                     || metrics.contains("airgate_requests_abandoned_total 1"),
                 metrics.constData());
    }

    void tlsEntryPoint()
    {
        QTemporaryDir dir;
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), dir.filePath(QStringLiteral("k.pem")),
                       QStringLiteral("-out"), dir.filePath(QStringLiteral("c.pem")),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=orders.test")});
        QVERIFY(openssl.waitForFinished(30000) && openssl.exitCode() == 0);
        QFile c(dir.filePath(QStringLiteral("c.pem")));
        QFile k(dir.filePath(QStringLiteral("k.pem")));
        QVERIFY(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
        GatewayProcess gw;
        QByteArray ws = baseWorkspace();
        ws.replace("spec:\n  routes:\n  - match: Host(`orders.test`)",
                   "spec:\n  entryPoints: [websecure]\n  tls: {secretName: orders-tls}\n  "
                   "routes:\n  - match: Host(`orders.test`)");
        ws += "---\napiVersion: v1\nkind: Secret\nmetadata: {name: orders-tls, namespace: "
              "apps}\ntype: kubernetes.io/tls\ndata:\n  tls.crt: "
            + c.readAll().toBase64() + "\n  tls.key: " + k.readAll().toBase64() + "\n";
        gw.write(QStringLiteral("apps.yaml"), ws);
        gw.write(
            QStringLiteral("airgate.yaml"),
            "entryPoints:\n  web: 127.0.0.1:0\n  websecure:\n    address: 127.0.0.1:0\n"
            "    cipherSuites: [TLS_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]\n"
            "services:\n  apps/backend:80: http://127.0.0.1:"
                + QByteArray::number(m_upstream.port()) + "\n");
        QVERIFY2(gw.start({QStringLiteral("--listen"), QStringLiteral("websecure=127.0.0.1:0")}),
                 qPrintable(gw.error()));
        const quint16 port = gw.port(QStringLiteral("websecure"));
        QVERIFY(port > 0);
        QSslSocket s;
        s.setPeerVerifyMode(QSslSocket::VerifyNone);
        s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        QVERIFY2(s.waitForEncrypted(5000), qPrintable(s.errorString()));
        QVERIFY(s.sessionProtocol() >= QSsl::TlsV1_2);
        s.write("GET /echo HTTP/1.1\r\nHost: orders.test\r\nConnection: close\r\n" + kAuth
                + "\r\n");
        const QByteArray got = readAllFor(s, 3000);
        QVERIFY2(got.startsWith("HTTP/1.1 200"), got.constData());
        QVERIFY(got.contains("\"x-forwarded-proto\":\"https\""));
        // TLS 1.1 is refused.
        QSslSocket old;
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setProtocol(QSsl::TlsV1_1);
        old.setSslConfiguration(conf);
        old.setPeerVerifyMode(QSslSocket::VerifyNone);
        old.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        QVERIFY(!old.waitForEncrypted(3000));
        // A cipher outside the allow-list is refused.
        QSslSocket weak;
        QSslConfiguration wc = QSslConfiguration::defaultConfiguration();
        wc.setProtocol(QSsl::TlsV1_2);
        wc.setCiphers({QSslCipher(QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"))});
        weak.setSslConfiguration(wc);
        weak.setPeerVerifyMode(QSslSocket::VerifyNone);
        weak.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        QVERIFY(!weak.waitForEncrypted(3000));
        // The plain entry point does not serve the TLS route.
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 404);
        QCOMPARE(gw.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayHttp)
#include "tst_gateway_http.moc"
