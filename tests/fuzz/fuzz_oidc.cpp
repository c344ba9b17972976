// SPDX-License-Identifier: Apache-2.0
// The portal's OpenID Connect inputs: a discovery document, a JWKS and an ID token, as a hostile
// identity provider would send them. The first byte picks a mode:
//  - documents: all three come from the input;
//  - signed: the input is the ID token's claims, which this target signs (HS256) with the
//    provider's key, so the issuer, audience, expiry and nonce checks see hostile claims.
#include "fuzzcommon.h"

#include "portal/oidc.h"

#include <QMessageAuthenticationCode>

using namespace Airgate::Runtime;
using namespace Airgate::Runtime::Portal;

namespace {

const QString kIssuer = QStringLiteral("https://idp.example.com/realms/a");
const QByteArray kKey = "airgate-fuzz-oidc-key-0123456789abcdef";

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
    const QByteArray input = AirgateFuzz::bytes(data + 1, size - 1);
    const qint64 now = 1'700'000'000;
    if (mode & 1) {
        static const OidcProvider provider = [] {
            OidcProvider p;
            p.issuer = kIssuer;
            p.keys = JwtVerifier::fromHmacSecret(kKey);
            return p;
        }();
        const QByteArray signingInput
            = b64url(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64url(input);
        const QByteArray token = signingInput + '.'
            + b64url(QMessageAuthenticationCode::hash(signingInput, kKey,
                                                      QCryptographicHash::Sha256));
        const auto r = OidcClient::verifyIdToken(provider, token, "portal", "n-0S6_WzA2Mj", now);
        if (!r)
            FUZZ_CHECK(!r.error().message.isEmpty());
        return 0;
    }
    const QList<QByteArray> in = AirgateFuzz::parts(input, 3);
    const QByteArray &discovery = in[0];
    const QByteArray &jwks = in[1];
    const QByteArray &token = in[2];
    auto provider = OidcClient::fromDiscovery(discovery, kIssuer);
    if (!provider) {
        FUZZ_CHECK(!provider.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(provider.value().jwksUri.isValid());
    auto keys = JwtVerifier::fromJwks(jwks);
    if (!keys)
        return 0;
    provider.value().keys = keys.value();
    (void)OidcClient::authorizationUrl(provider.value(), "portal",
                                       QStringLiteral("http://127.0.0.1:9000/callback"),
                                       {QStringLiteral("openid")}, OidcClient::newLogin());
    (void)OidcClient::verifyIdToken(provider.value(), token, "portal", "n-0S6_WzA2Mj", now);
    return 0;
}
