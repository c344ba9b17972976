// SPDX-License-Identifier: Apache-2.0
// The developer portal against the attacks of a security review, on the wire: a real OpenID
// provider (npm oidc-provider), `airgatectl serve` with the example's portal on a preview
// listener, raw sockets for the requests that matter, and a recording listener for where
// try-it must never send a credential.
#include "gatewaytest.h"
#include "portalsession.h"

#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using namespace AirgateTest;

namespace {

/** The form token in a portal page (the sign-out form of the navigation, or a try-it form). */
QByteArray formToken(const QByteArray &html)
{
    static const QRegularExpression re(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
    return re.match(QString::fromUtf8(html)).captured(1).toUtf8();
}

QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery q;
    for (const auto &[k, v] : fields)
        q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    return q.toString(QUrl::FullyEncoded).toUtf8();
}

} // namespace

class TestPortalSecurity final : public QObject
{
    Q_OBJECT

    OidcTestProvider m_idp;
    quint16 m_preview = 0;
    TestUpstream m_recorder; ///< where a credential must never arrive
    std::unique_ptr<GatewayProcess> m_gw;

    QByteArray host() const { return "127.0.0.1:" + QByteArray::number(m_preview); }

    Reply portal(const QByteArray &method, const QByteArray &target, const QByteArray &cookie = {},
                 const QByteArray &body = {}, QMap<QByteArray, QByteArray> headers = {})
    {
        headers.insert("Host", host());
        if (!cookie.isEmpty())
            headers.insert("Cookie", cookie);
        if (method == "POST")
            headers.insert("Content-Type", "application/x-www-form-urlencoded");
        return request(m_preview, method, target, headers, body);
    }

