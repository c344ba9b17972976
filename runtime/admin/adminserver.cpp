// SPDX-License-Identifier: Apache-2.0
#include "adminserver.h"

#include "keys/apikey.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QTcpSocket>

#include <memory>

namespace Airgate::Runtime {

namespace {

/**
 * @brief What one admin connection has sent: where the request being received stands.
 * Fed with every byte exactly once, in order (see GuardedTcpServer), whatever Qt HttpServer has
 * read of it already.
 */
struct RequestMeter
{
    qint64 unread = 0; ///< bytes Qt HttpServer left unread after its last read
    QByteArray head; ///< the header block received so far
    qint64 bodyLeft = -1; ///< body bytes still to come; -1 while in the header block
};

/** The value of header @p name in the header block @p head (empty when absent). */
QByteArray headerValue(const QByteArray &head, QByteArrayView name, int *count = nullptr)
{
    QByteArray value;
    int n = 0;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        ++n;
        value = line.mid(colon + 1).trimmed();
    }
    if (count)
        *count = n;
    return value;
}

/**
 * Qt HttpServer 6.4 reads requests without limits and takes sockets through the virtual
 * nextPendingConnection(); connecting our readyRead slot first lets us measure every request
 * (header block and Content-Length) and cut it off before it parses or buffers it (qt-tech
 * §1.5): at most kMaxRequestBytes per request, no chunked bodies, and no body at all without
 * the token (nothing the admin API answers takes one unauthenticated).
 */
class GuardedTcpServer final : public QTcpServer
{
public:
    GuardedTcpServer(std::function<bool(const QByteArray &)> authorized, QObject *parent)
        : QTcpServer(parent)
        , m_authorized(std::move(authorized))
    {
    }

    QTcpSocket *nextPendingConnection() override
    {
        // Qt HttpServer calls this in a loop until it returns nothing, connecting its own
        // readyRead slot to each socket between calls: the previous socket's slot after Qt's
        // goes in now, and notes what Qt left unread.
        for (const auto &[socket, meter] : std::as_const(m_afterQt))
            if (socket)
                connect(socket, &QTcpSocket::readyRead, socket,
                        [s = socket.data(), m = meter] { m->unread = s->bytesAvailable(); });
        m_afterQt.clear();
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
        auto meter = std::make_shared<RequestMeter>();
        connect(s, &QTcpSocket::readyRead, s, [this, s, meter] {
            const qint64 available = s->bytesAvailable();
            if (available <= meter->unread) {
                meter->unread = available;
                return;
            }
            const QByteArray fresh = s->peek(available).mid(meter->unread);
            meter->unread = available; // until Qt's slot reads
            if (const char *refusal = measure(*meter, fresh))
                refuse(s, refusal);
        });
        m_afterQt.append({QPointer<QTcpSocket>(s), meter});
        return s;
    }

private:
    /** Counts @p fresh bytes into the request(s) they belong to; @return a status line to answer
     * with when the request is refused. */
    const char *measure(RequestMeter &m, QByteArray fresh) const
    {
        while (!fresh.isEmpty()) {
            if (m.bodyLeft > 0) {
                const qint64 take = qMin<qint64>(m.bodyLeft, fresh.size());
                m.bodyLeft -= take;
                fresh.remove(0, take);
                if (m.bodyLeft == 0)
                    m.bodyLeft = -1;
                continue;
            }
            m.head += fresh;
            fresh.clear();
            const qsizetype end = m.head.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m.head.size() > AdminServer::kMaxRequestBytes)
                    return "431 Request Header Fields Too Large";
                return nullptr;
            }
            const QByteArray head = m.head.left(end + 4);
            fresh = m.head.mid(end + 4);
            m.head.clear();
            if (head.size() > AdminServer::kMaxRequestBytes)
                return "431 Request Header Fields Too Large";
            if (!headerValue(head, "Transfer-Encoding").isEmpty())
                return "411 Length Required";
            int lengths = 0;
            const QByteArray lengthText = headerValue(head, "Content-Length", &lengths);
            bool ok = true;
            const qint64 length = lengths ? lengthText.toLongLong(&ok) : 0;
            if (lengths > 1 || !ok || length < 0
                || (lengths && lengthText.size() != QByteArray::number(length).size()))
                return "400 Bad Request";
            if (length > AdminServer::kMaxRequestBytes - head.size())
                return "413 Content Too Large";
            if (length > 0 && !m_authorized(headerValue(head, "Authorization")))
                return "401 Unauthorized";
            m.bodyLeft = length > 0 ? length : -1;
        }
        return nullptr;
    }

    static void refuse(QTcpSocket *s, const char *status)
    {
        // Disconnect only readyRead, never everything (the server's own handlers must stay).
        QObject::disconnect(s, &QTcpSocket::readyRead, nullptr, nullptr);
        s->write(QByteArray("HTTP/1.1 ") + status
                 + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        s->disconnectFromHost();
    }

    std::function<bool(const QByteArray &)> m_authorized;
    QList<std::pair<QPointer<QTcpSocket>, std::shared_ptr<RequestMeter>>> m_afterQt;
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
    auto *tcp = new GuardedTcpServer(
        [this](const QByteArray &authorization) { return authorized(authorization); },
        m_server.get());
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
