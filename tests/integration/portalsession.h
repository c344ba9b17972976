// SPDX-License-Identifier: Apache-2.0
// A real OpenID provider (tests/node/oidc-server.mjs, npm oidc-provider) and a portal sign-in
// driven over HTTP, for tests and benchmarks that need a signed-in portal user without a
// browser.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

namespace AirgateTest {

/** @brief `node oidc-server.mjs` on loopback; users alice (group-a) and bob (group-b). */
class OidcTestProvider
{
public:
    /** Starts it for a portal whose callback is http://127.0.0.1:@p portalPort/callback. */
    bool start(quint16 portalPort, QString *why = nullptr);
    ~OidcTestProvider();
    QString issuer() const { return m_issuer; }
    /** Whether npm oidc-provider is installed in tests/node. */
    static bool available();

private:
    QProcess m_process;
    QString m_issuer;
};

/**
 * Signs @p user in to the portal listening on 127.0.0.1:@p portalPort, answering the provider's
 * login and consent forms as a browser would (cookies kept, redirects followed); @return the
 * `Cookie` header value that carries the portal session, empty on failure (why in @p why).
 */
QByteArray portalSignIn(quint16 portalPort, const QString &user, QString *why = nullptr);

/** @brief A sign-in stopped before the portal's callback. */
struct PendingSignIn
{
    QByteArray callbackTarget; ///< "/callback?code=…&state=…" as the provider redirected
    QByteArray cookies; ///< `Cookie` header value of what the portal set in this browser
    QList<QByteArray> loginSetCookies; ///< the Set-Cookie headers of the portal's /login answer
    QString error; ///< why it did not get there
};

/**
 * Starts a sign-in at @p loginTarget (e.g. "/login?return=%2Fplans") on the portal at
 * 127.0.0.1:@p portalPort and answers the provider's forms for @p user as a browser would, up
 * to the provider's redirect back to the portal, which is not followed.
 */
PendingSignIn portalSignInUntilCallback(quint16 portalPort, const QString &user,
                                        const QByteArray &loginTarget = "/login");

class GatewayProcess;

/** @brief An API served from one OpenAPI document of the shared corpus. */
struct CorpusApi
{
    QString name; ///< API name, host `<name>.test`
    QString document; ///< path inside ../shared/external/openapi-docs
    QString group; ///< the portal group that sees it (empty: everyone)
    QString operationSet; ///< when set, that group sees only this operation set (by tag)
};

/**
 * The example workspace with its portal signing in through @p issuer on a preview listener at
 * @p previewPort, and one API per @p apis entry: its document copied in (with its folder when
 * it is split), operation sets from its tags, served by a `mock:` service and listed in the
 * portal's catalog. @return false when the corpus is absent.
 */
bool writeCorpusPortal(GatewayProcess &gw, const QString &issuer, quint16 previewPort,
                       const QList<CorpusApi> &apis);

/** A free loopback port (for a portal preview listener the provider must know in advance). */
quint16 freeLoopbackPort();

} // namespace AirgateTest
