// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace Airgate::Runtime {

/**
 * @brief Verifies JWS compact tokens with OpenSSL: RS256/384/512, PS256/384/512,
 * ES256/384/512, EdDSA (Ed25519) and HS256/384/512. The algorithm must fit the key (no `none`,
 * no HS/RS confusion, a JWK `alg` must agree), `kid` selects among several keys, JWKs whose
 * `use` or `key_ops` exclude verification are skipped, and `exp`/`nbf` are checked with a
 * small skew.
 */
class JwtVerifier
{
public:
    struct Key;

    /** Keys from a PEM public key (SubjectPublicKeyInfo or RSA PUBLIC KEY). */
    static Result<JwtVerifier> fromPublicKeyPem(const QByteArray &pem);
    /** Keys from a JWKS document (`{"keys": [...]}`) or a single JWK. */
    static Result<JwtVerifier> fromJwks(const QByteArray &json);
    /** An HMAC shared secret (APIAuth signingSecretName). */
    static JwtVerifier fromHmacSecret(const QByteArray &secret);

    /// Clock skew accepted on `exp` and `nbf`.
    static constexpr qint64 kLeewaySeconds = 30;

    struct Verified
    {
        QJsonObject header;
        QJsonObject claims;
    };

    /** A verified JWS: its protected header and payload bytes. */
    struct Jws
    {
        QJsonObject header;
        QByteArray payload;
    };

    /**
     * RFC 7515 alone: compact serialization, strict base64url, a JSON header without BOM,
     * `crit` (§4.1.11), the algorithm fitting a key, and the signature. The payload may be any
     * bytes.
     */
    Result<Jws> verifyJws(QByteArrayView token) const;
    /**
     * A JWT (RFC 7519): verifyJws, claims a JSON object, `exp`/`nbf`/`iat` NumericDates (with
     * kLeewaySeconds on `exp`/`nbf`) at @p nowSeconds. The error says what failed, never the
     * token.
     */
    Result<Verified> verify(QByteArrayView token, qint64 nowSeconds) const;

    int keyCount() const;

    JwtVerifier();
    ~JwtVerifier();
    JwtVerifier(const JwtVerifier &);
    JwtVerifier &operator=(const JwtVerifier &);

private:
    QList<std::shared_ptr<const Key>> m_keys;
};

/** Reads header and claims without verifying (to pick a trusted issuer). */
Result<JwtVerifier::Verified> decodeUnverified(QByteArrayView token);

} // namespace Airgate::Runtime
