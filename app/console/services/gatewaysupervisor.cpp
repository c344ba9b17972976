// SPDX-License-Identifier: Apache-2.0
#include "gatewaysupervisor.h"

#include "consoletr.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QThread>

#include "io/pidlock.h"

#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace Airgate::Console {

MetricsSample parseMetrics(const QByteArray &text, qint64 atMs)
{
    MetricsSample s;
    s.atMs = atMs;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const int sp = line.lastIndexOf(' ');
        if (sp < 0)
            continue;
        const double v = line.mid(sp + 1).toDouble();
        if (line.startsWith("airgate_requests_total{")) {
            s.requests += v;
            const int c = line.indexOf("code=\"");
            if (c >= 0) {
                const char cls = line.at(c + 6);
                if (cls == '4')
                    s.clientErrors += v;
                else if (cls == '5')
                    s.serverErrors += v;
            }
        } else if (line.startsWith("airgate_request_duration_seconds_sum")) {
            s.latencySum = v;
        } else if (line.startsWith("airgate_request_duration_seconds_count")) {
            s.latencyCount = v;
        }
    }
    return s;
}

GatewaySupervisor::GatewaySupervisor(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &GatewaySupervisor::poll);
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &GatewaySupervisor::launch);
}

GatewaySupervisor::~GatewaySupervisor()
{
    if (m_process) {
        m_stopRequested = true;
        m_process->disconnect(this);
        m_process->terminate();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void GatewaySupervisor::setWorkspace(const QString &root)
{
    const bool running = m_state == State::Running || m_state == State::Starting;
    m_workspace = root;
    if (running)
        restart();
}

QString GatewaySupervisor::executable() const
{
    if (!m_program.isEmpty())
        return m_program;
    const QString env = qEnvironmentVariable("AIRGATECTL");
    if (!env.isEmpty())
        return env;
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates {appDir + QStringLiteral("/airgatectl"),
                                  appDir + QStringLiteral("/../cli/airgatectl")};
    for (const QString &c : candidates)
        if (QFileInfo(c).isExecutable())
            return QFileInfo(c).canonicalFilePath();
#ifdef AIRGATECTL_BUILD_PATH
    if (QFileInfo(QStringLiteral(AIRGATECTL_BUILD_PATH)).isExecutable())
        return QStringLiteral(AIRGATECTL_BUILD_PATH);
#endif
    return QStandardPaths::findExecutable(QStringLiteral("airgatectl"));
}

qint64 GatewaySupervisor::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString GatewaySupervisor::stateRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/gateway");
}

QString GatewaySupervisor::stateDir() const
{
    if (m_workspace.isEmpty())
        return {};
    return stateRoot() + u'/'
        + QString::fromLatin1(QCryptographicHash::hash(QDir(m_workspace).absolutePath().toUtf8(),
                                                       QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(16));
}

namespace {

/** The parent pid of @p pid from /proc (0 when it is gone or unknown). */
qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() : 0;
}

bool alive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

QList<qint64> GatewaySupervisor::stopLeftovers()
{
    QList<qint64> stopped;
    const QDir root(stateRoot());
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString lockFile = root.filePath(name) + QStringLiteral("/gateway.pid");
        const auto info = Io::PidLock::holder(lockFile);
        if (!info)
            continue;
        const qint64 pid = info->value(QStringLiteral("pid")).toInteger();
        const qint64 parent = info->value(QStringLiteral("parent")).toInteger();
        if (pid <= 0 || pid == this->pid())
            continue;
        const QString ws = info->value(QStringLiteral("workspace")).toString();
        // Still the child of the console that started it (another window): not ours to stop.
        if (parent > 1 && parent != QCoreApplication::applicationPid() && parentOf(pid) == parent) {
            const QString text = Tr::tr("The gateway of another Airgate window (pid %1) serves %2; "
                                        "it was left running.")
                                     .arg(pid)
                                     .arg(ws);
            emit leftoverFound(pid, false, text);
            emit notice(text);
            continue;
        }
        ::kill(static_cast<pid_t>(pid), SIGTERM); // drains in-flight requests, then exits
        QElapsedTimer t;
        t.start();
        while (Io::PidLock::holder(lockFile) && t.elapsed() < kLeftoverGraceMs)
            QThread::msleep(20);
        if (Io::PidLock::holder(lockFile) && alive(pid)) {
            ::kill(static_cast<pid_t>(pid), SIGKILL);
            t.restart();
            while (Io::PidLock::holder(lockFile) && t.elapsed() < 2000)
                QThread::msleep(20);
        }
        stopped << pid;
        const QString text = Tr::tr("A gateway left running by an earlier Airgate session "
                                    "(pid %1, serving %2) was found and stopped.")
                                 .arg(pid)
                                 .arg(ws);
        emit leftoverFound(pid, true, text);
        emit notice(text);
    }
    return stopped;
}

void GatewaySupervisor::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
}

