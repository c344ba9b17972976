// SPDX-License-Identifier: Apache-2.0
// Tokens signed with the OpenSSL command line, verified by the gateway's verifier.
#include "jwt/jwtverifier.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

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

/// An HS256 token from literal header and claims text (so a test can write any bytes there).
QByteArray hs256(const QByteArray &header, const QByteArray &claims, const QByteArray &secret = "s")
{
    const QByteArray input = b64(header) + '.' + b64(claims);
    return input + '.'
        + b64(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

bool accepted(const QByteArray &token, qint64 now = 1000)
{
    return JwtVerifier::fromHmacSecret("s").verify(token, now).ok();
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

    void critIsUnderstoodOrRefused()
    {
        // RFC 7515 §4.1.11: the recipient MUST understand every extension crit lists; the
        // gateway understands none, and a malformed crit is refused too.
        const QByteArray claims = "{\"sub\":\"a\"}";
        QVERIFY(accepted(hs256("{\"alg\":\"HS256\"}", claims)));
        for (const char *header : {
                 "{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", // not understood
                 "{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}", // RFC 7797
                 "{\"alg\":\"HS256\",\"crit\":[\"x\"]}", // absent from the header
                 "{\"alg\":\"HS256\",\"crit\":[]}", // empty
                 "{\"alg\":\"HS256\",\"crit\":\"x\",\"x\":1}", // not an array
                 "{\"alg\":\"HS256\",\"crit\":[\"alg\"]}", // a registered header
                 "{\"alg\":\"HS256\",\"crit\":[1]}",
             }) {
            const auto r = JwtVerifier::fromHmacSecret("s").verify(hs256(header, claims), 1000);
            QVERIFY2(!r.ok(), header);
            QVERIFY2(r.error().message.contains(QStringLiteral("crit")), header);
        }
    }

    void numericDatesOutOfRangeAreInvalid()
    {
        const QByteArray h = "{\"alg\":\"HS256\"}";
        QVERIFY(accepted(hs256(h, "{\"nbf\":900,\"exp\":2000,\"iat\":900}")));
        QVERIFY(accepted(hs256(h, "{\"exp\":2000.5}")));
        // Past the representable range: refused as invalid, never converted (no UB).
        for (const char *claims :
             {"{\"nbf\":1e20}", "{\"exp\":1e20}", "{\"exp\":-1e20}", "{\"iat\":1e20}",
              "{\"nbf\":9.3e18}", "{\"exp\":1e400}", "{\"exp\":\"2000\"}", "{\"nbf\":null}",
              "{\"iat\":\"yesterday\"}", "{\"iat\":true}"}) {
            const auto r = JwtVerifier::fromHmacSecret("s").verify(hs256(h, claims), 1000);
            QVERIFY2(!r.ok(), claims);
        }
        const auto r = JwtVerifier::fromHmacSecret("s").verify(hs256(h, "{\"nbf\":1e20}"), 1000);
        QVERIFY(r.error().message.contains(QStringLiteral("not a NumericDate")));
    }

    void strictBase64urlAndJson()
    {
        const QByteArray good = hs256("{\"alg\":\"HS256\"}", "{\"sub\":\"ab\"}");
        QVERIFY(accepted(good));
        // RFC 7515 §2: no '=' padding. The header {"alg":"HS256"} encodes to 20 characters;
        // its padded form is what a lenient decoder accepts.
        const QList<QByteArray> parts = good.split('.');
        QByteArray padded = b64("{\"alg\":\"HS256\", }");
        QVERIFY(padded.size() % 4 != 0);
        padded += QByteArray(4 - padded.size() % 4, '=');
        const QByteArray paddedInput = padded + '.' + parts[1];
        QVERIFY(!accepted(
            paddedInput + '.'
            + b64(QMessageAuthenticationCode::hash(paddedInput, "s", QCryptographicHash::Sha256))));
        // Non-zero unused bits in the last character: another spelling of the same bytes.
        QByteArray sig = parts[2];
        QCOMPARE(sig.size() % 4, 3); // 32 bytes: 43 characters, 2 unused bits
        const char last = sig.back();
        const char other = last == 'A' ? 'B' : static_cast<char>(last + 1);
        sig.back() = other;
        QVERIFY(QByteArray::fromBase64(sig, QByteArray::Base64UrlEncoding)
                == QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding));
        QVERIFY(!accepted(parts[0] + '.' + parts[1] + '.' + sig));
        QVERIFY(!accepted(parts[0] + '.' + parts[1] + ". " + parts[2]));
        // RFC 8259 §8.1: no byte order mark before the JSON.
        QVERIFY(!accepted(hs256("\xEF\xBB\xBF{\"alg\":\"HS256\"}", "{\"sub\":\"a\"}")));
        QVERIFY(!accepted(hs256("{\"alg\":\"HS256\"}", "\xEF\xBB\xBF{\"sub\":\"a\"}")));
        QVERIFY(!decodeUnverified(QByteArray(parts[0] + ".=" + parts[1] + '.' + sig)).ok());
    }

    void jwksKeyOpsWithoutVerifyAreSkipped()
    {
        const QByteArray x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
        auto jwk = [&](const char *extra) -> QByteArray {
            return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"" + extra + "}";
        };
        QVERIFY(!JwtVerifier::fromJwks("{\"keys\":[" + jwk(",\"key_ops\":[\"sign\"]") + "]}").ok());
        QVERIFY(!JwtVerifier::fromJwks("{\"keys\":[" + jwk(",\"key_ops\":\"verify\"") + "]}").ok());
        QVERIFY(!JwtVerifier::fromJwks("{\"keys\":[" + jwk(",\"key_ops\":[]") + "]}").ok());
        const auto ok = JwtVerifier::fromJwks("{\"keys\":[" + jwk(",\"key_ops\":[\"verify\"]") + ","
                                              + jwk(",\"key_ops\":[\"encrypt\"]") + "]}");
        QVERIFY(ok.ok());
        QCOMPARE(ok->keyCount(), 1);
    }

    void es512WithP521()
    {
        EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-521");
        QVERIFY(key);
        BIGNUM *x = nullptr;
        BIGNUM *y = nullptr;
        QVERIFY(EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_X, &x) == 1);
        QVERIFY(EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_Y, &y) == 1);
        QByteArray xb(66, '\0');
        QByteArray yb(66, '\0');
        BN_bn2binpad(x, reinterpret_cast<unsigned char *>(xb.data()), 66);
        BN_bn2binpad(y, reinterpret_cast<unsigned char *>(yb.data()), 66);
        BN_free(x);
        BN_free(y);
        const QByteArray input = b64("{\"alg\":\"ES512\"}") + '.' + b64("{\"sub\":\"a\"}");
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        QByteArray der(256, '\0');
        size_t len = static_cast<size_t>(der.size());
        QVERIFY(EVP_DigestSignInit(ctx, nullptr, EVP_sha512(), nullptr, key) == 1);
        QVERIFY(EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(der.data()), &len,
                               reinterpret_cast<const unsigned char *>(input.data()),
                               static_cast<size_t>(input.size()))
                == 1);
        EVP_MD_CTX_free(ctx);
        der.resize(static_cast<qsizetype>(len));
        const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
        ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
        QVERIFY(sig);
        QByteArray raw(132, '\0');
        BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), 66);
        BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + 66, 66);
        ECDSA_SIG_free(sig);
        const auto v = JwtVerifier::fromJwks("{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"" + b64(xb)
                                             + "\",\"y\":\"" + b64(yb) + "\"}");
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().message));
        QVERIFY(v->verify(QByteArray(input + '.' + b64(raw)), 0).ok());
        raw[10] = static_cast<char>(raw[10] ^ 1);
        QVERIFY(!v->verify(QByteArray(input + '.' + b64(raw)), 0).ok());
        EVP_PKEY_free(key);
    }

    void jwksParsing()
    {
        QVERIFY(!JwtVerifier::fromJwks("not json").ok());
        QVERIFY(!JwtVerifier::fromJwks("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}").ok());
        QVERIFY(!JwtVerifier::fromJwks(
                     "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AA\",\"y\":\"AA\"}]}")
                     .ok()); // malformed x/y
        QVERIFY(
            !JwtVerifier::fromJwks(
                 "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\"AA\",\"y\":\"AA\"}]}")
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