    /** Signs alice in; @return the portal session cookie. */
    QByteArray signIn()
    {
        QString why;
        const QByteArray cookie = portalSignIn(m_preview, QStringLiteral("alice"), &why);
        if (cookie.isEmpty())
            qWarning() << why;
        return cookie;
    }

private slots:
    void initTestCase()
    {
        m_preview = freeLoopbackPort();
        QString why;
        QVERIFY2(m_idp.start(m_preview, &why), qPrintable(why));
        m_gw = std::make_unique<GatewayProcess>();
        QVERIFY(writeCorpusPortal(*m_gw, m_idp.issuer(), m_preview, {}));
        // The API's document as the portal reads it: one "path" that names another host.
        QFile f(
            QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather/specs/weather.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray doc = f.readAll();
        const QByteArray evil
            = "\"@127.0.0.1:" + QByteArray::number(m_recorder.port()) + "/steal\"";
        doc.replace(QByteArray("\"paths\": {"),
                    QByteArray("\"paths\": {\n    " + evil
                               + ": {\"get\": {\"tags\": [\"weather\"], \"summary\": \"Steal\", "
                                 "\"responses\": {\"200\": {\"description\": \"ok\"}}}},"));
        QVERIFY(doc.contains(evil));
        m_gw->write(QStringLiteral("specs/portal-view.json"), doc);
        m_gw->write(QStringLiteral("airgate.yaml"),
                    "entryPoints:\n  web: 127.0.0.1:0\nservices:\n"
                    "  apps/weather-app:8080: {mock: specs/weather.json}\n"
                    "specs:\n  apps/weather-api: specs/portal-view.json\n"
                    "portalPreview:\n  apps/api-portal: 127.0.0.1:"
                        + QByteArray::number(m_preview) + "\n");
        QVERIFY2(m_gw->start(), qPrintable(m_gw->error()));
    }

    void cleanupTestCase()
    {
        if (m_gw)
            QCOMPARE(m_gw->stop(), 0);
    }

    // Item: `/login?return=` put CR/LF (headers of the attacker's choice) and `/\host` (an
    // off-site redirect) into the callback's Location.
    void returnIsAPathOnThePortal_data()
    {
        QTest::addColumn<QByteArray>("ret");
        QTest::addColumn<QByteArray>("location");
        QTest::newRow("path") << QByteArray("%2Fapis%2Fweather-api%3Fversion%3Dv1")
                              << QByteArray("/apis/weather-api?version=v1");
        QTest::newRow("CRLF") << QByteArray("/x%0d%0aSet-Cookie:%20airgate_portal=planted")
                              << QByteArray("/catalog");
        QTest::newRow("LF") << QByteArray("/x%0aX-Injected:%20yes") << QByteArray("/catalog");
        QTest::newRow("NUL") << QByteArray("/x%00y") << QByteArray("/catalog");
        QTest::newRow("backslash")
            << QByteArray("/%5Cevil.example.net/x") << QByteArray("/catalog");
        QTest::newRow("scheme-relative")
            << QByteArray("//evil.example.net/x") << QByteArray("/catalog");
        QTest::newRow("tab") << QByteArray("/%09/evil.example.net/x") << QByteArray("/catalog");
        QTest::newRow("absolute") << QByteArray("https%3A%2F%2Fevil.example.net%2F")
                                  << QByteArray("/catalog");
        QTest::newRow("non-ASCII encoded") << QByteArray("/caf%C3%A9") << QByteArray("/caf%C3%A9");
    }

    void returnIsAPathOnThePortal()
    {
        QFETCH(QByteArray, ret);
        QFETCH(QByteArray, location);
        const PendingSignIn s
            = portalSignInUntilCallback(m_preview, QStringLiteral("alice"), "/login?return=" + ret);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const Reply r = portal("GET", s.callbackTarget, s.cookies);
        QCOMPARE(r.status, 303);
        QCOMPARE(r.header("Location"), location);
        QVERIFY(r.headers.values("X-Injected").isEmpty());
        for (const QByteArray &c : r.headers.values("Set-Cookie"))
            QVERIFY2(!c.contains("planted"), c.constData());
        QCOMPARE(r.headers.values("Set-Cookie").size(),
                 2); // the session, the sign-in cookie cleared
    }

    // Item: login CSRF. The state lived only on the server: a callback URL replayed in another
    // browser signed that browser in (as whoever completed the provider's login).
    void signInIsBoundToTheBrowserThatStartedIt()
    {
        const PendingSignIn a = portalSignInUntilCallback(m_preview, QStringLiteral("alice"));
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        // The sign-in cookie: HttpOnly, SameSite=Lax (sent on the provider's redirect back),
        // as long as a sign-in may take; not Secure on this plain-HTTP preview listener.
        QByteArray loginCookie;
        for (const QByteArray &c : a.loginSetCookies)
            if (c.startsWith("airgate_login="))
                loginCookie = c;
        QVERIFY2(!loginCookie.isEmpty(), a.loginSetCookies.join('|').constData());
        QVERIFY(loginCookie.contains("; HttpOnly"));
        QVERIFY(loginCookie.contains("; SameSite=Lax"));
        QVERIFY(loginCookie.contains("; Path=/"));
        QVERIFY(loginCookie.contains("; Max-Age=600"));
        QVERIFY(!loginCookie.contains("Secure"));

        // Another browser: without a sign-in cookie, and with one of its own sign-in.
        const Reply none = portal("GET", a.callbackTarget);
        QCOMPARE(none.status, 400);
        QVERIFY(none.body.contains("started in another browser"));
        QVERIFY(none.headers.values("Set-Cookie").isEmpty());
        const PendingSignIn b = portalSignInUntilCallback(m_preview, QStringLiteral("bob"));
        QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
        const Reply other = portal("GET", a.callbackTarget, b.cookies);
        QCOMPARE(other.status, 400);
        QVERIFY(other.body.contains("started in another browser"));

        // The browser that started it completes it (the refusals did not use the state up).
        const Reply mine = portal("GET", a.callbackTarget, a.cookies);
        QCOMPARE(mine.status, 303);
        QByteArray session;
        for (const QByteArray &c : mine.headers.values("Set-Cookie"))
            if (c.startsWith("airgate_portal="))
                session = c.left(c.indexOf(';'));
        QVERIFY(!session.isEmpty());
        QCOMPARE(portal("GET", "/catalog", session).status, 200);
        // Once only.
        QCOMPARE(portal("GET", a.callbackTarget, a.cookies).status, 400);
    }

    // Item: the redirect URI of a preview listener came from the Host header.
    void redirectUriIsTheBoundAddress()
    {
        // Another name for the listener: the browser is sent to the bound address first.
        for (const QByteArray &h : QList<QByteArray> {
                 "evil.example.net:1234", "localhost:" + QByteArray::number(m_preview)}) {
            const Reply r = request(m_preview, "GET", "/login?return=%2Fplans", {{"Host", h}});
            QCOMPARE(r.status, 303);
            QCOMPARE(r.header("Location"), "http://" + host() + "/login?return=%2Fplans");
            QVERIFY(r.headers.values("Set-Cookie").isEmpty());
        }
        const Reply r = portal("GET", "/login");
        QCOMPARE(r.status, 303);
        const QUrlQuery q(QUrl::fromEncoded(r.header("Location")));
        QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 QStringLiteral("http://%1/callback").arg(QString::fromLatin1(host())));
    }

