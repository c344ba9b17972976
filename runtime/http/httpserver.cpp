// SPDX-License-Identifier: Apache-2.0
#include "httpserver.h"

#include <QDateTime>
#include <QLocale>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <mutex>

namespace Airgate::Http {

namespace {

/// How often connections are checked for header and idle timeouts.
constexpr int kSweepIntervalMs = 500;
/// Bytes buffered from one client while its previous request is still being answered.
constexpr qint64 kMaxPipelineBytes = 1024 * 1024;
/// A body larger than this is handed to the socket in pieces as the client reads, not copied
/// into the socket's buffer at once (a multi-megabyte page would be copied on the worker).
constexpr qint64 kWriteAhead = 256 * 1024;

QByteArray serializeHead(const Response &r, qint64 bodySize, bool headRequest, bool close)
{
    QByteArray out;
    out.reserve(256 + r.headers.size() * 48);
    out += "HTTP/1.1 ";
    out += QByteArray::number(r.status);
    out += ' ';
    out += reasonPhrase(r.status);
    out += "\r\n";
    bool hasDate = false;
    bool hasLength = false;
    for (const Headers::Field &f : r.headers.fields()) {
        // The connection owns framing: these come from us, not from the handler.
        if (f.first.compare("connection", Qt::CaseInsensitive) == 0
            || f.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0
            || f.first.compare("keep-alive", Qt::CaseInsensitive) == 0)
            continue;
        if (f.first.compare("content-length", Qt::CaseInsensitive) == 0) {
            if (!headRequest)
                continue;
            hasLength = true;
        }
        hasDate = hasDate || f.first.compare("date", Qt::CaseInsensitive) == 0;
        out += f.first;
        out += ": ";
        out += f.second;
        out += "\r\n";
    }
    if (!hasDate) {
        out += "Date: ";
        out += httpDate();
        out += "\r\n";
    }
    const bool noBody = r.status < 200 || r.status == 204 || r.status == 304;
    if (!noBody && !hasLength) {
        out += "Content-Length: ";
        out += QByteArray::number(bodySize);
        out += "\r\n";
    }
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

} // namespace

QByteArray httpDate()
{
    static std::mutex mutex;
    static qint64 cachedSecond = -1;
    static QByteArray cached;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::lock_guard lock(mutex);
    if (now != cachedSecond) {
        cachedSecond = now;
        cached = QLocale::c()
                     .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC),
                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                     .toLatin1();
    }
    return cached;
}

// ------------------------------------------------------------------ Exchange

void Exchange::reply(Response response)
{
    if (m_replied)
        return;
    m_replied = true;
    if (m_connection && !m_abandoned)
        m_connection->sendReply(this, std::move(response));
}

// ------------------------------------------------------------------ Listener

Listener::Listener(RequestHandler *handler, ListenerOptions options,
                   std::shared_ptr<FrontCounters> counters, QObject *parent)
    : QTcpServer(parent)
    , m_handler(handler)
    , m_options(std::move(options))
    , m_counters(std::move(counters))
{
    m_sweep.setInterval(kSweepIntervalMs);
    connect(&m_sweep, &QTimer::timeout, this, &Listener::sweep);
    m_sweep.start();
}

Listener::~Listener()
{
    // The connections are children, and each reaches back into this listener's counters as it
    // goes: delete them now, while the members exist, not in ~QObject after they are gone.
    qDeleteAll(findChildren<Connection *>(Qt::FindDirectChildrenOnly));
}

void Listener::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_options.tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setParent(this);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_draining || m_counters->activeConnections.load() >= m_options.maxConnections) {
        // Over the cap: answer 503 and close, so clients see why instead of a reset.
        m_counters->refusedConnections++;
        if (!m_options.tls) {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; "
                          "charset=utf-8\r\nContent-Length: 24\r\n"
                          "Retry-After: 1\r\nConnection: close\r\n\r\ntoo many connections, 503");
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        } else {
            socket->abort();
            socket->deleteLater();
        }
        return;
    }
    m_counters->acceptedConnections++;
    new Connection(socket, this);
}

void Listener::drain()
{
    m_draining = true;
    close();
    for (Connection *c : findChildren<Connection *>())
        c->closeWhenIdle();
}

void Listener::sweep()
{
    const auto connections = findChildren<Connection *>(Qt::FindDirectChildrenOnly);
    for (Connection *c : connections)
        c->checkTimeouts();
}

// ------------------------------------------------------------------ Connection

