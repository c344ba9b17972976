// SPDX-License-Identifier: Apache-2.0
#include "portalservice.h"

#include "config/runtimeconfig.h"
#include "filters/filter.h"
#include "gateway/sharedstate.h"
#include "keys/apikey.h"
#include "log/logging.h"
#include "model/resolver.h"
#include "model/specs.h"
#include "openapi.h"
#include "openapi/openapidocument.h"
#include "settings/localsettings.h"
#include "upstream/upstreampool.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QThreadStorage>
#include <QUrl>
#include <QUrlQuery>

#include <sys/resource.h>
#include <unistd.h>

namespace Airgate::Runtime::Portal {

namespace {

const QByteArray kCookie = "airgate_portal";
/// Binds a sign-in to the browser that started it: set at /login, required at /callback.
const QByteArray kLoginCookie = "airgate_login";

/** Whether @p s holds a control character (C0, DEL or C1). */
bool hasControl(QStringView s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f))
            return true;
    return false;
}

/**
 * Where /callback may send the browser back: a path on this portal, "/" followed by neither
 * "/" nor "\\" (which browsers read as another host), without control characters in the
 * parameter as sent (@p raw) or decoded (@p decoded); empty when refused.
 */
QString safeReturnPath(QByteArrayView raw, const QByteArray &decoded)
{
    for (const char c : raw)
        if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f)
            return {};
    if (decoded.size() < 2 || decoded.at(0) != '/' || decoded.at(1) == '/' || decoded.at(1) == '\\')
        return {};
    const QString s = QString::fromUtf8(decoded);
    if (hasControl(s) || s.contains(QChar::ReplacementCharacter))
        return {};
    return s;
}

/** The raw (still encoded) value of query parameter @p name. */
QByteArray rawQueryValue(const QByteArray &query, QByteArrayView name)
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (QByteArrayView(pair).first(eq < 0 ? pair.size() : eq) == name)
            return eq < 0 ? QByteArray() : pair.mid(eq + 1);
    }
    return {};
}

/** A path for a Location header: what is not plain ASCII URL text is percent-encoded. */
QByteArray locationPath(const QString &path)
{
    return QUrl::toPercentEncoding(path, "/?&=:;@!$'()*+,~%#");
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QByteArray cookieValue(const Http::Headers &h, const QByteArray &name)
{
    for (const QByteArray &line : h.values("Cookie"))
        for (QByteArray part : line.split(';')) {
            part = part.trimmed();
            if (part.startsWith(QByteArray(name + '=')))
                return part.mid(name.size() + 1);
        }
    return {};
}

QMap<QString, QString> parseForm(const QByteArray &body)
{
    QMap<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        const QByteArray k = Http::percentDecode(eq < 0 ? pair : pair.left(eq), true);
        const QByteArray v = eq < 0 ? QByteArray() : Http::percentDecode(pair.mid(eq + 1), true);
        out.insert(QString::fromUtf8(k), QString::fromUtf8(v));
    }
    return out;
}

QString claim(const QJsonObject &claims, const QString &name)
{
    const QJsonValue v = claims.value(name);
    return v.isString() ? v.toString() : (v.isDouble() ? QString::number(v.toDouble()) : QString());
}

QString plainLimit(const PlanLimit &l, const QString &lang, const QString &what)
{
    if (l.limit <= 0 && l.period.isEmpty())
        return {};
    const QLocale loc(lang);
    QString period = l.period.isEmpty() ? QStringLiteral("1s") : l.period;
    // "1s" → "second", "1h" → "hour", "720h" → "720 hours" …
    static const QRegularExpression re(QStringLiteral("^(\\d+)([smhd])$"));
    const auto m = re.match(period);
    if (m.hasMatch()) {
        const int n = m.captured(1).toInt();
        const QString unit = m.captured(2);
        const char *one = unit == u's' ? "second"
            : unit == u'm'             ? "minute"
            : unit == u'h'             ? "hour"
                                       : "day";
        period = n == 1 ? QString::fromLatin1(one)
                        : QStringLiteral("%1 %2s").arg(loc.toString(n), QString::fromLatin1(one));
    }
    return QStringLiteral("%1 %2 / %3")
        .arg(loc.toString(static_cast<qlonglong>(l.limit)), what, period);
}

/** Plan titles (names when untitled) of @p names in @p ns. */
QString planTitles(const Workspace &ws, const QString &ns, const QStringList &names)
{
    QStringList out;
    for (const QString &n : names) {
        const Resource *p = ws.find(Kind::APIPlan, ns, n);
        const QString title = p ? readApiPlanSpec(p->spec()).title : QString();
        out << (title.isEmpty() ? n : title);
    }
    return out.join(QStringLiteral(", "));
}

/**
 * A QObject living on the current thread, to post work back to it from the render pool. It is
 * destroyed when its thread ends; posting checks it is still alive under the same lock.
 */
class ThreadContext
{
public:
    ThreadContext()
        : m_object(new QObject)
    {
        QMutexLocker lock(&mutex());
        alive().insert(m_object);
    }
    ~ThreadContext()
    {
        QMutexLocker lock(&mutex());
        alive().remove(m_object);
        delete m_object;
    }
    QObject *object() const { return m_object; }
    static bool post(QObject *target, std::function<void()> f)
    {
        QMutexLocker lock(&mutex());
        if (!alive().contains(target))
            return false;
        QMetaObject::invokeMethod(target, std::move(f), Qt::QueuedConnection);
        return true;
    }

private:
    static QMutex &mutex()
    {
        static QMutex m;
        return m;
    }
    static QSet<QObject *> &alive()
    {
        static QSet<QObject *> s;
        return s;
    }
    QObject *m_object;
};

QObject *threadContext()
{
    static thread_local ThreadContext context;
    return context.object();
}

/// The name of the render pool's threads (the workers' are "airgate-worker-N").
constexpr QLatin1StringView kRenderThreadName("airgate-portal-render");

/** The render pool's threads yield to the workers: a lower CPU priority, set once each, and a
 * name that says what they do. */
void lowerRenderPriority()
{
    static thread_local const bool done = [] {
        QThread::currentThread()->setObjectName(kRenderThreadName);
#ifdef Q_OS_LINUX
        // setpriority() on a thread id changes that thread only (Linux, see setpriority(2)).
        return ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()),
                             PortalServiceImpl::kRenderNice)
            == 0;
#else
        return true;
#endif
    }();
    Q_UNUSED(done);
}

/** The calling worker thread's own upstream client (try-it's requests to the gateway). */
UpstreamPool *threadUpstreams()
{
    static QThreadStorage<UpstreamPool *> perThread;
    if (!perThread.hasLocalData())
        perThread.setLocalData(new UpstreamPool);
    return perThread.localData();
}

/** Whether this is a thread that proxies API traffic (a worker's): no page is rendered there. */
bool onDataPath()
{
    return QThread::currentThread()->objectName().startsWith(QLatin1StringView("airgate-worker-"));
}

/** The openApiSpec of an API or an APIVersion. */
OpenApiSpecRef openApiOf(const Resource &api)
{
    return api.kind == Kind::APIVersion ? readApiVersionSpec(api.spec()).openApi
                                        : readApiSpec(api.spec()).openApi;
}

} // namespace

struct PortalServiceImpl::Request
{
    RequestContextPtr ctx;
    std::function<void(Http::Response)> done;
    std::shared_ptr<const RuntimeConfig> config;
    std::shared_ptr<const PortalConfig> portal;
    QString lang = QStringLiteral("en");
    QByteArray path;
    std::optional<Session> session;
    QByteArray sessionId;
    const PortalServiceImpl *service = nullptr;

