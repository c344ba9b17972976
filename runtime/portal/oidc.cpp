// SPDX-License-Identifier: Apache-2.0
#include "oidc.h"

#include "keys/apikey.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThreadStorage>
#include <QUrlQuery>

namespace Airgate::Runtime::Portal {

namespace {

QByteArray b64url(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isLoopback(const QString &host)
{
    if (host == QLatin1StringView("localhost"))
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

/** GET or POST with a timeout; @p done gets the body, or an error naming the URL. */
void fetch(QNetworkAccessManager *net, QNetworkRequest req, const QByteArray *postBody,
           std::function<void(QByteArray body, int status, QString error)> done)
{
    req.setTransferTimeout(OidcClient::kTimeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = postBody ? net->post(req, *postBody) : net->get(req);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0)
            done({}, 0,
                 QStringLiteral("%1: %2").arg(reply->url().toString(), reply->errorString()));
        else
            done(body, status, QString());
    });
}

} // namespace

QNetworkAccessManager *threadNetwork()
{
    static QThreadStorage<QNetworkAccessManager *> perThread;
    if (!perThread.hasLocalData())
        perThread.setLocalData(new QNetworkAccessManager);
    return perThread.localData();
}

bool OidcClient::issuerAllowed(const QUrl &issuer, QString *why)
{
    if (!issuer.isValid() || issuer.host().isEmpty()) {
        if (why)
            *why = QStringLiteral("the issuer URL is not a valid URL");
        return false;
    }
    if (issuer.scheme() == QLatin1StringView("https"))
        return true;
    if (issuer.scheme() == QLatin1StringView("http") && isLoopback(issuer.host()))
        return true;
    if (why)
        *why = QStringLiteral("plain-http issuers are accepted on loopback only");
    return false;
}

LoginRequest OidcClient::newLogin()
{
    LoginRequest l;
    l.state = Keys::generateKey();
    l.nonce = Keys::generateKey();
    l.codeVerifier = Keys::generateKey(); // 43 characters of base64url, as RFC 7636 asks
    l.codeChallenge = b64url(QCryptographicHash::hash(l.codeVerifier, QCryptographicHash::Sha256));
    return l;
}

QUrl OidcClient::authorizationUrl(const OidcProvider &p, const QByteArray &clientId,
                                  const QString &redirectUri, const QStringList &scopes,
                                  const LoginRequest &login)
{
    QUrl url = p.authorizationEndpoint;
    QUrlQuery q(url);
    QStringList sc = scopes;
    if (!sc.contains(QStringLiteral("openid")))
        sc.prepend(QStringLiteral("openid"));
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QString::fromUtf8(clientId));
    q.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    q.addQueryItem(QStringLiteral("scope"), sc.join(u' '));
    q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(login.state));
    q.addQueryItem(QStringLiteral("nonce"), QString::fromLatin1(login.nonce));
    q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(login.codeChallenge));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    // Encode fully: '+' and ':' inside values must survive the provider's parser.
    QString encoded;
    for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
        encoded += (encoded.isEmpty() ? QString() : QStringLiteral("&"))
            + QString::fromLatin1(QUrl::toPercentEncoding(k)) + u'='
            + QString::fromLatin1(QUrl::toPercentEncoding(v));
    url.setQuery(encoded, QUrl::StrictMode);
    return url;
}

void OidcClient::discover(const QString &issuer, qint64 nowMs, DiscoverDone done)
{
    {
        QMutexLocker lock(&m_mutex);
        const auto cached = m_cache.value(issuer);
        if (cached && nowMs - cached->fetchedAtMs < kDiscoveryTtlMs) {
            done(cached, {});
            return;
        }
    }
    QString why;
    if (!issuerAllowed(QUrl(issuer), &why)) {
        done(nullptr, why);
        return;
    }
    QString base = issuer;
    while (base.endsWith(u'/'))
        base.chop(1);
    QNetworkAccessManager *net = threadNetwork();
    fetch(net, QNetworkRequest(QUrl(base + QStringLiteral("/.well-known/openid-configuration"))),
          nullptr, [this, issuer, net, nowMs, done](QByteArray body, int status, QString error) {
              if (!error.isEmpty() || status != 200) {
                  done(nullptr,
                       error.isEmpty()
                           ? QStringLiteral("OpenID discovery answered HTTP %1").arg(status)
                           : error);
                  return;
              }
              auto parsed = fromDiscovery(body, issuer);
              if (!parsed) {
                  done(nullptr, parsed.error().message);
                  return;
              }
              auto p = std::make_shared<OidcProvider>(std::move(parsed).value());
              fetch(net, QNetworkRequest(p->jwksUri), nullptr,
                    [this, issuer, p, nowMs, done](QByteArray jwks, int st, QString err) {
                        if (!err.isEmpty() || st != 200) {
                            done(nullptr,
                                 err.isEmpty() ? QStringLiteral("the JWKS answered HTTP %1").arg(st)
                                               : err);
                            return;
                        }
                        auto keys = JwtVerifier::fromJwks(jwks);
                        if (!keys) {
                            done(nullptr, keys.error().message);
                            return;
                        }
                        p->keys = std::move(keys).value();
                        p->fetchedAtMs = nowMs;
                        {
                            QMutexLocker lock(&m_mutex);
                            m_cache.insert(issuer, p);
                        }
                        done(p, {});
                    });
          });
}