Connection::Connection(QTcpSocket *socket, Listener *listener)
    : QObject(listener)
    , m_socket(socket)
    , m_listener(listener)
    , m_parser(MessageParser::Mode::Request, listener->options().parse)
{
    m_clock.start();
    m_lastActivityMs = 0;
    m_socket->setParent(this);
    listener->m_connections++;
    listener->m_counters->activeConnections++;
    // Backpressure: Qt stops reading from the kernel when this much is buffered.
    m_socket->setReadBufferSize(256 * 1024);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        m_lastActivityMs = m_clock.elapsed();
        if (!m_body.isEmpty())
            writeMore();
    });
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
        m_ready = false;
        ssl->setSslConfiguration(listener->options().ssl);
        connect(ssl, &QSslSocket::encrypted, this, [this] {
            m_ready = true;
            onReadyRead();
        });
        connect(ssl, &QSslSocket::sslErrors, this,
                [ssl](const QList<QSslError> &) { ssl->abort(); });
        m_headerStartMs = 0;
        ssl->startServerEncryption();
    }
}

Connection::~Connection()
{
    m_listener->m_connections--;
    m_listener->m_counters->activeConnections--;
    if (m_current && !m_current->m_replied) {
        m_current->m_abandoned = true;
        m_listener->m_counters->abandonedExchanges++;
        if (m_current->m_onAbandon)
            m_current->m_onAbandon();
    }
}

bool Connection::checkTimeouts()
{
    const qint64 now = m_clock.elapsed();
    const ListenerOptions &o = m_listener->options();
    bool expired = false;
    const bool inBody = m_headerStartMs >= 0 && !m_current && m_parser.headersDone();
    if (inBody && now - m_lastReadMs > o.bodyTimeoutMs)
        expired = true; // the body stopped coming (its own timeout: a long steady body is fine)
    else if (!inBody && m_headerStartMs >= 0 && !m_current
             && now - m_headerStartMs > o.headerTimeoutMs)
        expired = true; // slow client: headers (or TLS handshake) not complete in time
    else if (!m_current && m_in.isEmpty() && m_headerStartMs < 0
             && now - m_lastActivityMs > o.idleTimeoutMs)
        expired = true; // idle keep-alive connection
    if (expired) {
        m_listener->m_counters->timedOutConnections++;
        if (inBody)
            failAndClose(408, "request body not received in time");
        else if (m_headerStartMs >= 0 && m_ready && !m_in.isEmpty())
            failAndClose(408, "request not received in time");
        else
            closeNow();
    }
    return expired;
}

void Connection::onReadyRead()
{
    if (!m_ready)
        return;
    m_lastActivityMs = m_lastReadMs = m_clock.elapsed();
    if (m_current || !m_body.isEmpty()) {
        // A pipelined request while one is in flight: buffer it, answer in order later.
        if (m_in.size() < kMaxPipelineBytes)
            m_in += m_socket->read(kMaxPipelineBytes - m_in.size());
        return;
    }
    m_in += m_socket->readAll();
    process();
}

void Connection::process()
{
    while (!m_current && !m_closing && m_body.isEmpty()) {
        if (m_in.isEmpty()) {
            m_headerStartMs = -1;
            return;
        }
        if (m_headerStartMs < 0 && !m_parser.headersDone())
            m_headerStartMs = m_clock.elapsed();
        const MessageParser::Status s = m_parser.feed(m_in);
        switch (s) {
        case MessageParser::Status::NeedMore:
            return;
        case MessageParser::Status::ExpectContinue:
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            continue;
        case MessageParser::Status::Error:
            m_listener->m_counters->rejectedRequests++;
            failAndClose(m_parser.errorStatus(), m_parser.errorText());
            return;
        case MessageParser::Status::Complete: {
            m_headerStartMs = -1;
            auto ex = std::make_shared<Exchange>();
            ex->request = m_parser.takeRequest();
            ex->request.peer = m_socket->peerAddress();
            bool isV4 = false;
            const quint32 v4 = ex->request.peer.toIPv4Address(&isV4);
            if (isV4 && ex->request.peer.protocol() == QAbstractSocket::IPv6Protocol)
                ex->request.peer = QHostAddress(v4);
            ex->request.peerPort = m_socket->peerPort();
            ex->request.tls = m_listener->options().tls;
            ex->request.entryPoint = m_listener->options().entryPoint;
            ex->request.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
            ex->m_connection = this;
            m_current = ex;
            m_listener->m_handler->handle(ex);
            // The handler may have replied synchronously; then the loop continues with pipelined
            // bytes.
            break;
        }
        }
    }
}

