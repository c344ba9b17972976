// SPDX-License-Identifier: Apache-2.0
#include "jwtverifier.h"

#include "keys/apikey.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace Airgate::Runtime {

struct JwtVerifier::Key
{
    enum class Type { Rsa, EcP256, EcP384, Ed25519, Hmac };
    Type type = Type::Rsa;
    QString kid;
    QString alg; ///< from the JWK, when it says
    std::shared_ptr<EVP_PKEY> pkey;
    QByteArray secret;
};

namespace {

using Key = JwtVerifier::Key;

QByteArray b64url(QByteArrayView s, bool *ok)
{
    auto r = QByteArray::fromBase64Encoding(
        s.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    *ok = static_cast<bool>(r);
    return r ? *r : QByteArray();
}

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY *k)
{
    return k ? std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free) : nullptr;
}

std::shared_ptr<EVP_PKEY> fromParams(const char *type, OSSL_PARAM_BLD *bld)
{
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
    EVP_PKEY *pkey = nullptr;
    if (ctx && params && EVP_PKEY_fromdata_init(ctx) == 1)
        EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return wrap(pkey);
}

Result<std::shared_ptr<const Key>> keyFromJwk(const QJsonObject &jwk)
{
    auto k = std::make_shared<Key>();
    k->kid = jwk.value(QStringLiteral("kid")).toString();
    k->alg = jwk.value(QStringLiteral("alg")).toString();
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    const QString use = jwk.value(QStringLiteral("use")).toString();
    if (!use.isEmpty() && use != QLatin1StringView("sig"))
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("JWK %1 is not a signing key (use %2)").arg(k->kid, use));
    bool ok1 = false;
    bool ok2 = false;
    if (kty == QLatin1StringView("RSA")) {
        const QByteArray n = b64url(jwk.value(QStringLiteral("n")).toString().toLatin1(), &ok1);
        const QByteArray e = b64url(jwk.value(QStringLiteral("e")).toString().toLatin1(), &ok2);
        if (!ok1 || !ok2 || n.isEmpty() || e.isEmpty())
            return makeError(Error::Code::Invalid,
                             QStringLiteral("RSA JWK %1 needs base64url n and e").arg(k->kid));
        BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()),
                               static_cast<int>(n.size()), nullptr);
        BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()),
                               static_cast<int>(e.size()), nullptr);
        OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn);
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be);
        k->pkey = fromParams("RSA", bld);
        OSSL_PARAM_BLD_free(bld);
        BN_free(bn);
        BN_free(be);
        k->type = Key::Type::Rsa;
    } else if (kty == QLatin1StringView("EC")) {
        const QString crv = jwk.value(QStringLiteral("crv")).toString();
        const QByteArray x = b64url(jwk.value(QStringLiteral("x")).toString().toLatin1(), &ok1);
        const QByteArray y = b64url(jwk.value(QStringLiteral("y")).toString().toLatin1(), &ok2);
        const int size
            = crv == QLatin1StringView("P-256") ? 32 : (crv == QLatin1StringView("P-384") ? 48 : 0);
        if (size == 0)
            return makeError(
                Error::Code::Unsupported,
                QStringLiteral("EC curve %1 is not supported (P-256, P-384)").arg(crv));
        if (!ok1 || !ok2 || x.size() != size || y.size() != size)
            return makeError(Error::Code::Invalid,
                             QStringLiteral("EC JWK %1 has malformed x/y").arg(k->kid));
        const QByteArray point = QByteArray(1, '\x04') + x + y;
        OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
        OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
                                        size == 32 ? "prime256v1" : "secp384r1", 0);
        OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         static_cast<size_t>(point.size()));
        k->pkey = fromParams("EC", bld);
        OSSL_PARAM_BLD_free(bld);
        k->type = size == 32 ? Key::Type::EcP256 : Key::Type::EcP384;
    } else if (kty == QLatin1StringView("OKP")) {
        if (jwk.value(QStringLiteral("crv")).toString() != QLatin1StringView("Ed25519"))
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("OKP curve %1 is not supported (Ed25519)")
                                 .arg(jwk.value(QStringLiteral("crv")).toString()));
        const QByteArray x = b64url(jwk.value(QStringLiteral("x")).toString().toLatin1(), &ok1);
        if (!ok1 || x.size() != 32)
            return makeError(Error::Code::Invalid,
                             QStringLiteral("Ed25519 JWK %1 has a malformed x").arg(k->kid));
        k->pkey = wrap(EVP_PKEY_new_raw_public_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(x.constData()), 32));
        k->type = Key::Type::Ed25519;
    } else if (kty == QLatin1StringView("oct")) {
        return makeError(
            Error::Code::Refused,
            QStringLiteral("symmetric JWKs are refused; use signingSecretName for HS256"));
    } else {
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("JWK key type \"%1\" is not supported").arg(kty));
    }
    if (!k->pkey)
        return makeError(Error::Code::Invalid,
                         QStringLiteral("JWK %1 is not a valid %2 public key").arg(k->kid, kty));
    return std::shared_ptr<const Key>(k);
}

