// SPDX-License-Identifier: Apache-2.0
// Reload without loss: workspace edits under concurrent load fail no request; a broken
// workspace keeps the last good snapshot serving, and a cold start works from the saved one;
// SIGTERM drains in-flight requests and exits 0.
#include "gatewaytest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>
#include <thread>

using namespace AirgateTest;

namespace {

/** Keep-alive clients hammering the gateway until stopped; counts what did not come back as 200. */
class Load
{
public:
    Load(quint16 port, int clients)
    {
        for (int i = 0; i < clients; ++i)
            m_threads.emplace_back([this, port] { run(port); });
    }
    ~Load() { stop(); }
    void stop()
    {
        m_stop = true;
        for (auto &t : m_threads)
            if (t.joinable())
                t.join();
    }
    int ok() const { return m_ok.load(); }
    int failed() const { return m_failed.load(); }
    QByteArray firstFailure() const { return m_firstFailure; }

private:
    void run(quint16 port)
    {
        QTcpSocket s;
        QByteArray in;
        auto connect = [&] {
            s.abort();
            s.connectToHost(QHostAddress::LocalHost, port);
            return s.waitForConnected(2000);
        };
        if (!connect()) {
            fail("connect");
            return;
        }
        while (!m_stop) {
            s.write(
                "GET /echo HTTP/1.1\r\nHost: orders.test\r\nAuthorization: Bearer key-a\r\n\r\n");
            in.clear();
            QElapsedTimer t;
            t.start();
            bool done = false;
            while (!done && t.elapsed() < 5000) {
                if (!s.waitForReadyRead(200)) {
                    if (s.state() != QAbstractSocket::ConnectedState)
                        break;
                    continue;
                }
                in += s.readAll();
                const qsizetype end = in.indexOf("\r\n\r\n");
                if (end < 0)
                    continue;
                const qsizetype cl = in.indexOf("Content-Length: ");
                const int len
                    = cl >= 0 ? in.mid(cl + 16, in.indexOf("\r\n", cl) - cl - 16).toInt() : 0;
                done = in.size() >= end + 4 + len;
            }
            if (done && in.startsWith("HTTP/1.1 200")) {
                m_ok++;
            } else {
                fail(in.isEmpty() ? QByteArray("no reply") : in.left(120));
                if (!connect())
                    return;
            }
        }
    }
    void fail(const QByteArray &why)
    {
        if (m_failed++ == 0)
            m_firstFailure = why;
    }

    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_ok {0};
    std::atomic<int> m_failed {0};
    QByteArray m_firstFailure;
};

} // namespace

class TestGatewayReload final : public QObject
{
    Q_OBJECT

    TestUpstream m_upstream;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void reloadUnderLoadFailsNothing()
    {
        GatewayProcess gw;
        gw.write(QStringLiteral("apps.yaml"),
                 baseWorkspace("title: Plan 0\n  rateLimit: {limit: 100000, period: 1s}"));
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        Load load(gw.port(), 8);
        QTest::qWait(300);
        quint64 generation = 1;
        for (int i = 1; i <= 10; ++i) {
            // Change the plan and add an unrelated API each time: a new snapshot, same listeners.
            QByteArray ws = baseWorkspace("title: Plan " + QByteArray::number(i)
                                          + "\n  rateLimit: {limit: 100000, period: 1s}");
            ws += "---\napiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata: {name: extra-"
                + QByteArray::number(i) + ", namespace: apps}\nspec: {}\n";
            gw.write(QStringLiteral("apps.yaml"), ws);
            QVERIFY2(gw.waitForGeneration(generation), "reload did not happen");
            generation
                = static_cast<quint64>(gw.status().value(QStringLiteral("generation")).toDouble());
            QTest::qWait(100);
        }
        QTest::qWait(300);
        load.stop();
        QVERIFY2(load.failed() == 0,
                 qPrintable(QStringLiteral("%1 failed of %2; first: %3")
                                .arg(load.failed())
                                .arg(load.ok() + load.failed())
                                .arg(QString::fromUtf8(load.firstFailure()))));
        QVERIFY(load.ok() > 100);
        QVERIFY(generation >= 11);
        qInfo("%d requests during 10 reloads, 0 failed", load.ok());
        QCOMPARE(gw.stop(), 0);
    }

