// SPDX-License-Identifier: Apache-2.0
// Tokens signed with the OpenSSL command line, verified by the gateway's verifier.
#include "jwt/jwtverifier.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Airgate::Runtime;

namespace {

QByteArray b64(const QByteArray &b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray opensslSign(const QString &key, const QByteArray &input, const QStringList &extra = {})
{
    QProcess p;
    p.start(QStringLiteral("openssl"),
            QStringList {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"),
                         key}
                + extra);
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished();
    return p.readAllStandardOutput();
}

bool run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestJwtVerifier final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void rs256AndPs256FromPem()
    {
        const QString key = m_dir.filePath(QStringLiteral("rsa.pem"));
        QVERIFY(run({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                     QStringLiteral("-out"), key}));
        QVERIFY(run({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"),
                     QStringLiteral("-out"), key + QStringLiteral(".pub")}));
        auto v = JwtVerifier::fromPublicKeyPem(readFile(key + QStringLiteral(".pub")));
        QVERIFY(v.ok());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray claims = b64(
            QJsonDocument(QJsonObject {{QStringLiteral("azp"), QStringLiteral("a")},
                                       {QStringLiteral("exp"), static_cast<double>(now + 60)}})
                .toJson(QJsonDocument::Compact));
        const QByteArray rsInput = b64("{\"alg\":\"RS256\"}") + '.' + claims;
        const QByteArray rs = rsInput + '.' + b64(opensslSign(key, rsInput));
        QVERIFY(v->verify(rs, now).ok());
        const QByteArray psInput = b64("{\"alg\":\"PS256\"}") + '.' + claims;
        const QByteArray ps = psInput + '.'
            + b64(opensslSign(key, psInput,
                              {QStringLiteral("-sigopt"), QStringLiteral("rsa_padding_mode:pss"),
                               QStringLiteral("-sigopt"), QStringLiteral("rsa_pss_saltlen:-1")}));
        QVERIFY(v->verify(ps, now).ok());
        // Expired beyond the skew.
        QVERIFY(!v->verify(rs, now + 60 + JwtVerifier::kLeewaySeconds + 1).ok());
        QVERIFY(v->verify(rs, now + 60 + JwtVerifier::kLeewaySeconds - 1).ok());
        // The same key material as an HMAC secret must not verify an RS256 token (algorithm
        // confusion).
        const JwtVerifier hmac
            = JwtVerifier::fromHmacSecret(readFile(key + QStringLiteral(".pub")));
        QVERIFY(!hmac.verify(rs, now).ok());
        const QByteArray confusedInput = b64("{\"alg\":\"HS256\"}") + '.' + claims;
        const QByteArray confused = confusedInput + '.'
            + b64(QMessageAuthenticationCode::hash(
                confusedInput, readFile(key + QStringLiteral(".pub")), QCryptographicHash::Sha256));
        QVERIFY(!v->verify(confused, now).ok());
    }

    void hs256AndNone()
    {
        const JwtVerifier v = JwtVerifier::fromHmacSecret("secret");
        const QByteArray input
            = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + '.' + b64("{\"azp\":\"a\"}");
        const QByteArray token = input + '.'
            + b64(QMessageAuthenticationCode::hash(input, "secret", QCryptographicHash::Sha256));
        QVERIFY(v.verify(token, 0).ok());
        QVERIFY(!v.verify(QByteArray(input + '.' + b64("x")), 0).ok());
        const QByteArray none = b64("{\"alg\":\"none\"}") + '.' + b64("{\"azp\":\"a\"}") + '.';
        const auto r = v.verify(none, 0);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("alg none")));
    }

    void jwksParsing()
    {
        QVERIFY(!JwtVerifier::fromJwks("not json").ok());
        QVERIFY(!JwtVerifier::fromJwks("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}").ok());
        QVERIFY(!JwtVerifier::fromJwks(
                     "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AA\",\"y\":\"AA\"}]}")
                     .ok());
        const auto ok
            = JwtVerifier::fromJwks("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"e\","
                                    "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}");
        QVERIFY(ok.ok());
        QCOMPARE(ok->keyCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJwtVerifier)
#include "tst_jwtverifier.moc"
