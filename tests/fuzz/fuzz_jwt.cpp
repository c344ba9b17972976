// SPDX-License-Identifier: Apache-2.0
// JWT verification. The first byte picks a mode:
//  - keys: the input is a JWKS document (or a single JWK, or a PEM key) and a token;
//    the JWKS is read and the token verified against it, and read unverified;
//  - signed: the input is a header and a payload JSON text, which this target encodes and signs
//    with HS256 under a known secret, so the header and claim checks behind the signature
//    (crit, alg, exp/nbf/iat NumericDates) see hostile values.
#include "fuzzcommon.h"

#include "jwt/jwtverifier.h"

#include <QMessageAuthenticationCode>

using namespace Airgate::Runtime;

namespace {

const QByteArray kSecret = "airgate-fuzz-secret-with-enough-bytes";

QByteArray b64url(const QByteArray &b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    AirgateFuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t mode = data[0];
    const qint64 now = 1'700'000'000;
    const QList<QByteArray> in = AirgateFuzz::parts(AirgateFuzz::bytes(data + 1, size - 1), 2);
    if (mode & 1) {
        const QByteArray signingInput = b64url(in[0]) + '.' + b64url(in[1]);
        const QByteArray mac
            = QMessageAuthenticationCode::hash(signingInput, kSecret, QCryptographicHash::Sha256);
        const QByteArray token = signingInput + '.' + b64url(mac);
        static const JwtVerifier verifier = JwtVerifier::fromHmacSecret(kSecret);
        const auto jws = verifier.verifyJws(token);
        const auto jwt = verifier.verify(token, now);
        if (jwt)
            FUZZ_CHECK(jws);
        if (!jwt)
            FUZZ_CHECK(!jwt.error().message.isEmpty());
        (void)decodeUnverified(token);
        return 0;
    }
    const QByteArray &jwks = in[0];
    const QByteArray &tokenBytes = in[1];
    (void)decodeUnverified(tokenBytes);
    auto verifier = JwtVerifier::fromJwks(jwks);
    if (!verifier) {
        FUZZ_CHECK(!verifier.error().message.isEmpty());
        // The same bytes as a PEM public key.
        auto pem = JwtVerifier::fromPublicKeyPem(jwks);
        if (pem)
            (void)pem.value().verify(tokenBytes, now);
        return 0;
    }
    FUZZ_CHECK(verifier.value().keyCount() >= 0);
    const auto jws = verifier.value().verifyJws(tokenBytes);
    const auto jwt = verifier.value().verify(tokenBytes, now);
    if (jwt)
        FUZZ_CHECK(jws);
    return 0;
}