    void brokenWorkspaceKeepsServingAndColdStartsFromState()
    {
        QTemporaryDir state;
        GatewayProcess gw(state.path());
        gw.write(QStringLiteral("apps.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 200);
        // A half-written file: the reload fails, the last good snapshot keeps serving.
        gw.write(QStringLiteral("apps.yaml"), baseWorkspace() + "---\nkind: [unclosed\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            !gw.status().value(QStringLiteral("lastErrors")).toArray().isEmpty(), 5000);
        const QJsonObject status = gw.status();
        QCOMPARE(status.value(QStringLiteral("generation")).toInt(), 1);
        QVERIFY(status.value(QStringLiteral("lastErrors"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QStringLiteral("apps.yaml")));
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-a").status, 200);
        QVERIFY(gw.admin("GET", "/metrics")
                    .body.contains("airgate_reloads_total{result=\"failure\"} 1"));
        QCOMPARE(gw.stop(), 0);

        // Cold start with the workspace still broken: served from the state folder alone.
        GatewayProcess cold(state.path());
        cold.write(QStringLiteral("apps.yaml"), "kind: [unclosed\n");
        cold.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(cold.start(), qPrintable(cold.error()));
        QCOMPARE(cold.ready().value(QStringLiteral("source")).toString(),
                 QStringLiteral("last-good"));
        QCOMPARE(get(cold.port(), "orders.test", "/echo", "key-a").status, 200);
        // Fixing the workspace brings it back to live.
        cold.write(QStringLiteral("apps.yaml"), baseWorkspace());
        QVERIFY(cold.waitForGeneration(1));
        QCOMPARE(cold.status().value(QStringLiteral("source")).toString(),
                 QStringLiteral("workspace"));
        QCOMPARE(cold.stop(), 0);

        // Nothing saved and nothing servable: a clear error, exit 2.
        GatewayProcess none;
        none.write(QStringLiteral("apps.yaml"), "kind: [unclosed\n");
        QVERIFY(!none.start());
        QVERIFY2(none.error().contains(QStringLiteral("no last good configuration is saved")),
                 qPrintable(none.error()));
    }

    void sigtermDrainsInFlightRequests()
    {
        GatewayProcess gw;
        gw.write(QStringLiteral("apps.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, gw.port());
        QVERIFY(s.waitForConnected(3000));
        s.write("GET /slow?ms=800 HTTP/1.1\r\nHost: orders.test\r\nAuthorization: Bearer "
                "key-a\r\n\r\n");
        s.waitForBytesWritten(1000);
        QTest::qWait(200);
        QElapsedTimer t;
        t.start();
        QCOMPARE(gw.stop(), 0);
        QByteArray got = s.readAll();
        while (s.waitForReadyRead(500))
            got += s.readAll();
        QVERIFY2(got.startsWith("HTTP/1.1 200"), got.constData());
        QVERIFY(got.contains("Connection: close")); // drained connections close after their reply
    }

    void reloadEndpointAndSighup()
    {
        GatewayProcess gw;
        gw.write(QStringLiteral("apps.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"), settingsFor(m_upstream.port()));
        QVERIFY2(gw.start({QStringLiteral("--no-watch")}), qPrintable(gw.error()));
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-b").status, 403);
        QByteArray ws = baseWorkspace();
        ws.replace("managedApplications: [{name: app-a}]",
                   "managedApplications: [{name: app-a}, {name: app-b}]");
        gw.write(QStringLiteral("apps.yaml"), ws);
        QTest::qWait(600);
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-b").status, 403); // not watched
        const Reply r = gw.admin("POST", "/api/reload");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("generation")).toInt(), 2);
        QCOMPARE(get(gw.port(), "orders.test", "/echo", "key-b").status, 200);
        QCOMPARE(gw.stop(), 0);
    }

    // A reload that keeps an entry point's socket (same address, same size limits) applies the
    // new timeouts: the listener kept its old options before.
    void reloadAppliesNewTimeoutsToKeptListeners()
    {
        GatewayProcess gw;
        gw.write(QStringLiteral("apps.yaml"), baseWorkspace());
        gw.write(QStringLiteral("airgate.yaml"),
                 settingsFor(m_upstream.port(), "limits:\n  headerTimeout: 60s\n"));
        QVERIFY2(gw.start({QStringLiteral("--no-watch")}), qPrintable(gw.error()));
        const quint16 port = gw.port();
        gw.write(QStringLiteral("airgate.yaml"),
                 settingsFor(m_upstream.port(), "limits:\n  headerTimeout: 1s\n"));
        QCOMPARE(gw.admin("POST", "/api/reload").status, 200);
        QCOMPARE(gw.port(), port); // the same listener
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(slow.waitForConnected(3000));
        slow.write("GET /echo HTTP/1.1\r\nHost: orders.test\r\n"); // never finishes its head
        QElapsedTimer t;
        t.start();
        QByteArray got;
        while (t.elapsed() < 8000 && !got.contains("\r\n\r\n"))
            if (slow.waitForReadyRead(200))
                got += slow.readAll();
        QVERIFY2(got.startsWith("HTTP/1.1 408"), got.constData());
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(gw.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayReload)
#include "tst_gateway_reload.moc"
