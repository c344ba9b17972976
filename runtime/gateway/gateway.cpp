// SPDX-License-Identifier: Apache-2.0
#include "gateway.h"

#include "io/atomicfile.h"
#include "io/pidlock.h"
#include "log/logging.h"
#include "model/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThread>

#include <openssl/rand.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Airgate::Runtime {

namespace {

/**
 * Gives back to the system the heap a load and compile used and freed (the YAML reader's events,
 * the previous snapshot): glibc keeps it otherwise, and with 1,000 APIs that is megabytes of
 * resident memory the gateway never touches again. After the reply, not in the reload's time.
 */
void releaseFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace

namespace {

/// Accept queue of each listening socket.
constexpr int kListenBacklog = 1024;

/// The lock file in the state folder: who serves from it (pid, parent, workspace, admin).
const QString kLockFile = QStringLiteral("gateway.pid");

QHostAddress resolve(const QString &host)
{
    QHostAddress a(host);
    if (!a.isNull())
        return a;
    if (host == QLatin1StringView("localhost"))
        return QHostAddress(QHostAddress::LocalHost);
    const QHostInfo info = QHostInfo::fromName(host);
    for (const QHostAddress &addr : info.addresses())
        if (addr.protocol() == QAbstractSocket::IPv4Protocol)
            return addr;
    return info.addresses().value(0);
}

/// A listening socket with SO_REUSEPORT, so every worker accepts on its own socket (qt-tech §1.8).
qintptr openReusePort(const QHostAddress &addr, quint16 &port, QString *error)
{
    const bool v6 = addr.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc = 0;
    if (v6) {
        sockaddr_in6 sa {};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        const Q_IPV6ADDR ip = addr.toIPv6Address();
        std::memcpy(&sa.sin6_addr, &ip, sizeof ip);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    } else {
        sockaddr_in sa {};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(addr.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    }
    if (rc != 0 || ::listen(fd, kListenBacklog) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    if (port == 0) {
        sockaddr_storage ss {};
        socklen_t len = sizeof ss;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
        port = ntohs(ss.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port
                                              : reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
    }
    return fd;
}

/**
 * Whether another process listens on @p addr:@p port. SO_REUSEPORT lets any process of the same
 * user bind a port a gateway already serves, and the kernel then splits connections between them
 * (two configurations answering one address). A socket bound *without* SO_REUSEPORT cannot
 * share, so its bind() tells: EADDRINUSE means a listener is there. SO_REUSEADDR keeps
 * connections in TIME_WAIT from counting. Only the workers of one process share a port.
 */
bool inUseByAnotherProcess(const QHostAddress &addr, quint16 port)
{
    if (port == 0)
        return false;
    const bool v6 = addr.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    int rc = 0;
    if (v6) {
        sockaddr_in6 sa {};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        const Q_IPV6ADDR ip = addr.toIPv6Address();
        std::memcpy(&sa.sin6_addr, &ip, sizeof ip);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    } else {
        sockaddr_in sa {};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(addr.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    }
    const bool inUse = rc != 0 && errno == EADDRINUSE;
    ::close(fd);
    return inUse;
}

QString inUseMessage(const ListenAddress &addr)
{
    return QStringLiteral("%1 is already in use by another process").arg(addr.toString());
}

} // namespace

std::optional<QByteArray> randomToken()
{
    QByteArray raw(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), static_cast<int>(raw.size()))
        != 1)
        return std::nullopt;
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Gateway::Gateway(GatewayOptions options, PortalService *portal, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_portal(portal)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(m_options.debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { reload(QStringLiteral("watch")); });
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &Gateway::flushAccessLog);
    // Replaced snapshots are freed here, never on a worker thread.
    connect(&m_flush, &QTimer::timeout, this, [this] { m_shared.releaseRetired(); });
    m_quotaTimer.setInterval(1000);
    connect(&m_quotaTimer, &QTimer::timeout, this, &Gateway::saveQuota);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &Gateway::scheduleReload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &Gateway::scheduleReload);
}

Gateway::~Gateway()
{
    stop(0);
}

QString Gateway::defaultStateDir(const QString &workspace)
{
    const QByteArray id = QCryptographicHash::hash(QDir(workspace).absolutePath().toUtf8(),
                                                   QCryptographicHash::Sha256)
                              .toHex()
                              .left(16);
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/state/") + QString::fromLatin1(id);
}

QString Gateway::start()
{
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_stateDir = m_options.stateDir.isEmpty() ? defaultStateDir(m_options.workspace)
                                              : QDir(m_options.stateDir).absolutePath();
    if (!QDir().mkpath(m_stateDir))
        return QStringLiteral("cannot create the state folder %1").arg(m_stateDir);
    QFile::setPermissions(m_stateDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // One gateway per state folder: two would overwrite each other's quota counters, token and
    // last good configuration. The lock also tells a console which gateway an earlier one left.
    auto lock = Io::PidLock::acquire(m_stateDir + u'/' + kLockFile, lockInfo());
    if (!lock) {
        if (lock.error().code == Error::Code::Refused)
            return QStringLiteral("another gateway (%1) already serves from the state folder %2")
                .arg(lock.error().message, m_stateDir);
        return lock.error().message;
    }
    m_lock = std::move(lock).value();

    // Quota counters survive restarts.
    if (auto q = Io::readFile(m_stateDir + QStringLiteral("/quota.json")))
        m_shared.quota.fromJson(*q);

    Loaded loaded = loadAndCompile(m_options.workspace);
    std::shared_ptr<RuntimeConfig> config = loaded.config;
    if (config) {
        persistLastGood(*loaded.workspace);
        rememberServed(*loaded.workspace);
    } else {
        // Fail static: serve the last configuration that worked.
        const QString lastGood = m_stateDir + QStringLiteral("/last-good");
        Loaded saved = loadAndCompile(lastGood);
        if (!saved.config)
            return QStringLiteral("the workspace cannot be served and no last good configuration "
                                  "is saved:\n  %1")
                .arg(loaded.errors.join(QStringLiteral("\n  ")));
        config = saved.config;
        config->workspaceRoot = m_options.workspace;
        rememberServed(*saved.workspace);
        m_source = QStringLiteral("last-good");
        m_lastErrors = loaded.errors;
        qCWarning(lcGateway).noquote()
            << "the workspace" << m_options.workspace
            << "cannot be served; serving the last good configuration from" << lastGood << ":"
            << loaded.errors.join(QStringLiteral("; "));
    }
    m_shared.publish(config);
    m_reloadedAtMs = QDateTime::currentMSecsSinceEpoch();

    int threads = m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount();
    threads = qBound(1, threads, 64);
    for (int i = 0; i < threads; ++i) {
        auto w = std::make_unique<Worker>(i, &m_shared, m_portal);
        w->start();
        m_workers.push_back(std::move(w));
    }
    QString error;
    bindListeners(*config, true, &error);
    if (!error.isEmpty())
        return error;

    auto token = randomToken();
    if (!token)
        return QStringLiteral("cannot make the admin token: the system's random number generator "
                              "failed");
    m_token = *token;
    const QString tokenFile = m_stateDir + QStringLiteral("/admin.token");
    if (!Io::writeFileAtomically(tokenFile, m_token + '\n'))
        return QStringLiteral("cannot write %1").arg(tokenFile);
    QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    AdminServer::Hooks hooks;
    hooks.status = [this] { return status(); };
    hooks.metrics = [this] { return metrics(); };
    hooks.reload = [this] { return reload(QStringLiteral("api")); };
    hooks.manifests = [this] { return servedManifests(); };
    m_admin = std::make_unique<AdminServer>(m_token, hooks);
    const ListenAddress adminAddr = m_options.admin.valid
        ? m_options.admin
        : ListenAddress::parse(QStringLiteral("127.0.0.1:0"));
    if (inUseByAnotherProcess(resolve(adminAddr.host), static_cast<quint16>(adminAddr.port)))
        return QStringLiteral("admin API: ") + inUseMessage(adminAddr);
    m_adminPort = m_admin->listen(resolve(adminAddr.host), static_cast<quint16>(adminAddr.port));
    if (m_adminPort == 0)
        return QStringLiteral("cannot listen for the admin API on %1").arg(adminAddr.toString());
    if (auto r = m_lock.update(lockInfo()); !r)
        qCWarning(lcGateway).noquote()
            << "cannot record the admin address in the state folder's lock:" << r.error().message;

    // Stale when the process is killed; a reader then finds nobody at that address.
    const QString adminFile = m_stateDir + u'/' + QLatin1StringView(kAdminFile);
    if (auto r = Io::writeFileAtomically(
            adminFile, QJsonDocument(readyEvent()).toJson(QJsonDocument::Compact) + '\n');
        !r)
        warn(QStringLiteral("admin-file"),
             QStringLiteral("cannot write %1 (airgatectl diff --against gateway will not find "
                            "this gateway): %2")
                 .arg(adminFile, r.error().message));
    m_accessLog.setFileName(m_stateDir + QStringLiteral("/access.log"));
    if (!m_accessLog.open(QIODevice::WriteOnly | QIODevice::Append))
        warn(QStringLiteral("access-log"),
             QStringLiteral("cannot open the access log %1: %2 (requests are not logged to the "
                            "file)")
                 .arg(m_accessLog.fileName(), m_accessLog.errorString()));
    m_flush.start();
    m_quotaTimer.start();
    if (m_options.watch)
        watchWorkspace();
    QTimer::singleShot(0, this, &releaseFreedMemory);
    return {};
}

QString Gateway::bindListeners(const RuntimeConfig &config, bool initial, QString *error)
{
    QList<Bound> next;
    auto want = [&](const QString &entryPoint, const ListenAddress &addr, bool tls,
                    const Http::ListenerOptions &opt) {
        const QString signature = entryPoint + u'|' + addr.toString() + u'|'
            + (tls ? QStringLiteral("tls") : QStringLiteral("plain")) + u'|'
            + QString::number(opt.parse.maxHeaderBytes) + u'|'
            + QString::number(opt.parse.maxBodyBytes) + u'|' + QString::number(opt.maxConnections);
        for (const Bound &b : std::as_const(m_bound)) {
            if (b.signature == signature) {
                Bound keep = b;
                keep.descriptors = QList<qintptr>(static_cast<qsizetype>(m_workers.size()), -1);
                next << keep;
                return;
            }
        }
        Bound b;
        b.entryPoint = entryPoint;
        b.address = addr;
        b.tls = tls;
        b.signature = signature;
        quint16 port = static_cast<quint16>(addr.port);
        const QHostAddress host = resolve(addr.host);
        // Our own listeners on this address (a reload that changed its limits) are not "another
        // process"; anyone else's are.
        bool ours = false;
        for (const Bound &o : std::as_const(m_bound))
            ours = ours || (o.address.port == addr.port && resolve(o.address.host) == host);
        if (!ours && inUseByAnotherProcess(host, port)) {
            *error = (entryPoint.startsWith(QLatin1StringView("portal:"))
                          ? QStringLiteral("portal preview %1: %2").arg(entryPoint.mid(7))
                          : QStringLiteral("entry point %1: %2").arg(entryPoint))
                         .arg(inUseMessage(addr));
            return;
        }
        for (size_t i = 0; i < m_workers.size(); ++i) {
            QString why;
            const qintptr fd = openReusePort(host, port, &why);
            if (fd < 0) {
                *error = QStringLiteral("entry point %1: cannot listen on %2: %3")
                             .arg(entryPoint, addr.toString(), why);
                for (qintptr d : b.descriptors)
                    ::close(static_cast<int>(d));
                return;
            }
            b.descriptors << fd;
        }
        b.port = port;
        next << b;
    };
    auto optionsFor = [&](const QString &name, bool tls, const QSslConfiguration &ssl) {
        Http::ListenerOptions o;
        o.entryPoint = name;
        o.parse.maxHeaderBytes = config.limits.maxHeaderBytes;
        o.parse.maxBodyBytes = config.limits.maxBodyBytes;
        o.maxConnections = config.limits.maxConnections;
        o.headerTimeoutMs = config.limits.headerTimeoutMs;
        o.idleTimeoutMs = config.limits.idleTimeoutMs;
        o.bodyTimeoutMs = config.limits.bodyTimeoutMs;
        o.tls = tls;
        o.ssl = ssl;
        return o;
    };
    // A later entry point that cannot listen fails the whole set: the sockets already opened
    // for the earlier ones are closed, not left open until the process ends.
    auto fail = [&] {
        for (const Bound &b : std::as_const(next))
            for (qintptr d : b.descriptors)
                if (d >= 0)
                    ::close(static_cast<int>(d));
        qCWarning(lcGateway).noquote() << (initial ? "cannot start:" : "reload refused:") << *error;
        return *error;
    };
    QHash<QString, Http::ListenerOptions> options;
    for (const EntryPointConfig &e : config.entryPoints) {
        const Http::ListenerOptions o = optionsFor(e.name, e.tls, e.ssl);
        options.insert(e.name, o);
        want(e.name, e.address, e.tls, o);
        if (!error->isEmpty())
            return fail();
    }
    for (auto it = config.portalPreview.cbegin(); it != config.portalPreview.cend(); ++it) {
        const QString name = QStringLiteral("portal:") + it.key();
        const Http::ListenerOptions o = optionsFor(name, false, {});
        options.insert(name, o);
        want(name, it.value(), false, o);
        if (!error->isEmpty())
            return fail();
    }
    m_bound = next;
    if (m_portal)
        m_portal->setBoundEntryPoints(boundEntryPoints());
    for (size_t w = 0; w < m_workers.size(); ++w) {
        QList<ListenerSpec> specs;
        for (const Bound &b : std::as_const(m_bound)) {
            ListenerSpec s;
            s.entryPoint = b.entryPoint;
            s.descriptor = b.descriptors.value(static_cast<qsizetype>(w), -1);
            s.options = options.value(b.entryPoint);
            s.signature = b.signature;
            specs << s;
        }
        const QStringList failed = m_workers[w]->setListeners(specs);
        const QString key = QStringLiteral("listener-%1").arg(w);
        if (failed.isEmpty())
            clearWarning(key);
        else
            warn(key,
                 QStringLiteral("worker %1 does not accept on %2 (its socket could not be taken)")
                     .arg(w)
                     .arg(failed.join(QStringLiteral(", "))));
    }
    return {};
}

QMap<QString, QString> Gateway::boundEntryPoints() const
{
    QMap<QString, QString> out;
    for (const Bound &b : m_bound) {
        ListenAddress a = b.address;
        a.port = b.port;
        out.insert(b.entryPoint, a.toString());
    }
    return out;
}

void Gateway::persistLastGood(const Workspace &ws)
{
    // Everything needed to serve this configuration again with nothing else: the manifests as
    // read, airgate.yaml, and the files it points to (mock documents, local specs and JWKS).
    const QString target = m_stateDir + QStringLiteral("/last-good");
    const QString staging = target + QStringLiteral(".new");
    QDir(staging).removeRecursively();
    QString failure;
    auto write = [&](const QString &rel, const QByteArray &bytes) {
        if (!failure.isEmpty())
            return;
        if (auto r = Io::writeFileAtomically(staging + u'/' + rel, bytes); !r)
            failure = r.error().message;
    };
    for (const WorkspaceFile &f : ws.files())
        write(f.relPath, f.original);
    const QDir root(ws.root());
    QStringList extra {QStringLiteral("airgate.yaml")};
    const LocalSettings &s = ws.settings();
    for (const ServiceTarget &t : s.services)
        if (t.type == ServiceTarget::Type::Mock)
            extra << root.relativeFilePath(t.mockFile);
    for (const QString &p : s.specs)
        extra << root.relativeFilePath(p);
    for (const QString &p : s.jwks)
        extra << root.relativeFilePath(p);
    for (const QString &rel : extra) {
        if (rel.startsWith(QLatin1StringView("..")) || !QFileInfo::exists(root.filePath(rel)))
            continue;
        auto bytes = Io::readFile(root.filePath(rel), 64 * 1024 * 1024);
        if (!bytes && failure.isEmpty())
            failure = bytes.error().message;
        else if (bytes)
            write(rel, *bytes);
    }
    const QString old = target + QStringLiteral(".old");
    if (failure.isEmpty()) {
        QDir(old).removeRecursively();
        if (QFileInfo::exists(target) && !QDir().rename(target, old))
            failure = QStringLiteral("cannot move %1 aside").arg(target);
        else if (!QDir().rename(staging, target))
            failure = QStringLiteral("cannot rename %1 to %2").arg(staging, target);
    }
    QDir(old).removeRecursively();
    if (!failure.isEmpty()) {
        QDir(staging).removeRecursively();
        warn(QStringLiteral("last-good"),
             QStringLiteral("the last good configuration was not saved (a cold start would not "
                            "serve this one): %1")
                 .arg(failure));
        return;
    }
    clearWarning(QStringLiteral("last-good"));
}

void Gateway::watchWorkspace()
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    QStringList paths {m_options.workspace};
    QDirIterator dirs(m_options.workspace, QDir::Dirs | QDir::NoDotAndDotDot,
                      QDirIterator::Subdirectories);
    while (dirs.hasNext()) {
        const QString d = dirs.next();
        if (!QDir(m_options.workspace)
                 .relativeFilePath(d)
                 .split(u'/')
                 .constFirst()
                 .startsWith(u'.'))
            paths << d;
    }
    QDirIterator files(
        m_options.workspace,
        {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString f = files.next();
        if (!QDir(m_options.workspace).relativeFilePath(f).startsWith(u'.'))
            paths << f;
    }
    m_watcher.addPaths(paths);
}

void Gateway::scheduleReload()
{
    // Editors save in several steps (temp file, rename); wait until they are done.
    m_debounce.start();
}

QJsonObject Gateway::reload(const QString &trigger)
{
    QElapsedTimer t;
    t.start();
    Loaded loaded = loadAndCompile(m_options.workspace);
    QStringList errors = loaded.errors;
    std::shared_ptr<RuntimeConfig> config = loaded.config;
    if (config) {
        QString bindError;
        bindListeners(*config, false, &bindError);
        if (!bindError.isEmpty()) {
            errors << bindError;
            config.reset();
        }
    }
    QJsonObject result;
    result.insert(QStringLiteral("trigger"), trigger);
    result.insert(QStringLiteral("at"),
                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (config) {
        const quint64 gen = m_shared.publish(config);
        persistLastGood(*loaded.workspace);
        rememberServed(*loaded.workspace);
        m_source = QStringLiteral("workspace");
        m_lastErrors.clear();
        m_reloadedAtMs = QDateTime::currentMSecsSinceEpoch();
        result.insert(QStringLiteral("ok"), true);
        result.insert(QStringLiteral("generation"), static_cast<double>(gen));
        result.insert(QStringLiteral("ignored"), static_cast<int>(config->ignored.size()));
    } else {
        result.insert(QStringLiteral("ok"), false);
        result.insert(QStringLiteral("generation"), static_cast<double>(m_shared.generation()));
        result.insert(QStringLiteral("errors"), QJsonArray::fromStringList(errors));
        m_lastErrors = errors;
        qCWarning(lcGateway).noquote()
            << "reload (" << trigger << ") failed; still serving generation"
            << m_shared.generation() << ":" << errors.join(QStringLiteral("; "));
    }
    result.insert(QStringLiteral("ms"), static_cast<double>(t.nsecsElapsed()) / 1e6);
    m_shared.metrics.reload(config != nullptr);
    m_lastReload = result;
    if (m_admin)
        m_admin->broadcast("reload", QJsonDocument(result).toJson(QJsonDocument::Compact));
    if (m_options.watch)
        watchWorkspace(); // new files and folders are watched too
    emit reloaded(config != nullptr, m_shared.generation());
    QTimer::singleShot(0, this, &releaseFreedMemory);
    return result;
}

void Gateway::flushAccessLog()
{
    const QList<QByteArray> lines = m_shared.accessLog.drain();
    if (lines.isEmpty())
        return;
    QByteArray chunk;
    for (const QByteArray &l : lines) {
        chunk += l;
        chunk += '\n';
        if (m_admin)
            m_admin->broadcast("access", l);
    }
    if (m_accessLog.isOpen()) {
        if (m_accessLog.write(chunk) != chunk.size() || !m_accessLog.flush())
            warn(QStringLiteral("access-log"),
                 QStringLiteral("cannot write the access log %1: %2")
                     .arg(m_accessLog.fileName(), m_accessLog.errorString()));
        else
            clearWarning(QStringLiteral("access-log"));
    }
}

void Gateway::saveQuota()
{
    if (!m_shared.quota.dirty())
        return;
    m_shared.quota.markClean();
    writeQuota();
}

void Gateway::writeQuota()
{
    const QString file = m_stateDir + QStringLiteral("/quota.json");
    if (auto r = Io::writeFileAtomically(file, m_shared.quota.toJson()); !r)
        warn(QStringLiteral("quota"),
             QStringLiteral("cannot save the quota counters to %1 (a restart would forget them): "
                            "%2")
                 .arg(file, r.error().message));
    else
        clearWarning(QStringLiteral("quota"));
}

void Gateway::stop(int graceMs)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_debounce.stop();
    for (auto &w : m_workers)
        w->drain();
    QElapsedTimer t;
    t.start();
    while (m_shared.inFlight.load() > 0 && t.elapsed() < graceMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    flushAccessLog();
    if (!m_stateDir.isEmpty()) {
        m_shared.quota.markClean();
        writeQuota();
    }
    for (auto &w : m_workers)
        w->stop();
    m_workers.clear();
    m_admin.reset();
    if (!m_stateDir.isEmpty())
        QFile::remove(m_stateDir + u'/' + QLatin1StringView(kAdminFile));
    m_lock.release();
}

Gateway::Loaded Gateway::loadAndCompile(const QString &root) const
{
    Loaded out;
    CompileOptions co;
    co.listenOverrides = m_options.listen;
    co.cancel = m_options.stop;
    co.labels = m_shared.metrics.labels();
    co.schemaChecks = m_schemaChecks;
    auto ws = Workspace::load(root);
    if (!ws) {
        out.errors << ws.error().message;
        return out;
    }
    auto workspace = std::make_shared<const Workspace>(std::move(ws).value());
    CompileResult r = compile(workspace, co);
    if (!r.config) {
        out.errors = r.fatal;
        return out;
    }
    out.config = std::move(r.config);
    out.workspace = std::move(workspace);
    return out;
}

void Gateway::warn(const QString &key, const QString &message)
{
    if (m_serveWarnings.value(key) == message)
        return; // logged once, until it changes or clears
    m_serveWarnings.insert(key, message);
    qCWarning(lcGateway).noquote() << message;
}

void Gateway::clearWarning(const QString &key)
{
    if (m_serveWarnings.remove(key) > 0)
        qCInfo(lcGateway).noquote() << "resolved:" << key;
}

QJsonObject Gateway::lockInfo() const
{
    QJsonObject o {{QStringLiteral("pid"), static_cast<qint64>(::getpid())},
                   {QStringLiteral("parent"), static_cast<qint64>(::getppid())},
                   {QStringLiteral("workspace"), m_options.workspace},
                   {QStringLiteral("exitWithParent"), m_options.exitWithParent},
                   {QStringLiteral("startedAt"),
                    QDateTime::fromMSecsSinceEpoch(m_startedAtMs, Qt::UTC).toString(Qt::ISODate)}};
    if (m_adminPort)
        o.insert(QStringLiteral("admin"), readyEvent().value(QStringLiteral("admin")));
    return o;
}

void Gateway::rememberServed(const Workspace &ws)
{
    m_servedFiles.clear();
    for (const WorkspaceFile &f : ws.files())
        m_servedFiles.append({f.relPath, f.original});
}

QJsonObject Gateway::servedManifests() const
{
    QJsonArray files;
    for (const auto &[path, bytes] : m_servedFiles) {
        QJsonObject f {{QStringLiteral("path"), path}};
        const QString text = QString::fromUtf8(bytes);
        if (text.toUtf8() == bytes)
            f.insert(QStringLiteral("content"), text);
        else
            f.insert(QStringLiteral("contentBase64"), QString::fromLatin1(bytes.toBase64()));
        files.append(f);
    }
    return {{QStringLiteral("generation"), static_cast<double>(m_shared.generation())},
            {QStringLiteral("source"), m_source},
            {QStringLiteral("workspace"), m_options.workspace},
            {QStringLiteral("files"), files}};
}

QJsonObject Gateway::readyEvent() const
{
    QJsonObject eps;
    QJsonObject portals;
    for (const Bound &b : m_bound) {
        ListenAddress a = b.address;
        a.port = b.port;
        if (b.entryPoint.startsWith(QLatin1StringView("portal:")))
            portals.insert(b.entryPoint.mid(7), a.toString());
        else
            eps.insert(b.entryPoint, a.toString());
    }
    QJsonObject o {
        {QStringLiteral("event"), QStringLiteral("ready")},
        {QStringLiteral("entryPoints"), eps},
        {QStringLiteral("admin"), QStringLiteral("127.0.0.1:%1").arg(m_adminPort)},
        {QStringLiteral("adminTokenFile"), QString(m_stateDir + QStringLiteral("/admin.token"))},
        {QStringLiteral("generation"), static_cast<double>(m_shared.generation())},
        {QStringLiteral("source"), m_source}};
    if (m_options.admin.valid)
        o.insert(QStringLiteral("admin"),
                 ListenAddress {m_options.admin.host, m_adminPort, true}.toString());
    if (!portals.isEmpty())
        o.insert(QStringLiteral("portals"), portals);
    return o;
}

QJsonObject Gateway::status() const
{
    const auto config = m_shared.current();
    QJsonArray listeners;
    for (const Bound &b : m_bound) {
        ListenAddress a = b.address;
        a.port = b.port;
        listeners.append(
            QJsonObject {{QStringLiteral("entryPoint"), b.entryPoint},
                         {QStringLiteral("address"), a.toString()},
                         {QStringLiteral("tls"), b.tls},
                         {QStringLiteral("workers"), static_cast<int>(m_workers.size())}});
    }
    QJsonArray ignored;
    QJsonArray routes;
    QJsonArray warnings;
    QJsonArray loaded;
    if (config) {
        for (const SkippedResource &s : config->ignored)
            ignored.append(QJsonObject {{QStringLiteral("kind"), s.kind},
                                        {QStringLiteral("namespace"), s.ns},
                                        {QStringLiteral("name"), s.name},
                                        {QStringLiteral("reason"), s.reason}});
        for (const RouteConfig &r : config->routes) {
            QJsonObject o {{QStringLiteral("id"), r.id},
                           {QStringLiteral("rule"), r.rule},
                           {QStringLiteral("priority"), static_cast<double>(r.priority)}};
            if (r.api)
                o.insert(QStringLiteral("api"), r.api->key);
            if (!r.portal.isEmpty())
                o.insert(QStringLiteral("portal"), r.portal);
            QJsonArray ups;
            for (const UpstreamConfig &u : r.upstreams)
                ups.append(u.serviceKey);
            o.insert(QStringLiteral("services"), ups);
            routes.append(o);
        }
        warnings = QJsonArray::fromStringList(config->warnings);
        loaded = QJsonArray::fromStringList(config->loaded);
    }
    // Failures of the gateway itself that affect serving (state folder, access log, listeners).
    for (const QString &w : m_serveWarnings)
        warnings.append(w);
    QJsonObject o {{QStringLiteral("generation"), static_cast<double>(m_shared.generation())},
                   {QStringLiteral("workspace"), m_options.workspace},
                   {QStringLiteral("stateDir"), m_stateDir},
                   {QStringLiteral("source"), m_source},
                   {QStringLiteral("startedAt"),
                    QDateTime::fromMSecsSinceEpoch(m_startedAtMs, Qt::UTC).toString(Qt::ISODate)},
                   {QStringLiteral("reloadedAt"),
                    QDateTime::fromMSecsSinceEpoch(m_reloadedAtMs, Qt::UTC).toString(Qt::ISODate)},
                   {QStringLiteral("listeners"), listeners},
                   {QStringLiteral("routes"), routes},
                   {QStringLiteral("loaded"), loaded},
                   {QStringLiteral("ignored"), ignored},
                   {QStringLiteral("warnings"), warnings},
                   {QStringLiteral("lastErrors"), QJsonArray::fromStringList(m_lastErrors)},
                   {QStringLiteral("inFlight"), m_shared.inFlight.load()},
                   {QStringLiteral("connections"), m_shared.front->activeConnections.load()}};
    if (!m_lastReload.isEmpty())
        o.insert(QStringLiteral("lastReload"), m_lastReload);
    if (m_portal)
        o.insert(QStringLiteral("portalProblems"), m_portal->problems());
    return o;
}

QByteArray Gateway::metrics() const
{
    const Http::FrontCounters &f = *m_shared.front;
    QByteArray extra;
    extra += "# HELP airgate_connections_active Client connections open now.\n# TYPE "
             "airgate_connections_active gauge\n";
    extra += "airgate_connections_active " + QByteArray::number(f.activeConnections.load()) + "\n";
    extra += "# HELP airgate_connections_refused_total Connections refused over the cap (503).\n# "
             "TYPE airgate_connections_refused_total counter\n";
    extra += "airgate_connections_refused_total " + QByteArray::number(f.refusedConnections.load())
        + "\n";
    extra += "# HELP airgate_requests_rejected_total Malformed or oversized requests (400, 413, "
             "414, 431, 501, 505).\n"
             "# TYPE airgate_requests_rejected_total counter\n";
    extra += "airgate_requests_rejected_total " + QByteArray::number(f.rejectedRequests.load())
        + "\n";
    extra += "# HELP airgate_connections_timed_out_total Slow or idle clients closed.\n# TYPE "
             "airgate_connections_timed_out_total counter\n";
    extra += "airgate_connections_timed_out_total "
        + QByteArray::number(f.timedOutConnections.load()) + "\n";
    extra += "# HELP airgate_requests_abandoned_total Clients that left before their reply.\n# "
             "TYPE airgate_requests_abandoned_total counter\n";
    extra += "airgate_requests_abandoned_total " + QByteArray::number(f.abandonedExchanges.load())
        + "\n";
    extra += "# HELP airgate_access_log_dropped_total Access-log lines dropped because nobody "
             "drained them.\n"
             "# TYPE airgate_access_log_dropped_total counter\n";
    extra += "airgate_access_log_dropped_total " + QByteArray::number(m_shared.accessLog.dropped())
        + "\n";
    return m_shared.metrics.render(extra);
}

} // namespace Airgate::Runtime