    QString t(const char *s) const { return service->translate(lang, s); }
    /** Now on the gateway's clock (injected; the portal never reads the wall clock itself). */
    qint64 nowMs() const { return ctx->shared->wallMs(); }
    Http::Request &req() const { return ctx->request(); }
    QString origin() const
    {
        return QStringLiteral("%1://%2").arg(req().tls ? QStringLiteral("https")
                                                       : QStringLiteral("http"),
                                             QString::fromLatin1(req().headers.value("Host")));
    }

    void send(Http::Response resp) const
    {
        resp.headers.set("Cache-Control", "no-store");
        resp.headers.set("X-Content-Type-Options", "nosniff");
        resp.headers.set("Referrer-Policy", "same-origin");
        resp.headers.set("X-Frame-Options", "DENY");
        resp.headers.set("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' https: data:; style-src 'self'; "
                         "script-src 'self'; form-action 'self'; frame-ancestors 'none'");
        done(std::move(resp));
    }
    void redirect(const QString &location, const QList<QByteArray> &cookies = {}) const
    {
        Http::Response resp = Http::Response::empty(303);
        resp.headers.set("Location", location.toUtf8());
        for (const QByteArray &c : cookies)
            resp.headers.add("Set-Cookie", c);
        send(std::move(resp));
    }
    void page(int status, const QString &title, const QString &body,
              const QList<QByteArray> &cookies = {}) const;
    void pageBytes(int status, const QString &title, const QByteArray &body,
                   const QList<QByteArray> &cookies = {}) const;
    /** A page whose main part is @p head then @p parts with @p token between each two: the
     * cached parts go out as they are, shared, never joined or copied on this thread. */
    void pageParts(int status, const QString &title, const QByteArray &head,
                   const QList<QByteArray> &parts, const QByteArray &token) const;
    /** The page around a main part: the bytes before it and after it. */
    std::pair<QByteArray, QByteArray> shell(const QString &title) const;
    void error(int status, const QString &title, const QString &message) const
    {
        page(status, title,
             QStringLiteral("<section class=\"notice error\" role=\"alert\"><h1>%1</h1><p>%2</p>"
                            "<p><a href=\"/\">%3</a></p></section>")
                 .arg(esc(title), esc(message),
                      esc(t(QT_TRANSLATE_NOOP("Portal", "Back to the portal")))));
    }
    QByteArray cookie(const QByteArray &value, qint64 maxAge,
                      const QByteArray &name = kCookie) const
    {
        QByteArray c = name + '=' + value
            + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + QByteArray::number(maxAge);
        if (req().tls)
            c += "; Secure";
        return c;
    }
};

void PortalServiceImpl::Request::page(int status, const QString &title, const QString &body,
                                      const QList<QByteArray> &cookies) const
{
    pageBytes(status, title, body.toUtf8(), cookies);
}

std::pair<QByteArray, QByteArray> PortalServiceImpl::Request::shell(const QString &title) const
{
    const ApiPortalSpec &spec = portal->spec;
    const QString portalTitle = spec.title.isEmpty() ? portal->name : spec.title;
    QString nav;
    if (session) {
        nav = QStringLiteral("<a href=\"/catalog\">%1</a><a href=\"/plans\">%2</a>"
                             "<a href=\"/apps\">%3</a><span class=\"user\">%4</span>"
                             "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" "
                             "name=\"csrf\" value=\"%6\"><button>%5</button></form>")
                  .arg(esc(t(QT_TRANSLATE_NOOP("Portal", "APIs"))),
                       esc(t(QT_TRANSLATE_NOOP("Portal", "Plans"))),
                       esc(t(QT_TRANSLATE_NOOP("Portal", "My applications"))),
                       esc(session->user.displayName()),
                       esc(t(QT_TRANSLATE_NOOP("Portal", "Sign out"))),
                       esc(QString::fromLatin1(session->csrf)));
    } else {
        nav = QStringLiteral("<a class=\"button\" href=\"/login\">%1</a>")
                  .arg(esc(t(QT_TRANSLATE_NOOP("Portal", "Sign in"))));
    }
    const QString logo = spec.logoUrl.isEmpty()
        ? QString()
        : QStringLiteral("<img src=\"%1\" alt=\"\" class=\"logo\">").arg(esc(spec.logoUrl));
    const QString html
        = QStringLiteral(
              "<!doctype html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
              "<title>%2 · %3</title><link rel=\"stylesheet\" href=\"/assets/portal.css\">"
              "<script src=\"/assets/portal.js\" defer></script></head><body>"
              "<a class=\"skip\" href=\"#main\">%4</a>"
              "<header><a class=\"brand\" href=\"/\">%5<span>%3</span></a>"
              "<nav aria-label=\"%6\">%7</nav></header>"
              "<main id=\"main\">%8</main>"
              "<footer>%9</footer></body></html>")
              .arg(lang, esc(title), esc(portalTitle),
                   esc(t(QT_TRANSLATE_NOOP("Portal", "Skip to content"))), logo,
                   esc(t(QT_TRANSLATE_NOOP("Portal", "Main"))), nav, QStringLiteral("\x02"),
                   esc(t(QT_TRANSLATE_NOOP("Portal",
                                           "Read-only portal preview served by Airgate."))));
    const QByteArray bytes = html.toUtf8();
    const QByteArray open = QByteArrayLiteral("<main id=\"main\">");
    const qsizetype at = bytes.indexOf(QByteArray(open + '\x02')) + open.size();
    return {bytes.left(at), bytes.mid(at + 1)};
}

void PortalServiceImpl::Request::pageBytes(int status, const QString &title, const QByteArray &body,
                                           const QList<QByteArray> &cookies) const
{
    const auto [before, after] = shell(title);
    Http::Response resp
        = Http::Response::text(status, before + body + after, "text/html; charset=utf-8");
    for (const QByteArray &c : cookies)
        resp.headers.add("Set-Cookie", c);
    send(std::move(resp));
}

void PortalServiceImpl::Request::pageParts(int status, const QString &title, const QByteArray &head,
                                           const QList<QByteArray> &parts,
                                           const QByteArray &token) const
{
    const auto [before, after] = shell(title);
    Http::Response resp = Http::Response::text(status, before + head, "text/html; charset=utf-8");
    resp.parts.reserve(parts.size() * 2);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i)
            resp.parts << token;
        resp.parts << parts[i];
    }
    resp.parts << after;
    send(std::move(resp));
}

PortalServiceImpl::PortalServiceImpl()
{
    m_renderPool.setMaxThreadCount(kRenderThreads);
    m_renderPool.setObjectName(QStringLiteral("portal-render"));
    // The same translation files as the console, embedded by the build.
    m_de = std::make_unique<QTranslator>();
    if (!m_de->load(QStringLiteral(":/i18n/airgate_de.qm")))
        m_de.reset();
    m_fr = std::make_unique<QTranslator>();
    if (!m_fr->load(QStringLiteral(":/i18n/airgate_fr.qm")))
        m_fr.reset();
}

PortalServiceImpl::~PortalServiceImpl()
{
    m_renderPool.waitForDone();
}

QString PortalServiceImpl::translate(const QString &lang, const char *source) const
{
    const QTranslator *t = lang == QLatin1StringView("de") ? m_de.get()
        : lang == QLatin1StringView("fr")                  ? m_fr.get()
                                                           : nullptr;
    if (t) {
        const QString s = t->translate("Portal", source);
        if (!s.isEmpty())
            return s;
    }
    return QString::fromUtf8(source);
}

