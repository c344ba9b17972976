// SPDX-License-Identifier: Apache-2.0
// The HTTP front on a real socket, with a handler the test controls: response headers holding
// CR, LF or NUL are never written, refusals reach the handler for the access log, and the body
// has its own idle timeout.
#include "http/httpserver.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

using namespace Airgate::Http;

namespace {

class TestHandler final : public RequestHandler
{
public:
    Headers replyHeaders;
    QByteArray replyBody = "ok\n";
    QList<QByteArray> replyParts;
    QList<Request> requests;
    QList<Refusal> refusals;

    void handle(const ExchangePtr &exchange) override
    {
        requests << exchange->request;
        Response r = Response::text(200, replyBody + exchange->request.path);
        r.parts = replyParts;
        for (const Headers::Field &f : replyHeaders.fields())
            r.headers.add(f.first, f.second);
        exchange->reply(std::move(r));
    }
    void refused(const Refusal &refusal) override { refusals << refusal; }
};

struct Client
{
    QTcpSocket socket;
    QByteArray got;

    explicit Client(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected(3000);
    }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    /** Reads (processing events, so the listener in this thread runs) until @p ms passed or the
     * peer closed. */
    void readFor(int ms)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms && socket.state() == QAbstractSocket::ConnectedState) {
            QTest::qWait(20);
            got += socket.readAll();
        }
        got += socket.readAll();
    }
    bool closed() const { return socket.state() != QAbstractSocket::ConnectedState; }
};

/** Keeps each exchange unanswered, as a handler waiting for an upstream does. */
class PendingHandler final : public RequestHandler
{
public:
    QList<ExchangePtr> pending;
    int abandonHandlerCalls = 0;

    void handle(const ExchangePtr &exchange) override
    {
        exchange->setAbandonHandler([this] { ++abandonHandlerCalls; });
        pending << exchange;
    }
};

} // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

    TestHandler m_handler;
    std::unique_ptr<Listener> m_listener;

    quint16 start(qint64 headerTimeoutMs = 10000, qint64 bodyTimeoutMs = 30000)
    {
        ListenerOptions o;
        o.entryPoint = QStringLiteral("web");
        o.headerTimeoutMs = headerTimeoutMs;
        o.bodyTimeoutMs = bodyTimeoutMs;
        m_listener = std::make_unique<Listener>(&m_handler, o, std::make_shared<FrontCounters>());
        m_listener->listen(QHostAddress::LocalHost, 0);
        return m_listener->serverPort();
    }

