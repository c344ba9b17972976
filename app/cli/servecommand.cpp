// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "gateway/gateway.h"
#include "log/logging.h"
#include "portal/portalservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <atomic>
#include <memory>

#ifdef AIRGATE_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif
#include <ctime>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace Airgate::Cli {

namespace {

int g_signalPipe[2] = {-1, -1};
/// SIGINT or SIGTERM arrived: document loading (at start or in a reload) stops at once.
std::atomic<bool> g_stopRequested {false};
static_assert(std::atomic<bool>::is_always_lock_free);

/** Whether every address @p host names is a loopback address (empty: every interface, no). */
bool loopbackOnly(const QString &host)
{
    if (host.isEmpty())
        return false;
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress ip(host);
    if (!ip.isNull())
        return ip.isLoopback();
    const QList<QHostAddress> all = QHostInfo::fromName(host).addresses();
    for (const QHostAddress &a : all)
        if (!a.isLoopback())
            return false;
    return !all.isEmpty();
}

void onSignal(int sig)
{
    const char c = static_cast<char>(sig);
    if (sig == SIGINT || sig == SIGTERM)
        g_stopRequested.store(true);
    // Only async-signal-safe work here: hand the signal to the event loop.
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &c, 1);
}

/**
 * Tells the service manager about the gateway's state (sd_notify(3)): READY=1 once every
 * listener is bound, RELOADING=1 then READY=1 around a SIGHUP reload, STOPPING=1 when draining.
 * A no-op unless systemd started us with NOTIFY_SOCKET (Type=notify).
 */
void notifyServiceManager(const QString &state)
{
#ifdef AIRGATE_HAVE_SYSTEMD
    sd_notify(0, state.toUtf8().constData());
#else
    Q_UNUSED(state);
#endif
}

QString monotonicUsec()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return QString::number(static_cast<qint64>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000);
}

} // namespace

