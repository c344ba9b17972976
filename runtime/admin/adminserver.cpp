// SPDX-License-Identifier: Apache-2.0
#include "adminserver.h"

#include "keys/apikey.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QTcpSocket>

namespace Airgate::Runtime {

namespace {

/**
 * Qt HttpServer 6.4 reads requests without limits and takes sockets through the virtual
 * nextPendingConnection(); connecting our readyRead slot first lets us cut off oversized
 * requests and cap connections before it parses anything (qt-tech §1.5).
 */
class GuardedTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *s = QTcpServer::nextPendingConnection();
        if (!s)
            return nullptr;
        if (m_open >= AdminServer::kMaxConnections) {
            s->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: "
                     "close\r\n\r\n");
            s->disconnectFromHost();
        }
        ++m_open;
        connect(s, &QObject::destroyed, this, [this] { --m_open; });
        connect(s, &QTcpSocket::readyRead, s, [s] {
            if (s->bytesAvailable() > AdminServer::kMaxRequestBytes) {
                // Disconnect only readyRead, never everything (the server's own handlers must
                // stay).
                QObject::disconnect(s, &QTcpSocket::readyRead, nullptr, nullptr);
                s->write("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\nConnection: "
                         "close\r\n\r\n");
                s->disconnectFromHost();
            }
        });
        return s;
    }

private:
    int m_open = 0;
};

QHttpServerResponse json(const QJsonObject &o,
                         QHttpServerResponder::StatusCode code
                         = QHttpServerResponder::StatusCode::Ok)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(o).toJson(QJsonDocument::Compact), code);
}

} // namespace

AdminServer::AdminServer(QByteArray token, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_token(std::move(token))
    , m_hooks(std::move(hooks))
    , m_server(std::make_unique<QHttpServer>())
{
    using Method = QHttpServerRequest::Method;
    using Status = QHttpServerResponder::StatusCode;
    m_server->route(QStringLiteral("/ping"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
    });
    m_server->route(QStringLiteral("/api/status"), Method::Get,
                    [this](const QHttpServerRequest &req) {
                        if (!authorized(req.value("Authorization")))
                            return QHttpServerResponse(Status::Unauthorized);
                        return json(m_hooks.status());
                    });
    m_server->route(QStringLiteral("/metrics"), Method::Get, [this](const QHttpServerRequest &req) {
        if (!authorized(req.value("Authorization")))
            return QHttpServerResponse(Status::Unauthorized);
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   m_hooks.metrics());
    });
    m_server->route(
        QStringLiteral("/api/reload"), Method::Post, [this](const QHttpServerRequest &req) {
            if (!authorized(req.value("Authorization")))
                return QHttpServerResponse(Status::Unauthorized);
            const QJsonObject result = m_hooks.reload();
            return json(result,
                        result.value(QStringLiteral("ok")).toBool() ? Status::Ok
                                                                    : Status::UnprocessableEntity);
        });
    m_server->route(QStringLiteral("/api/manifests"), Method::Get,
                    [this](const QHttpServerRequest &req) {
                        if (!authorized(req.value("Authorization")))
                            return QHttpServerResponse(Status::Unauthorized);
                        if (!m_hooks.manifests)
                            return QHttpServerResponse(Status::NotFound);
                        return json(m_hooks.manifests());
                    });
    m_server->route(QStringLiteral("/api/events"), Method::Get,
                    [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
                        if (!authorized(req.value("Authorization"))) {
                            responder.write(Status::Unauthorized);
                            return;
                        }
                        // A long-lived stream: write the head and events straight to the socket,
                        // which stays ours while the client listens (the 6.4 responder cannot
                        // stream; see qt-tech §1.4).
                        QPointer<QTcpSocket> socket = responder.socket();
                        if (!socket)
                            return;
                        socket->write(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: "
                            "no-cache\r\nConnection: close\r\n\r\n"
                            ": airgate events\n\n");
                        m_eventClients.append(socket);
                    });
    m_keepAlive.setInterval(15000);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { broadcast({}, {}); });
    m_keepAlive.start();
}

AdminServer::~AdminServer() = default;

bool AdminServer::authorized(const QByteArray &authorization) const
{
    const QByteArray expected = "Bearer " + m_token;
    return Keys::constantTimeEquals(authorization.trimmed(), expected);
}

quint16 AdminServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new GuardedTcpServer(m_server.get());
    if (!tcp->listen(address, port)) {
        delete tcp;
        return 0;
    }
    // bind() instead of listen(): listen()/sslSetup() are gone in Qt 6.8.
    m_server->bind(tcp);
    return tcp->serverPort();
}

void AdminServer::broadcast(const QByteArray &event, const QByteArray &data)
{
    QByteArray frame = event.isEmpty() ? QByteArray(": keep-alive\n\n")
                                       : "event: " + event + "\ndata: " + data + "\n\n";
    m_eventClients.removeIf([](const QPointer<QTcpSocket> &s) {
        return !s || s->state() != QAbstractSocket::ConnectedState;
    });
    for (const QPointer<QTcpSocket> &s : std::as_const(m_eventClients)) {
        if (s->bytesToWrite() > 8 * 1024 * 1024)
            continue; // a client that stopped reading loses events rather than memory
        s->write(frame);
    }
}

int AdminServer::eventClients() const
{
    int n = 0;
    for (const QPointer<QTcpSocket> &s : m_eventClients)
        n += s && s->state() == QAbstractSocket::ConnectedState;
    return n;
}

} // namespace Airgate::Runtime