    // Item: GET /logout ended a session (any page could sign a user out with an <img>).
    void logoutNeedsPostAndTheFormToken()
    {
        const QByteArray cookie = signIn();
        QVERIFY(!cookie.isEmpty());
        const Reply page = portal("GET", "/logout", cookie);
        QCOMPARE(page.status, 200);
        const QByteArray token = formToken(page.body);
        QVERIFY(!token.isEmpty());
        QVERIFY(page.body.contains("<form method=\"post\" action=\"/logout\">"));
        QCOMPARE(portal("GET", "/catalog", cookie).status, 200);
        // A POST without the token (another site's form) is refused.
        const Reply forged = portal("POST", "/logout", cookie, "csrf=wrong");
        QCOMPARE(forged.status, 403);
        QCOMPARE(portal("POST", "/logout", cookie, {}).status, 403);
        QCOMPARE(portal("GET", "/catalog", cookie).status, 200);
        // The navigation's sign-out button posts the token.
        const Reply catalog = portal("GET", "/catalog", cookie);
        QCOMPARE(formToken(catalog.body), token);
        const Reply out = portal("POST", "/logout", cookie, "csrf=" + token);
        QCOMPARE(out.status, 200);
        QVERIFY(out.header("Set-Cookie").startsWith("airgate_portal=; "));
        QCOMPARE(portal("GET", "/catalog", cookie).status, 303);
    }

    // Item: try-it put the document's path after the gateway's address; "@host:port/x" sent
    // the user's credential to that host.
    void tryItSendsTheCredentialOnlyToTheGateway()
    {
        const QByteArray cookie = signIn();
        QVERIFY(!cookie.isEmpty());
        const Reply page = portal("GET", "/apis/weather-api", cookie);
        QCOMPARE(page.status, 200);
        const QByteArray token = formToken(page.body);
        QVERIFY(!token.isEmpty());
        // The document's loader lists no operation for it (nor a try-it form); the attack posts
        // the form by hand.
        QVERIFY(!page.body.contains("/steal"));
        const QByteArray evilPath
            = "@127.0.0.1:" + QByteArray::number(m_recorder.port()) + "/steal";
        const QList<QPair<QString, QString>> evil {
            {QStringLiteral("csrf"), QString::fromLatin1(token)},
            {QStringLiteral("api"), QStringLiteral("weather-api")},
            {QStringLiteral("method"), QStringLiteral("GET")},
            {QStringLiteral("path"), QString::fromLatin1(evilPath)},
            {QStringLiteral("credential"), QStringLiteral("stolen-key")}};
        const Reply r
            = portal("POST", "/try", cookie, form(evil), {{"Accept", "application/json"}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("start with /")));
        // A path parameter holding an authority stays in the path, and goes to the gateway.
        const Reply param
            = portal("POST", "/try", cookie,
                     form({{QStringLiteral("csrf"), QString::fromLatin1(token)},
                           {QStringLiteral("api"), QStringLiteral("weather-api")},
                           {QStringLiteral("method"), QStringLiteral("GET")},
                           {QStringLiteral("path"), QStringLiteral("/weather/{city}")},
                           {QStringLiteral("path:city"), QString::fromLatin1("@" + evilPath)},
                           {QStringLiteral("credential"), QStringLiteral("stolen-key")}}),
                     {{"Accept", "application/json"}});
        QCOMPARE(param.status, 200);
        const QUrl sent(param.json().value(QStringLiteral("url")).toString());
        QCOMPARE(sent.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(sent.port(), int(m_gw->port()));
        QVERIFY(sent.userInfo().isEmpty());
        QCOMPARE(m_recorder.connections(), 0);
        QCOMPARE(m_recorder.requests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPortalSecurity)
#include "tst_portal_security.moc"