Result<OidcProvider> OidcClient::fromDiscovery(const QByteArray &document, const QString &issuer)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError)
        return Error {Error::Code::Parse,
                      QStringLiteral("the discovery document is not JSON: ") + error.errorString()};
    if (!doc.isObject())
        return Error {Error::Code::Invalid,
                      QStringLiteral("the discovery document is not a JSON object")};
    const QJsonObject meta = doc.object();
    OidcProvider p;
    p.issuer = meta.value(QStringLiteral("issuer")).toString();
    p.authorizationEndpoint = QUrl(meta.value(QStringLiteral("authorization_endpoint")).toString());
    p.tokenEndpoint = QUrl(meta.value(QStringLiteral("token_endpoint")).toString());
    p.jwksUri = QUrl(meta.value(QStringLiteral("jwks_uri")).toString());
    p.endSessionEndpoint = QUrl(meta.value(QStringLiteral("end_session_endpoint")).toString());
    // OpenID Connect Discovery §4.3: the issuer must be the one asked for.
    auto norm = [](QString s) {
        while (s.endsWith(u'/'))
            s.chop(1);
        return s;
    };
    if (norm(p.issuer) != norm(issuer))
        return Error {
            Error::Code::Refused,
            QStringLiteral("the provider calls itself \"%1\", not \"%2\"").arg(p.issuer, issuer)};
    if (!p.authorizationEndpoint.isValid() || !p.tokenEndpoint.isValid() || !p.jwksUri.isValid())
        return Error {Error::Code::Invalid,
                      QStringLiteral("the discovery document lacks endpoints")};
    return p;
}

void OidcClient::exchangeCode(const OidcProvider &p, const QByteArray &code,
                              const QString &redirectUri, const QByteArray &verifier,
                              const QByteArray &clientId, const QByteArray &clientSecret,
                              TokenDone done)
{
    QNetworkRequest req(p.tokenEndpoint);
    req.setHeader(QNetworkRequest::ContentTypeHeader,
                  QByteArrayLiteral("application/x-www-form-urlencoded"));
    // client_secret_basic (RFC 6749 §2.3.1): form-encoded id and secret.
    req.setRawHeader("Authorization",
                     "Basic "
                         + QByteArray(QUrl::toPercentEncoding(QString::fromUtf8(clientId)) + ':'
                                      + QUrl::toPercentEncoding(QString::fromUtf8(clientSecret)))
                               .toBase64());
    const QByteArray body
        = "grant_type=authorization_code&code=" + QUrl::toPercentEncoding(QString::fromLatin1(code))
        + "&redirect_uri=" + QUrl::toPercentEncoding(redirectUri)
        + "&code_verifier=" + QUrl::toPercentEncoding(QString::fromLatin1(verifier));
    fetch(threadNetwork(), req, &body, [done](QByteArray answer, int status, QString error) {
        if (!error.isEmpty()) {
            done({}, error);
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(answer).object();
        if (status != 200)
            done({},
                 QStringLiteral("the token endpoint refused the code (HTTP %1 %2)")
                     .arg(status)
                     .arg(o.value(QStringLiteral("error")).toString()));
        else
            done(o, {});
    });
}

Result<QJsonObject> OidcClient::verifyIdToken(const OidcProvider &p, const QByteArray &idToken,
                                              const QByteArray &clientId, const QByteArray &nonce,
                                              qint64 nowSeconds)
{
    auto v = p.keys.verify(idToken, nowSeconds);
    if (!v)
        return Error {Error::Code::Refused, QStringLiteral("ID token: ") + v.error().message};
    const QJsonObject c = v.value().claims;
    if (c.value(QStringLiteral("iss")).toString() != p.issuer)
        return Error {Error::Code::Refused, QStringLiteral("ID token: wrong issuer")};
    const QJsonValue aud = c.value(QStringLiteral("aud"));
    const QString id = QString::fromUtf8(clientId);
    const bool audOk = aud.isArray() ? aud.toArray().contains(id) : aud.toString() == id;
    if (!audOk)
        return Error {Error::Code::Refused, QStringLiteral("ID token: not issued for this portal")};
    if (!c.contains(QStringLiteral("exp")))
        return Error {Error::Code::Refused, QStringLiteral("ID token: no expiry")};
    if (c.value(QStringLiteral("nonce")).toString().toLatin1() != nonce)
        return Error {Error::Code::Refused, QStringLiteral("ID token: nonce mismatch")};
    return c;
}

} // namespace Airgate::Runtime::Portal