private slots:
    void init()
    {
        m_listener.reset();
        m_handler.replyHeaders.clear();
        m_handler.replyBody = "ok\n";
        m_handler.replyParts.clear();
        m_handler.requests.clear();
        m_handler.refusals.clear();
    }

    // The listener goes (reload, shutdown) with connections open, one of them waiting for its
    // reply: each connection leaves the shared counters right and abandons its exchange. The
    // connections used to be deleted by ~QObject, after the listener's members (its counters)
    // were destroyed: undefined behaviour, reported by UBSan in the sanitized suite.
    void listenerDestroyedWithOpenConnections()
    {
        PendingHandler handler;
        auto counters = std::make_shared<FrontCounters>();
        ListenerOptions o;
        o.entryPoint = QStringLiteral("web");
        auto listener = std::make_unique<Listener>(&handler, o, counters);
        QVERIFY(listener->listen(QHostAddress::LocalHost, 0));
        Client idle(listener->serverPort());
        Client waiting(listener->serverPort());
        waiting.send("GET /slow HTTP/1.1\r\nHost: h.test\r\n\r\n");
        QTRY_COMPARE(listener->connectionCount(), 2);
        QTRY_COMPARE(handler.pending.size(), 1);
        QCOMPARE(counters->activeConnections.load(), 2);

        listener.reset();
        QCOMPARE(counters->activeConnections.load(), 0);
        QCOMPARE(counters->abandonedExchanges.load(), 1);
        QVERIFY(handler.pending.first()->abandoned());
        QCOMPARE(handler.abandonHandlerCalls, 1);
        waiting.readFor(2000);
        QVERIFY(waiting.closed());
    }

    // Issue: a header value with CR LF (from an upstream, a middleware value, a redirect target)
    // was written as it was: response splitting.
    void responseHeadersWithCrLfOrNulAreNeverWritten_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("CRLF in a value")
            << QByteArray("X-A") << QByteArray("a\r\nSet-Cookie: evil=1");
        QTest::newRow("bare LF in a value")
            << QByteArray("X-A") << QByteArray("a\nSet-Cookie: evil=1");
        QTest::newRow("bare CR in a value")
            << QByteArray("X-A") << QByteArray("a\rSet-Cookie: evil=1");
        QTest::newRow("NUL in a value")
            << QByteArray("X-A") << QByteArray("a\0Set-Cookie: evil=1", 20);
        QTest::newRow("CRLF in a name")
            << QByteArray("Set-Cookie: evil=1\r\nX-A") << QByteArray("a");
        QTest::newRow("colon in a name") << QByteArray("Set-Cookie: evil") << QByteArray("1");
        QTest::newRow("empty name") << QByteArray("") << QByteArray("Set-Cookie: evil=1");
    }

    void responseHeadersWithCrLfOrNulAreNeverWritten()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        const quint16 port = start();
        m_handler.replyHeaders.add(name, value);
        // The refusal is logged.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("answered 500 instead")));
        Client c(port);
        c.send("GET /a HTTP/1.1\r\nHost: h.test\r\nConnection: close\r\n\r\n");
        c.readFor(3000);
        QVERIFY2(c.got.startsWith("HTTP/1.1 500 "), c.got.constData());
        QVERIFY2(!c.got.contains("evil"), c.got.constData());
        QVERIFY(!c.got.contains('\0'));
        QCOMPARE(m_handler.requests.size(), 1);
        // A clean header still goes out.
        m_handler.replyHeaders.clear();
        m_handler.replyBody = "ok\n";
        m_handler.replyParts.clear();
        m_handler.replyHeaders.add("X-A", "a, b\tc");
        Client d(port);
        d.send("GET /a HTTP/1.1\r\nHost: h.test\r\nConnection: close\r\n\r\n");
        d.readFor(3000);
        QVERIFY2(d.got.startsWith("HTTP/1.1 200 ") && d.got.contains("\r\nX-A: a, b\tc\r\n"),
                 d.got.constData());
    }

    // Issue: parse errors were answered but never reached the access log.
    void refusalsReachTheHandler()
    {
        const quint16 port = start();
        Client c(port);
        c.send("GET /there HTTP/1.1\r\nHost: h.test\r\nX: a\rb\r\n\r\n");
        c.readFor(3000);
        QVERIFY2(c.got.startsWith("HTTP/1.1 400 "), c.got.constData());
        QVERIFY(c.got.contains("\r\nConnection: close\r\n"));
        QVERIFY(c.closed());
        QVERIFY(m_handler.requests.isEmpty());
        QCOMPARE(m_handler.refusals.size(), 1);
        const Refusal &r = m_handler.refusals.first();
        QCOMPARE(r.status, 400);
        QCOMPARE(r.reason, QByteArray("bare CR in a header field"));
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QByteArray("/there"));
        QCOMPARE(r.entryPoint, QStringLiteral("web"));
        QVERIFY(!r.peer.isNull());
    }

    // Issue: the header timeout also cut the body, so a slow but steady upload was closed
    // without an answer. The body has its own idle timeout.
    void steadyBodyOutlivesTheHeaderTimeout()
    {
        const quint16 port = start(400, 400);
        Client c(port);
        c.send("POST /up HTTP/1.1\r\nHost: h.test\r\nContent-Length: 3000\r\n\r\n");
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 15; ++i) { // 1.5 s, a piece every 100 ms
            c.send(QByteArray(200, 'a'));
            QTest::qWait(100);
        }
        c.readFor(2000);
        QVERIFY2(c.got.startsWith("HTTP/1.1 200 "), c.got.constData());
        QVERIFY(t.elapsed() > 1400);
        QCOMPARE(m_handler.requests.size(), 1);
        QCOMPARE(m_handler.requests.first().body.size(), 3000);
        // A body that stops coming gets 408 once the body timeout passes.
        Client s(port);
        s.send("POST /up HTTP/1.1\r\nHost: h.test\r\nContent-Length: 10\r\n\r\nabc");
        t.restart();
        s.readFor(4000);
        QVERIFY2(s.got.startsWith("HTTP/1.1 408 "), s.got.constData());
        QVERIFY(s.got.contains("request body not received in time"));
        QVERIFY(t.elapsed() < 2000);
        QCOMPARE(m_handler.requests.size(), 1);
        QCOMPARE(m_handler.refusals.size(), 1);
        QCOMPARE(m_handler.refusals.first().status, 408);
    }

    // A page of megabytes was joined and copied several times on the worker before it was
    // written, holding the API requests of that worker. A body in shared pieces is written as the
    // client reads it: every byte in order, pipelined requests answered after it, in order, and a
    // close waits for the whole body.
    void bodyInPiecesIsWrittenAsTheClientReads()
    {
        const quint16 port = start();
        m_handler.replyBody = "head:";
        QByteArray big(3 * 1024 * 1024 + 17, 'x');
        for (qsizetype i = 0; i < big.size(); i += 4096)
            big[i] = char('a' + (i / 4096) % 26);
        m_handler.replyParts = {big, "|token|", QByteArray(300 * 1024, 'y'), "|token|", "end"};
        const QByteArray path1 = "/one";
        const QByteArray expected1
            = "head:" + path1 + big + "|token|" + QByteArray(300 * 1024, 'y') + "|token|end";
        Client c(port);
        c.send("GET /one HTTP/1.1\r\nHost: h.test\r\n\r\n"
               "GET /two HTTP/1.1\r\nHost: h.test\r\nConnection: close\r\n\r\n"
               "HEAD /three HTTP/1.1\r\nHost: h.test\r\n\r\n");
        c.readFor(10000);
        QVERIFY(c.closed());
        // First response: the whole body, its length announced.
        const qsizetype head1 = c.got.indexOf("\r\n\r\n");
        QVERIFY(head1 > 0);
        QVERIFY2(c.got.startsWith("HTTP/1.1 200 "), c.got.left(200).constData());
        QVERIFY(c.got.left(head1).contains(
            QByteArray("Content-Length: " + QByteArray::number(expected1.size()))));
        QCOMPARE(c.got.mid(head1 + 4, expected1.size()), expected1);
        // Second: after it, then the connection closes (no third answer).
        const QByteArray rest = c.got.mid(head1 + 4 + expected1.size());
        QVERIFY2(rest.startsWith("HTTP/1.1 200 "), rest.left(200).constData());
        QVERIFY(rest.contains("\r\nConnection: close\r\n"));
        const QByteArray expected2 = expected1.sliced(0, 5) + "/two" + expected1.sliced(9);
        QVERIFY(rest.endsWith(expected2));
        QCOMPARE(rest.size(), rest.indexOf("\r\n\r\n") + 4 + expected2.size());
        QCOMPARE(m_handler.requests.size(), 2);
    }

    void headAnswerHasNoPieces()
    {
        const quint16 port = start();
        m_handler.replyParts = {QByteArray(600 * 1024, 'x')};
        Client c(port);
        c.send("HEAD /h HTTP/1.1\r\nHost: h.test\r\n\r\n"
               "GET /g HTTP/1.1\r\nHost: h.test\r\nConnection: close\r\n\r\n");
        c.readFor(10000);
        QVERIFY(c.closed());
        QVERIFY2(c.got.startsWith("HTTP/1.1 200 "), c.got.left(200).constData());
        const qsizetype head = c.got.indexOf("\r\n\r\n");
        QVERIFY(c.got.left(head).contains(
            QByteArray("Content-Length: " + QByteArray::number(5 + 600 * 1024))));
        const QByteArray second = c.got.mid(head + 4);
        QVERIFY2(second.startsWith("HTTP/1.1 200 "), second.left(200).constData());
        QVERIFY(second.endsWith(QByteArray("ok\n/g" + QByteArray(600 * 1024, 'x'))));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