void PortalServiceImpl::setBoundEntryPoints(const QMap<QString, QString> &eps)
{
    QMutexLocker lock(&m_mutex);
    m_entryPoints = eps;
}

QString PortalServiceImpl::previewOrigin(const QString &entryPoint) const
{
    if (!entryPoint.startsWith(QLatin1StringView("portal:")))
        return {};
    QString bound;
    {
        QMutexLocker lock(&m_mutex);
        bound = m_entryPoints.value(entryPoint);
    }
    ListenAddress a = ListenAddress::parse(bound);
    if (!a.valid)
        return {};
    // Bound to every interface: the browser (loopback only may sign in) reaches it on loopback.
    const QHostAddress ip(a.host);
    if (a.host.isEmpty() || ip == QHostAddress(QHostAddress::AnyIPv4))
        a.host = QStringLiteral("127.0.0.1");
    else if (ip == QHostAddress(QHostAddress::AnyIPv6))
        a.host = QStringLiteral("::1");
    return QStringLiteral("http://") + a.toString();
}

QJsonArray PortalServiceImpl::problems() const
{
    QMutexLocker lock(&m_mutex);
    QJsonArray out;
    for (auto it = m_docProblems.cbegin(); it != m_docProblems.cend(); ++it)
        out.append(QJsonObject {{QStringLiteral("api"), it.key()},
                                {QStringLiteral("problem"), it.value()}});
    return out;
}

void PortalServiceImpl::serve(const RequestContextPtr &ctx, const QString &portalKey,
                              std::function<void(Http::Response)> done)
{
    auto r = std::make_shared<Request>();
    r->ctx = ctx;
    r->done = std::move(done);
    r->config = ctx->config;
    r->service = this;
    r->path
        = ctx->forwardPath.isEmpty() ? ctx->request().path : Http::percentDecode(ctx->forwardPath);
    // Language: the first of de / fr / en the browser asks for.
    for (const QByteArray &part : ctx->request().headers.value("Accept-Language").split(',')) {
        const QString tag = QString::fromLatin1(part.trimmed().left(2)).toLower();
        if (tag == QLatin1StringView("de") || tag == QLatin1StringView("fr")
            || tag == QLatin1StringView("en")) {
            r->lang = tag;
            break;
        }
    }
    r->portal = r->config ? r->config->portals.value(portalKey) : nullptr;
    if (!r->portal) {
        QString reason = QStringLiteral("API portal will be ignored: no authentication "
                                        "configuration found");
        if (r->config)
            for (const SkippedResource &s : r->config->ignored)
                if (s.kind == QLatin1StringView("APIPortal") && s.ns + u'/' + s.name == portalKey)
                    reason = s.reason;
        r->done(Http::Response::text(
            404, QStringLiteral("portal %1 is not served: %2\n").arg(portalKey, reason).toUtf8()));
        return;
    }
    ctx->log.route = QStringLiteral("portal ") + portalKey;
    const QByteArray sid = cookieValue(ctx->request().headers, kCookie);
    r->session = m_sessions.find(sid, portalKey, r->nowMs());
    if (r->session)
        r->sessionId = sid;
    route(r);
}

void PortalServiceImpl::route(const std::shared_ptr<Request> &r)
{
    const QByteArray &m = r->req().method;
    const QByteArray p = r->path;
    const bool get = m == "GET" || m == "HEAD";
    if (p.startsWith("/assets/") && get)
        return asset(r, QString::fromLatin1(p.mid(8)));
    if (p == "/" && get)
        return home(r);
    if (p == "/login" && get)
        return login(r);
    if (p == "/callback" && get)
        return callback(r);
    if (p == "/logout" && m == "POST")
        return logout(r);
    if (p == "/logout" && get)
        return logoutPage(r);
    // Everything else needs a signed-in user.
    if (!r->session) {
        if (!get)
            return r->error(401, r->t(QT_TRANSLATE_NOOP("Portal", "Sign in first")),
                            r->t(QT_TRANSLATE_NOOP("Portal", "Your session has ended.")));
        return r->redirect(
            QStringLiteral("/login?return=")
            + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(r->req().target))));
    }
    if (p == "/catalog" && get)
        return catalog(r);
    if (p == "/plans" && get)
        return plans(r);
    if (p == "/apps" && get)
        return applications(r);
    if (p == "/try" && m == "POST")
        return tryIt(r);
    static const QRegularExpression api(QStringLiteral("^/apis/([a-z0-9-]+)(/openapi\\.json)?$"));
    const auto match = api.match(QString::fromUtf8(p));
    if (match.hasMatch() && get)
        return apiPage(r, match.captured(1), !match.captured(2).isEmpty());
    r->error(404, r->t(QT_TRANSLATE_NOOP("Portal", "Not found")),
             r->t(QT_TRANSLATE_NOOP("Portal", "There is no such page in this portal.")));
}

void PortalServiceImpl::asset(const std::shared_ptr<Request> &r, const QString &name)
{
    static const QStringList known {QStringLiteral("portal.css"), QStringLiteral("portal.js")};
    if (!known.contains(name))
        return r->done(Http::Response::text(404, "not found\n"));
    QFile f(QStringLiteral(":/airgate/portal/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return r->done(Http::Response::text(500, "asset missing from this build\n"));
    Http::Response resp = Http::Response::text(200, f.readAll(),
                                               name.endsWith(QStringLiteral(".css"))
                                                   ? "text/css; charset=utf-8"
                                                   : "text/javascript; charset=utf-8");
    resp.headers.set("Cache-Control", "max-age=300");
    resp.headers.set("X-Content-Type-Options", "nosniff");
    r->done(std::move(resp));
}

void PortalServiceImpl::home(const std::shared_ptr<Request> &r)
{
    const ApiPortalSpec &spec = r->portal->spec;
    QString body
        = QStringLiteral("<section class=\"hero\">%1<h1>%2</h1><p>%3</p>")
              .arg(spec.logoUrl.isEmpty()
                       ? QString()
                       : QStringLiteral("<img src=\"%1\" alt=\"\" class=\"hero-logo\">")
                             .arg(esc(spec.logoUrl)),
                   esc(spec.title.isEmpty() ? r->portal->name : spec.title), esc(spec.description));
    if (r->session) {
        const int n = static_cast<int>(
            resolveCatalog(*r->config->workspace, r->portal->ns, r->session->user).size());
        body += QStringLiteral("<p><a class=\"button\" href=\"/catalog\">%1</a></p>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Browse the APIs"))
                             + QStringLiteral(" (%1)").arg(n)));
    } else {
        body += QStringLiteral("<p><a class=\"button\" href=\"/login\">%1</a></p>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Sign in to see the APIs"))));
    }
    body += QStringLiteral("</section>");
    r->page(200, spec.title.isEmpty() ? r->portal->name : spec.title, body);
}

void PortalServiceImpl::catalog(const std::shared_ptr<Request> &r)
{
    const QList<CatalogApi> apis
        = resolveCatalog(*r->config->workspace, r->portal->ns, r->session->user);
    QString body
        = QStringLiteral("<h1>%1</h1>").arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "APIs"))));
    if (apis.isEmpty())
        body += QStringLiteral("<p class=\"empty\">%1</p>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP(
                        "Portal", "No API is published to you in this portal."))));
    body += QStringLiteral("<ul class=\"cards\">");
    for (const CatalogApi &c : apis) {
        QStringList versions;
        for (const Resource *v : c.versions)
            versions << v->name;
        body += QStringLiteral("<li class=\"card\"><h2><a href=\"/apis/%1\">%2</a></h2><p>%3</p>"
                               "<p class=\"meta\">%4%5</p></li>")
                    .arg(esc(c.api->name), esc(c.title), esc(c.description),
                         c.plans.isEmpty()
                             ? QString()
                             : esc(r->t(QT_TRANSLATE_NOOP("Portal", "Plans:")) + u' '
                                   + planTitles(*r->config->workspace, r->portal->ns, c.plans)),
                         versions.isEmpty() ? QString()
                                            : QStringLiteral(" · ")
                                 + esc(r->t(QT_TRANSLATE_NOOP("Portal", "Versions:")) + u' '
                                       + versions.join(QStringLiteral(", "))));
    }
    body += QStringLiteral("</ul>");
    r->page(200, r->t(QT_TRANSLATE_NOOP("Portal", "APIs")), body);
}

