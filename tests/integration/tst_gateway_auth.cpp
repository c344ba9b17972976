// SPDX-License-Identifier: Apache-2.0
// Every authentication method of APIAuth against the running gateway, with tokens minted by an
// independent JWT library (npm jose): RS256, PS256, ES256, EdDSA, HS256; publicKey, jwksFile,
// jwksUrl and trustedIssuers through local JWKS copies; kid selection, issuers, expiry, `none`,
// algorithm confusion, appIdClaim, forwardHeaders, stripAuthorizationHeader, tokenQueryKey;
// and API keys from custom sources, suspended and inline keys, keyless APIs.
#include "gatewaytest.h"

#include "keys/apikey.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QStandardPaths>
#include <QTest>

using namespace AirgateTest;

namespace {

QByteArray withAuth(QByteArray ws, const QByteArray &authSpec)
{
    ws.replace("spec: {isDefault: true, apiKey: {}}",
               QByteArray("spec:\n  isDefault: true\n" + authSpec));
    return ws;
}

/** An HS256 token over @p claims, signed with @p secret. */
QByteArray hs256(const QJsonObject &claims, const QByteArray &secret)
{
    auto b64 = [](const QByteArray &b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray input = b64(R"({"alg":"HS256","typ":"JWT"})") + '.'
        + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return input + '.'
        + b64(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

QByteArray indent(const QByteArray &text, int n)
{
    QByteArray out;
    for (const QByteArray &l : text.split('\n'))
        out += QByteArray(n, ' ') + l + '\n';
    return out;
}

} // namespace

class TestGatewayAuth final : public QObject
{
    Q_OBJECT

    TestUpstream m_upstream;
    QJsonObject m_jwt;
    QStringList m_tokens;

    QByteArray token(int i) const { return m_tokens.value(i).toUtf8(); }

    Reply call(GatewayProcess &gw, const QByteArray &authorization,
               const QByteArray &path = "/echo")
    {
        QMap<QByteArray, QByteArray> h {{"Host", "orders.test"}};
        if (!authorization.isEmpty())
            h.insert("Authorization", authorization);
        return request(gw.port(), "GET", path, h);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject app {{QStringLiteral("azp"), QStringLiteral("app-a")},
                               {QStringLiteral("iss"), QStringLiteral("https://idp.test/")},
                               {QStringLiteral("sub"), QStringLiteral("alice")},
                               {QStringLiteral("roles"), QJsonArray {QStringLiteral("admin")}}};
        auto tok = [&](const char *kid, const char *alg, QJsonObject claims = {},
                       QJsonObject extra = {}) {
            QJsonObject base = app;
            for (auto it = claims.begin(); it != claims.end(); ++it)
                base.insert(it.key(), it.value());
            QJsonObject t {{QStringLiteral("kid"), QLatin1StringView(kid).toString()},
                           {QStringLiteral("alg"), QLatin1StringView(alg).toString()},
                           {QStringLiteral("claims"), base},
                           {QStringLiteral("expiresIn"), QStringLiteral("10m")}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                t.insert(it.key(), it.value());
            return t;
        };
        const QJsonArray tokens {
            tok("rs", "RS256"), // 0
            tok("ps", "PS256"), // 1
            tok("es", "ES256"), // 2
            tok("ed", "EdDSA"), // 3
            tok("hs", "HS256"), // 4
            tok("rs", "RS256", {},
                {{QStringLiteral("expiresIn"), QJsonValue()},
                 {QStringLiteral("exp"), static_cast<double>(now - 3600)}}), // 5 expired
            tok("rs", "RS256",
                {{QStringLiteral("azp"), QStringLiteral("nobody")}}), // 6 unknown app
            tok("none", "none"), // 7 unsigned
            tok("rs", "RS256",
                {{QStringLiteral("iss"), QStringLiteral("https://other.test/")}}), // 8 other issuer
            tok("rs", "RS256", {},
                {{QStringLiteral("nbf"), static_cast<double>(now + 3600)}}), // 9 not yet valid
            tok("ps", "PS256", {},
                {{QStringLiteral("kid"), QStringLiteral("rs")},
                 {QStringLiteral("signWith"), QStringLiteral("ps")}}), // 10 wrong key for kid
            tok("rs2", "RS256"), // 11 second RSA key
            tok("rs", "RS256", {},
                {{QStringLiteral("nbf"), 1e20}}), // 12 nbf beyond any NumericDate
            tok("rs", "RS256", {},
                {{QStringLiteral("header"),
                  QJsonObject {{QStringLiteral("b64"), true},
                               {QStringLiteral("crit"),
                                QJsonArray {QStringLiteral("b64")}}}}}), // 13 crit extension
        };
        QString why;
        m_jwt = mintJwt(
            QJsonObject {
                {QStringLiteral("keys"),
                 QJsonArray {QJsonObject {{QStringLiteral("kid"), QStringLiteral("rs")},
                                          {QStringLiteral("alg"), QStringLiteral("RS256")}},
                             QJsonObject {{QStringLiteral("kid"), QStringLiteral("rs2")},
                                          {QStringLiteral("alg"), QStringLiteral("RS256")}},
                             QJsonObject {{QStringLiteral("kid"), QStringLiteral("ps")},
                                          {QStringLiteral("alg"), QStringLiteral("PS256")}},
                             QJsonObject {{QStringLiteral("kid"), QStringLiteral("es")},
                                          {QStringLiteral("alg"), QStringLiteral("ES256")}},
                             QJsonObject {{
                                              QStringLiteral("kid"),
                                              QStringLiteral("ed"),
                                          },
                                          {QStringLiteral("alg"), QStringLiteral("EdDSA")}}}},
                {QStringLiteral("secrets"),
                 QJsonObject {
                     {QStringLiteral("hs"), QStringLiteral("0123456789abcdef0123456789abcdef")}}},
                {QStringLiteral("tokens"), tokens}},
            &why);
        if (m_jwt.isEmpty())
            QSKIP(qPrintable(QStringLiteral("cannot mint tokens: ") + why));
        for (const QJsonValue &t : m_jwt.value(QStringLiteral("tokens")).toArray())
            m_tokens << t.toString();
        QCOMPARE(m_tokens.size(), 14);
    }

    void jwksFileEveryAlgorithm()
    {
        GatewayProcess gw;
        const QByteArray jwks = QJsonDocument(m_jwt.value(QStringLiteral("jwks")).toObject())
                                    .toJson(QJsonDocument::Compact);
        gw.write(QStringLiteral("apps.yaml"),
                 withAuth(baseWorkspace(),
                          "  jwt:\n    appIdClaim: azp\n    jwksFile: '" + jwks
                              + "'\n"
                                "    forwardHeaders: {X-User: sub, X-Roles: roles}\n"
                                "    stripAuthorizationHeader: true\n    tokenQueryKey: jwt\n"));
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        for (int i : {0, 1, 2, 3, 11}) {
            const Reply r = call(gw, "Bearer " + token(i));
            QVERIFY2(r.status == 200,
                     qPrintable(QStringLiteral("token %1 gave %2").arg(i).arg(r.status)));
        }
        const QJsonObject h
            = call(gw, "Bearer " + token(0)).json().value(QStringLiteral("headers")).toObject();
        QCOMPARE(h.value(QStringLiteral("x-user")).toString(), QStringLiteral("alice"));
        QCOMPARE(h.value(QStringLiteral("x-roles")).toString(), QStringLiteral("[\"admin\"]"));
        QVERIFY(!h.contains(QStringLiteral("authorization"))); // stripAuthorizationHeader
        QCOMPARE(call(gw, {}, "/echo?jwt=" + token(0)).status, 200); // tokenQueryKey
        QCOMPARE(call(gw, {}).status, 401); // no token
        QCOMPARE(call(gw, "Bearer " + token(4)).status,
                 401); // HS256 against public keys: no confusion
        QCOMPARE(call(gw, "Bearer " + token(5)).status, 401); // expired
        QCOMPARE(call(gw, "Bearer " + token(7)).status, 401); // alg none
        QCOMPARE(call(gw, "Bearer " + token(9)).status, 401); // nbf in the future
        QCOMPARE(call(gw, "Bearer " + token(10)).status, 401); // kid points to another key
        // RFC 7519 §2: nbf 1e20 is no NumericDate (it used to pass as an undefined cast).
        QCOMPARE(call(gw, "Bearer " + token(12)).status, 401);
        // RFC 7515 §4.1.11: crit names an extension (b64, RFC 7797) the gateway does not
        // implement.
        QCOMPARE(call(gw, "Bearer " + token(13)).status, 401);
        QCOMPARE(call(gw, "Bearer " + token(6)).status,
                 403); // valid, but no application with that appId
        QByteArray tampered = token(0);
        tampered[tampered.indexOf('.') + 5]
            = tampered[tampered.indexOf('.') + 5] == 'A' ? 'B' : 'A';
        QCOMPARE(call(gw, "Bearer " + tampered).status, 401);
        QCOMPARE(call(gw, "Bearer not.a.jwt").status, 401);
        QCOMPARE(gw.stop(), 0);
    }

    void publicKeyAndSigningSecret()
    {
        GatewayProcess gw;
        const QByteArray pem = m_jwt.value(QStringLiteral("pem"))
                                   .toObject()
                                   .value(QStringLiteral("es"))
                                   .toString()
                                   .toUtf8();
        gw.write(
            QStringLiteral("apps.yaml"),
            withAuth(baseWorkspace(),
                     "  jwt:\n    appIdClaim: azp\n    publicKey: |\n" + indent(pem.trimmed(), 6)));
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        QCOMPARE(call(gw, "Bearer " + token(2)).status, 200);
        QCOMPARE(call(gw, "Bearer " + token(0)).status, 401); // RS256 token, EC key
        QCOMPARE(gw.stop(), 0);

        GatewayProcess hs;
        hs.write(QStringLiteral("apps.yaml"),
                 withAuth(baseWorkspace(),
                          "  jwt:\n    appIdClaim: azp\n    signingSecretName: jwt-secret\n")
                     + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: jwt-secret, namespace: "
                       "apps}\nstringData: {value: 0123456789abcdef0123456789abcdef}\n");
        hs.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(hs.start(), qPrintable(hs.error()));
        QCOMPARE(call(hs, "Bearer " + token(4)).status, 200);
        QCOMPARE(call(hs, "Bearer " + token(0)).status, 401); // RS256 against an HMAC secret
        QCOMPARE(hs.stop(), 0);
    }

    // A claim forwarded as a header (forwardHeaders) put CR/LF on the upstream connection:
    // another header, and a second request smuggled after the first.
    void forwardedClaimsWithControlCharactersAreRefused()
    {
        const QByteArray secret = "0123456789abcdef0123456789abcdef";
        GatewayProcess gw;
        gw.write(QStringLiteral("apps.yaml"),
                 withAuth(baseWorkspace(),
                          "  jwt:\n    appIdClaim: azp\n    signingSecretName: jwt-secret\n"
                          "    forwardHeaders: {X-User-Name: name, X-Team: team}\n")
                     + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: jwt-secret, "
                       "namespace: apps}\nstringData: {value: "
                     + secret + "}\n");
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto token = [&](const QString &name, const QJsonValue &team = QJsonValue()) {
            QJsonObject c {{QStringLiteral("azp"), QStringLiteral("app-a")},
                           {QStringLiteral("sub"), QStringLiteral("bob")},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("exp"), static_cast<double>(now + 600)}};
            if (!team.isUndefined() && !team.isNull())
                c.insert(QStringLiteral("team"), team);
            return "Bearer " + hs256(c, secret);
        };
        const Reply ok = call(gw, token(QStringLiteral("Bob Zoë")));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json()
                     .value(QStringLiteral("headers"))
                     .toObject()
                     .value(QStringLiteral("x-user-name"))
                     .toString()
                     .toUtf8(),
                 QStringLiteral("Bob Zoë").toUtf8());
        const int before = m_upstream.requests();
        const QList<QString> refused {
            QStringLiteral("Bob\r\nX-Injected: yes\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: "
                           "orders.test\r\n\r\n"),
            QStringLiteral("Bob\nX-Injected: yes"),
            QStringLiteral("Bob\rX-Injected: yes"),
            QStringLiteral("Bob") + QChar(0) + QStringLiteral("x"),
            QStringLiteral("Bob\tx"),
            QStringLiteral("Bob\x7f"),
            QStringLiteral("Bob") + QChar(0x85)};
        for (const QString &name : refused) {
            const Reply r = call(gw, token(name));
            QVERIFY2(r.status == 401, name.toUtf8().toPercentEncoding().constData());
        }
        // Arrays and objects are forwarded as compact JSON: their control characters escaped.
        QCOMPARE(
            call(gw, token(QStringLiteral("Bob"), QJsonArray {QStringLiteral("a\r\nb")})).status,
            200);
        QCOMPARE(m_upstream.requests(), before + 1);
        for (const QByteArray &t : m_upstream.targets())
            QVERIFY(!t.contains("smuggled"));
        QCOMPARE(gw.stop(), 0);
    }

    void trustedIssuersWithLocalJwks()
    {
        GatewayProcess gw;
        const QByteArray jwks = QJsonDocument(m_jwt.value(QStringLiteral("jwks")).toObject())
                                    .toJson(QJsonDocument::Compact);
        gw.write(QStringLiteral("keys/idp.json"), jwks);
        gw.write(
            QStringLiteral("apps.yaml"),
            withAuth(
                baseWorkspace(),
                "  jwt:\n    appIdClaim: azp\n    trustedIssuers:\n"
                "    - issuer: https://idp.test/\n      jwksUrl: https://idp.test/jwks.json\n"));
        gw.write(
            QStringLiteral("airgate.yaml"),
            settingsFor(m_upstream.port(), "jwks:\n  https://idp.test/jwks.json: keys/idp.json\n"));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        QCOMPARE(call(gw, "Bearer " + token(0)).status, 200);
        QCOMPARE(call(gw, "Bearer " + token(8)).status, 401); // issuer not trusted
        QCOMPARE(gw.stop(), 0);
        // Without a local copy the API cannot be served, and says why.
        GatewayProcess missing;
        missing.write(
            QStringLiteral("apps.yaml"),
            withAuth(baseWorkspace(),
                     "  jwt:\n    appIdClaim: azp\n    jwksUrl: https://idp.test/jwks.json\n"));
        missing.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(missing.start(), qPrintable(missing.error()));
        const QByteArray status = QJsonDocument(missing.status()).toJson();
        QVERIFY2(status.contains("needs the network; map it to a local copy in airgate.yaml jwks:"),
                 status.constData());
        QCOMPARE(call(missing, "Bearer " + token(0)).status, 404);
        QCOMPARE(missing.stop(), 0);
    }

    void apiKeySourcesSuspendedAndInlineKeys()
    {
        GatewayProcess gw;
        QByteArray ws = withAuth(baseWorkspace(),
                                 "  apiKey:\n    keySource: {header: X-Api-Key, query: key}\n");
        ws.replace("apiKeys: [{secretName: key-a, title: A}]",
                   QByteArray("apiKeys: [{secretName: key-a, title: A}, {value: "
                              + Airgate::Keys::digestHex("inline-key")
                              + ", title: inline},"
                                " {value: "
                              + Airgate::Keys::digestHex("old-key")
                              + ", title: old, suspended: true}]"));
        gw.write(QStringLiteral("apps.yaml"), ws);
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        const quint16 port = gw.port();
        QCOMPARE(
            request(port, "GET", "/echo", {{"Host", "orders.test"}, {"X-Api-Key", "key-a"}}).status,
            200);
        QCOMPARE(request(port, "GET", "/echo?key=inline-key", {{"Host", "orders.test"}}).status,
                 200);
        // keySource replaces the defaults entirely.
        QCOMPARE(request(port, "GET", "/echo",
                         {{"Host", "orders.test"}, {"Authorization", "Bearer key-a"}})
                     .status,
                 401);
        QCOMPARE(request(port, "GET", "/echo?api_key=key-a", {{"Host", "orders.test"}}).status,
                 401);
        // A suspended key is refused.
        QCOMPARE(request(port, "GET", "/echo", {{"Host", "orders.test"}, {"X-Api-Key", "old-key"}})
                     .status,
                 401);
        QCOMPARE(gw.stop(), 0);

        GatewayProcess scheme;
        scheme.write(
            QStringLiteral("apps.yaml"),
            withAuth(
                baseWorkspace(),
                "  apiKey:\n    keySource: {header: Authorization, headerAuthScheme: ApiKey}\n"));
        scheme.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(scheme.start(), qPrintable(scheme.error()));
        QCOMPARE(request(scheme.port(), "GET", "/echo",
                         {{"Host", "orders.test"}, {"Authorization", "ApiKey key-a"}})
                     .status,
                 200);
        QCOMPARE(request(scheme.port(), "GET", "/echo",
                         {{"Host", "orders.test"}, {"Authorization", "Bearer key-a"}})
                     .status,
                 401);
        QCOMPARE(scheme.stop(), 0);
    }

    void keylessPassesThrough()
    {
        GatewayProcess gw;
        gw.write(QStringLiteral("apps.yaml"), withAuth(baseWorkspace(), "  keyless: {}\n"));
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        const Reply r = call(gw, {});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.headers.has("X-Ratelimit-Remaining")); // no application, no plan
        QCOMPARE(gw.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayAuth)
#include "tst_gateway_auth.moc"
