// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>

class QNetworkReply;

namespace Airgate::Console {

/** @brief Counters read from the gateway's /metrics at one moment. */
struct MetricsSample
{
    qint64 atMs = 0;
    double requests = 0;
    double clientErrors = 0; ///< 4xx
    double serverErrors = 0; ///< 5xx
    double latencySum = 0; ///< seconds
    double latencyCount = 0;
};

/** Parses the Prometheus text of /metrics into a sample. */
MetricsSample parseMetrics(const QByteArray &text, qint64 atMs);

/**
 * @brief Runs `airgatectl serve` on the open workspace as a supervised child: started, stopped,
 * restarted when it crashes (with a notice, and given up after repeated crashes), reloaded on
 * save. Reads its ready line, then follows its admin API: /api/events (access log and reloads,
 * server-sent events), /api/status and /metrics (polled).
 */
class GatewaySupervisor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewaySupervisor)

public:
    enum class State { Stopped, Starting, Running, Stopping, Failed };
    Q_ENUM(State)

    explicit GatewaySupervisor(QObject *parent = nullptr);
    ~GatewaySupervisor() override;

    void setWorkspace(const QString &root);
    QString workspace() const { return m_workspace; }
    /** Extra `serve` arguments (tests listen on port 0: `--listen web=127.0.0.1:0`). */
    void setExtraArguments(const QStringList &args) { m_extraArgs = args; }
    void setExecutable(const QString &path) { m_program = path; }
    QString executable() const;
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

    State state() const { return m_state; }
    /** The ready line of the running child (entryPoints, portals, admin …). */
    QJsonObject readyInfo() const { return m_ready; }
    QJsonObject lastStatus() const { return m_status; }
    QList<MetricsSample> samples() const { return m_samples; }
    qint64 pid() const;
    int restarts() const { return m_restarts; }
    /** The gateway's state folder for the open workspace (quotas, last good, token, lock). */
    QString stateDir() const;
    /** Where every workspace's state folder lives. */
    static QString stateRoot();
    /**
     * Finds gateways an earlier console left running (their lock held in a state folder, their
     * console gone) and stops them, saying so; a gateway whose console still runs (another
     * window) is left alone. @return the pids stopped.
     */
    QList<qint64> stopLeftovers();

    /// How long a leftover gateway may drain before it is killed.
    static constexpr int kLeftoverGraceMs = 5000;
    /// Crashes within this window count towards giving up.
    static constexpr int kCrashWindowMs = 60000;
    static constexpr int kMaxCrashes = 5;

public slots:
    void start();
    void stop();
    void restart();
    /** Asks the running gateway to reload the workspace (after a save). */
    void reload();

signals:
    void stateChanged(Airgate::Console::GatewaySupervisor::State state);
    void ready(const QJsonObject &info);
    void statusUpdated(const QJsonObject &status);
    void accessEvent(const QJsonObject &entry);
    void reloaded(const QJsonObject &result);
    void metricsUpdated(const Airgate::Console::MetricsSample &sample);
    /** Something the user should read: a crash and restart, a failed start, a failed reload. */
    void notice(const QString &text);
    /** A gateway left by an earlier console was found: @p stopped, or left to its live owner. */
    void leftoverFound(qint64 pid, bool stopped, const QString &text);
    void logLine(const QString &line);

private:
    void setState(State s);
    void launch();
    void onStdout();
    void onFinished(int code, QProcess::ExitStatus status);
    void connectAdmin();
    void openEvents();
    void onEventData();
    void handleEvent(const QByteArray &name, const QByteArray &data);
    void poll();
    QNetworkRequest adminRequest(const QString &path) const;

    QString m_workspace;
    QString m_program;
    QStringList m_extraArgs;
    QPointer<QProcess> m_process;
    State m_state = State::Stopped;
    bool m_stopRequested = false;
    QByteArray m_stdout;
    QJsonObject m_ready;
    QJsonObject m_status;
    QByteArray m_token;
    QString m_admin;
    QNetworkAccessManager m_net;
    QPointer<QNetworkReply> m_events;
    QByteArray m_eventBuffer;
    QTimer m_poll;
    QTimer m_restartTimer;
    QList<qint64> m_crashTimes;
    QElapsedTimer m_clock;
    QList<MetricsSample> m_samples;
    int m_restarts = 0;
};

} // namespace Airgate::Console
