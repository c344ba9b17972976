// SPDX-License-Identifier: Apache-2.0
// Who owns a gateway and its addresses: a second `airgatectl serve` on a served address (entry
// point, portal preview, admin) or state folder exits 2 and says why; `--exit-with-parent` ends
// the gateway when its parent dies (kill -9, through PR_SET_PDEATHSIG) or closes its stdin;
// under systemd (Type=notify) it reports READY=1 once listening, RELOADING=1/READY=1 around a
// SIGHUP reload and STOPPING=1 when draining.
#include "gatewaytest.h"
#include "io/pidlock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace AirgateTest;

namespace {

bool accepting(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(500);
}

/** Polls until nothing accepts on @p port; @return the milliseconds it took, or -1. */
qint64 waitClosed(quint16 port, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (!accepting(port))
            return t.elapsed();
        QTest::qWait(20);
    }
    return -1;
}

/** Whether @p pid runs (neither gone nor a zombie). */
bool runningProcess(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) != "Z";
}

struct Run
{
    int exitCode = -1;
    QByteArray err;
};

/** Runs `airgatectl serve` to completion (it is expected to refuse). */
Run serve(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(AIRGATECTL_PATH), QStringList {QStringLiteral("serve")} + args);
    Run r;
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not exit";
        return r;
    }
    r.exitCode = p.exitCode();
    r.err = p.readAllStandardError();
    return r;
}

/** @brief The service manager's end of sd_notify(3): a datagram socket at a path. */
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
        : m_path(path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un a {};
        a.sun_family = AF_UNIX;
        const QByteArray p = QFile::encodeName(path);
        if (m_fd < 0 || p.size() >= static_cast<qsizetype>(sizeof a.sun_path))
            return;
        std::memcpy(a.sun_path, p.constData(), static_cast<size_t>(p.size()));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    }
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        QFile::remove(m_path);
    }
    bool bound() const { return m_bound; }
    /** The next message, or empty after @p timeoutMs. */
    QByteArray next(int timeoutMs = 10000)
    {
        pollfd p {m_fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) != 1)
            return {};
        char buf[4096];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        return n > 0 ? QByteArray(buf, n) : QByteArray();
    }

private:
    QString m_path;
    int m_fd = -1;
    bool m_bound = false;
};

bool hasLine(const QByteArray &message, const QByteArray &line)
{
    return message.split('\n').contains(line);
}

} // namespace

class TestGatewayLifetime : public QObject
{
    Q_OBJECT

private slots:
    void secondGatewayOnAServedEntryPointExitsTwo()
    {
        TestUpstream up;
        GatewayProcess first;
        first.write(QStringLiteral("ws.yaml"), baseWorkspace());
        first.write(QStringLiteral("airgate.yaml"), settingsFor(up.port()));
        QVERIFY2(first.start(), qPrintable(first.error()));
        const quint16 port = first.port();

        QTemporaryDir state;
        const Run r = serve({QStringLiteral("--path"), first.workspace(), QStringLiteral("--state"),
                             state.path(), QStringLiteral("--listen"),
                             QStringLiteral("web=127.0.0.1:%1").arg(port)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("127.0.0.1:%1 is already in use by another process")
                                    .arg(port)
                                    .toUtf8()),
                 r.err.constData());
        // The first one still serves everything, alone.
        QCOMPARE(get(port, "orders.test", "/orders", "key-a").status, 200);
        QCOMPARE(first.stop(), 0);
    }

