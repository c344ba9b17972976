// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwt/jwtverifier.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Airgate::Runtime::Portal {

/** The calling worker thread's own QNetworkAccessManager (the portal's outbound HTTP). */
QNetworkAccessManager *threadNetwork();

/** @brief An OpenID provider as discovered: endpoints and signing keys. */
struct OidcProvider
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl endSessionEndpoint;
    JwtVerifier keys;
    qint64 fetchedAtMs = 0;
};

/** @brief PKCE, state and nonce of one login in progress. */
struct LoginRequest
{
    QByteArray state;
    QByteArray nonce;
    QByteArray codeVerifier;
    QByteArray codeChallenge; ///< S256
};

/**
 * @brief The portal's OpenID Connect client: discovery from `issuerUrl`, authorization code with
 * PKCE (S256), code exchange with the client's secret, ID-token verification (signature with the
 * provider's JWKS, `iss`, `aud`, `nonce`, `exp`). Plain-http issuers are accepted on loopback only
 * (a local IdP on the workstation). Network calls run on the calling thread's event loop.
 */
class OidcClient
{
public:
    using DiscoverDone = std::function<void(std::shared_ptr<const OidcProvider>, QString error)>;
    using TokenDone = std::function<void(QJsonObject tokens, QString error)>;

    /** Whether the portal may talk to @p issuer; @p why says why not. */
    static bool issuerAllowed(const QUrl &issuer, QString *why);
    static LoginRequest newLogin();
    static QUrl authorizationUrl(const OidcProvider &p, const QByteArray &clientId,
                                 const QString &redirectUri, const QStringList &scopes,
                                 const LoginRequest &login);

    /** Reads an OpenID discovery document fetched for @p issuer (its endpoints, no keys yet). */
    static Result<OidcProvider> fromDiscovery(const QByteArray &document, const QString &issuer);
    /** Discovery and JWKS, cached for kDiscoveryTtlMs per issuer; @p nowMs is the caller's
     * clock (the gateway's, injected), taken as the time of a fetch it starts. */
    void discover(const QString &issuer, qint64 nowMs, DiscoverDone done);
    void exchangeCode(const OidcProvider &p, const QByteArray &code, const QString &redirectUri,
                      const QByteArray &verifier, const QByteArray &clientId,
                      const QByteArray &clientSecret, TokenDone done);
    /** Verifies an ID token; @return its claims or what is wrong. */
    static Result<QJsonObject> verifyIdToken(const OidcProvider &p, const QByteArray &idToken,
                                             const QByteArray &clientId, const QByteArray &nonce,
                                             qint64 nowSeconds);

    static constexpr qint64 kDiscoveryTtlMs = 10 * 60 * 1000;
    static constexpr int kTimeoutMs = 10000;

private:
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<const OidcProvider>> m_cache;
};

} // namespace Airgate::Runtime::Portal
