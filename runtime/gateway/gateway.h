// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admin/adminserver.h"
#include "config/runtimeconfig.h"
#include "io/pidlock.h"
#include "sharedstate.h"
#include "worker.h"

#include <QFile>
#include <QFileSystemWatcher>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace Airgate::Runtime {

/** @brief How `airgatectl serve` was asked to run. */
struct GatewayOptions
{
    QString workspace;
    QMap<QString, ListenAddress> listen; ///< --listen NAME=HOST:PORT
    ListenAddress admin; ///< --admin HOST:PORT
    int threads = 0; ///< 0 = one per core
    QString stateDir; ///< empty = a per-workspace folder under the user's data dir
    bool watch = true;
    int debounceMs = 250;
    /// Started by a console that it must not outlive (recorded in the state folder's lock).
    bool exitWithParent = false;
    /// Set (by a signal handler) to stop loading documents at once, at start or in a reload.
    const std::atomic<bool> *stop = nullptr;
};

/** 32 random bytes from OpenSSL's generator, base64url; nullopt when the generator fails. */
std::optional<QByteArray> randomToken();

/**
 * @brief The local gateway: compiles the workspace, serves it on N worker threads, watches it
 * and reloads without dropping requests (a new snapshot is built aside and swapped in one step;
 * one that fails keeps the last good serving, persisted so a cold start works from it alone),
 * keeps quota counters across restarts, and exposes the admin API.
 */
class Gateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Gateway)

public:
    explicit Gateway(GatewayOptions options, PortalService *portal = nullptr,
                     QObject *parent = nullptr);
    ~Gateway() override;

    /** Compiles, binds, starts workers and the admin API. @return an error text, or empty. */
    QString start();
    /** Drains: stops accepting, waits (at most @p graceMs) for in-flight requests, saves state. */
    void stop(int graceMs = 10000);

    /** Re-reads the workspace now; @return {ok, generation, errors[]}. */
    QJsonObject reload(const QString &trigger);

    /** The JSON line printed when ready: entry points, admin address, token file. */
    QJsonObject readyEvent() const;
    QJsonObject status() const;
    QByteArray metrics() const;
    /**
     * The manifest files the served snapshot was compiled from (as read, before compiling):
     * `{generation, source, files: [{path, content}]}` — what `airgatectl diff --against gateway`
     * compares the workspace with. Content that is not UTF-8 is sent as `contentBase64`.
     */
    QJsonObject servedManifests() const;
    /** The state folder `serve` uses for @p workspace when --state is not given. */
    static QString defaultStateDir(const QString &workspace);
    /// The file in the state folder holding the ready event while the gateway runs (how
    /// `airgatectl diff --against gateway` finds the admin API).
    static constexpr const char *kAdminFile = "admin.json";

    SharedState &shared() { return m_shared; }
    const QString &stateDir() const { return m_stateDir; }
    QString adminToken() const { return QString::fromLatin1(m_token); }
    QMap<QString, QString> boundEntryPoints() const;

signals:
    void reloaded(bool ok, quint64 generation);

private:
    struct Bound
    {
        QString entryPoint;
        ListenAddress address;
        bool tls = false;
        QString signature;
        QList<qintptr> descriptors; ///< one per worker
        quint16 port = 0;
    };
    /** The workspace at @p root, loaded and compiled (start, reload and the last good). */
    struct Loaded
    {
        std::shared_ptr<RuntimeConfig> config; ///< null when errors is not empty
        std::shared_ptr<const Workspace> workspace;
        QStringList errors;
    };
    Loaded loadAndCompile(const QString &root) const;
    /** Logs @p message once and shows it in /api/status `warnings` until clearWarning(@p key). */
    void warn(const QString &key, const QString &message);
    void clearWarning(const QString &key);
    void writeQuota();
    QString bindListeners(const RuntimeConfig &config, bool initial, QString *error);
    QList<ListenerSpec> specsFor(int worker) const;
    void persistLastGood(const Workspace &ws);
    void scheduleReload();
    void watchWorkspace();
    void flushAccessLog();
    void saveQuota();
    QJsonObject lockInfo() const;
    void rememberServed(const Workspace &ws);

    GatewayOptions m_options;
    PortalService *m_portal;
    SharedState m_shared;
    /// The documents that passed the schema check at the last compile: reloads skip them.
    std::shared_ptr<SchemaCheckCache> m_schemaChecks = std::make_shared<SchemaCheckCache>();
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::unique_ptr<AdminServer> m_admin;
    quint16 m_adminPort = 0;
    QByteArray m_token;
    QString m_stateDir;
    Io::PidLock m_lock; ///< held while this gateway serves from m_stateDir
    QList<Bound> m_bound;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QTimer m_flush;
    QTimer m_quotaTimer;
    QFile m_accessLog;
    qint64 m_startedAtMs = 0;
    qint64 m_reloadedAtMs = 0;
    QString m_source
        = QStringLiteral("workspace"); ///< or "last-good" after a cold start from state
    QJsonObject m_lastReload;
    QStringList m_lastErrors;
    QList<QPair<QString, QByteArray>> m_servedFiles;
    QMap<QString, QString> m_serveWarnings; ///< by key: what fails now and affects serving
    bool m_stopped = false;
};

} // namespace Airgate::Runtime