void PortalServiceImpl::document(const std::shared_ptr<Request> &r, const Resource *api,
                                 std::function<void(QJsonObject, QString)> done)
{
    documentOf(r, api, [done](std::shared_ptr<const OpenApi::Document> doc, QString error) {
        done(doc ? doc->root() : QJsonObject(), error);
    });
}

void PortalServiceImpl::offThread(std::function<void()> work, std::function<void()> then)
{
    QObject *back = threadContext();
    m_renderPool.start([work = std::move(work), then = std::move(then), back]() mutable {
        lowerRenderPriority();
        work();
        ThreadContext::post(back, std::move(then));
    });
}

void PortalServiceImpl::documentOf(
    const std::shared_ptr<Request> &r, const Resource *api,
    std::function<void(std::shared_ptr<const OpenApi::Document>, QString)> done)
{
    const QString key = api->ns + u'/' + api->name;
    const QString generation = QString::number(r->config->generation) + u'|';
    const QString cacheKey = generation + api->kindName + u'|' + key;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_docs.constFind(cacheKey);
        if (it != m_docs.constEnd() && (it->error.isEmpty() || r->nowMs() - it->atMs < 30000)) {
            const Doc d = *it;
            lock.unlock();
            done(d.document, d.error);
            return;
        }
    }
    auto finish = [this, r, cacheKey, generation, key,
                   done](std::shared_ptr<const OpenApi::Document> doc, QString error) {
        std::vector<std::shared_ptr<const void>> dead;
        {
            QMutexLocker lock(&m_mutex);
            // Documents of older configurations are not asked for again.
            m_docs.removeIf([&generation, &dead](const auto &it) {
                if (it.key().startsWith(generation))
                    return false;
                dead.push_back(it.value().document);
                return true;
            });
            m_docs.insert(cacheKey, Doc {doc, error, r->nowMs()});
            if (error.isEmpty())
                m_docProblems.remove(key);
            else
                m_docProblems.insert(key, error);
        }
        // This may be the last reference to a big document of an older configuration: freeing
        // it takes as long as building it did, and this thread proxies API traffic.
        freeOffThread(std::move(dead));
        done(doc, error);
    };
    // 1. A local copy named in airgate.yaml (`specs:`), read off the workers' threads.
    const QString local = r->config->workspace->settings().specs.value(key);
    if (!local.isEmpty()) {
        const QString root = r->config->workspace->root();
        auto loaded = std::make_shared<Result<std::shared_ptr<const OpenApi::Document>>>(
            Error {Error::Code::Io, QString()});
        offThread(
            [loaded, local, root] {
                OpenApi::LoadOptions options;
                options.root = root;
                *loaded = OpenApi::Document::load(local, options);
            },
            [loaded, finish] {
                if (!*loaded)
                    return finish({}, loaded->error().message);
                finish(loaded->value(), {});
            });
        return;
    }
    // 2. The document of a `mock:` service behind the API's route (loaded with the config).
    QString upstreamUrl;
    for (const RouteConfig &rc : r->config->routes) {
        if (!rc.api || rc.api->key != key || rc.api->kind != api->kindName)
            continue;
        for (const UpstreamConfig &u : rc.upstreams) {
            if (u.type == UpstreamConfig::Type::Mock && u.mock)
                return finish(u.mock->document(), {});
            if (u.type == UpstreamConfig::Type::Url && upstreamUrl.isEmpty())
                upstreamUrl
                    = QStringLiteral("%1://%2:%3")
                          .arg(u.https ? QStringLiteral("https") : QStringLiteral("http"), u.host)
                          .arg(u.port);
        }
    }
    // 3. openApiSpec.url, or openApiSpec.path fetched from the API's service.
    const OpenApiSpecRef ref = openApiOf(*api);
    QString url = ref.url;
    if (url.isEmpty() && !ref.path.isEmpty() && !upstreamUrl.isEmpty())
        url = upstreamUrl + ref.path;
    if (url.isEmpty())
        return finish({},
                      QStringLiteral("no OpenAPI document: give openApiSpec.path or url, or "
                                     "a local copy under specs: in airgate.yaml"));
    QNetworkRequest req {QUrl(url)};
    req.setTransferTimeout(10000);
    QNetworkReply *reply = threadNetwork()->get(req);
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, url, finish] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200) {
            finish({},
                   QStringLiteral("%1: %2").arg(
                       url, status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString()));
            return;
        }
        const QByteArray bytes = reply->readAll();
        auto parsed = std::make_shared<Result<std::shared_ptr<const OpenApi::Document>>>(
            Error {Error::Code::Io, QString()});
        offThread([parsed, bytes, url] { *parsed = OpenApi::Document::fromBytes(bytes, url); },
                  [parsed, url, finish] {
                      if (!*parsed)
                          return finish({},
                                        QStringLiteral("%1: %2").arg(url, parsed->error().message));
                      finish(parsed->value(), {});
                  });
    });
}

void PortalServiceImpl::cachedPage(const QString &key, std::function<PagePtr()> render,
                                   std::function<void(PagePtr)> done)
{
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_pages.constFind(key); it != m_pages.cend()) {
            const PagePtr page = *it;
            lock.unlock();
            done(page);
            return;
        }
        auto waiting = m_rendering.find(key);
        if (waiting != m_rendering.end()) {
            // Rendering already: answer with that run (on this thread).
            QObject *back = threadContext();
            waiting->append([back, done](PagePtr page) {
                ThreadContext::post(back, [done, page] { done(page); });
            });
            return;
        }
        m_rendering.insert(key, {});
    }
    auto result = std::make_shared<PagePtr>();
    offThread(
        [result, render = std::move(render), key] {
            QElapsedTimer clock;
            clock.start();
            *result = render();
            // Said once per rendering, with the thread it ran on: a page rendered on a thread
            // that proxies API traffic holds that traffic for as long (never, by construction).
            const QString thread = QThread::currentThread()->objectName();
            if (onDataPath())
                qCCritical(lcPortal).noquote()
                    << "page" << key << "rendered on a data-path thread:" << thread;
            qCDebug(lcPortal).noquote()
                << "page" << key << "rendered in" << clock.elapsed() << "ms,"
                << (*result ? (*result)->bytes : 0) << "bytes, on thread" << thread;
        },
        [this, key, result, done] {
            QList<std::function<void(PagePtr)>> others;
            std::vector<std::shared_ptr<const void>> dead;
            {
                QMutexLocker lock(&m_mutex);
                others = m_rendering.take(key);
                // Pages of older configurations are never asked for again; the rest is
                // bounded in bytes, oldest out first.
                const quint64 generation = key.section(u'|', 0, 0).toULongLong();
                for (const QString &k : QStringList(m_pageOrder))
                    if (k.section(u'|', 0, 0).toULongLong() < generation
                        || m_pageBytes > kMaxCachedPageBytes) {
                        dead.push_back(m_pages.value(k));
                        m_pageBytes -= m_pages.value(k)->bytes;
                        m_pages.remove(k);
                        m_pageOrder.removeOne(k);
                    }
                if (*result && (*result)->bytes <= kMaxCachedPageBytes / 4) {
                    m_pages.insert(key, *result);
                    m_pageOrder << key;
                    m_pageBytes += (*result)->bytes;
                }
            }
            freeOffThread(std::move(dead));
            done(*result);
            for (const auto &f : others)
                f(*result);
        });
}

