// SPDX-License-Identifier: Apache-2.0
#include "portalsession.h"

#include "gatewaytest.h"
#include "openapi/operationsets.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>

namespace AirgateTest {

namespace {

const QString kTools = QStringLiteral(AIRGATE_NODE_TOOLS);

struct Answer
{
    int status = 0;
    QByteArray location;
    QByteArray body;
    QList<QByteArray> setCookies;
};

Answer send(QNetworkAccessManager &net, const QUrl &url, const QByteArray &form = {})
{
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(15000);
    QNetworkReply *reply;
    if (form.isNull()) {
        reply = net.get(req);
    } else {
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = net.post(req, form);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.location = reply->rawHeader("Location");
    for (const auto &h : reply->rawHeaderPairs())
        if (h.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
            a.setCookies += h.second.split('\n');
    a.body = reply->readAll();
    reply->deleteLater();
    return a;
}

} // namespace

bool OidcTestProvider::available()
{
    return QFile::exists(kTools + QStringLiteral("/node_modules/oidc-provider/package.json"));
}

bool OidcTestProvider::start(quint16 portalPort, QString *why)
{
    if (!available()) {
        if (why)
            *why = QStringLiteral("npm oidc-provider is not installed in tests/node (./build.sh "
                                  "test installs it)");
        return false;
    }
    m_process.setProgram(QStringLiteral("node"));
    m_process.setWorkingDirectory(kTools);
    m_process.setArguments({kTools + QStringLiteral("/oidc-server.mjs"),
                            QStringLiteral("--redirect"),
                            QStringLiteral("http://127.0.0.1:%1/callback").arg(portalPort)});
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        if (why)
            *why = m_process.errorString();
        return false;
    }
    for (int i = 0; i < 200 && !m_process.canReadLine(); ++i)
        m_process.waitForReadyRead(100);
    m_issuer = QJsonDocument::fromJson(m_process.readLine())
                   .object()
                   .value(QStringLiteral("issuer"))
                   .toString();
    if (m_issuer.isEmpty() && why)
        *why = QStringLiteral("oidc-server.mjs printed no issuer: ")
            + QString::fromUtf8(m_process.readAllStandardError());
    return !m_issuer.isEmpty();
}

OidcTestProvider::~OidcTestProvider()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
}

QByteArray portalSignIn(quint16 portalPort, const QString &user, QString *why)
{
    QNetworkAccessManager net;
    net.setCookieJar(new QNetworkCookieJar(&net));
    const QUrl portal(QStringLiteral("http://127.0.0.1:%1/").arg(portalPort));
    QUrl url = portal.resolved(QUrl(QStringLiteral("/login")));
    QByteArray form;
    bool postNext = false;
    for (int step = 0; step < 30; ++step) {
        const Answer a = send(net, url, postNext ? form : QByteArray());
        postNext = false;
        if (a.status >= 300 && a.status < 400) {
            url = url.resolved(QUrl(QString::fromUtf8(a.location)));
            if (url.host() == portal.host() && url.port() == portalPort
                && url.path() != QLatin1StringView("/callback")
                && url.path() != QLatin1StringView("/login")) {
                // Back on the portal after the callback: signed in.
                QByteArray cookie;
                for (const QNetworkCookie &c : net.cookieJar()->cookiesForUrl(portal))
                    cookie += (cookie.isEmpty() ? "" : "; ") + c.name() + '=' + c.value();
                return cookie;
            }
            continue;
        }
        if (a.status != 200) {
            if (why)
                *why = QStringLiteral("%1 answered %2: %3")
                           .arg(url.toString())
                           .arg(a.status)
                           .arg(QString::fromUtf8(a.body.left(300)));
            return {};
        }
        // The provider's own login or consent form: answer it.
        static const QRegularExpression action(QStringLiteral("<form[^>]*action=\"([^\"]+)\""));
        static const QRegularExpression prompt(
            QStringLiteral("name=\"prompt\" value=\"([a-z]+)\""));
        const QString html = QString::fromUtf8(a.body);
        const auto am = action.match(html);
        const auto pm = prompt.match(html);
        if (!am.hasMatch() || !pm.hasMatch()) {
            if (why)
                *why = QStringLiteral("no form at %1").arg(url.toString());
            return {};
        }
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("prompt"), pm.captured(1));
        if (pm.captured(1) == QLatin1StringView("login")) {
            q.addQueryItem(QStringLiteral("login"), user);
            q.addQueryItem(QStringLiteral("password"), QStringLiteral("any"));
        }
        form = q.toString(QUrl::FullyEncoded).toUtf8();
        url = url.resolved(
            QUrl(am.captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"))));
        postNext = true;
    }
    if (why)
        *why = QStringLiteral("the sign-in did not finish");
    return {};
}

PendingSignIn portalSignInUntilCallback(quint16 portalPort, const QString &user,
                                        const QByteArray &loginTarget)
{
    PendingSignIn out;
    QNetworkAccessManager net;
    net.setCookieJar(new QNetworkCookieJar(&net));
    const QUrl portal(QStringLiteral("http://127.0.0.1:%1/").arg(portalPort));
    QUrl url = portal.resolved(QUrl::fromEncoded(loginTarget));
    QByteArray form;
    bool postNext = false;
    for (int step = 0; step < 30; ++step) {
        const Answer a = send(net, url, postNext ? form : QByteArray());
        postNext = false;
        if (step == 0)
            out.loginSetCookies = a.setCookies;
        if (a.status >= 300 && a.status < 400) {
            url = url.resolved(QUrl::fromEncoded(a.location));
            if (url.host() == portal.host() && url.port() == portalPort
                && url.path() == QLatin1StringView("/callback")) {
                out.callbackTarget = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
                for (const QNetworkCookie &c : net.cookieJar()->cookiesForUrl(portal))
                    out.cookies += (out.cookies.isEmpty() ? "" : "; ") + c.name() + '=' + c.value();
                return out;
            }
            continue;
        }
        static const QRegularExpression action(QStringLiteral("<form[^>]*action=\"([^\"]+)\""));
        static const QRegularExpression prompt(
            QStringLiteral("name=\"prompt\" value=\"([a-z]+)\""));
        const QString html = QString::fromUtf8(a.body);
        const auto am = action.match(html);
        const auto pm = prompt.match(html);
        if (a.status != 200 || !am.hasMatch() || !pm.hasMatch()) {
            out.error = QStringLiteral("%1 answered %2: %3")
                            .arg(url.toString())
                            .arg(a.status)
                            .arg(QString::fromUtf8(a.body.left(300)));
            return out;
        }
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("prompt"), pm.captured(1));
        if (pm.captured(1) == QLatin1StringView("login")) {
            q.addQueryItem(QStringLiteral("login"), user);
            q.addQueryItem(QStringLiteral("password"), QStringLiteral("any"));
        }
        form = q.toString(QUrl::FullyEncoded).toUtf8();
        url = url.resolved(
            QUrl(am.captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"))));
        postNext = true;
    }
    out.error = QStringLiteral("the sign-in did not reach the callback");
    return out;
}

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

bool writeCorpusPortal(GatewayProcess &gw, const QString &issuer, quint16 previewPort,
                       const QList<CorpusApi> &apis)
{
    const QString corpus = QStringLiteral(AIRGATE_SHARED_DIR "/external/openapi-docs");
    if (!QFileInfo::exists(corpus))
        return false;
    const QString ex = QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather");
    gw.copyFrom(ex);
    QByteArray portal = fileBytes(ex + QStringLiteral("/portal/portal.yaml"));
    portal.replace("issuerUrl: https://auth.example.com/",
                   QByteArray("issuerUrl: " + issuer.toUtf8()));
    portal.replace(R"(scopes: ["openid", "profile", "email"])",
                   R"(scopes: ["openid", "profile", "email", "groups"])");
    portal.replace("clientId: weather-portal", "clientId: portal");
    portal.replace(R"(clientSecret: "<set on the cluster; never committed>")",
                   "clientSecret: portal-secret");
    gw.write(QStringLiteral("portal/portal.yaml"), portal);
    QByteArray manifests;
    QByteArray services;
    const QDir src(corpus);
    for (const CorpusApi &a : apis) {
        const QString folder
            = a.document.contains(u'/') ? a.document.section(u'/', 0, 0) : QString();
        if (folder.isEmpty()) {
            gw.write(QStringLiteral("specs/") + a.document, fileBytes(src.filePath(a.document)));
        } else {
            QDirIterator it(src.filePath(folder), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString f = it.next();
                gw.write(QStringLiteral("specs/") + src.relativeFilePath(f), fileBytes(f));
            }
        }
        auto doc = Airgate::OpenApi::Document::load(src.filePath(a.document), {corpus, nullptr});
        QJsonArray sets;
        if (doc)
            for (const Airgate::OperationSet &s : Airgate::OpenApi::operationSetsByTag(**doc)) {
                QJsonArray matchers;
                for (const Airgate::OperationMatcher &m : s.matchers) {
                    QJsonObject o {
                        {QStringLiteral("methods"), QJsonArray::fromStringList(m.methods)}};
                    if (!m.path.isEmpty())
                        o.insert(QStringLiteral("path"), m.path);
                    if (!m.pathRegex.isEmpty())
                        o.insert(QStringLiteral("pathRegex"), m.pathRegex);
                    matchers.append(o);
                }
                sets.append(QJsonObject {{QStringLiteral("name"), s.name},
                                         {QStringLiteral("matchers"), matchers}});
            }
        const QByteArray name = a.name.toUtf8();
        manifests += "---\napiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata: {name: " + name
            + ", namespace: apps}\nspec:\n  title: " + name
            + "\n  openApiSpec:\n    path: /openapi.json\n"
            + (sets.isEmpty() ? QByteArray()
                              : "    operationSets: "
                       + QJsonDocument(sets).toJson(QJsonDocument::Compact) + "\n")
            + "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: " + name
            + "\n  namespace: apps\n  annotations: {hub.traefik.io/api: " + name
            + "@apps}\nspec:\n  entryPoints: [web]\n  routes:\n  - match: Host(`" + name
            + ".test`)\n    services: [{name: " + name + ", port: 80}]\n"
            + "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APICatalogItem\nmetadata: {name: "
            + name + ", namespace: apps}\nspec:\n"
            + (a.group.isEmpty() ? QByteArray("  everyone: true\n")
                                 : "  groups: [" + a.group.toUtf8() + "]\n")
            + "  apis: [{name: " + name + "}]\n  apiPlan: {name: standard-plan}\n"
            + (a.operationSet.isEmpty()
                   ? QByteArray()
                   : "  operationFilter: {include: [" + a.operationSet.toUtf8() + "]}\n");
        services += "  apps/" + name + ":80: {mock: specs/" + a.document.toUtf8() + "}\n";
    }
    gw.write(QStringLiteral("apis/corpus.yaml"), manifests);
    gw.write(QStringLiteral("airgate.yaml"),
             "entryPoints:\n  web: 127.0.0.1:0\nservices:\n"
             "  apps/weather-app:8080: {mock: specs/weather.json}\n"
                 + services + "portalPreview:\n  apps/api-portal: 127.0.0.1:"
                 + QByteArray::number(previewPort) + "\n");
    return true;
}

quint16 freeLoopbackPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace AirgateTest
