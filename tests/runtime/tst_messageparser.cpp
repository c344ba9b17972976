// SPDX-License-Identifier: Apache-2.0
#include "http/messageparser.h"

#include <QTest>

using namespace Airgate::Http;

class TestMessageParser final : public QObject
{
    Q_OBJECT

private slots:
    void requestInPieces()
    {
        MessageParser p(MessageParser::Mode::Request);
        const QByteArray raw = "POST /a/b?x=1&y=%20z HTTP/1.1\r\nHost: "
                               "Example.COM:8080\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello";
        QByteArray buf;
        MessageParser::Status s = MessageParser::Status::NeedMore;
        for (char c : raw) {
            buf.append(c);
            s = p.feed(buf);
            if (s != MessageParser::Status::NeedMore)
                break;
        }
        QCOMPARE(s, MessageParser::Status::Complete);
        const Request r = p.takeRequest();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/a/b"));
        QCOMPARE(r.query, QByteArray("x=1&y=%20z"));
        QCOMPARE(r.queryValue("y"), QByteArray(" z"));
        QVERIFY(r.queryValue("nope").isNull());
        QCOMPARE(r.host(), QByteArray("example.com"));
        QCOMPARE(r.body, QByteArray("hello"));
        QVERIFY(r.keepAlive);
        QVERIFY(buf.isEmpty());
    }

    void pipelinedMessagesOneByOne()
    {
        MessageParser p(MessageParser::Mode::Request);
        QByteArray buf = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: "
                         "a\r\nConnection: close\r\n\r\n";
        QCOMPARE(p.feed(buf), MessageParser::Status::Complete);
        QCOMPARE(p.takeRequest().path, QByteArray("/1"));
        QCOMPARE(p.feed(buf), MessageParser::Status::Complete);
        const Request r = p.takeRequest();
        QCOMPARE(r.path, QByteArray("/2"));
        QVERIFY(!r.keepAlive);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("\x01\x02\x03 x\r\n\r\n") << 400;
        QTest::newRow("version") << QByteArray("GET / HTTP/3\r\n\r\n") << 505;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two hosts")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("smuggling") << QByteArray(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                   << 400;
        QTest::newRow("two lengths") << QByteArray(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                     << 400;
        QTest::newRow("bad length")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("te gzip") << QByteArray(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << 501;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
        QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n x\r\n\r\n") << 400;
        QTest::newRow("relative target") << QByteArray("GET x HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("too large body")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999\r\n\r\n") << 413;
        QTest::newRow("bad chunk")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            << 400;
    }

    void errors()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        MessageParser p(MessageParser::Mode::Request, ParseLimits {16 * 1024, 1024 * 1024, 100});
        QCOMPARE(p.feed(raw), MessageParser::Status::Error);
        QCOMPARE(p.errorStatus(), status);
    }

    void headerLimits()
    {
        MessageParser p(MessageParser::Mode::Request, ParseLimits {1024, 1024, 5});
        QByteArray tooMany = "GET / HTTP/1.1\r\nHost: a\r\n";
        for (int i = 0; i < 6; ++i)
            tooMany += "X-" + QByteArray::number(i) + ": v\r\n";
        tooMany += "\r\n";
        QCOMPARE(p.feed(tooMany), MessageParser::Status::Error);
        QCOMPARE(p.errorStatus(), 431);
        MessageParser q(MessageParser::Mode::Request, ParseLimits {1024, 1024, 100});
        QByteArray endless = "GET / HTTP/1.1\r\nX: " + QByteArray(2000, 'a');
        QCOMPARE(q.feed(endless), MessageParser::Status::Error); // refused before the head ends
        QCOMPARE(q.errorStatus(), 431);
    }

    void expectContinueOnlyWhenBodyMissing()
    {
        MessageParser p(MessageParser::Mode::Request);
        QByteArray buf
            = "PUT / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n";
        QCOMPARE(p.feed(buf), MessageParser::Status::ExpectContinue);
        QCOMPARE(p.feed(buf), MessageParser::Status::NeedMore);
        buf = "ok";
        QCOMPARE(p.feed(buf), MessageParser::Status::Complete);
        QCOMPARE(p.takeRequest().body, QByteArray("ok"));
    }

    void chunkedWithExtensionsAndTrailers()
    {
        MessageParser p(MessageParser::Mode::Request);
        QByteArray buf = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                         "chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n";
        QCOMPARE(p.feed(buf), MessageParser::Status::Complete);
        QCOMPARE(p.takeRequest().body, QByteArray("abcde"));
    }

    void responses()
    {
        MessageParser p(MessageParser::Mode::Response);
        QByteArray buf = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: "
                         "2\r\nX: y\r\n\r\nok";
        QCOMPARE(p.feed(buf), MessageParser::Status::Complete);
        QCOMPARE(p.responseStatus(), 201);
        QCOMPARE(p.responseHeaders().value("x"), QByteArray("y"));
        QCOMPARE(p.takeBody(), QByteArray("ok"));
        // Read until close.
        MessageParser q(MessageParser::Mode::Response);
        QByteArray b2 = "HTTP/1.0 200 OK\r\n\r\npartial";
        QCOMPARE(q.feed(b2), MessageParser::Status::NeedMore);
        QCOMPARE(q.finishAtEof(), MessageParser::Status::Complete);
        QCOMPARE(q.takeBody(), QByteArray("partial"));
        // HEAD and 204 have no body whatever the headers say.
        MessageParser h(MessageParser::Mode::Response);
        h.setRequestMethod("HEAD");
        QByteArray b3 = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n";
        QCOMPARE(h.feed(b3), MessageParser::Status::Complete);
        MessageParser n(MessageParser::Mode::Response);
        QByteArray b4 = "HTTP/1.1 204 No Content\r\n\r\n";
        QCOMPARE(n.feed(b4), MessageParser::Status::Complete);
    }
};

QTEST_GUILESS_MAIN(TestMessageParser)
#include "tst_messageparser.moc"