void PortalServiceImpl::freeOffThread(std::vector<std::shared_ptr<const void>> dead)
{
    if (dead.empty())
        return;
    m_renderPool.start([dead = std::move(dead)]() mutable {
        lowerRenderPriority();
        dead.clear();
    });
}

void PortalServiceImpl::apiPage(const std::shared_ptr<Request> &r, const QString &name, bool json)
{
    const Workspace &ws = *r->config->workspace;
    const auto found = findCatalogApi(ws, r->portal->ns, r->session->user, name);
    if (!found)
        return r->error(404, r->t(QT_TRANSLATE_NOOP("Portal", "Not found")),
                        r->t(QT_TRANSLATE_NOOP("Portal", "This API is not published to you.")));
    const CatalogApi c = *found;
    // A version chosen among the API's versions, else the API itself.
    const QString version = QString::fromUtf8(r->req().queryValue("version"));
    const Resource *target = c.api;
    for (const Resource *v : c.versions)
        if (v->name == version)
            target = v;
    const OpenApiSpecRef ref = openApiOf(*target);
    const bool tryIt = c.api->annotations.value(QStringLiteral("airgate.io/try-it"))
        != QLatin1StringView("false");
    documentOf(
        r, target,
        [this, r, c, target, ref, json, tryIt](std::shared_ptr<const OpenApi::Document> doc,
                                               QString error) {
            if (!error.isEmpty()) {
                if (json)
                    return r->done(Http::Response::text(502, error.toUtf8()));
                return r->page(
                    502, c.title,
                    QStringLiteral("<h1>%1</h1><section class=\"notice error\" "
                                   "role=\"alert\"><p>%2</p><p><code>%3</code></p></section>")
                        .arg(esc(c.title),
                             esc(r->t(QT_TRANSLATE_NOOP(
                                 "Portal", "The OpenAPI document could not be loaded."))),
                             esc(error)));
            }
            // One rendering per configuration, document, visible operation sets, language and
            // try-it switch, made on the render pool and shared by every user it fits.
            QStringList sets = c.operationSets.value_or(QStringList {QStringLiteral("*")});
            sets.sort();
            const QString pageKey
                = QStringLiteral("%1|%2|%3/%4|%5|%6|%7|%8|%9")
                      .arg(r->config->generation)
                      .arg(target->kindName, target->ns, target->name, c.api->name, sets.join(u','),
                           json ? QStringLiteral("json") : r->lang,
                           tryIt ? QStringLiteral("try") : QStringLiteral("read"));
            if (json) {
                return cachedPage(
                    pageKey,
                    [doc, ref, c] {
                        auto page = std::make_shared<RenderedPage>();
                        page->parts
                            << QJsonDocument(filterDocument(doc->root(), ref.operationSets,
                                                            c.operationSets, ref.overrideServers))
                                   .toJson(QJsonDocument::Indented);
                        page->bytes = page->parts.first().size();
                        return PagePtr(page);
                    },
                    [r](PagePtr page) {
                        Http::Response resp = Http::Response::text(200, {}, "application/json");
                        resp.parts = page->parts; // shared with the cache, not copied
                        r->send(std::move(resp));
                    });
            }
            QString body
                = QStringLiteral("<h1>%1</h1><p>%2</p>").arg(esc(c.title), esc(c.description));
            if (!c.versions.isEmpty()) {
                body += QStringLiteral("<nav class=\"versions\" aria-label=\"%1\"><a "
                                       "href=\"/apis/%2\"%3>%4</a>")
                            .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Versions"))),
                                 esc(c.api->name),
                                 target == c.api ? QStringLiteral(" aria-current=\"page\"")
                                                 : QString(),
                                 esc(r->t(QT_TRANSLATE_NOOP("Portal", "Current"))));
                for (const Resource *v : c.versions) {
                    const ApiVersionSpec vs = readApiVersionSpec(v->spec());
                    body += QStringLiteral("<a href=\"/apis/%1?version=%2\"%3>%4</a>")
                                .arg(esc(c.api->name), esc(v->name),
                                     target == v ? QStringLiteral(" aria-current=\"page\"")
                                                 : QString(),
                                     esc(vs.release.isEmpty() ? v->name : vs.release));
                }
                body += QStringLiteral("</nav>");
            }
            QStringList servers;
            if (!ref.overrideServers.isEmpty())
                for (const QString &u : ref.overrideServers)
                    servers << QStringLiteral("<code>%1</code>").arg(esc(u));
            else
                for (const auto &s : doc->root().value(QStringLiteral("servers")).toArray())
                    servers << QStringLiteral("<code>%1</code>")
                                   .arg(esc(s.toObject().value(QStringLiteral("url")).toString()));
            if (!servers.isEmpty())
                body += QStringLiteral("<p class=\"meta\">%1 %2</p>")
                            .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Servers:"))),
                                 servers.join(QStringLiteral(", ")));
            if (!c.plans.isEmpty())
                body += QStringLiteral("<p class=\"meta\">%1 <a href=\"/plans\">%2</a></p>")
                            .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Plans:"))),
                                 esc(planTitles(*r->config->workspace, r->portal->ns, c.plans)));
            body
                += QStringLiteral(
                       "<p class=\"meta\"><a href=\"/apis/%1/openapi.json%2\">%3</a></p>")
                       .arg(
                           esc(c.api->name),
                           target == c.api ? QString()
                                           : QStringLiteral("?version=") + esc(target->name),
                           esc(r->t(QT_TRANSLATE_NOOP("Portal", "Download the OpenAPI document"))));
            RenderOptions o;
            o.tryIt = tryIt;
            o.apiKey = c.api->name;
            o.csrf = QString(QChar(kCsrfMarker));
            o.version = target == c.api ? QString() : target->name;
            const QString lang = r->lang;
            const PortalServiceImpl *self = this;
            cachedPage(
                pageKey,
                [doc, ref, sets = c.operationSets, o, lang, self] {
                    const QString html = renderOperations(
                        *doc, visibleOperations(*doc, ref.operationSets, sets), o,
                        [self, lang](const char *s) { return self->translate(lang, s); });
                    auto page = std::make_shared<RenderedPage>();
                    page->parts = html.toUtf8().split(char(kCsrfMarker));
                    for (const QByteArray &p : page->parts)
                        page->bytes += p.size();
                    return PagePtr(page);
                },
                [r, c, body](PagePtr page) {
                    const QByteArray token = esc(QString::fromLatin1(r->session->csrf)).toUtf8();
                    r->pageParts(200, c.title, body.toUtf8(), page->parts, token);
                });
        });
}