const EVP_MD *digestFor(const QByteArray &alg)
{
    if (alg.endsWith("256"))
        return EVP_sha256();
    if (alg.endsWith("384"))
        return EVP_sha384();
    if (alg.endsWith("512"))
        return EVP_sha512();
    return nullptr;
}

bool algFits(const Key &k, const QByteArray &alg)
{
    switch (k.type) {
    case Key::Type::Rsa:
        return alg == "RS256" || alg == "RS384" || alg == "RS512" || alg == "PS256"
            || alg == "PS384" || alg == "PS512";
    case Key::Type::EcP256:
        return alg == "ES256";
    case Key::Type::EcP384:
        return alg == "ES384";
    case Key::Type::Ed25519:
        return alg == "EdDSA";
    case Key::Type::Hmac:
        return alg == "HS256" || alg == "HS384" || alg == "HS512";
    }
    return false;
}

/// JWS ECDSA signatures are r||s; OpenSSL verifies DER.
QByteArray ecdsaRawToDer(const QByteArray &raw)
{
    const int half = static_cast<int>(raw.size() / 2);
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()), half, nullptr);
    BIGNUM *s
        = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()) + half, half, nullptr);
    ECDSA_SIG_set0(sig, r, s);
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig, &der);
    QByteArray out = len > 0 ? QByteArray(reinterpret_cast<const char *>(der), len) : QByteArray();
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

bool verifySignature(const Key &k, const QByteArray &alg, const QByteArray &input, QByteArray sig)
{
    if (k.type == Key::Type::Hmac) {
        const EVP_MD *md = digestFor(alg);
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        if (!HMAC(md, k.secret.constData(), static_cast<int>(k.secret.size()),
                  reinterpret_cast<const unsigned char *>(input.constData()),
                  static_cast<size_t>(input.size()), out, &len))
            return false;
        return Keys::constantTimeEquals(QByteArrayView(reinterpret_cast<const char *>(out), len),
                                        sig);
    }
    if (k.type == Key::Type::EcP256 || k.type == Key::Type::EcP384) {
        const int expected = k.type == Key::Type::EcP256 ? 64 : 96;
        if (sig.size() != expected)
            return false;
        sig = ecdsaRawToDer(sig);
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    const EVP_MD *md = k.type == Key::Type::Ed25519 ? nullptr : digestFor(alg);
    bool ok = ctx && EVP_DigestVerifyInit(ctx, &pctx, md, nullptr, k.pkey.get()) == 1;
    if (ok && alg.startsWith("PS")) {
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1
            && EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) == 1;
    }
    ok = ok
        && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(sig.constData()),
                            static_cast<size_t>(sig.size()),
                            reinterpret_cast<const unsigned char *>(input.constData()),
                            static_cast<size_t>(input.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

} // namespace

JwtVerifier::JwtVerifier() = default;
JwtVerifier::~JwtVerifier() = default;
JwtVerifier::JwtVerifier(const JwtVerifier &) = default;
JwtVerifier &JwtVerifier::operator=(const JwtVerifier &) = default;

int JwtVerifier::keyCount() const
{
    return static_cast<int>(m_keys.size());
}

Result<JwtVerifier> JwtVerifier::fromPublicKeyPem(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    EVP_PKEY *pkey = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    if (!pkey) {
        // A certificate carries the key too.
        BIO_free(bio);
        bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
        if (X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
            pkey = X509_get_pubkey(cert);
            X509_free(cert);
        }
    }
    BIO_free(bio);
    if (!pkey)
        return makeError(
            Error::Code::Invalid,
            QStringLiteral(
                "publicKey is not a PEM public key (-----BEGIN PUBLIC KEY-----) or certificate"));
    auto k = std::make_shared<Key>();
    k->pkey = wrap(pkey);
    switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        k->type = Key::Type::Rsa;
        break;
    case EVP_PKEY_EC: {
        const int bits = EVP_PKEY_get_bits(pkey);
        if (bits == 256)
            k->type = Key::Type::EcP256;
        else if (bits == 384)
            k->type = Key::Type::EcP384;
        else
            return makeError(
                Error::Code::Unsupported,
                QStringLiteral("EC keys of %1 bits are not supported (P-256, P-384)").arg(bits));
        break;
    }
    case EVP_PKEY_ED25519:
        k->type = Key::Type::Ed25519;
        break;
    default:
        return makeError(
            Error::Code::Unsupported,
            QStringLiteral("publicKey type is not supported (RSA, EC P-256/P-384, Ed25519)"));
    }
    JwtVerifier v;
    v.m_keys << k;
    return v;
}

