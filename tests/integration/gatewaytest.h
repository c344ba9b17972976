// SPDX-License-Identifier: Apache-2.0
// Helpers for integration tests: a real upstream on its own thread, the gateway as a child
// process, and a raw HTTP client that speaks exactly the bytes a test wants.
#pragma once

#include "http/httpmessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <memory>

class QTcpServer;

namespace AirgateTest {

/**
 * @brief An HTTP/1.1 upstream on 127.0.0.1:0 in its own thread.
 * `/echo…` answers JSON with what it received; `/slow?ms=N` waits first; `/close` hangs up;
 * anything else answers 200 "ok".
 */
class TestUpstream
{
public:
    TestUpstream();
    ~TestUpstream();
    quint16 port() const { return m_port; }
    int requests() const { return m_requests.load(); }
    int connections() const { return m_connections.load(); }
    /** Every request-target received so far, exactly as it came on the wire. */
    QList<QByteArray> targets() const
    {
        QMutexLocker lock(&m_targetsMutex);
        return m_targets;
    }

    /** Every byte received so far, on every connection, in arrival order per connection. */
    QByteArray received() const
    {
        QMutexLocker lock(&m_targetsMutex);
        return m_received;
    }

private:
    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::atomic<int> m_requests {0};
    std::atomic<int> m_connections {0};
    mutable QMutex m_targetsMutex;
    QList<QByteArray> m_targets;
    QByteArray m_received;
    friend class UpstreamConnection;
};

/** @brief A reply as the raw client read it. */
struct Reply
{
    int status = 0;
    Airgate::Http::Headers headers;
    QByteArray body;
    bool closed = false; ///< the server closed the connection after this reply
    QByteArray header(const char *name) const { return headers.value(name); }
    QJsonObject json() const;
};

/**
 * Sends @p raw on a new connection (from the local address @p from when set, e.g. 127.0.1.1)
 * and reads @p count replies (then whether it closed).
 */
QList<Reply> exchange(quint16 port, const QByteArray &raw, int count = 1, int timeoutMs = 10000,
                      const QHostAddress &from = {});
Reply request(quint16 port, const QByteArray &method, const QByteArray &path,
              const QMap<QByteArray, QByteArray> &headers = {}, const QByteArray &body = {});
/** GET with a Host header and an optional bearer key. */
Reply get(quint16 port, const QByteArray &host, const QByteArray &path, const QByteArray &key = {});

/** @brief `airgatectl serve` as a child process on a workspace written from strings. */
class GatewayProcess
{
public:
    explicit GatewayProcess(const QString &stateDir = {});
    ~GatewayProcess();

    /** Writes (or overwrites) a workspace file. */
    void write(const QString &relPath, const QByteArray &text);
    void remove(const QString &relPath);
    /** Copies a workspace folder in; listen addresses of its airgate.yaml become port 0. */
    void copyFrom(const QString &folder);
    QString workspace() const { return m_ws.path(); }
    QString stateDir() const { return m_state; }

    /** Starts the gateway; @return false (with the reason in error()) when it did not get ready. */
    bool start(const QStringList &extraArgs = {}, int threads = 2);
    /** SIGTERM and wait; @return the exit code. */
    int stop(int timeoutMs = 15000);
    void kill();
    /** Closes the gateway's stdin (what a console's death does to `--exit-with-parent`). */
    void closeStdin() { m_proc.closeWriteChannel(); }
    bool running() const;
    qint64 pid() const { return m_proc.processId(); }

    quint16 port(const QString &entryPoint = QStringLiteral("web")) const;
    quint16 adminPort() const { return m_adminPort; }
    QByteArray token() const { return m_token; }
    const QJsonObject &ready() const { return m_ready; }
    QString error() const { return m_error; }
    QByteArray stderrText();

    /** Admin API calls with the bearer token. */
    Reply admin(const QByteArray &method, const QByteArray &path);
    QJsonObject status();
    /** Waits until /api/status reports a generation above @p than. */
    bool waitForGeneration(quint64 than, int timeoutMs = 10000);

private:
    QTemporaryDir m_ws;
    QTemporaryDir m_stateTmp;
    QString m_state;
    QProcess m_proc;
    QJsonObject m_ready;
    quint16 m_adminPort = 0;
    QByteArray m_token;
    QString m_error;
    QByteArray m_stderr;
};

/** The Secret data value for an API key. */
QByteArray keySecret(const QByteArray &key);

/**
 * A workspace with one API ("apps/orders") behind the default API-key APIAuth, routed on
 * Host(`orders.test`) to Service apps/backend:80 (the upstream), a plan, an application
 * "app-a" (key `key-a`) subscribed to it, and an application "app-b" (key `key-b`) without
 * subscription. @p plan is the APIPlan spec body.
 */
QByteArray baseWorkspace(const QByteArray &plan
                         = "title: Standard\n  rateLimit: {limit: 1000, period: 1s}");
QByteArray settingsFor(quint16 upstreamPort, const QByteArray &extra = {});

/** Mints keys and tokens with npm `jose` (tests/node/mint-jwt.mjs); empty object when unavailable.
 */
QJsonObject mintJwt(const QJsonObject &request, QString *why = nullptr);

} // namespace AirgateTest