void PortalServiceImpl::plans(const std::shared_ptr<Request> &r)
{
    const Workspace &ws = *r->config->workspace;
    QMap<QString, QStringList> apisByPlan;
    for (const CatalogApi &c : resolveCatalog(ws, r->portal->ns, r->session->user))
        for (const QString &p : c.plans)
            apisByPlan[p] << c.title;
    QString body
        = QStringLiteral("<h1>%1</h1>").arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Plans"))));
    if (apisByPlan.isEmpty())
        body += QStringLiteral("<p class=\"empty\">%1</p>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "No plan is offered to you."))));
    body += QStringLiteral("<ul class=\"cards\">");
    for (auto it = apisByPlan.cbegin(); it != apisByPlan.cend(); ++it) {
        const Resource *plan = ws.find(Kind::APIPlan, r->portal->ns, it.key());
        const ApiPlanSpec spec = plan ? readApiPlanSpec(plan->spec()) : ApiPlanSpec();
        const QString rate
            = plainLimit(spec.rateLimit, r->lang, r->t(QT_TRANSLATE_NOOP("Portal", "requests")));
        const QString quota
            = plainLimit(spec.quota, r->lang, r->t(QT_TRANSLATE_NOOP("Portal", "requests")));
        body += QStringLiteral("<li class=\"card plan\"><h2>%1</h2><p>%2</p><dl>")
                    .arg(esc(spec.title.isEmpty() ? it.key() : spec.title), esc(spec.description));
        body += QStringLiteral("<dt>%1</dt><dd>%2</dd>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Rate limit"))),
                         esc(rate.isEmpty() ? r->t(QT_TRANSLATE_NOOP("Portal", "none")) : rate));
        body += QStringLiteral("<dt>%1</dt><dd>%2</dd>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Quota"))),
                         esc(quota.isEmpty() ? r->t(QT_TRANSLATE_NOOP("Portal", "none")) : quota));
        body += QStringLiteral("<dt>%1</dt><dd>%2</dd></dl></li>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "APIs"))),
                         esc(it.value().join(QStringLiteral(", "))));
    }
    body += QStringLiteral("</ul>");
    r->page(200, r->t(QT_TRANSLATE_NOOP("Portal", "Plans")), body);
}

void PortalServiceImpl::applications(const std::shared_ptr<Request> &r)
{
    const Workspace &ws = *r->config->workspace;
    const PortalUser &u = r->session->user;
    QString body
        = QStringLiteral("<h1>%1</h1><p class=\"notice\">%2</p>")
              .arg(
                  esc(r->t(QT_TRANSLATE_NOOP("Portal", "My applications"))),
                  esc(r->t(QT_TRANSLATE_NOOP("Portal",
                                             "In offline mode, applications, subscriptions and API "
                                             "keys are managed by the operator. Ask them for a new "
                                             "key or a different plan."))));
    int shown = 0;
    for (const Resource *app : ws.ofKind(Kind::ManagedApplication, r->portal->ns)) {
        const ManagedApplicationSpec spec = readManagedApplicationSpec(app->spec());
        if (spec.owner.isEmpty() || (spec.owner != u.id && !u.groups.contains(spec.owner)))
            continue;
        ++shown;
        body += QStringLiteral("<section class=\"card app\"><h2>%1</h2><p class=\"meta\">%2 "
                               "<code>%3</code></p><h3>%4</h3><ul>")
                    .arg(esc(app->name), esc(r->t(QT_TRANSLATE_NOOP("Portal", "Application ID:"))),
                         esc(spec.appId), esc(r->t(QT_TRANSLATE_NOOP("Portal", "API keys"))));
        for (const auto &k : spec.apiKeys)
            body += QStringLiteral("<li>%1 — %2</li>")
                        .arg(esc(k.title.isEmpty() ? r->t(QT_TRANSLATE_NOOP("Portal", "(untitled)"))
                                                   : k.title),
                             esc(k.suspended ? r->t(QT_TRANSLATE_NOOP("Portal", "suspended"))
                                             : r->t(QT_TRANSLATE_NOOP("Portal", "active"))));
        if (spec.apiKeys.isEmpty())
            body += QStringLiteral("<li>%1</li>")
                        .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "No key yet."))));
        body += QStringLiteral("</ul><h3>%1</h3><ul>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Subscriptions"))));
        int subs = 0;
        for (const Resource *s : ws.ofKind(Kind::ManagedSubscription, app->ns)) {
            const ManagedSubscriptionSpec ss = readManagedSubscriptionSpec(s->spec());
            const ResolvedApplications ra = resolveApplications(ws, app->ns, ss);
            if (!ra.applications.contains(app))
                continue;
            ++subs;
            QStringList apis;
            for (const Resource *a :
                 resolveApis(ws, app->ns, ss.apis, ss.apiSelector, ss.apiBundles).apis)
                apis << a->name;
            body += QStringLiteral("<li><strong>%1</strong>: %2 — %3 <em>%4</em></li>")
                        .arg(esc(s->name), esc(apis.join(QStringLiteral(", "))),
                             esc(r->t(QT_TRANSLATE_NOOP("Portal", "plan"))), esc(ss.apiPlan));
        }
        if (!subs)
            body += QStringLiteral("<li>%1</li>")
                        .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "No subscription."))));
        body += QStringLiteral("</ul></section>");
    }
    if (!shown)
        body += QStringLiteral("<p class=\"empty\">%1</p>")
                    .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "You own no application here."))));
    r->page(200, r->t(QT_TRANSLATE_NOOP("Portal", "My applications")), body);
}