Result<JwtVerifier> JwtVerifier::fromJwks(const QByteArray &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (!doc.isObject())
        return makeError(Error::Code::Parse,
                         QStringLiteral("JWKS is not a JSON object: %1").arg(err.errorString()));
    const QJsonObject root = doc.object();
    QJsonArray keys = root.value(QStringLiteral("keys")).toArray();
    if (!root.contains(QStringLiteral("keys")) && root.contains(QStringLiteral("kty")))
        keys.append(root);
    JwtVerifier v;
    QStringList problems;
    for (const QJsonValue &jv : keys) {
        auto key = keyFromJwk(jv.toObject());
        if (key)
            v.m_keys << *key;
        else
            problems << key.error().message;
    }
    if (v.m_keys.isEmpty())
        return makeError(Error::Code::Invalid,
                         problems.isEmpty() ? QStringLiteral("JWKS holds no key")
                                            : problems.join(QStringLiteral("; ")));
    return v;
}

JwtVerifier JwtVerifier::fromHmacSecret(const QByteArray &secret)
{
    auto k = std::make_shared<Key>();
    k->type = Key::Type::Hmac;
    k->secret = secret;
    JwtVerifier v;
    v.m_keys << k;
    return v;
}

Result<JwtVerifier::Verified> decodeUnverified(QByteArrayView token)
{
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> out;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= token.size(); ++i)
            if (i == token.size() || token[i] == '.') {
                out << token.sliced(start, i - start);
                start = i + 1;
            }
        return out;
    }();
    if (parts.size() != 3)
        return makeError(Error::Code::Parse, QStringLiteral("not a JWS compact token"));
    bool ok1 = false;
    bool ok2 = false;
    const QByteArray header = b64url(parts[0], &ok1);
    const QByteArray payload = b64url(parts[1], &ok2);
    if (!ok1 || !ok2)
        return makeError(Error::Code::Parse, QStringLiteral("token is not base64url"));
    const QJsonDocument h = QJsonDocument::fromJson(header);
    const QJsonDocument p = QJsonDocument::fromJson(payload);
    if (!h.isObject() || !p.isObject())
        return makeError(Error::Code::Parse,
                         QStringLiteral("token header or claims are not JSON objects"));
    return JwtVerifier::Verified {h.object(), p.object()};
}

Result<JwtVerifier::Verified> JwtVerifier::verify(QByteArrayView token, qint64 nowSeconds) const
{
    auto decoded = decodeUnverified(token);
    if (!decoded)
        return decoded.error();
    const QByteArray alg = decoded->header.value(QStringLiteral("alg")).toString().toLatin1();
    const QString kid = decoded->header.value(QStringLiteral("kid")).toString();
    if (alg.isEmpty() || alg == "none")
        return makeError(Error::Code::Refused,
                         QStringLiteral("unsigned tokens (alg none) are refused"));
    const qsizetype lastDot = token.lastIndexOf('.');
    const QByteArray input = token.first(lastDot).toByteArray();
    bool ok = false;
    const QByteArray sig = b64url(token.sliced(lastDot + 1), &ok);
    if (!ok || sig.isEmpty())
        return makeError(Error::Code::Parse, QStringLiteral("token signature is not base64url"));
    bool anyFit = false;
    bool verified = false;
    for (const auto &k : m_keys) {
        if (!kid.isEmpty() && !k->kid.isEmpty() && k->kid != kid)
            continue;
        if (!algFits(*k, alg) || (!k->alg.isEmpty() && k->alg.toLatin1() != alg))
            continue;
        anyFit = true;
        if (verifySignature(*k, alg, input, sig)) {
            verified = true;
            break;
        }
    }
    if (!anyFit)
        return makeError(Error::Code::Refused,
                         QStringLiteral("no key for alg %1%2")
                             .arg(QString::fromLatin1(alg),
                                  kid.isEmpty() ? QString() : QStringLiteral(" and kid ") + kid));
    if (!verified)
        return makeError(Error::Code::Refused, QStringLiteral("signature does not verify"));
    const QJsonObject &c = decoded->claims;
    if (c.contains(QStringLiteral("exp"))) {
        const QJsonValue exp = c.value(QStringLiteral("exp"));
        if (!exp.isDouble() || nowSeconds > static_cast<qint64>(exp.toDouble()) + kLeewaySeconds)
            return makeError(Error::Code::Refused, QStringLiteral("token expired"));
    }
    if (c.contains(QStringLiteral("nbf"))) {
        const QJsonValue nbf = c.value(QStringLiteral("nbf"));
        if (!nbf.isDouble() || nowSeconds + kLeewaySeconds < static_cast<qint64>(nbf.toDouble()))
            return makeError(Error::Code::Refused, QStringLiteral("token not valid yet"));
    }
    return decoded;
}

} // namespace Airgate::Runtime