int serveCommand(Args &args)
{
    Runtime::GatewayOptions o;
    o.workspace = args.take(QStringLiteral("--path")).value_or(QStringLiteral("."));
    for (const QString &l : args.takeAll(QStringLiteral("--listen"))) {
        const qsizetype eq = l.indexOf(u'=');
        QString why;
        const ListenAddress a
            = eq > 0 ? ListenAddress::parse(l.mid(eq + 1), &why) : ListenAddress {};
        if (eq <= 0 || !a.valid) {
            err() << "airgatectl serve: --listen takes NAME=HOST:PORT"
                  << (why.isEmpty() ? QString() : QStringLiteral(" (") + why + u')') << '\n';
            return ExitUsage;
        }
        o.listen.insert(l.left(eq), a);
    }
    if (auto admin = args.take(QStringLiteral("--admin"))) {
        QString why;
        o.admin = ListenAddress::parse(*admin, &why);
        if (!o.admin.valid) {
            err() << "airgatectl serve: --admin: " << why << '\n';
            return ExitUsage;
        }
    }
    // The admin API speaks plain HTTP with a bearer token that controls the gateway: off
    // loopback, anyone on the way reads the token. Only on explicit request.
    const bool insecureRemoteAdmin = args.flag(QStringLiteral("--admin-insecure-remote"));
    if (o.admin.valid && !insecureRemoteAdmin && !loopbackOnly(o.admin.host)) {
        err() << "airgatectl serve: --admin " << o.admin.toString()
              << " is not a loopback address: the admin API speaks plain HTTP (no TLS), so its "
                 "bearer token and the gateway's configuration would cross the network in clear. "
                 "Listen on 127.0.0.1, [::1] or localhost (reach it remotely through an SSH "
                 "tunnel), or pass --admin-insecure-remote to accept that risk.\n";
        return ExitUsage;
    }
    if (auto t = args.take(QStringLiteral("--threads"))) {
        bool ok = false;
        o.threads = t->toInt(&ok);
        if (!ok || o.threads < 1 || o.threads > 64) {
            err() << "airgatectl serve: --threads takes 1 to 64\n";
            return ExitUsage;
        }
    }
    o.stateDir = args.take(QStringLiteral("--state")).value_or(QString());
    o.watch = !args.flag(QStringLiteral("--no-watch"));
    const bool exitWithParent = args.flag(QStringLiteral("--exit-with-parent"));
    o.exitWithParent = exitWithParent;
    o.stop = &g_stopRequested;
    int readyFd = -1;
    if (auto fd = args.take(QStringLiteral("--ready-fd")))
        readyFd = fd->toInt();
    Runtime::Log::Level logLevel = Runtime::Log::Level::Info;
    if (auto l = args.take(QStringLiteral("--log-level"))) {
        const auto level = Runtime::Log::parseLevel(*l);
        if (!level) {
            err() << "airgatectl serve: --log-level takes debug, info, warning or error\n";
            return ExitUsage;
        }
        logLevel = *level;
    }
    Runtime::Log::Format logFormat = Runtime::Log::Format::Text;
    if (auto f = args.take(QStringLiteral("--log-format"))) {
        const auto format = Runtime::Log::parseFormat(*f);
        if (!format) {
            err() << "airgatectl serve: --log-format takes text or json\n";
            return ExitUsage;
        }
        logFormat = *format;
    }
    if (auto e = args.error()) {
        err() << "airgatectl serve: " << *e << '\n';
        return ExitUsage;
    }
    if (auto u = args.unknownOption()) {
        err() << "airgatectl serve: unknown option " << *u << '\n';
        return ExitUsage;
    }
    if (!QFileInfo(o.workspace).isDir()) {
        err() << "airgatectl serve: " << o.workspace << ": no such folder\n";
        return ExitUsage;
    }
    o.workspace = QDir(o.workspace).absolutePath();
    Runtime::Log::install(logLevel, logFormat);

    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
        return ExitUsage;
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
#ifdef __linux__
    // The parent's death becomes our SIGTERM (the handler above drains), however the parent ends:
    // kill -9 included. Inherited across exec when the parent already set it; set it again for
    // a parent that did not.
    if (exitWithParent)
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif

    Runtime::Portal::PortalServiceImpl portal;
    Runtime::Gateway gateway(o, &portal);
    const QString error = gateway.start();
    if (g_stopRequested.load()) {
        // Asked to stop while documents were loading: the rest were not read, nothing served.
        err() << "airgatectl serve: stopped while loading the workspace\n";
        gateway.stop();
        return ExitOk;
    }
    if (!error.isEmpty()) {
        err() << "airgatectl serve: " << error << '\n';
        return ExitUsage;
    }
    bool stopping = false;
    auto stopServing = [&gateway, &stopping](const char *why) {
        if (stopping)
            return;
        stopping = true;
        notifyServiceManager(QStringLiteral("STOPPING=1\nSTATUS=Draining in-flight requests (%1)")
                                 .arg(QLatin1StringView(why)));
        err() << "airgatectl serve: stopping (" << why << "; draining in-flight requests)\n";
        err().flush();
        gateway.stop();
        QCoreApplication::exit(ExitOk);
    };
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &gateway, [&gateway, &stopServing] {
        char c = 0;
        if (::read(g_signalPipe[0], &c, 1) != 1)
            return;
        if (c == SIGHUP) {
            // systemd's reload protocol: RELOADING=1 (with the time, as Type=notify-reload
            // wants it), then READY=1 once the new snapshot serves or the old one stays.
            notifyServiceManager(QStringLiteral("RELOADING=1\nMONOTONIC_USEC=") + monotonicUsec());
            const QJsonObject r = gateway.reload(QStringLiteral("SIGHUP"));
            const bool ok = r.value(QStringLiteral("ok")).toBool();
            notifyServiceManager(
                QStringLiteral("READY=1\nSTATUS=")
                + (ok ? QStringLiteral("Serving generation %1")
                            .arg(r.value(QStringLiteral("generation")).toInteger())
                      : QStringLiteral("Reload failed, still serving the last good snapshot")));
            return;
        }
        stopServing(c == SIGINT ? "SIGINT" : "SIGTERM");
    });
    // The parent holds our stdin's write end: end of file means it is gone (or wants us gone),
    // on every platform and even where no death signal exists.
    std::unique_ptr<QSocketNotifier> stdinWatch;
    if (exitWithParent) {
        stdinWatch = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(stdinWatch.get(), &QSocketNotifier::activated, &gateway,
                         [&stdinWatch, &stopServing] {
                             char buf[512];
                             const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
                             if (n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN)))
                                 return; // input is ignored; only its end counts
                             stdinWatch->setEnabled(false);
                             stopServing("stdin closed");
                         });
    }
    QObject::connect(
        &gateway, &Runtime::Gateway::reloaded, &gateway, [](bool ok, quint64 generation) {
            err() << "airgatectl serve: reload "
                  << (ok ? "applied, generation " : "failed, still serving generation ")
                  << generation << '\n';
            err().flush();
        });

    const QByteArray ready
        = QJsonDocument(gateway.readyEvent()).toJson(QJsonDocument::Compact) + '\n';
    out() << QString::fromUtf8(ready);
    out().flush();
    if (readyFd >= 0) {
        [[maybe_unused]] const ssize_t n
            = ::write(readyFd, ready.constData(), static_cast<size_t>(ready.size()));
        ::close(readyFd);
    }
    // Where to point a browser or curl.
    const QJsonObject status = gateway.status();
    const auto eps = gateway.boundEntryPoints();
    for (auto it = eps.cbegin(); it != eps.cend(); ++it)
        err() << (it.key().startsWith(QLatin1StringView("portal:"))
                      ? QStringLiteral("portal preview ") + it.key().mid(7)
                      : QStringLiteral("entry point ") + it.key())
              << ": http://" << it.value() << '\n';
    for (const QJsonValue &r : status.value(QStringLiteral("routes")).toArray()) {
        const QJsonObject ro = r.toObject();
        err() << "  route " << ro.value(QStringLiteral("id")).toString() << ": "
              << ro.value(QStringLiteral("rule")).toString()
              << (ro.contains(QStringLiteral("api"))
                      ? QStringLiteral("  (API %1)").arg(ro.value(QStringLiteral("api")).toString())
                      : QString())
              << '\n';
    }
    for (const QJsonValue &i : status.value(QStringLiteral("ignored")).toArray())
        err() << "  ignored: " << i.toObject().value(QStringLiteral("reason")).toString() << '\n';
    for (const QJsonValue &w : status.value(QStringLiteral("warnings")).toArray())
        err() << "  warning: " << w.toString() << '\n';
    for (auto it = eps.cbegin(); it != eps.cend(); ++it) {
        if (it.key().startsWith(QLatin1StringView("portal:")))
            continue;
        err() << "try: curl -H 'Host: weather.example.com' -H 'Authorization: Bearer "
                 "secret-api-key' http://"
              << it.value() << "/weather\n";
        break;
    }
    notifyServiceManager(
        QStringLiteral("READY=1\nSTATUS=Serving %1")
            .arg(QString::fromUtf8(
                QJsonDocument(gateway.readyEvent().value(QStringLiteral("entryPoints")).toObject())
                    .toJson(QJsonDocument::Compact))));
    err() << "admin API: http://" << gateway.readyEvent().value(QStringLiteral("admin")).toString()
          << " (token in " << gateway.stateDir() << "/admin.token)\n";
    err().flush();
    return QCoreApplication::exec();
}

} // namespace Airgate::Cli