void PortalServiceImpl::login(const std::shared_ptr<Request> &r)
{
    const PortalConfig &p = *r->portal;
    QString returnTo
        = safeReturnPath(rawQueryValue(r->req().query, "return"), r->req().queryValue("return"));
    if (returnTo.isEmpty())
        returnTo = QStringLiteral("/catalog");
    // The redirect must come back to where the browser is, and that must be trusted: a loopback
    // preview listener, at the address it is bound to, or one of the portal's trustedUrls.
    QString origin = previewOrigin(r->req().entryPoint);
    bool trusted = false;
    if (!origin.isEmpty()) {
        trusted = r->req().peer.isLoopback();
        // A browser that came by another name (localhost, a Host header of its own) signs in at
        // the bound address: the redirect URI, the sign-in cookie and the session live there.
        if (trusted
            && QString::fromLatin1(r->req().headers.value("Host"))
                    .compare(origin.mid(origin.indexOf(u'/') + 2), Qt::CaseInsensitive)
                != 0)
            return r->redirect(origin + QStringLiteral("/login?return=")
                               + QString::fromLatin1(QUrl::toPercentEncoding(returnTo)));
    } else {
        origin = r->origin();
        for (const QString &u : p.spec.trustedUrls) {
            QString t = u;
            while (t.endsWith(u'/'))
                t.chop(1);
            trusted = trusted || t.compare(origin, Qt::CaseInsensitive) == 0;
        }
    }
    if (!trusted)
        return r->error(400, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in refused")),
                        r->t(QT_TRANSLATE_NOOP("Portal",
                                               "This address is not among the portal's "
                                               "trusted URLs.")));
    const QString redirectUri = origin + QStringLiteral("/callback");
    // The browser's sign-in cookie (kept when it has one, so sign-ins from two tabs both work).
    QByteArray browser = cookieValue(r->req().headers, kLoginCookie);
    static const QRegularExpression keyRe(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    if (!keyRe.match(QString::fromLatin1(browser)).hasMatch())
        browser = Keys::generateKey();
    m_oidc.discover(
        p.auth.issuerUrl, r->nowMs(),
        [this, r, redirectUri, returnTo, browser](std::shared_ptr<const OidcProvider> provider,
                                                  QString error) {
            if (!provider)
                return r->error(
                    502, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in unavailable")),
                    r->t(QT_TRANSLATE_NOOP("Portal", "The identity provider could not be reached:"))
                        + u' ' + error);
            const LoginRequest login = OidcClient::newLogin();
            m_sessions.addPending(
                Pending {r->portal->key, login, redirectUri, returnTo,
                         QCryptographicHash::hash(browser, QCryptographicHash::Sha256), 0},
                r->nowMs());
            QStringList scopes = r->portal->auth.scopes;
            if (scopes.isEmpty())
                scopes = {QStringLiteral("openid"), QStringLiteral("profile"),
                          QStringLiteral("email")};
            r->redirect(OidcClient::authorizationUrl(*provider, r->portal->clientId, redirectUri,
                                                     scopes, login)
                            .toString(QUrl::FullyEncoded),
                        {r->cookie(browser, kLoginTtlMs / 1000, kLoginCookie)});
        });
}

void PortalServiceImpl::callback(const std::shared_ptr<Request> &r)
{
    const QByteArray state = r->req().queryValue("state");
    const QByteArray code = r->req().queryValue("code");
    const QByteArray idpError = r->req().queryValue("error");
    const QByteArray browser = QCryptographicHash::hash(cookieValue(r->req().headers, kLoginCookie),
                                                        QCryptographicHash::Sha256);
    Pending taken;
    const SessionStore::Take take
        = m_sessions.takePending(state, browser, r->portal->key, r->nowMs(), &taken);
    if (take == SessionStore::Take::OtherBrowser)
        return r->error(400, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in failed")),
                        r->t(QT_TRANSLATE_NOOP("Portal",
                                               "This sign-in was started in another browser "
                                               "or its cookie has expired. Please sign in "
                                               "again.")));
    if (take != SessionStore::Take::Taken)
        return r->error(400, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in failed")),
                        r->t(QT_TRANSLATE_NOOP("Portal",
                                               "The sign-in request is unknown or has "
                                               "expired (invalid state). Please sign in "
                                               "again.")));
    if (!idpError.isEmpty() || code.isEmpty())
        return r->error(
            400, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in failed")),
            r->t(QT_TRANSLATE_NOOP("Portal",
                                   "The identity provider refused the "
                                   "sign-in:"))
                + u' ' + QString::fromUtf8(idpError.isEmpty() ? QByteArray("no code") : idpError));
    const Pending p = taken;
    m_oidc.discover(
        r->portal->auth.issuerUrl, r->nowMs(),
        [this, r, p, code](std::shared_ptr<const OidcProvider> provider, QString error) {
            if (!provider)
                return r->error(502, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in unavailable")),
                                error);
            m_oidc.exchangeCode(
                *provider, code, p.redirectUri, p.login.codeVerifier, r->portal->clientId,
                r->portal->clientSecret, [this, r, p, provider](QJsonObject tokens, QString error) {
                    if (!error.isEmpty())
                        return r->error(400, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in failed")),
                                        error);
                    auto claims = OidcClient::verifyIdToken(
                        *provider, tokens.value(QStringLiteral("id_token")).toString().toLatin1(),
                        r->portal->clientId, p.login.nonce, r->nowMs() / 1000);
                    if (!claims)
                        return r->error(400, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in failed")),
                                        claims.error().message);
                    const QJsonObject c = claims.value();
                    const QMap<QString, QString> &map = r->portal->auth.claims;
                    auto name = [&map](const char *field, const char *dflt) {
                        return map.value(QString::fromLatin1(field), QString::fromLatin1(dflt));
                    };
                    Session s;
                    s.portal = r->portal->key;
                    s.user.signedIn = true;
                    s.user.id = claim(c, name("userId", "sub"));
                    s.user.email = claim(c, name("email", "email"));
                    s.user.firstName = claim(c, name("firstname", "given_name"));
                    s.user.lastName = claim(c, name("lastname", "family_name"));
                    s.user.company = claim(c, name("company", "company"));
                    const QJsonValue groups = c.value(name("groups", "groups"));
                    if (groups.isArray())
                        for (const auto &g : groups.toArray())
                            s.user.groups << g.toString();
                    else if (groups.isString())
                        s.user.groups << groups.toString();
                    if (s.user.id.isEmpty())
                        return r->error(400, r->t(QT_TRANSLATE_NOOP("Portal", "Sign-in failed")),
                                        QStringLiteral("the ID token has no user id claim"));
                    s.csrf = Keys::generateKey();
                    const QByteArray sid = m_sessions.open(s, r->nowMs());
                    r->redirect(
                        QString::fromLatin1(locationPath(p.returnTo)),
                        {r->cookie(sid, kSessionTtlMs / 1000), r->cookie("", 0, kLoginCookie)});
                });
        });
}

void PortalServiceImpl::logoutPage(const std::shared_ptr<Request> &r)
{
    // A link cannot sign anyone out: GET shows the button, which posts the session's form token.
    if (!r->session)
        return r->page(200, r->t(QT_TRANSLATE_NOOP("Portal", "Signed out")),
                       QStringLiteral("<section class=\"notice\"><h1>%1</h1><p><a class=\"button\" "
                                      "href=\"/login\">%2</a></p></section>")
                           .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "You are signed out."))),
                                esc(r->t(QT_TRANSLATE_NOOP("Portal", "Sign in")))));
    r->page(200, r->t(QT_TRANSLATE_NOOP("Portal", "Sign out")),
            QStringLiteral("<section class=\"notice\"><h1>%1</h1><form method=\"post\" "
                           "action=\"/logout\"><input type=\"hidden\" name=\"csrf\" "
                           "value=\"%2\"><button>%1</button></form></section>")
                .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Sign out"))),
                     esc(QString::fromLatin1(r->session->csrf))));
}

void PortalServiceImpl::logout(const std::shared_ptr<Request> &r)
{
    if (r->session
        && !Keys::constantTimeEquals(
            parseForm(r->req().body).value(QStringLiteral("csrf")).toLatin1(), r->session->csrf))
        return r->error(403, r->t(QT_TRANSLATE_NOOP("Portal", "Sign out")),
                        r->t(QT_TRANSLATE_NOOP("Portal",
                                               "Invalid form token: you are still signed in. "
                                               "Sign out with the button of the portal.")));
    if (!r->sessionId.isEmpty())
        m_sessions.close(r->sessionId);
    r->session.reset();
    r->page(200, r->t(QT_TRANSLATE_NOOP("Portal", "Signed out")),
            QStringLiteral("<section class=\"notice\"><h1>%1</h1><p><a class=\"button\" "
                           "href=\"/login\">%2</a></p></section>")
                .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "You are signed out."))),
                     esc(r->t(QT_TRANSLATE_NOOP("Portal", "Sign in")))),
            {r->cookie("", 0)});
}