void GatewaySupervisor::start()
{
    if (m_state == State::Running || m_state == State::Starting)
        return;
    m_crashTimes.clear();
    m_stopRequested = false;
    launch();
}

void GatewaySupervisor::launch()
{
    if (m_workspace.isEmpty())
        return;
    const QString program = executable();
    if (program.isEmpty()) {
        emit notice(Tr::tr("Cannot start the gateway: airgatectl was not found beside the console "
                           "or on PATH."));
        setState(State::Failed);
        return;
    }
    // Per-workspace state (quotas, last good config, admin token) in the user's data folder.
    const QString state = stateDir();
    QDir().mkpath(state);
    // A gateway an earlier console left would hold our ports and state folder.
    stopLeftovers();

    m_stdout.clear();
    m_ready = {};
    m_status = {};
    m_token.clear();
    auto *p = new QProcess(this);
    m_process = p;
    p->setProgram(program);
    QStringList args {QStringLiteral("serve"),
                      QStringLiteral("--path"),
                      m_workspace,
                      QStringLiteral("--admin"),
                      QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--state"),
                      state,
                      QStringLiteral("--no-watch"),
                      QStringLiteral("--exit-with-parent")};
    args += m_extraArgs;
    p->setArguments(args);
#ifdef __linux__
    // The child must not outlive the console, however the console ends (kill -9 included): the
    // kernel sends it SIGTERM when we die. Set between fork and exec; the flag survives exec.
    // `--exit-with-parent` also ends it when its stdin (our pipe) closes.
    p->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(p, &QProcess::readyReadStandardOutput, this, &GatewaySupervisor::onStdout);
    connect(p, &QProcess::readyReadStandardError, this, [this, p] {
        const QByteArray err = p->readAllStandardError();
        for (const QByteArray &l : err.split('\n'))
            if (!l.trimmed().isEmpty())
                emit logLine(QString::fromUtf8(l));
    });
    connect(p, &QProcess::finished, this, &GatewaySupervisor::onFinished);
    connect(p, &QProcess::errorOccurred, this, [this, p](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            emit notice(Tr::tr("Cannot start the gateway: %1").arg(p->errorString()));
            setState(State::Failed);
            p->deleteLater();
        }
    });
    setState(State::Starting);
    p->start();
}

void GatewaySupervisor::onStdout()
{
    if (!m_process)
        return;
    m_stdout += m_process->readAllStandardOutput();
    int nl;
    while ((nl = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(nl);
        m_stdout.remove(0, nl + 1);
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("event")).toString() == QLatin1StringView("ready")) {
            m_ready = o;
            connectAdmin();
            setState(State::Running);
            emit ready(o);
        } else if (!line.trimmed().isEmpty()) {
            emit logLine(QString::fromUtf8(line));
        }
    }
}

void GatewaySupervisor::onFinished(int code, QProcess::ExitStatus status)
{
    QProcess *p = m_process;
    if (m_events)
        m_events->abort();
    m_poll.stop();
    if (p)
        p->deleteLater();
    m_process = nullptr;
    m_ready = {};
    if (m_stopRequested) {
        setState(State::Stopped);
        return;
    }
    const qint64 now = m_clock.elapsed();
    m_crashTimes.append(now);
    m_crashTimes.removeIf([now](qint64 t) { return now - t > kCrashWindowMs; });
    const QString how = status == QProcess::CrashExit ? Tr::tr("crashed")
                                                      : Tr::tr("exited with code %1").arg(code);
    if (m_crashTimes.size() >= kMaxCrashes) {
        emit notice(Tr::tr("The gateway %1 and was restarted %2 times within a minute; it stays "
                           "stopped. See its log lines for the cause.")
                        .arg(how)
                        .arg(kMaxCrashes - 1));
        setState(State::Failed);
        return;
    }
    ++m_restarts;
    emit notice(Tr::tr("The gateway %1; restarting it.").arg(how));
    setState(State::Starting);
    m_restartTimer.start(500 * m_crashTimes.size());
}

void GatewaySupervisor::stop()
{
    m_restartTimer.stop();
    if (!m_process) {
        setState(State::Stopped);
        return;
    }
    m_stopRequested = true;
    setState(State::Stopping);
    m_process->terminate(); // SIGTERM: the gateway drains in-flight requests
    QPointer<QProcess> p = m_process;
    QTimer::singleShot(5000, this, [p] {
        if (p && p->state() != QProcess::NotRunning)
            p->kill();
    });
}

