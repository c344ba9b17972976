// SPDX-License-Identifier: Apache-2.0
#include "routing/requestpath.h"
#include "routing/routematcher.h"

#include <QTest>

using namespace Airgate;
using namespace Airgate::Runtime;

namespace {

Http::Request req(const QByteArray &method, const QByteArray &host, const QByteArray &target,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {},
                  const char *ip = "10.1.2.3")
{
    Http::Request r;
    r.method = method;
    r.target = target;
    const qsizetype q = target.indexOf('?');
    r.path = q < 0 ? target : target.left(q);
    r.query = q < 0 ? QByteArray() : target.mid(q + 1);
    r.headers.add("Host", host);
    for (const auto &h : headers)
        r.headers.add(h.first, h.second);
    r.peer = QHostAddress(QString::fromLatin1(ip));
    return r;
}

bool matches(const char *rule, const Http::Request &r)
{
    RouteMatcher m(QString::fromLatin1(rule));
    const auto path = RequestPath::fromRaw(r.path);
    return m.ok() && path.ok() && m.matches(r, path->routing, r.host());
}

} // namespace

class TestRouteMatcher final : public QObject
{
    Q_OBJECT

private slots:
    void hosts()
    {
        QVERIFY(matches("Host(`api.example.com`)", req("GET", "API.Example.com:8080", "/")));
        QVERIFY(matches("Host(`api.example.com`)", req("GET", "api.example.com.", "/")));
        QVERIFY(!matches("Host(`api.example.com`)", req("GET", "other.example.com", "/")));
        QVERIFY(matches("Host(`*.example.com`)", req("GET", "a.example.com", "/")));
        QVERIFY(!matches("Host(`*.example.com`)", req("GET", "a.b.example.com", "/")));
        QVERIFY(!matches("Host(`*.example.com`)", req("GET", "example.com", "/")));
        QVERIFY(
            matches("HostRegexp(`^[a-z]+\\.example\\.com$`)", req("GET", "abc.example.com", "/")));
    }

    void paths()
    {
        QVERIFY(matches("Path(`/a b`)", req("GET", "h", "/a%20b")));
        QVERIFY(matches("PathPrefix(`/products`)",
                        req("GET", "h", "/products-for-sale"))); // a string prefix, as Traefik
        QVERIFY(!matches("Path(`/a`)", req("GET", "h", "/a/")));
        QVERIFY(matches("PathRegexp(`^/v[0-9]+/`)", req("GET", "h", "/v2/x")));
    }

    void methodsHeadersQueriesClientIp()
    {
        QVERIFY(matches("Method(`post`)", req("POST", "h", "/")));
        QVERIFY(matches("Header(`X-Env`, `prod`)",
                        req("GET", "h", "/", {{"x-env", "dev"}, {"X-ENV", "prod"}})));
        QVERIFY(matches("HeaderRegexp(`X-Env`, `^pr`)", req("GET", "h", "/", {{"X-Env", "prod"}})));
        QVERIFY(matches("Query(`debug`)", req("GET", "h", "/?debug")));
        QVERIFY(matches("Query(`v`, `2`)", req("GET", "h", "/?a=1&v=2")));
        QVERIFY(!matches("Query(`v`, `2`)", req("GET", "h", "/?v=3")));
        QVERIFY(matches("QueryRegexp(`v`, `^[0-9]$`)", req("GET", "h", "/?v=7")));
        QVERIFY(matches("ClientIP(`10.0.0.0/8`)", req("GET", "h", "/")));
        QVERIFY(!matches("ClientIP(`192.168.0.0/16`)", req("GET", "h", "/")));
    }

    void traefikV37Semantics()
    {
        // Host(`*`) matches every host (Traefik >= 3.7.7).
        QVERIFY(matches("Host(`*`)", req("GET", "anything.test", "/")));
        QVERIFY(matches("Host(`*`)", req("GET", "localhost:8080", "/")));
        // Query and QueryRegexp look at every value of a repeated key.
        QVERIFY(matches("Query(`q`, `traefik`)", req("GET", "h", "/?q=awesome&q=traefik")));
        QVERIFY(matches("QueryRegexp(`q`, `^traefik$`)", req("GET", "h", "/?q=a&q=traefik")));
        // One argument needs the empty value.
        QVERIFY(matches("Query(`mobile`)", req("GET", "h", "/?mobile")));
        QVERIFY(!matches("Query(`mobile`)", req("GET", "h", "/?mobile=true")));
        QVERIFY(matches("Query(`v`, `a b`)", req("GET", "h", "/?v=a+b")));
        // Reserved characters stay encoded for matching (Traefik >= 3.4.1).
        QVERIFY(!matches("Path(`/foo/bar`)", req("GET", "h", "/foo%2Fbar")));
        QVERIFY(matches("Path(`/foo%2Fbar`)", req("GET", "h", "/foo%2fbar")));
        QVERIFY(!matches("PathPrefix(`/admin/`)", req("GET", "h", "/admin%2Fx")));
        QVERIFY(matches("Path(`/foo bar`)", req("GET", "h", "/foo%20bar")));
        // Matcher names in lower, UPPER and Title case.
        QVERIFY(matches("pathprefix(`/a`) && HOST(`h`)", req("GET", "h", "/a")));
    }

    void logic()
    {
        const auto r = req("GET", "a.test", "/x");
        QVERIFY(matches("Host(`a.test`) && (Path(`/y`) || Path(`/x`))", r));
        QVERIFY(!matches("Host(`a.test`) && !Path(`/x`)", r));
        QVERIFY(matches("!Method(`POST`)", r));
    }

    void invalidRulesDoNotCompile()
    {
        RouteMatcher m(QStringLiteral("Host(`a`"));
        QVERIFY(!m.ok());
        QVERIFY(!m.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRouteMatcher)
#include "tst_routematcher.moc"
