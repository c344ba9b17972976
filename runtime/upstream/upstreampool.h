// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/messageparser.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace Airgate::Runtime {

/** @brief What to send upstream: where, the serialized request, and how long to wait. */
struct UpstreamRequest
{
    QString host;
    quint16 port = 0;
    bool https = false;
    QByteArray method;
    QByteArray bytes; ///< request line, headers, blank line, body
    qint64 connectTimeoutMs = 5000;
    qint64 readTimeoutMs = 30000;
    qint64 maxResponseBytes = 64 * 1024 * 1024;
    bool idempotent = true; ///< may be retried once on a stale keep-alive connection
};

/** @brief An upstream's answer, or why there is none (→ 502 or 504). */
struct UpstreamResult
{
    enum class Error { None, Refused, ConnectTimeout, ReadTimeout, Protocol, TooLarge, Closed };
    Error error = Error::None;
    QString errorText;
    int status = 0;
    Http::Headers headers;
    QByteArray body;
};

/**
 * @brief The gateway's own keep-alive connection pool to upstreams (one per worker thread; no
 * QNetworkAccessManager, which caps at six connections per host). Idle connections are reused,
 * a request on a connection the peer just closed is retried once on a fresh one, and timeouts
 * become errors the proxy turns into 502/504.
 */
class UpstreamPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamPool)

public:
    using Callback = std::function<void(UpstreamResult)>;

    explicit UpstreamPool(QObject *parent = nullptr);
    ~UpstreamPool() override;

    /** Sends @p request; @p done runs on this thread exactly once unless cancel() comes first. */
    quint64 send(UpstreamRequest request, Callback done);
    /** The client left: stop waiting and drop the connection (its response is unusable). */
    void cancel(quint64 ticket);

    int idleConnections() const;
    int activeConnections() const { return static_cast<int>(m_active.size()); }
    /// Idle connections kept per upstream; more are closed.
    static constexpr int kMaxIdlePerUpstream = 256;
    /// Idle connections are closed after this long.
    static constexpr int kIdleTimeoutMs = 60000;

private:
    struct Conn;
    void wire(const std::shared_ptr<Conn> &c);
    void start(const std::shared_ptr<Conn> &c);
    void onReadyRead(const std::shared_ptr<Conn> &c);
    void finish(const std::shared_ptr<Conn> &c, UpstreamResult result, bool reusable);
    void fail(const std::shared_ptr<Conn> &c, UpstreamResult::Error error, const QString &text);
    std::shared_ptr<Conn> acquire(const UpstreamRequest &r, bool fresh);
    void release(const std::shared_ptr<Conn> &c);
    void sweepIdle();

    QHash<QString, QList<std::shared_ptr<Conn>>> m_idle;
    QHash<quint64, std::shared_ptr<Conn>> m_active;
    quint64 m_nextTicket = 1;
    QTimer m_sweep;
};

} // namespace Airgate::Runtime