void Connection::sendReply(Exchange *exchange, Response response)
{
    if (!m_current || m_current.get() != exchange || m_closing)
        return;
    const Request &req = exchange->request;
    const bool close = response.closeAfter || !req.keepAlive || m_drain;
    writeResponse(response, req.method == "HEAD", close);
    ExchangePtr keep = std::move(m_current);
    m_current.reset();
    m_lastActivityMs = m_clock.elapsed();
    if (!m_body.isEmpty()) {
        // The rest of the body goes as the client reads it; then close or go on.
        m_closeAfterBody = close;
        return;
    }
    if (close) {
        closeNow();
        return;
    }
    // Bytes that arrived while the reply was pending stayed in the socket once our pipeline
    // buffer was full; Qt will not announce them again.
    if (m_in.size() >= kMaxPipelineBytes)
        m_in += m_socket->readAll();
    // Continue with whatever the client pipelined meanwhile, outside the handler's stack.
    if (!m_in.isEmpty())
        QMetaObject::invokeMethod(this, &Connection::process, Qt::QueuedConnection);
}

void Connection::writeResponse(const Response &response, bool headRequest, bool close)
{
    if (const char *why = responseHeadProblem(response)) {
        // Never write a CR, LF or NUL a handler put in a header: that is response splitting.
        qWarning("airgate: %s on %s: answered 500 instead", why,
                 qPrintable(m_listener->options().entryPoint));
        writeResponse(Response::text(500, "Internal Server Error\n"), headRequest, close);
        return;
    }
    const bool noBody
        = headRequest || response.status < 200 || response.status == 204 || response.status == 304;
    const qint64 size = response.bodySize();
    QByteArray out = serializeHead(response, size, headRequest, close);
    if (!noBody && size <= kWriteAhead) {
        out += response.body;
        for (const QByteArray &p : response.parts)
            out += p;
    } else if (!noBody) {
        if (!response.body.isEmpty())
            m_body << response.body;
        m_body << response.parts;
        m_bodyNext = 0;
        m_bodyOffset = 0;
    }
    m_socket->write(out);
    if (!m_body.isEmpty())
        writeMore();
    // Write now: waiting for the event loop costs a write-notifier round trip per response.
    m_socket->flush();
}

void Connection::writeMore()
{
    while (m_bodyNext < m_body.size() && m_socket->bytesToWrite() < kWriteAhead) {
        const QByteArray &piece = m_body.at(m_bodyNext);
        // A large piece goes a slice at a time, straight from the shared bytes.
        const qint64 n
            = std::min<qint64>(piece.size() - m_bodyOffset, kWriteAhead - m_socket->bytesToWrite());
        if (n > 0)
            m_socket->write(piece.constData() + m_bodyOffset, n);
        m_bodyOffset += n;
        if (m_bodyOffset >= piece.size()) {
            ++m_bodyNext;
            m_bodyOffset = 0;
        }
    }
    if (m_bodyNext < m_body.size())
        return;
    m_body.clear();
    m_bodyNext = 0;
    m_bodyOffset = 0;
    if (m_current)
        return; // still inside writeResponse for this exchange
    if (m_closeAfterBody) {
        closeNow();
        return;
    }
    if (!m_in.isEmpty() || m_socket->bytesAvailable() > 0) {
        if (m_in.size() < kMaxPipelineBytes)
            m_in += m_socket->read(kMaxPipelineBytes - m_in.size());
        QMetaObject::invokeMethod(this, &Connection::process, Qt::QueuedConnection);
    }
}

void Connection::failAndClose(int status, const QByteArray &text)
{
    Refusal refusal;
    refusal.status = status;
    refusal.reason = text;
    if (m_parser.requestLineDone()) {
        const Request &partial = m_parser.request();
        refusal.method = partial.method;
        refusal.path = partial.path;
        refusal.host = partial.host();
    }
    refusal.peer = m_socket->peerAddress();
    refusal.entryPoint = m_listener->options().entryPoint;
    m_listener->m_handler->refused(refusal);
    Response r = Response::text(status, text + '\n');
    writeResponse(r, false, true);
    closeNow();
}

void Connection::closeNow()
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

void Connection::closeWhenIdle()
{
    m_drain = true;
    if (!m_body.isEmpty())
        m_closeAfterBody = true; // after the body being written
    else if (!m_current)
        closeNow();
}

void Connection::onDisconnected()
{
    if (m_current && !m_current->m_replied) {
        m_current->m_abandoned = true;
        m_listener->m_counters->abandonedExchanges++;
        if (m_current->m_onAbandon) {
            auto fn = std::move(m_current->m_onAbandon);
            fn();
        }
    }
    m_current.reset();
    m_closing = true;
    deleteLater();
}

} // namespace Airgate::Http