void PortalServiceImpl::tryIt(const std::shared_ptr<Request> &r)
{
    const QMap<QString, QString> form = parseForm(r->req().body);
    const bool wantsJson = r->req().headers.value("Accept").contains("application/json");
    auto fail = [r, wantsJson](int status, const QString &message) {
        if (wantsJson)
            return r->send(
                Http::Response::text(status,
                                     QJsonDocument(QJsonObject {{QStringLiteral("error"), message}})
                                         .toJson(QJsonDocument::Compact),
                                     "application/json"));
        r->error(status, r->t(QT_TRANSLATE_NOOP("Portal", "Try it")), message);
    };
    if (!Keys::constantTimeEquals(form.value(QStringLiteral("csrf")).toLatin1(), r->session->csrf))
        return fail(403, QStringLiteral("invalid form token; reload the page"));
    const Workspace &ws = *r->config->workspace;
    const auto found
        = findCatalogApi(ws, r->portal->ns, r->session->user, form.value(QStringLiteral("api")));
    if (!found)
        return fail(404, QStringLiteral("this API is not published to you"));
    const CatalogApi c = *found;
    if (c.api->annotations.value(QStringLiteral("airgate.io/try-it")) == QLatin1StringView("false"))
        return fail(403, QStringLiteral("try-it is switched off for this API"));
    const Resource *target = c.api;
    for (const Resource *v : c.versions)
        if (v->name == form.value(QStringLiteral("version")))
            target = v;
    const QString method = form.value(QStringLiteral("method")).toUpper();
    const QString opPath = form.value(QStringLiteral("path"));
    // An operation path is a path: one that does not start with "/" (say "@host:port/x") would
    // name another host once put after the gateway's address.
    if (!opPath.startsWith(u'/'))
        return fail(400, QStringLiteral("operation paths start with /"));
    const OpenApiSpecRef ref = openApiOf(*target);
    // The gateway route serving this API: its host and entry point.
    QString host;
    QString address;
    QString prefix;
    QMap<QString, QString> eps;
    {
        QMutexLocker lock(&m_mutex);
        eps = m_entryPoints;
    }
    static const QRegularExpression hostRe(QStringLiteral("Host\\(`([^`]+)`\\)"));
    static const QRegularExpression prefixRe(QStringLiteral("PathPrefix\\(`([^`]+)`\\)"));
    const QString key = target->ns + u'/' + target->name;
    for (const RouteConfig &rc : r->config->routes) {
        if (!rc.api || rc.api->key != key || rc.api->kind != target->kindName || rc.tls)
            continue;
        for (auto it = eps.cbegin(); it != eps.cend() && address.isEmpty(); ++it)
            if (!it.key().startsWith(QLatin1StringView("portal:"))
                && (rc.entryPoints.isEmpty() || rc.entryPoints.contains(it.key())))
                address = it.value();
        host = hostRe.match(rc.rule).captured(1);
        const QString p = prefixRe.match(rc.rule).captured(1);
        if (!p.isEmpty() && !opPath.startsWith(p))
            prefix = p;
        if (!address.isEmpty())
            break;
    }
    ListenAddress gatewayAddress = ListenAddress::parse(address);
    if (address.isEmpty() || !gatewayAddress.valid)
        return fail(502, QStringLiteral("no plain-HTTP route of the gateway serves this API"));
    const QHostAddress ip(gatewayAddress.host);
    if (gatewayAddress.host.isEmpty() || ip == QHostAddress(QHostAddress::AnyIPv4))
        gatewayAddress.host = QStringLiteral("127.0.0.1");
    else if (ip == QHostAddress(QHostAddress::AnyIPv6))
        gatewayAddress.host = QStringLiteral("::1");
    document(
        r, target,
        [r, c, ref, method, opPath, form, host, gatewayAddress, prefix, fail,
         wantsJson](QJsonObject doc, QString error) {
            if (!error.isEmpty())
                return fail(502, error);
            const QJsonObject filtered
                = filterDocument(doc, ref.operationSets, c.operationSets, ref.overrideServers);
            const QJsonObject op = filtered.value(QStringLiteral("paths"))
                                       .toObject()
                                       .value(opPath)
                                       .toObject()
                                       .value(method.toLower())
                                       .toObject();
            if (op.isEmpty())
                return fail(403, QStringLiteral("this operation is not visible to you"));
            QString path = opPath;
            QUrlQuery query;
            for (auto it = form.cbegin(); it != form.cend(); ++it) {
                if (it.key().startsWith(QStringLiteral("path:")))
                    path.replace(u'{' + it.key().mid(5) + u'}',
                                 QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
                else if (it.key().startsWith(QStringLiteral("query:")) && !it.value().isEmpty())
                    query.addQueryItem(it.key().mid(6), it.value());
            }
            // Built from parts: whatever the document's path holds stays in the path, and the
            // request (with the user's credential) goes to the gateway and nowhere else.
            QUrl url;
            url.setScheme(QStringLiteral("http"));
            url.setHost(gatewayAddress.host);
            url.setPort(gatewayAddress.port);
            url.setPath(prefix + path, QUrl::TolerantMode);
            url.setQuery(query);
            if (!url.isValid() || !url.userInfo().isEmpty()
                || url.host() != QUrl(QStringLiteral("http://") + gatewayAddress.toString()).host()
                || url.port() != gatewayAddress.port)
                return fail(400,
                            QStringLiteral("this operation path does not make a URL on the "
                                           "gateway"));
            const QString credential = form.value(QStringLiteral("credential")).trimmed();
            // A credential is one header value: no control characters (no header injection).
            for (const QChar ch : credential)
                if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
                    return fail(400, QStringLiteral("the credential contains control characters"));
            static const QRegularExpression token(QStringLiteral("^[A-Z]+$"));
            if (!token.match(method).hasMatch())
                return fail(400, QStringLiteral("not an HTTP method"));
            // The request, through the gateway's own upstream client to the gateway itself.
            const QByteArray body = form.value(QStringLiteral("body")).toUtf8();
            QByteArray raw = method.toLatin1() + ' ' + url.path(QUrl::FullyEncoded).toLatin1();
            if (url.hasQuery())
                raw += '?' + url.query(QUrl::FullyEncoded).toLatin1();
            raw += " HTTP/1.1\r\nHost: ";
            raw += host.isEmpty() ? gatewayAddress.toString().toLatin1() : host.toUtf8();
            raw += "\r\nUser-Agent: airgate-portal-try-it\r\n";
            if (!credential.isEmpty())
                raw += "Authorization: Bearer " + credential.toUtf8() + "\r\n";
            if (!body.isEmpty())
                raw += "Content-Type: application/json\r\n";
            if (!body.isEmpty() || method == QLatin1StringView("POST")
                || method == QLatin1StringView("PUT") || method == QLatin1StringView("PATCH"))
                raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
            raw += "\r\n" + body;
            UpstreamRequest up;
            up.host = gatewayAddress.host;
            up.port = gatewayAddress.port;
            up.method = method.toLatin1();
            up.bytes = std::move(raw);
            up.connectTimeoutMs = 5000;
            up.readTimeoutMs = 15000;
            up.maxResponseBytes = 16 * 1024 * 1024;
            up.idempotent
                = method == QLatin1StringView("GET") || method == QLatin1StringView("HEAD");
            threadUpstreams()->send(std::move(up), [r, url, wantsJson](UpstreamResult res) {
                const int status = res.error == UpstreamResult::Error::None ? res.status : 0;
                QJsonObject headers;
                for (const auto &h : res.headers.fields())
                    headers.insert(QString::fromLatin1(h.first), QString::fromLatin1(h.second));
                const QByteArray answer = res.body.left(64 * 1024);
                const QJsonObject result {
                    {QStringLiteral("status"), status},
                    {QStringLiteral("url"), url.toString()},
                    {QStringLiteral("headers"), headers},
                    {QStringLiteral("body"), QString::fromUtf8(answer)},
                    {QStringLiteral("error"), status ? QString() : res.errorText}};
                if (wantsJson)
                    return r->send(Http::Response::text(
                        200, QJsonDocument(result).toJson(QJsonDocument::Compact),
                        "application/json"));
                r->page(200, r->t(QT_TRANSLATE_NOOP("Portal", "Try it")),
                        QStringLiteral(
                            "<h1>%1</h1><p><code>%2</code></p><p class=\"status\">HTTP %3</p>"
                            "<pre>%4</pre><p><a href=\"javascript:history.back()\">%5</a></p>")
                            .arg(esc(r->t(QT_TRANSLATE_NOOP("Portal", "Response"))),
                                 esc(url.toString()), QString::number(status),
                                 esc(QString::fromUtf8(answer)),
                                 esc(r->t(QT_TRANSLATE_NOOP("Portal", "Back")))));
            });
        });
}

} // namespace Airgate::Runtime::Portal
