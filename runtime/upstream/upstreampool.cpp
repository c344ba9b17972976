// SPDX-License-Identifier: Apache-2.0
#include "upstreampool.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpSocket>

namespace Airgate::Runtime {

struct UpstreamPool::Conn
{
    QString key;
    QTcpSocket *socket = nullptr;
    Http::MessageParser parser {Http::MessageParser::Mode::Response};
    QByteArray in;
    UpstreamRequest request;
    Callback done;
    quint64 ticket = 0;
    bool connected = false;
    bool reused = false;
    bool gotBytes = false;
    bool retried = false;
    QTimer *timer = nullptr;
    QElapsedTimer idleSince;

    ~Conn()
    {
        if (socket) {
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            socket->abort();
            socket->deleteLater();
        }
        if (timer)
            timer->deleteLater();
    }
};

namespace {
QString keyOf(const UpstreamRequest &r)
{
    return (r.https ? QStringLiteral("https://") : QStringLiteral("http://")) + r.host + u':'
        + QString::number(r.port);
}
} // namespace

UpstreamPool::UpstreamPool(QObject *parent)
    : QObject(parent)
{
    m_sweep.setInterval(5000);
    connect(&m_sweep, &QTimer::timeout, this, &UpstreamPool::sweepIdle);
    m_sweep.start();
}

UpstreamPool::~UpstreamPool()
{
    m_active.clear();
    m_idle.clear();
}

int UpstreamPool::idleConnections() const
{
    int n = 0;
    for (const auto &list : m_idle)
        n += static_cast<int>(list.size());
    return n;
}

std::shared_ptr<UpstreamPool::Conn> UpstreamPool::acquire(const UpstreamRequest &r, bool fresh)
{
    const QString key = keyOf(r);
    if (!fresh) {
        auto &list = m_idle[key];
        while (!list.isEmpty()) {
            std::shared_ptr<Conn> c = list.takeLast();
            if (c->socket && c->socket->state() == QAbstractSocket::ConnectedState
                && c->socket->bytesAvailable() == 0) {
                c->reused = true;
                return c;
            }
        }
    }
    auto c = std::make_shared<Conn>();
    c->key = key;
    c->socket = r.https ? new QSslSocket : new QTcpSocket;
    c->socket->setParent(this);
    c->timer = new QTimer(this);
    c->timer->setSingleShot(true);
    wire(c);
    return c;
}

quint64 UpstreamPool::send(UpstreamRequest request, Callback done)
{
    std::shared_ptr<Conn> c = acquire(request, false);
    c->request = std::move(request);
    c->done = std::move(done);
    c->ticket = m_nextTicket++;
    m_active.insert(c->ticket, c);
    start(c);
    return c->ticket;
}

void UpstreamPool::wire(const std::shared_ptr<Conn> &c)
{
    // Connected once per socket: reconnecting four signals per request was measurable.
    std::weak_ptr<Conn> weak = c;
    connect(c->socket, &QTcpSocket::readyRead, this, [this, weak] {
        if (auto c = weak.lock())
            onReadyRead(c);
    });
    connect(c->socket, &QTcpSocket::disconnected, this, [this, weak] {
        auto c = weak.lock();
        if (!c)
            return;
        if (!c->done) {
            m_idle[c->key].removeOne(c); // an idle connection the peer closed
            return;
        }
        if (c->parser.feed(c->in) == Http::MessageParser::Status::NeedMore
            && c->parser.finishAtEof() == Http::MessageParser::Status::Complete && c->gotBytes) {
            UpstreamResult r;
            r.status = c->parser.responseStatus();
            r.headers = c->parser.responseHeaders();
            r.body = c->parser.takeBody();
            finish(c, std::move(r), false);
            return;
        }
        fail(c, UpstreamResult::Error::Closed, QStringLiteral("upstream closed the connection"));
    });
    connect(
        c->socket, &QAbstractSocket::errorOccurred, this,
        [this, weak](QAbstractSocket::SocketError e) {
            auto c = weak.lock();
            if (!c || !c->done)
                return;
            if (e == QAbstractSocket::RemoteHostClosedError)
                return; // handled by disconnected()
            fail(c, c->connected ? UpstreamResult::Error::Protocol : UpstreamResult::Error::Refused,
                 c->socket->errorString());
        });
    connect(c->timer, &QTimer::timeout, this, [this, weak] {
        if (auto c = weak.lock())
            fail(c,
                 c->connected ? UpstreamResult::Error::ReadTimeout
                              : UpstreamResult::Error::ConnectTimeout,
                 c->connected ? QStringLiteral("upstream did not answer in time")
                              : QStringLiteral("upstream connect timed out"));
    });
    auto onConnected = [weak] {
        auto c = weak.lock();
        if (!c || !c->done)
            return;
        c->connected = true;
        c->timer->start(static_cast<int>(c->request.readTimeoutMs));
        c->socket->write(c->request.bytes);
        c->socket->flush();
    };
    if (auto *ssl = qobject_cast<QSslSocket *>(c->socket))
        connect(ssl, &QSslSocket::encrypted, this, onConnected);
    else
        connect(c->socket, &QTcpSocket::connected, this, onConnected);
}

void UpstreamPool::start(const std::shared_ptr<Conn> &c)
{
    c->parser.reset();
    c->parser.setRequestMethod(c->request.method);
    c->in.clear();
    c->gotBytes = false;
    if (c->reused) {
        c->connected = true;
        c->timer->start(static_cast<int>(c->request.readTimeoutMs));
        c->socket->write(c->request.bytes);
        c->socket->flush();
        return;
    }
    c->timer->start(static_cast<int>(c->request.connectTimeoutMs));
    if (auto *ssl = qobject_cast<QSslSocket *>(c->socket)) {
        // Local upstreams often use self-signed certificates; this is a workstation test double.
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->connectToHostEncrypted(c->request.host, c->request.port);
    } else {
        c->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        c->socket->connectToHost(c->request.host, c->request.port);
    }
}

void UpstreamPool::onReadyRead(const std::shared_ptr<Conn> &c)
{
    c->in += c->socket->readAll();
    if (!c->done) {
        c->in.clear();
        return;
    }
    c->gotBytes = true;
    const Http::MessageParser::Status s = c->parser.feed(c->in);
    if (s == Http::MessageParser::Status::NeedMore) {
        if (c->parser.bytesSoFar() > c->request.maxResponseBytes)
            fail(c, UpstreamResult::Error::TooLarge,
                 QStringLiteral("upstream response over the limit"));
        return;
    }
    if (s == Http::MessageParser::Status::Error) {
        fail(c, UpstreamResult::Error::Protocol, QString::fromLatin1(c->parser.errorText()));
        return;
    }
    UpstreamResult r;
    r.status = c->parser.responseStatus();
    r.headers = c->parser.responseHeaders();
    r.body = c->parser.takeBody();
    const bool reusable = c->in.isEmpty() && !r.headers.hasToken("connection", "close");
    finish(c, std::move(r), reusable);
}

void UpstreamPool::finish(const std::shared_ptr<Conn> &c, UpstreamResult result, bool reusable)
{
    c->timer->stop();
    Callback done = std::move(c->done);
    c->done = nullptr;
    m_active.remove(c->ticket);
    if (reusable)
        release(c);
    if (done)
        done(std::move(result));
}

void UpstreamPool::fail(const std::shared_ptr<Conn> &c, UpstreamResult::Error error,
                        const QString &text)
{
    if (!c->done)
        return;
    // A reused keep-alive connection the upstream closed before answering: one fresh try.
    if (c->reused && !c->gotBytes && !c->retried && c->request.idempotent
        && (error == UpstreamResult::Error::Closed || error == UpstreamResult::Error::Protocol)) {
        std::shared_ptr<Conn> fresh = acquire(c->request, true);
        fresh->request = std::move(c->request);
        fresh->done = std::move(c->done);
        fresh->ticket = c->ticket;
        fresh->retried = true;
        c->done = nullptr;
        m_active.insert(fresh->ticket, fresh);
        start(fresh);
        return;
    }
    UpstreamResult r;
    r.error = error;
    r.errorText = text;
    finish(c, std::move(r), false);
}

void UpstreamPool::release(const std::shared_ptr<Conn> &c)
{
    auto &list = m_idle[c->key];
    if (list.size() >= kMaxIdlePerUpstream)
        return; // dropped: the destructor closes it
    c->idleSince.start();
    c->reused = false;
    list.append(c);
}

void UpstreamPool::cancel(quint64 ticket)
{
    auto it = m_active.find(ticket);
    if (it == m_active.end())
        return;
    std::shared_ptr<Conn> c = it.value();
    m_active.erase(it);
    c->done = nullptr;
    c->timer->stop();
    // Not reusable: the response is still in flight; the destructor aborts the socket.
}

void UpstreamPool::sweepIdle()
{
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it)
        it->removeIf([](const std::shared_ptr<Conn> &c) {
            return c->idleSince.isValid() && c->idleSince.elapsed() > kIdleTimeoutMs;
        });
}

} // namespace Airgate::Runtime
