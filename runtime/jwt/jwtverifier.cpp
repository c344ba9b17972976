// SPDX-License-Identifier: Apache-2.0
#include "jwtverifier.h"

#include "keys/apikey.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

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
    enum class Type { Rsa, EcP256, EcP384, EcP521, Ed25519, Hmac };
    Type type = Type::Rsa;
    QString kid;
    QString alg; ///< from the JWK, when it says
    std::shared_ptr<EVP_PKEY> pkey;
    QByteArray secret;
};

namespace {

using Key = JwtVerifier::Key;

int b64urlValue(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

/**
 * base64url as RFC 7515 §2 defines it for JWS: the URL-safe alphabet of RFC 4648 §5 with no
 * '=' padding, nothing outside the alphabet (no spaces, no '+' '/'), and the unused bits of the
 * last character zero (RFC 4648 §3.5), so that each value has exactly one encoding.
 */
QByteArray b64url(QByteArrayView s, bool *ok)
{
    *ok = false;
    if (s.size() % 4 == 1)
        return {};
    QByteArray out;
    out.reserve(s.size() * 3 / 4);
    quint32 acc = 0;
    int bits = 0;
    for (char c : s) {
        const int v = b64urlValue(c);
        if (v < 0)
            return {};
        acc = (acc << 6) | static_cast<quint32>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return {}; // non-zero trailing bits
    *ok = true;
    return out;
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
    // RFC 7517 §4.3: a key whose key_ops does not list "verify" is not for verifying.
    if (jwk.contains(QStringLiteral("key_ops"))) {
        const QJsonValue ops = jwk.value(QStringLiteral("key_ops"));
        if (!ops.isArray() || !ops.toArray().contains(QJsonValue(QStringLiteral("verify"))))
            return makeError(
                Error::Code::Unsupported,
                QStringLiteral("JWK %1 is not a verification key (key_ops %2)")
                    .arg(k->kid,
                         QString::fromUtf8(
                             QJsonDocument(ops.toArray()).toJson(QJsonDocument::Compact))));
    }
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
        const int size = crv == QLatin1StringView("P-256")
            ? 32
            : (crv == QLatin1StringView("P-384") ? 48
                                                 : (crv == QLatin1StringView("P-521") ? 66 : 0));
        if (size == 0)
            return makeError(
                Error::Code::Unsupported,
                QStringLiteral("EC curve %1 is not supported (P-256, P-384, P-521)").arg(crv));
        if (!ok1 || !ok2 || x.size() != size || y.size() != size)
            return makeError(Error::Code::Invalid,
                             QStringLiteral("EC JWK %1 has malformed x/y").arg(k->kid));
        const QByteArray point = QByteArray(1, '\x04') + x + y;
        OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
        OSSL_PARAM_BLD_push_utf8_string(
            bld, OSSL_PKEY_PARAM_GROUP_NAME,
            size == 32 ? "prime256v1" : (size == 48 ? "secp384r1" : "secp521r1"), 0);
        OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         static_cast<size_t>(point.size()));
        k->pkey = fromParams("EC", bld);
        OSSL_PARAM_BLD_free(bld);
        k->type
            = size == 32 ? Key::Type::EcP256 : (size == 48 ? Key::Type::EcP384 : Key::Type::EcP521);
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
    case Key::Type::EcP521:
        return alg == "ES512";
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
    if (k.type == Key::Type::EcP256 || k.type == Key::Type::EcP384 || k.type == Key::Type::EcP521) {
        // RFC 7518 §3.4: R and S, each the curve's octet length, concatenated.
        const int expected
            = k.type == Key::Type::EcP256 ? 64 : (k.type == Key::Type::EcP384 ? 96 : 132);
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
        else if (bits == 521)
            k->type = Key::Type::EcP521;
        else
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("EC keys of %1 bits are not supported (P-256, P-384, "
                                            "P-521)")
                                 .arg(bits));
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

namespace {

/// RFC 7515 §4.1 and RFC 7516 §4.1: registered header parameter names, which `crit` must not list.
bool isRegisteredHeader(const QString &name)
{
    static const char *const registered[]
        = {"alg",  "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty",
           "crit", "enc", "zip", "epk", "apu", "apv", "iv",  "tag",      "p2s", "p2c"};
    for (const char *r : registered)
        if (name == QLatin1StringView(r))
            return true;
    return false;
}

/// A JSON object from a decoded JWS part; RFC 8259 §8.1: no byte order mark.
Result<QJsonObject> jsonObject(const QByteArray &bytes, const char *what)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return makeError(Error::Code::Parse,
                         QStringLiteral("token %1 starts with a byte order mark (RFC 8259 §8.1)")
                             .arg(QLatin1StringView(what)));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (!doc.isObject())
        return makeError(
            Error::Code::Parse,
            QStringLiteral("token %1 is not a JSON object").arg(QLatin1StringView(what)));
    return doc.object();
}

struct Parts
{
    QByteArrayView signingInput;
    QJsonObject header;
    QByteArray payload;
    QByteArray signature;
};

/// RFC 7515 §7.1 compact serialization, every part strict base64url (§2), the header checked.
Result<Parts> split(QByteArrayView token)
{
    const qsizetype d1 = token.indexOf('.');
    const qsizetype d2 = d1 < 0 ? -1 : token.indexOf('.', d1 + 1);
    if (d1 < 0 || d2 < 0 || token.indexOf('.', d2 + 1) >= 0)
        return makeError(Error::Code::Parse, QStringLiteral("not a JWS compact token"));
    bool ok1 = false;
    bool ok2 = false;
    bool ok3 = false;
    Parts p;
    const QByteArray header = b64url(token.first(d1), &ok1);
    p.payload = b64url(token.sliced(d1 + 1, d2 - d1 - 1), &ok2);
    p.signature = b64url(token.sliced(d2 + 1), &ok3);
    if (!ok1 || !ok2 || !ok3)
        return makeError(Error::Code::Parse,
                         QStringLiteral("token is not base64url (RFC 7515 §2: no padding, no "
                                        "other characters, unused bits zero)"));
    auto h = jsonObject(header, "header");
    if (!h)
        return h.error();
    p.header = *h;
    p.signingInput = token.first(d2);
    return p;
}

/**
 * RFC 7515 §4.1.11: `crit` lists extensions the recipient MUST understand; the gateway
 * understands none, so a token that has one is refused, as is a malformed `crit` (not an
 * array, empty, a registered name, a name absent from the header).
 */
Status checkCrit(const QJsonObject &header)
{
    if (!header.contains(QStringLiteral("crit")))
        return {};
    const QJsonValue crit = header.value(QStringLiteral("crit"));
    if (!crit.isArray() || crit.toArray().isEmpty())
        return makeError(Error::Code::Refused,
                         QStringLiteral("crit must be a non-empty array (RFC 7515 §4.1.11)"));
    for (const QJsonValue &v : crit.toArray()) {
        const QString name = v.toString();
        if (!v.isString() || name.isEmpty())
            return makeError(Error::Code::Refused,
                             QStringLiteral("crit must list header names (RFC 7515 §4.1.11)"));
        if (isRegisteredHeader(name))
            return makeError(Error::Code::Refused,
                             QStringLiteral("crit lists the registered header \"%1\"").arg(name));
        if (!header.contains(name))
            return makeError(Error::Code::Refused,
                             QStringLiteral("crit lists \"%1\", absent from the header").arg(name));
    }
    return makeError(
        Error::Code::Refused,
        QStringLiteral("crit lists extensions the gateway does not understand: %1")
            .arg(QString::fromUtf8(QJsonDocument(crit.toArray()).toJson(QJsonDocument::Compact))));
}

/// RFC 7519 §2 NumericDate: a JSON number of seconds. Values past year 9999 (and non-finite
/// ones) are refused rather than converted: no date a real issuer writes is out there.
constexpr double kMaxNumericDate = 253402300799.0; // 9999-12-31T23:59:59Z

Result<double> numericDate(const QJsonObject &claims, const char *name)
{
    const QJsonValue v = claims.value(QLatin1StringView(name));
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d > kMaxNumericDate || d < -kMaxNumericDate)
        return makeError(Error::Code::Refused,
                         QStringLiteral("claim %1 is not a NumericDate (RFC 7519 §2)")
                             .arg(QLatin1StringView(name)));
    return d;
}

} // namespace

Result<JwtVerifier::Verified> decodeUnverified(QByteArrayView token)
{
    auto parts = split(token);
    if (!parts)
        return parts.error();
    auto claims = jsonObject(parts->payload, "claims");
    if (!claims)
        return claims.error();
    return JwtVerifier::Verified {parts->header, *claims};
}

Result<JwtVerifier::Jws> JwtVerifier::verifyJws(QByteArrayView token) const
{
    auto parts = split(token);
    if (!parts)
        return parts.error();
    const QJsonObject &header = parts->header;
    if (Status crit = checkCrit(header); !crit)
        return crit.error();
    const QJsonValue algValue = header.value(QStringLiteral("alg"));
    const QByteArray alg = algValue.toString().toLatin1();
    const QString kid = header.value(QStringLiteral("kid")).toString();
    if (!algValue.isString() || alg.isEmpty() || alg.compare("none", Qt::CaseInsensitive) == 0)
        return makeError(Error::Code::Refused,
                         QStringLiteral("unsigned tokens (alg none) are refused"));
    if (parts->signature.isEmpty())
        return makeError(Error::Code::Parse, QStringLiteral("token has no signature"));
    const QByteArray input = parts->signingInput.toByteArray();
    bool anyFit = false;
    bool verified = false;
    for (const auto &k : m_keys) {
        if (!kid.isEmpty() && !k->kid.isEmpty() && k->kid != kid)
            continue;
        if (!algFits(*k, alg) || (!k->alg.isEmpty() && k->alg.toLatin1() != alg))
            continue;
        anyFit = true;
        if (verifySignature(*k, alg, input, parts->signature)) {
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
    return Jws {header, parts->payload};
}

Result<JwtVerifier::Verified> JwtVerifier::verify(QByteArrayView token, qint64 nowSeconds) const
{
    auto jws = verifyJws(token);
    if (!jws)
        return jws.error();
    auto claims = jsonObject(jws->payload, "claims");
    if (!claims)
        return claims.error();
    const QJsonObject &c = *claims;
    // Compared as doubles: no conversion of an out-of-range value to an integer.
    const double now = static_cast<double>(nowSeconds);
    const double leeway = static_cast<double>(kLeewaySeconds);
    if (c.contains(QStringLiteral("exp"))) {
        auto exp = numericDate(c, "exp");
        if (!exp)
            return exp.error();
        if (now > *exp + leeway)
            return makeError(Error::Code::Refused, QStringLiteral("token expired"));
    }
    if (c.contains(QStringLiteral("nbf"))) {
        auto nbf = numericDate(c, "nbf");
        if (!nbf)
            return nbf.error();
        if (now + leeway < *nbf)
            return makeError(Error::Code::Refused, QStringLiteral("token not valid yet"));
    }
    if (c.contains(QStringLiteral("iat"))) {
        auto iat = numericDate(c, "iat"); // RFC 7519 §4.1.6: a NumericDate
        if (!iat)
            return iat.error();
    }
    return Verified {jws->header, c};
}

} // namespace Airgate::Runtime
