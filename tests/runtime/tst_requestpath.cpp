// SPDX-License-Identifier: Apache-2.0
#include "routing/requestpath.h"

#include <QTest>

using namespace Airgate::Runtime;

/// The one request-path form (routing/requestpath.h): Traefik v3.7 entry point defaults.
class TestRequestPath final : public QObject
{
    Q_OBJECT

private slots:
    void normalises_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("forward");
        QTest::addColumn<QByteArray>("routing");
        auto row
            = [](const char *name, const char *raw, const char *fwd, const QByteArray &routing) {
                  QTest::newRow(name) << QByteArray(raw) << QByteArray(fwd) << routing;
              };
        row("plain", "/weather/Lyon", "/weather/Lyon", "/weather/Lyon");
        row("root", "/", "/", "/");
        // RFC 3986 §5.2.4 / Traefik sanitizePath: dot segments removed.
        row("dot-dot", "/weather/../forecast/Lyon", "/forecast/Lyon", "/forecast/Lyon");
        row("dot", "/weather/./Lyon", "/weather/Lyon", "/weather/Lyon");
        row("leading dot-dot", "/../../etc/passwd", "/etc/passwd", "/etc/passwd");
        row("trailing dot-dot", "/weather/..", "/", "/");
        row("trailing dot-dot slash", "/a/b/../", "/a/", "/a/");
        row("trailing dot", "/a/b/.", "/a/b", "/a/b");
        // Traefik's sanitizePath also removes duplicate slashes, keeping one trailing slash.
        row("duplicate slashes", "//weather//Lyon//", "/weather/Lyon/", "/weather/Lyon/");
        // §2.3: an encoded unreserved character is that character, so %2e%2e is a dot segment.
        row("encoded dot-dot", "/weather/%2e%2e/forecast/Lyon", "/forecast/Lyon", "/forecast/Lyon");
        row("encoded dot-dot upper", "/weather/%2E%2E/forecast", "/forecast", "/forecast");
        row("mixed dot-dot", "/weather/.%2e/forecast", "/forecast", "/forecast");
        row("encoded letters", "/%77eather", "/weather", "/weather");
        // Reserved encodings stay encoded (upper-cased, §6.2.2.1) and never cross a segment.
        row("encoded slash", "/weather/..%2fforecast/Lyon", "/weather/..%2Fforecast/Lyon",
            "/weather/..%2Fforecast/Lyon");
        row("encoded slash dot-dot", "/weather/%2e%2e%2fforecast", "/weather/..%2Fforecast",
            "/weather/..%2Fforecast");
        row("encoded hash", "/a%23b", "/a%23b", "/a%23b");
        row("lower-case hex upper-cased", "/a%3bb", "/a%3Bb", "/a%3Bb");
        // Not reserved: decoded in the routing path, forwarded encoded.
        row("encoded space", "/foo%20bar", "/foo%20bar", "/foo bar");
        row("encoded backslash", "/weather%5c..%5cforecast", "/weather%5C..%5Cforecast",
            "/weather\\..\\forecast");
        row("encoded NUL", "/weather/%00/x", "/weather/%00/x", QByteArray("/weather/\0/x", 12));
        // A raw backslash is data (Go's URL.EscapedPath forwards it as %5C), not a separator.
        row("raw backslash", "/weather\\..\\forecast", "/weather%5C..%5Cforecast",
            "/weather\\..\\forecast");
        row("raw non-ASCII", "/caf\xc3\xa9", "/caf%C3%A9", "/caf\xc3\xa9");
        row("raw brackets kept", "/a[1]", "/a[1]", "/a[1]");
        row("well-known", "/.well-known/x", "/.well-known/x", "/.well-known/x");
        row("options star", "*", "*", "*");
    }

    void normalises()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, forward);
        QFETCH(QByteArray, routing);
        const auto p = RequestPath::fromRaw(raw);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QCOMPARE(p->forward, forward);
        QCOMPARE(p->routing, routing);
        // Idempotent: normalising the forwarded path changes nothing.
        const auto again = RequestPath::fromRaw(p->forward);
        QVERIFY(again.ok());
        QCOMPARE(again->forward, forward);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("bad hex") << QByteArray("/a%zz");
        QTest::newRow("short") << QByteArray("/a%2");
        QTest::newRow("lone percent") << QByteArray("/a%");
        QTest::newRow("fragment") << QByteArray("/a#b");
    }

    void refuses()
    {
        QFETCH(QByteArray, raw);
        QVERIFY(!RequestPath::fromRaw(raw).ok());
    }

    void stripPrefix()
    {
        QCOMPARE(stripPathPrefix("/api/x", "/api").value_or("-"), QByteArray("/x"));
        QCOMPARE(stripPathPrefix("/api", "/api").value_or("-"), QByteArray("/"));
        QCOMPARE(stripPathPrefix("/apix", "/api").value_or("-"), QByteArray("/x"));
        QVERIFY(!stripPathPrefix("/ap", "/api"));
        // Compared as the routing path: unreserved encodings decoded, reserved ones not.
        QCOMPARE(stripPathPrefix("/a%20b/x", "/a b").value_or("-"), QByteArray("/x"));
        QVERIFY(!stripPathPrefix("/api%2Fv1/x", "/api/v1"));
        QCOMPARE(stripPathPrefix("/api../foo", "/api").value_or("-"), QByteArray("/../foo"));
        QCOMPARE(removeDotSegments("/../foo"), QByteArray("/foo"));
    }

    void addPrefixLiteral()
    {
        QCOMPARE(encodePathLiteral("/v1 beta"), QByteArray("/v1%20beta"));
        QCOMPARE(encodePathLiteral("/v1"), QByteArray("/v1"));
    }
};

QTEST_GUILESS_MAIN(TestRequestPath)
#include "tst_requestpath.moc"
