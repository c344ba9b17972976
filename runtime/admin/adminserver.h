// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <memory>

class QHttpServer;
class QTcpSocket;

namespace Airgate::Runtime {

/**
 * @brief The loopback admin API of `airgatectl serve`, on Qt HttpServer behind a guard:
 * `GET /ping`, `GET /api/status`, `GET /metrics` (Prometheus text), `GET /api/events`
 * (server-sent events: access-log lines and reloads), `POST /api/reload`, `GET /api/manifests`
 * (the manifest files of the snapshot being served, for drift checks). Every call but /ping needs
 * `Authorization: Bearer <token>`.
 */
class AdminServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminServer)

public:
    struct Hooks
    {
        std::function<QJsonObject()> status;
        std::function<QByteArray()> metrics;
        std::function<QJsonObject()> reload; ///< runs a reload now and says how it went
        std::function<QJsonObject()> manifests; ///< the served snapshot's manifest files
    };

    AdminServer(QByteArray token, Hooks hooks, QObject *parent = nullptr);
    ~AdminServer() override;

    /** Listens on @p address:@p port (0 = any free port); @return the bound port or 0. */
    quint16 listen(const QHostAddress &address, quint16 port);
    /** Sends one server-sent event to every /api/events client. */
    void broadcast(const QByteArray &event, const QByteArray &data);
    int eventClients() const;

    /// Requests bigger than this (header block and Content-Length) are refused (431, 413) before
    /// Qt HttpServer reads them; a body without the token is refused (401) before it is read.
    static constexpr qint64 kMaxRequestBytes = 64 * 1024;
    /// At most this many admin connections at once.
    static constexpr int kMaxConnections = 64;

private:
    bool authorized(const QByteArray &authorization) const;

    QByteArray m_token;
    Hooks m_hooks;
    std::unique_ptr<QHttpServer> m_server;
    QList<QPointer<QTcpSocket>> m_eventClients;
    QTimer m_keepAlive;
};

} // namespace Airgate::Runtime
