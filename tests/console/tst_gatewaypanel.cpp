// SPDX-License-Identifier: Apache-2.0
// The gateway panel with a real supervised `airgatectl serve` child: start, listeners, ignored
// resources, live access log with filters, metrics charts, try-request with a keychain key,
// reload on save, restart after a crash, stop.
#include "consoletest.h"
#include "io/pidlock.h"
#include "mainwindow.h"
#include "models/workspacemodel.h"
#include "panels/gatewaypanel.h"
#include "services/gatewaysupervisor.h"
#include "services/keymanager.h"
#include "services/secretstore.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <csignal>

using namespace Airgate;
using namespace Airgate::Console;

namespace {

/** Whether @p pid runs (neither gone nor a zombie). */
bool processRuns(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) != "Z";
}

const QString kApp = QStringLiteral("ManagedApplication|apps|partner-app");

/** The example on port 0 everywhere, plus an API without auth in another namespace (ignored). */
QString prepareWorkspace(const QTemporaryDir &tmp)
{
    const QString dir = ConsoleTest::copyExample(tmp);
    QByteArray settings = ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml"));
    settings.replace("127.0.0.1:8800", "127.0.0.1:0");
    settings.replace("127.0.0.1:8890", "127.0.0.1:0");
    ConsoleTest::writeFile(dir + QStringLiteral("/airgate.yaml"), settings);
    QDir().mkpath(dir + QStringLiteral("/lab"));
    ConsoleTest::writeFile(dir + QStringLiteral("/lab/orphan.yaml"),
                           "apiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata:\n  name: "
                           "lab-api\n  namespace: lab\nspec:\n  title: Lab\n");
    return dir;
}
} // namespace

class TestGatewayPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ConsoleTest::isolate(); }

    void liveGateway()
    {
        QTemporaryDir tmp;
        const QString dir = prepareWorkspace(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        w.resize(1280, 860);
        QVERIFY(w.openWorkspace(dir, false));
        w.gateway()->setExecutable(QStringLiteral(AIRGATECTL_PATH));
        w.gateway()->setPollInterval(300);
        GatewayPanel *panel = w.gatewayPanel();

        // A key for the partner application, saved so the gateway knows its digest.
        NewKey key;
        bool generated = false;
        w.keyManager()->generate(kApp, QStringLiteral("panel test"), [&](const NewKey &k) {
            key = k;
            generated = true;
        });
        QTRY_VERIFY(generated);
        QVERIFY(w.saveAll());

        w.show();
        w.gatewayDock()->raise();
        QSignalSpy ready(w.gateway(), &GatewaySupervisor::ready);
        w.gateway()->start();
        QVERIFY(ready.wait(20000));
        QCOMPARE(w.gateway()->state(), GatewaySupervisor::State::Running);
        QVERIFY(panel->stateLabel()->text().contains(QStringLiteral("Running")));
        QVERIFY(!panel->portalUrl().isEmpty());
        // Listeners and ignored resources with reasons, from /api/status.
        QTRY_VERIFY_WITH_TIMEOUT(panel->listeners()->count() >= 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->ignoredTable()->rowCount() >= 1, 5000);
        bool reasonShown = false;
        for (int r = 0; r < panel->ignoredTable()->rowCount(); ++r)
            reasonShown = reasonShown
                || (panel->ignoredTable()->item(r, 0)->text() == QStringLiteral("lab/lab-api")
                    && panel->ignoredTable()->item(r, 2)->text().contains(
                        QStringLiteral("no authentication configuration found")));
        QVERIFY(reasonShown);

        // Try-request with the application's key read back from the store.
        panel->tryHost()->setText(QStringLiteral("weather.example.com"));
        panel->tryPath()->setText(QStringLiteral("/weather"));
        const int keyIndex
            = panel->tryApplication()->findData(QString(kApp + QStringLiteral("#1")));
        QVERIFY(keyIndex > 0);
        panel->tryApplication()->setCurrentIndex(keyIndex);
        QSignalSpy shown(panel, &GatewayPanel::responseShown);
        panel->sendTryRequest();
        QVERIFY(shown.wait(10000));
        QVERIFY2(panel->responseView()->toPlainText().startsWith(QStringLiteral("HTTP 200")),
                 qPrintable(panel->responseView()->toPlainText()));
        QVERIFY(!panel->responseView()->toPlainText().contains(QString::fromLatin1(key.plaintext)));
        // Without a key: 401 from the gateway.
        panel->tryApplication()->setCurrentIndex(0);
        panel->sendTryRequest();
        QVERIFY(shown.wait(10000));
        QVERIFY(panel->responseView()->toPlainText().startsWith(QStringLiteral("HTTP 401")));

        // A little traffic for the log and the charts.
        panel->tryApplication()->setCurrentIndex(keyIndex);
        for (int i = 0; i < 5; ++i) {
            panel->sendTryRequest();
            QVERIFY(shown.wait(10000));
        }
        QTRY_VERIFY_WITH_TIMEOUT(panel->accessLog()->rowCount() >= 7, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->charts()->rate() > 0 || w.gateway()->samples().size() > 3,
                                 5000);
        QVERIFY(w.gateway()->samples().last().requests >= 7);
        QVERIFY(w.gateway()->samples().last().clientErrors >= 1);
        // Filters: status class and application.
        AccessLogFilter *f = panel->accessLogFilter();
        f->setStatusClass(4);
        QCOMPARE(f->rowCount(), 1);
        f->setStatusClass(0);
        f->setApplication(QStringLiteral("apps/partner-app"));
        QVERIFY(f->rowCount() >= 6);
        f->setApplication(QString());

        // The gateway's reason from its access log, under the status (the 401 body may be empty).
        panel->tryApplication()->setCurrentIndex(0);
        panel->sendTryRequest();
        QVERIFY(shown.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(panel->responseView()->toPlainText().contains(
                                     QStringLiteral("Gateway: no API key in the request")),
                                 5000);
        QVERIFY(panel->responseView()->toPlainText().startsWith(QStringLiteral("HTTP 401")));
        // A pasted key: sent once, then gone from the field; never shown.
        panel->tryApplication()->setCurrentIndex(
            panel->tryApplication()->findData(GatewayPanel::kPastedKey));
        QVERIFY(!panel->tryPastedKey()->isHidden()); // shown for "Paste a key…"
        QCOMPARE(panel->tryPastedKey()->echoMode(), QLineEdit::Password);
        panel->tryPastedKey()->setText(QString::fromLatin1(key.plaintext));
        panel->sendTryRequest();
        QVERIFY(shown.wait(10000));
        QVERIFY2(panel->responseView()->toPlainText().startsWith(QStringLiteral("HTTP 200")),
                 qPrintable(panel->responseView()->toPlainText()));
        QVERIFY(panel->tryPastedKey()->text().isEmpty());
        QVERIFY(!panel->responseView()->toPlainText().contains(QString::fromLatin1(key.plaintext)));
        QTRY_VERIFY_WITH_TIMEOUT(panel->responseView()->toPlainText().contains(
                                     QStringLiteral("application apps/partner-app")),
                                 5000);
        // Method, headers and body are sent as given; the answer shows its headers and body.
        panel->tryApplication()->setCurrentIndex(keyIndex);
        panel->tryMethod()->setCurrentText(QStringLiteral("POST"));
        panel->tryHeaders()->setPlainText(QStringLiteral("Accept: application/json\nX-Trace: t1"));
        panel->tryBody()->setPlainText(QStringLiteral("{\"city\": \"Lyon\"}"));
        const int before = panel->accessLog()->rowCount();
        panel->sendTryRequest();
        QVERIFY(shown.wait(10000));
        const QString answer = panel->responseView()->toPlainText();
        QVERIFY2(answer.startsWith(QStringLiteral("HTTP ")), qPrintable(answer));
        QVERIFY2(answer.contains(QStringLiteral("\nContent-Type: "), Qt::CaseInsensitive)
                     || answer.contains(QStringLiteral("\nContent-Length: "), Qt::CaseInsensitive),
                 qPrintable(answer));
        QTRY_VERIFY_WITH_TIMEOUT(panel->accessLog()->rowCount() > before, 5000);
        QCOMPARE(panel->accessLog()->entry(0).value(QStringLiteral("method")).toString(),
                 QStringLiteral("POST"));
        // A line that is not a header is refused before anything is sent.
        panel->tryHeaders()->setPlainText(QStringLiteral("not a header"));
        panel->sendTryRequest();
        QVERIFY(shown.wait(10000));
        QVERIFY(panel->responseView()->toPlainText().contains(QStringLiteral("is not a header")));
        panel->tryHeaders()->clear();
        panel->tryBody()->clear();
        panel->tryMethod()->setCurrentText(QStringLiteral("GET"));

        if (qEnvironmentVariableIsSet("AIRGATE_SCREENSHOTS")) {
            w.resizeDocks({w.gatewayDock()}, {430}, Qt::Vertical);
            QTest::qWait(1200);
            w.grab().save(qEnvironmentVariable("AIRGATE_SCREENSHOTS")
                          + QStringLiteral("/gateway-panel.png"));
        }

        // Reload on save: a new generation.
        const int generation
            = w.gateway()->lastStatus().value(QStringLiteral("generation")).toInt();
        QSignalSpy reloaded(w.gateway(), &GatewaySupervisor::reloaded);
        w.model()->setValue(QStringLiteral("APIPlan|apps|standard-plan"),
                            QStringLiteral("spec.title"), QStringLiteral("Reloaded plan"));
        QVERIFY(w.saveAll());
        QVERIFY(reloaded.wait(10000));
        QVERIFY(reloaded.first().first().toJsonObject().value(QStringLiteral("ok")).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(
            w.gateway()->lastStatus().value(QStringLiteral("generation")).toInt() > generation,
            5000);

        // A crash: the supervisor says so and restarts the child.
        QSignalSpy notices(w.gateway(), &GatewaySupervisor::notice);
        const qint64 pid = w.gateway()->pid();
        QVERIFY(pid > 0);
        ::kill(static_cast<pid_t>(pid), SIGKILL);
        QVERIFY(notices.wait(10000));
        QVERIFY(notices.first().first().toString().contains(QStringLiteral("restarting")));
        QVERIFY(ready.wait(20000));
        QCOMPARE(w.gateway()->state(), GatewaySupervisor::State::Running);
        QVERIFY(w.gateway()->pid() != pid);
        QCOMPARE(w.gateway()->restarts(), 1);

        // Stop drains and ends the child.
        QSignalSpy state(w.gateway(), &GatewaySupervisor::stateChanged);
        w.gateway()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(w.gateway()->state(), GatewaySupervisor::State::Stopped, 10000);
        QVERIFY(panel->stateLabel()->text().contains(QStringLiteral("Stopped")));
    }

    void leftoverGatewayIsStoppedAtStart()
    {
        // A gateway whose console is gone (here: started by a shell that exited at once) holds
        // the state folder's lock. The next console finds it when its window opens, stops it
        // and says so.
        QTemporaryDir tmp;
        const QString dir = prepareWorkspace(tmp);
        GatewaySupervisor probe;
        probe.setWorkspace(dir);
        const QString state = probe.stateDir();
        QVERIFY(QDir().mkpath(state));
        QVERIFY(QProcess::startDetached(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "\"$0\" serve --path \"$1\" --state \"$2\" --admin 127.0.0.1:0 --listen "
                 "web=127.0.0.1:0 </dev/null >/dev/null 2>&1 &"),
             QStringLiteral(AIRGATECTL_PATH), dir, state}));
        const QString lockFile = state + QStringLiteral("/gateway.pid");
        QTRY_VERIFY_WITH_TIMEOUT(Io::PidLock::holder(lockFile).has_value(), 15000);
        const qint64 leftover
            = Io::PidLock::holder(lockFile)->value(QStringLiteral("pid")).toInteger();
        QVERIFY(leftover > 0);

        MemorySecretStore store;
        MainWindow w(&store);
        QSignalSpy found(w.gateway(), &GatewaySupervisor::leftoverFound);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        QVERIFY(found.wait(15000));
        QCOMPARE(found.first().at(0).toLongLong(), leftover);
        QCOMPARE(found.first().at(1).toBool(), true);
        QVERIFY(!Io::PidLock::holder(lockFile).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(!processRuns(leftover), 5000);
        // The user is told which: in the gateway panel and the status bar.
        QVERIFY2(
            w.gatewayPanel()->bannerText().contains(
                QStringLiteral("left running by an earlier Airgate session (pid %1").arg(leftover)),
            qPrintable(w.gatewayPanel()->bannerText()));
    }

    void gatewayOfAnotherLiveWindowIsLeftAlone()
    {
        QTemporaryDir tmp;
        const QString dir = prepareWorkspace(tmp);
        GatewaySupervisor probe;
        probe.setWorkspace(dir);
        const QString state = probe.stateDir();
        QVERIFY(QDir().mkpath(state));
        // Its parent (standing in for another console) stays alive.
        QProcess owner;
        owner.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"),
                     QStringLiteral("\"$0\" serve --path \"$1\" --state \"$2\" --admin 127.0.0.1:0 "
                                    "--listen web=127.0.0.1:0 >/dev/null 2>&1; true"),
                     QStringLiteral(AIRGATECTL_PATH), dir, state});
        QVERIFY(owner.waitForStarted());
        const QString lockFile = state + QStringLiteral("/gateway.pid");
        QTRY_VERIFY_WITH_TIMEOUT(Io::PidLock::holder(lockFile).has_value(), 15000);
        const qint64 pid = Io::PidLock::holder(lockFile)->value(QStringLiteral("pid")).toInteger();

        QSignalSpy found(&probe, &GatewaySupervisor::leftoverFound);
        QCOMPARE(probe.stopLeftovers(), QList<qint64>());
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().at(1).toBool(), false);
        QVERIFY(processRuns(pid));
        QVERIFY(Io::PidLock::holder(lockFile).has_value());
        ::kill(static_cast<pid_t>(pid), SIGTERM);
        QVERIFY(owner.waitForFinished(15000));
    }

    void consoleStartsItsGatewayToExitWithIt()
    {
        QTemporaryDir tmp;
        const QString dir = prepareWorkspace(tmp);
        GatewaySupervisor gw;
        gw.setExecutable(QStringLiteral(AIRGATECTL_PATH));
        gw.setWorkspace(dir);
        QSignalSpy ready(&gw, &GatewaySupervisor::ready);
        gw.start();
        QVERIFY(ready.wait(20000));
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(gw.pid()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        QVERIFY(cmdline.readAll().split('\0').contains("--exit-with-parent"));
        const auto holder = Io::PidLock::holder(gw.stateDir() + QStringLiteral("/gateway.pid"));
        QVERIFY(holder.has_value());
        QCOMPARE(holder->value(QStringLiteral("parent")).toInteger(),
                 QCoreApplication::applicationPid());
        QCOMPARE(holder->value(QStringLiteral("exitWithParent")).toBool(), true);
        gw.stop();
        QTRY_COMPARE_WITH_TIMEOUT(gw.state(), GatewaySupervisor::State::Stopped, 10000);
    }

    void aShortPanelScrollsRatherThanSqueezingTheTryRequestForm()
    {
        QTemporaryDir tmp;
        const QString dir = prepareWorkspace(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.gatewayDock()->show();
        w.gatewayDock()->raise();
        w.resizeDocks({w.gatewayDock()}, {260}, Qt::Vertical); // a short dock
        GatewayPanel *panel = w.gatewayPanel();
        auto *tabs = panel->findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i).contains(QStringLiteral("quest")))
                tabs->setCurrentIndex(i);
        QTest::qWait(50);
        QVERIFY(w.gatewayDock()->height() < 400);
        // Every row of the form keeps the height it needs (none is drawn over its neighbour).
        for (const char *name : {"tryKeyOf", "tryMethod"}) {
            auto *box = panel->findChild<QComboBox *>(QLatin1StringView(name));
            QVERIFY(box);
            QVERIFY2(box->height() >= box->minimumSizeHint().height(),
                     qPrintable(QStringLiteral("%1: %2 < %3")
                                    .arg(QLatin1StringView(name))
                                    .arg(box->height())
                                    .arg(box->minimumSizeHint().height())));
        }
        auto *response = panel->findChild<QPlainTextEdit *>(QStringLiteral("tryResponse"));
        QVERIFY(response && response->height() >= response->minimumHeight());
    }

    void lastGoodConfigurationShowsABannerWithReload()
    {
        QTemporaryDir tmp;
        const QString dir = prepareWorkspace(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.gateway()->setExecutable(QStringLiteral(AIRGATECTL_PATH));
        w.gateway()->setPollInterval(200);
        GatewayPanel *panel = w.gatewayPanel();
        QSignalSpy ready(w.gateway(), &GatewaySupervisor::ready);
        w.gateway()->start();
        QVERIFY(ready.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!w.gateway()->lastStatus().isEmpty(), 5000);
        QVERIFY(panel->bannerText().isEmpty());

        // A file that does not parse: the gateway keeps serving its last good configuration.
        ConsoleTest::writeFile(dir + QStringLiteral("/lab/broken.yaml"), "kind: [\n");
        QSignalSpy reloaded(w.gateway(), &GatewaySupervisor::reloaded);
        w.gateway()->reload();
        QVERIFY(reloaded.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->bannerText().isEmpty(), 5000);
        QVERIFY2(panel->bannerText().contains(QStringLiteral("last good configuration")),
                 qPrintable(panel->bannerText()));
        QVERIFY2(panel->bannerText().contains(QStringLiteral("lab/broken.yaml:")),
                 qPrintable(panel->bannerText()));
        QVERIFY(panel->stateLabel()->text().contains(QStringLiteral("last good")));
        auto *reload = panel->findChild<QPushButton *>(QStringLiteral("gatewayBannerReload"));
        QVERIFY(reload && reload->isVisibleTo(panel));

        // Fixed, then "Reload" in the banner: the workspace is served again.
        QVERIFY(QFile::remove(dir + QStringLiteral("/lab/broken.yaml")));
        reload->click();
        QVERIFY(reloaded.wait(10000));
        QVERIFY(reloaded.last().first().toJsonObject().value(QStringLiteral("ok")).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(panel->bannerText().isEmpty(), 5000);
        QVERIFY(!panel->stateLabel()->text().contains(QStringLiteral("last good")));
        w.gateway()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(w.gateway()->state(), GatewaySupervisor::State::Stopped, 10000);
    }

    void outsideChangeReloadsTheGateway()
    {
        // The gateway runs with --no-watch (the console reloads it after its own saves): a file
        // changed by another program must reload it too.
        QTemporaryDir tmp;
        const QString dir = prepareWorkspace(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.gateway()->setExecutable(QStringLiteral(AIRGATECTL_PATH));
        QSignalSpy ready(w.gateway(), &GatewaySupervisor::ready);
        w.gateway()->start();
        QVERIFY(ready.wait(20000));
        QSignalSpy reloaded(w.gateway(), &GatewaySupervisor::reloaded);
        QByteArray plan = ConsoleTest::readFile(dir + QStringLiteral("/plans/standard-plan.yaml"));
        plan.replace("limit: 100", "limit: 600");
        ConsoleTest::writeFile(dir + QStringLiteral("/plans/standard-plan.yaml"), plan);
        QVERIFY(reloaded.wait(10000));
        QVERIFY(reloaded.first().first().toJsonObject().value(QStringLiteral("ok")).toBool());
        QCOMPARE(
            reloaded.first().first().toJsonObject().value(QStringLiteral("trigger")).toString(),
            QStringLiteral("api"));
        w.gateway()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(w.gateway()->state(), GatewaySupervisor::State::Stopped, 10000);
    }

    void metricsParsing()
    {
        const QByteArray text
            = "# TYPE airgate_requests_total counter\n"
              "airgate_requests_total{api=\"apps/a\",code=\"200\",application=\"\"} 10\n"
              "airgate_requests_total{api=\"apps/a\",code=\"429\",application=\"x\"} 3\n"
              "airgate_requests_total{api=\"\",code=\"502\",application=\"\"} 2\n"
              "airgate_request_duration_seconds_sum 0.75\n"
              "airgate_request_duration_seconds_count 15\n";
        const MetricsSample s = parseMetrics(text, 1000);
        QCOMPARE(s.requests, 15.0);
        QCOMPARE(s.clientErrors, 3.0);
        QCOMPARE(s.serverErrors, 2.0);
        QCOMPARE(s.latencySum, 0.75);
        QCOMPARE(s.latencyCount, 15.0);
        TrafficCharts charts;
        MetricsSample later = s;
        later.atMs = 3000;
        later.requests = 35;
        later.latencySum = 1.75;
        later.latencyCount = 35;
        charts.setSamples({s, later});
        QCOMPARE(charts.rate(), 10.0); // 20 requests in 2 s
        QCOMPARE(charts.latencyMs(), 50.0); // 1 s over 20 requests
        QCOMPARE(charts.errorRate(), 0.0);
    }
};

QTEST_MAIN(TestGatewayPanel)
#include "tst_gatewaypanel.moc"