    void anyListenerOfAnotherProcessCounts_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("entry point") << QStringLiteral("listen");
        QTest::newRow("portal preview") << QStringLiteral("portal");
        QTest::newRow("admin") << QStringLiteral("admin");
    }

    void anyListenerOfAnotherProcessCounts()
    {
        QFETCH(QString, what);
        // Not a gateway at all: a plain listener (QTcpServer sets no SO_REUSEPORT) in this process.
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        const QString addr = QStringLiteral("127.0.0.1:%1").arg(other.serverPort());
        QTemporaryDir ws;
        QTemporaryDir state;
        QByteArray settings = "entryPoints:\n  web: 127.0.0.1:0\n";
        if (what == QLatin1StringView("portal"))
            settings += "portalPreview:\n  apps/portal: " + addr.toUtf8() + "\n";
        QFile f(ws.path() + QStringLiteral("/airgate.yaml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(settings);
        f.close();
        QStringList args {QStringLiteral("--path"), ws.path(), QStringLiteral("--state"),
                          state.path()};
        if (what == QLatin1StringView("listen"))
            args << QStringLiteral("--listen") << QStringLiteral("web=") + addr;
        if (what == QLatin1StringView("admin"))
            args << QStringLiteral("--admin") << addr;
        const Run r = serve(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     (addr + QStringLiteral(" is already in use by another process")).toUtf8()),
                 r.err.constData());
    }

    void oneGatewayPerStateFolder()
    {
        TestUpstream up;
        GatewayProcess first;
        first.write(QStringLiteral("ws.yaml"), baseWorkspace());
        first.write(QStringLiteral("airgate.yaml"), settingsFor(up.port()));
        QVERIFY2(first.start(), qPrintable(first.error()));
        // The lock names the owner.
        const auto holder
            = Airgate::Io::PidLock::holder(first.stateDir() + QStringLiteral("/gateway.pid"));
        QVERIFY(holder.has_value());
        QVERIFY(holder->value(QStringLiteral("pid")).toInteger() > 0);
        QCOMPARE(holder->value(QStringLiteral("workspace")).toString(),
                 QDir(first.workspace()).absolutePath());
        QVERIFY(!holder->value(QStringLiteral("admin")).toString().isEmpty());

        const Run r = serve({QStringLiteral("--path"), first.workspace(), QStringLiteral("--state"),
                             first.stateDir(), QStringLiteral("--listen"),
                             QStringLiteral("web=127.0.0.1:0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("already serves from the state folder"), r.err.constData());
        QVERIFY2(
            r.err.contains(QByteArray::number(holder->value(QStringLiteral("pid")).toInteger())),
            r.err.constData());
        QCOMPARE(first.stop(), 0);
        // Released on exit: the folder is free again.
        QVERIFY(!Airgate::Io::PidLock::holder(first.stateDir() + QStringLiteral("/gateway.pid")));
    }

    void tellsSystemdReadyReloadingAndStopping()
    {
        TestUpstream up;
        QTemporaryDir dir;
        NotifySocket manager(dir.path() + QStringLiteral("/notify"));
        QVERIFY(manager.bound());
        GatewayProcess gw;
        gw.write(QStringLiteral("ws.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(up.port()));
        qputenv("NOTIFY_SOCKET", QFile::encodeName(dir.path() + QStringLiteral("/notify")));
        const bool started = gw.start({QStringLiteral("--no-watch")});
        qunsetenv("NOTIFY_SOCKET");
        QVERIFY2(started, qPrintable(gw.error()));

        // READY=1 comes once the listeners are bound: the entry point answers.
        const QByteArray ready = manager.next();
        QVERIFY2(hasLine(ready, "READY=1"), ready.constData());
        QVERIFY2(ready.contains("STATUS=Serving"), ready.constData());
        QCOMPARE(get(gw.port(), "orders.test", "/orders", "key-a").status, 200);

        // systemctl reload: SIGHUP, RELOADING=1 (with MONOTONIC_USEC), then READY=1 when the
        // new snapshot serves.
        const auto holder
            = Airgate::Io::PidLock::holder(gw.stateDir() + QStringLiteral("/gateway.pid"));
        QVERIFY(holder.has_value());
        const auto pid = static_cast<pid_t>(holder->value(QStringLiteral("pid")).toInteger());
        const quint64 gen = gw.status().value(QStringLiteral("generation")).toInteger();
        gw.write(QStringLiteral("ws.yaml"),
                 baseWorkspace("title: Gold\n  rateLimit: {limit: 5, period: 1s}"));
        QCOMPARE(::kill(pid, SIGHUP), 0);
        const QByteArray reloading = manager.next();
        QVERIFY2(hasLine(reloading, "RELOADING=1"), reloading.constData());
        QVERIFY2(reloading.contains("MONOTONIC_USEC="), reloading.constData());
        const QByteArray reloaded = manager.next();
        QVERIFY2(hasLine(reloaded, "READY=1"), reloaded.constData());
        QVERIFY2(
            reloaded.contains(QStringLiteral("STATUS=Serving generation %1").arg(gen + 1).toUtf8()),
            reloaded.constData());
        QCOMPARE(gw.status().value(QStringLiteral("generation")).toInteger(),
                 static_cast<qint64>(gen + 1));

        // A reload that fails keeps serving and says so.
        gw.write(QStringLiteral("ws.yaml"), "kind: [unclosed\n");
        QCOMPARE(::kill(pid, SIGHUP), 0);
        QVERIFY(hasLine(manager.next(), "RELOADING=1"));
        const QByteArray kept = manager.next();
        QVERIFY2(hasLine(kept, "READY=1"), kept.constData());
        QVERIFY2(kept.contains("Reload failed"), kept.constData());
        QCOMPARE(get(gw.port(), "orders.test", "/orders", "key-a").status, 200);

        // systemctl stop: SIGTERM, STOPPING=1 while draining, exit 0.
        QCOMPARE(gw.stop(), 0);
        const QByteArray stopping = manager.next();
        QVERIFY2(hasLine(stopping, "STOPPING=1"), stopping.constData());
    }

    void sameProcessReloadKeepsItsOwnAddress()
    {
        // A reload that changes an entry point's limits re-binds the same address: our own
        // listeners are not "another process".
        TestUpstream up;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        GatewayProcess gw;
        gw.write(QStringLiteral("ws.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(up.port()));
        QVERIFY2(
            gw.start({QStringLiteral("--listen"), QStringLiteral("web=127.0.0.1:%1").arg(port)}),
            qPrintable(gw.error()));
        const quint64 gen = gw.status().value(QStringLiteral("generation")).toInteger();
        gw.write(QStringLiteral("airgate.yaml"),
                 settingsFor(up.port(), "limits: {maxHeaderBytes: 20000}\n"));
        QVERIFY(gw.waitForGeneration(gen));
        QCOMPARE(get(port, "orders.test", "/orders", "key-a").status, 200);
        QCOMPARE(gw.stop(), 0);
    }

    void failedReloadClosesTheSocketsItOpened()
    {
        // A reload adds two entry points; the second's address is taken, so the reload fails.
        // The sockets it had already opened for the first must be closed, not leaked per reload.
        TestUpstream up;
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        GatewayProcess gw;
        gw.write(QStringLiteral("ws.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(up.port()));
        QVERIFY2(gw.start({QStringLiteral("--no-watch")}, 2), qPrintable(gw.error()));
        const auto holder
            = Airgate::Io::PidLock::holder(gw.stateDir() + QStringLiteral("/gateway.pid"));
        QVERIFY(holder);
        const QString fdDir
            = QStringLiteral("/proc/%1/fd").arg(holder->value(QStringLiteral("pid")).toInteger());
        auto openFiles = [&] {
            return QDir(fdDir)
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
                .size();
        };
        QByteArray settings = settingsFor(up.port());
        const QByteArray more = "  aaa: 127.0.0.1:0\n  zzz: 127.0.0.1:"
            + QByteArray::number(other.serverPort()) + '\n';
        QByteArray with = "web: 127.0.0.1:0\n";
        with += more;
        settings.replace("web: 127.0.0.1:0\n", with);
        gw.write(QStringLiteral("airgate.yaml"), settings);
        const Reply first = gw.admin("POST", "/api/reload");
        QCOMPARE(first.json().value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(first.body.contains("already in use"), first.body.constData());
        const qsizetype before = openFiles();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(gw.admin("POST", "/api/reload").json().value(QStringLiteral("ok")).toBool(),
                     false);
        // Two workers: the old code leaked two sockets per failed reload (10 here).
        QVERIFY2(openFiles() - before < 3,
                 qPrintable(QStringLiteral("%1 → %2 open files").arg(before).arg(openFiles())));
        QCOMPARE(get(gw.port(), "orders.test", "/orders", "key-a").status, 200);
        QCOMPARE(gw.stop(), 0);
        QVERIFY2(gw.stderrText().contains("airgate.gateway: reload refused: entry point zzz"),
                 gw.stderrText().constData());
    }

    void stateFolderFailuresAreWarnings()
    {
        // The access log cannot be opened (a folder is in its place): the gateway serves, says
        // so once in its log, and lists it in /api/status warnings.
        TestUpstream up;
        GatewayProcess gw;
        QVERIFY(QDir().mkpath(gw.stateDir() + QStringLiteral("/access.log")));
        gw.write(QStringLiteral("ws.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(up.port()));
        QVERIFY2(gw.start({QStringLiteral("--log-format"), QStringLiteral("json")}),
                 qPrintable(gw.error()));
        QCOMPARE(get(gw.port(), "orders.test", "/orders", "key-a").status, 200);
        const QJsonArray warnings = gw.status().value(QStringLiteral("warnings")).toArray();
        bool listed = false;
        for (const QJsonValue &w : warnings)
            listed = listed || w.toString().contains(QStringLiteral("cannot open the access log"));
        QVERIFY2(listed, QJsonDocument(warnings).toJson().constData());
        QCOMPARE(gw.stop(), 0);
        const QByteArray err = gw.stderrText();
        QByteArray line;
        for (const QByteArray &l : err.split('\n'))
            if (l.startsWith('{') && l.contains("cannot open the access log"))
                line = l;
        QVERIFY2(!line.isEmpty(), err.constData());
        // Once in the log (the other mention is serve's summary of /api/status warnings).
        QCOMPARE(err.count("\"message\":\"cannot open the access log"), 1);
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(o.value(QStringLiteral("category")).toString(), QStringLiteral("airgate.gateway"));
        QVERIFY(o.value(QStringLiteral("time")).toString().endsWith(u'Z'));
    }

    void logLevelFilters()
    {
        TestUpstream up;
        GatewayProcess gw;
        QVERIFY(QDir().mkpath(gw.stateDir() + QStringLiteral("/access.log")));
        gw.write(QStringLiteral("ws.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(up.port()));
        QVERIFY2(gw.start({QStringLiteral("--log-level"), QStringLiteral("error")}),
                 qPrintable(gw.error()));
        QCOMPARE(gw.stop(), 0);
        QVERIFY(!gw.stderrText().contains("airgate.gateway:"));
        QVERIFY(gw.stderrText().contains("warning: cannot open the access log")); // the summary
    }

    void exitWithParentWhenStdinCloses()
    {
        TestUpstream up;
        GatewayProcess gw;
        gw.write(QStringLiteral("ws.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(up.port()));
        QVERIFY2(gw.start({QStringLiteral("--exit-with-parent")}), qPrintable(gw.error()));
        const quint16 port = gw.port();
        QVERIFY(accepting(port));
        gw.closeStdin();
        const qint64 ms = waitClosed(port, 2000);
        QVERIFY2(ms >= 0, "the port stayed open 2 s after stdin closed");
        QTRY_VERIFY_WITH_TIMEOUT(!gw.running(), 5000);
        QCOMPARE(gw.stop(), 0);
        QVERIFY(gw.stderrText().contains("stdin closed"));
    }

    void exitWithParentWhenTheParentIsKilled()
    {
        // The parent is a shell we kill -9; the gateway's stdin is a FIFO this test keeps open,
        // so only the kernel's parent-death signal can end it.
        TestUpstream up;
        QTemporaryDir tmp;
        const QString ws = tmp.path() + QStringLiteral("/ws");
        QDir().mkpath(ws);
        QFile wsFile(ws + QStringLiteral("/ws.yaml"));
        QVERIFY(wsFile.open(QIODevice::WriteOnly));
        wsFile.write(baseWorkspace());
        wsFile.close();
        QFile settings(ws + QStringLiteral("/airgate.yaml"));
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write(settingsFor(up.port()));
        settings.close();
        const QString fifo = tmp.path() + QStringLiteral("/stdin");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const int keep = ::open(QFile::encodeName(fifo).constData(), O_RDWR);
        QVERIFY(keep >= 0);

        QProcess shell;
        shell.setProcessChannelMode(QProcess::SeparateChannels);
        shell.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"),
                     QStringLiteral("\"$0\" serve --path \"$1\" --state \"$2\" --admin 127.0.0.1:0 "
                                    "--listen web=127.0.0.1:0 --exit-with-parent < \"$3\" & wait"),
                     QStringLiteral(AIRGATECTL_PATH), ws, tmp.path() + QStringLiteral("/state"),
                     fifo});
        QVERIFY(shell.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(shell.canReadLine(), 15000);
        const QJsonObject ready = QJsonDocument::fromJson(shell.readLine()).object();
        const quint16 port = static_cast<quint16>(ready.value(QStringLiteral("entryPoints"))
                                                      .toObject()
                                                      .value(QStringLiteral("web"))
                                                      .toString()
                                                      .section(u':', -1)
                                                      .toUInt());
        QVERIFY(port > 0);
        QVERIFY(accepting(port));
        const auto holder
            = Airgate::Io::PidLock::holder(tmp.path() + QStringLiteral("/state/gateway.pid"));
        QVERIFY(holder.has_value());
        const qint64 gatewayPid = holder->value(QStringLiteral("pid")).toInteger();
        QCOMPARE(holder->value(QStringLiteral("parent")).toInteger(), shell.processId());

        ::kill(static_cast<pid_t>(shell.processId()), SIGKILL);
        QVERIFY(shell.waitForFinished(5000));
        const qint64 ms = waitClosed(port, 2000);
        QVERIFY2(ms >= 0, "the port stayed open 2 s after the parent was killed");
        qInfo("port closed %lld ms after kill -9 of the parent", ms);
        QTRY_VERIFY_WITH_TIMEOUT(
            !Airgate::Io::PidLock::holder(tmp.path() + QStringLiteral("/state/gateway.pid")), 5000);
        // Gone, or a zombie waiting for whoever adopted it to reap it.
        QTRY_VERIFY_WITH_TIMEOUT(!runningProcess(gatewayPid), 5000);
        ::close(keep);
    }
};

QTEST_GUILESS_MAIN(TestGatewayLifetime)
#include "tst_gateway_lifetime.moc"
