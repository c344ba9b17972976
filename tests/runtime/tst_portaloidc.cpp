// SPDX-License-Identifier: Apache-2.0
// The portal's OpenID Connect pieces that need no network: PKCE and the authorization URL,
// the issuer policy, and ID-token checks (signature, issuer, audience, nonce, expiry).
#include "portal/oidc.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>
#include <QUrlQuery>

using namespace Airgate::Runtime;
using namespace Airgate::Runtime::Portal;

namespace {

const QByteArray kSecret = "0123456789abcdef0123456789abcdef";

QByteArray b64(const QByteArray &b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hs256(const QJsonObject &claims)
{
    const QByteArray head = b64(QByteArrayLiteral("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
    const QByteArray body = b64(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray sig
        = QMessageAuthenticationCode::hash(head + '.' + body, kSecret, QCryptographicHash::Sha256);
    return head + '.' + body + '.' + b64(sig);
}

OidcProvider provider()
{
    OidcProvider p;
    p.issuer = QStringLiteral("http://127.0.0.1:9000");
    p.authorizationEndpoint = QUrl(QStringLiteral("http://127.0.0.1:9000/auth"));
    p.keys = JwtVerifier::fromHmacSecret(kSecret);
    return p;
}

QJsonObject claims(qint64 now)
{
    return {{QStringLiteral("iss"), QStringLiteral("http://127.0.0.1:9000")},
            {QStringLiteral("aud"), QStringLiteral("portal")},
            {QStringLiteral("sub"), QStringLiteral("alice")},
            {QStringLiteral("nonce"), QStringLiteral("n-1")},
            {QStringLiteral("iat"), static_cast<double>(now)},
            {QStringLiteral("exp"), static_cast<double>(now + 300)}};
}

} // namespace

class TestPortalOidc : public QObject
{
    Q_OBJECT

private slots:
    void pkceAndAuthorizationUrl()
    {
        const LoginRequest a = OidcClient::newLogin();
        const LoginRequest b = OidcClient::newLogin();
        QVERIFY(a.state != b.state);
        QVERIFY(a.codeVerifier.size() >= 43);
        QCOMPARE(a.codeChallenge,
                 QCryptographicHash::hash(a.codeVerifier, QCryptographicHash::Sha256)
                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const QUrl url = OidcClient::authorizationUrl(
            provider(), "portal", QStringLiteral("http://127.0.0.1:8890/callback"),
            {QStringLiteral("profile")}, a);
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
                 QStringLiteral("openid profile"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge")),
                 QString::fromLatin1(a.codeChallenge));
        QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 QStringLiteral("http://127.0.0.1:8890/callback"));
    }

    void issuerPolicy()
    {
        QString why;
        QVERIFY(OidcClient::issuerAllowed(QUrl(QStringLiteral("https://idp.example.com/")), &why));
        QVERIFY(OidcClient::issuerAllowed(QUrl(QStringLiteral("http://127.0.0.1:5556/dex")), &why));
        QVERIFY(OidcClient::issuerAllowed(QUrl(QStringLiteral("http://localhost:8080")), &why));
        QVERIFY(OidcClient::issuerAllowed(QUrl(QStringLiteral("http://[::1]:8080")), &why));
        QVERIFY(!OidcClient::issuerAllowed(QUrl(QStringLiteral("http://idp.example.com/")), &why));
        QVERIFY(why.contains(QStringLiteral("loopback")));
        QVERIFY(!OidcClient::issuerAllowed(QUrl(QStringLiteral("not a url")), &why));
    }

    void idTokenChecks()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const OidcProvider p = provider();
        auto ok = OidcClient::verifyIdToken(p, hs256(claims(now)), "portal", "n-1", now);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        QCOMPARE(ok.value().value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));

        auto expect = [&](QJsonObject c, const QByteArray &nonce, const QString &fragment) {
            auto r = OidcClient::verifyIdToken(p, hs256(c), "portal", nonce, now);
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
        };
        expect(claims(now), "other-nonce", QStringLiteral("nonce"));
        QJsonObject c = claims(now);
        c.insert(QStringLiteral("iss"), QStringLiteral("http://evil"));
        expect(c, "n-1", QStringLiteral("issuer"));
        c = claims(now);
        c.insert(QStringLiteral("aud"), QStringLiteral("someone-else"));
        expect(c, "n-1", QStringLiteral("not issued for this portal"));
        c = claims(now);
        c.insert(QStringLiteral("aud"), QJsonArray {QStringLiteral("x"), QStringLiteral("portal")});
        QVERIFY(OidcClient::verifyIdToken(p, hs256(c), "portal", "n-1", now).ok());
        c = claims(now - 4000);
        expect(c, "n-1", QStringLiteral("expired"));
        // A token signed with another key.
        QByteArray forged = hs256(claims(now));
        forged.chop(4);
        forged += "AAAA";
        auto bad = OidcClient::verifyIdToken(p, forged, "portal", "n-1", now);
        QVERIFY(!bad.ok());
    }

    void discoveryDocument()
    {
        const QString issuer = QStringLiteral("https://idp.example.com/realms/a");
        const QByteArray good = "{\"issuer\":\"https://idp.example.com/realms/a/\","
                                "\"authorization_endpoint\":\"https://idp.example.com/auth\","
                                "\"token_endpoint\":\"https://idp.example.com/token\","
                                "\"jwks_uri\":\"https://idp.example.com/certs\","
                                "\"end_session_endpoint\":\"https://idp.example.com/logout\"}";
        auto p = OidcClient::fromDiscovery(good, issuer);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QCOMPARE(p.value().jwksUri, QUrl(QStringLiteral("https://idp.example.com/certs")));
        QCOMPARE(p.value().endSessionEndpoint,
                 QUrl(QStringLiteral("https://idp.example.com/logout")));
        QCOMPARE(p.value().keys.keyCount(), 0);

        auto expect = [&](const QByteArray &doc, const QString &fragment) {
            auto r = OidcClient::fromDiscovery(doc, issuer);
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
        };
        expect("{\"issuer\": ", QStringLiteral("not JSON"));
        expect("[1, 2]", QStringLiteral("not a JSON object"));
        expect(QByteArray(good).replace("realms/a/", "realms/b"), QStringLiteral("calls itself"));
        expect(QByteArray(good).replace("\"jwks_uri\"", "\"jwks\""),
               QStringLiteral("lacks endpoints"));
    }
};

QTEST_GUILESS_MAIN(TestPortalOidc)
#include "tst_portaloidc.moc"