void GatewaySupervisor::restart()
{
    if (!m_process) {
        start();
        return;
    }
    m_stopRequested = true;
    QPointer<QProcess> p = m_process;
    connect(p, &QProcess::finished, this, [this] {
        m_stopRequested = false;
        m_crashTimes.clear();
        QTimer::singleShot(0, this, &GatewaySupervisor::launch);
    });
    m_process->terminate();
}

QNetworkRequest GatewaySupervisor::adminRequest(const QString &path) const
{
    QNetworkRequest req(QUrl(QStringLiteral("http://") + m_admin + path));
    req.setRawHeader("Authorization", "Bearer " + m_token);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    return req;
}

void GatewaySupervisor::connectAdmin()
{
    m_admin = m_ready.value(QStringLiteral("admin")).toString();
    QFile tokenFile(m_ready.value(QStringLiteral("adminTokenFile")).toString());
    if (tokenFile.open(QIODevice::ReadOnly))
        m_token = tokenFile.readAll().trimmed();
    m_samples.clear();
    openEvents();
    poll();
    m_poll.start();
}

void GatewaySupervisor::openEvents()
{
    if (m_events)
        m_events->abort();
    m_eventBuffer.clear();
    QNetworkRequest req = adminRequest(QStringLiteral("/api/events"));
    req.setRawHeader("Accept", "text/event-stream");
    m_events = m_net.get(req);
    connect(m_events, &QNetworkReply::readyRead, this, &GatewaySupervisor::onEventData);
    connect(m_events, &QNetworkReply::finished, this, [this, r = m_events] {
        r->deleteLater();
        // The stream ends when the child goes; reconnect while it still runs.
        if (m_state == State::Running && m_process && r == m_events)
            QTimer::singleShot(500, this, [this] {
                if (m_state == State::Running)
                    openEvents();
            });
    });
}

void GatewaySupervisor::onEventData()
{
    if (!m_events)
        return;
    m_eventBuffer += m_events->readAll();
    int end;
    while ((end = m_eventBuffer.indexOf("\n\n")) >= 0) {
        const QByteArray block = m_eventBuffer.left(end);
        m_eventBuffer.remove(0, end + 2);
        QByteArray name = "message";
        QByteArray data;
        for (const QByteArray &line : block.split('\n')) {
            if (line.startsWith("event:"))
                name = line.mid(6).trimmed();
            else if (line.startsWith("data:"))
                data += (data.isEmpty() ? QByteArray() : QByteArray("\n")) + line.mid(5).trimmed();
        }
        if (!data.isEmpty())
            handleEvent(name, data);
    }
}

void GatewaySupervisor::handleEvent(const QByteArray &name, const QByteArray &data)
{
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    if (name == "access") {
        emit accessEvent(o);
    } else if (name == "reload") {
        emit reloaded(o);
        if (!o.value(QStringLiteral("ok")).toBool()) {
            QStringList errors;
            for (const auto &e : o.value(QStringLiteral("errors")).toArray())
                errors << e.toString();
            emit notice(Tr::tr("The gateway kept its last good configuration: %1")
                            .arg(errors.join(QStringLiteral("; "))));
        }
        poll();
    }
}

void GatewaySupervisor::poll()
{
    if (m_state != State::Running && m_state != State::Starting)
        return;
    QNetworkReply *status = m_net.get(adminRequest(QStringLiteral("/api/status")));
    connect(status, &QNetworkReply::finished, this, [this, status] {
        status->deleteLater();
        if (status->error() != QNetworkReply::NoError)
            return;
        m_status = QJsonDocument::fromJson(status->readAll()).object();
        emit statusUpdated(m_status);
    });
    QNetworkReply *metrics = m_net.get(adminRequest(QStringLiteral("/metrics")));
    connect(metrics, &QNetworkReply::finished, this, [this, metrics] {
        metrics->deleteLater();
        if (metrics->error() != QNetworkReply::NoError)
            return;
        const MetricsSample s = parseMetrics(metrics->readAll(), m_clock.elapsed());
        m_samples.append(s);
        if (m_samples.size() > 300)
            m_samples.removeFirst();
        emit metricsUpdated(s);
    });
}

void GatewaySupervisor::reload()
{
    if (m_state != State::Running)
        return;
    QNetworkReply *r = m_net.post(adminRequest(QStringLiteral("/api/reload")), QByteArray());
    connect(r, &QNetworkReply::finished, r, &QObject::deleteLater);
}

} // namespace Airgate::Console
