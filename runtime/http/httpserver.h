// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "messageparser.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

class QTcpSocket;

namespace Airgate::Http {

class Connection;

/**
 * @brief One request and its reply. The handler calls reply() exactly once, now or later
 * (after an upstream answered); replies on one connection go out in request order.
 */
class Exchange
{
public:
    Request request;

    /** Sends @p response (thread of the connection only). Ignored when the client has gone. */
    void reply(Response response);
    /** The client left before its reply; anything still working for it should stop. */
    bool abandoned() const { return m_abandoned; }
    /** Called once if the client leaves before the reply (cancel upstream work). */
    void setAbandonHandler(std::function<void()> fn) { m_onAbandon = std::move(fn); }
    bool replied() const { return m_replied; }

private:
    friend class Connection;
    QPointer<Connection> m_connection;
    bool m_abandoned = false;
    bool m_replied = false;
    std::function<void()> m_onAbandon;
};

using ExchangePtr = std::shared_ptr<Exchange>;

/** @brief A request the HTTP layer answered itself (malformed, over a limit, too slow): what
 * is known of it and why. Nothing of it reached a handler. */
struct Refusal
{
    int status = 400;
    QByteArray reason;
    QByteArray method; ///< empty when the request line was not understood
    QByteArray path;
    QByteArray host;
    QHostAddress peer;
    QString entryPoint;
};

/** @brief What answers requests (the gateway's filter chain, the admin API, tests). */
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual void handle(const ExchangePtr &exchange) = 0;
    /** The HTTP layer refused a request and closed the connection (for the access log). */
    virtual void refused(const Refusal &) { }
};

/** @brief Counters of the HTTP front, shared by every listener of a gateway. */
struct FrontCounters
{
    std::atomic<int> activeConnections {0};
    std::atomic<qint64> acceptedConnections {0};
    std::atomic<qint64> refusedConnections {0}; ///< over the cap: 503
    std::atomic<qint64> rejectedRequests {0}; ///< parse errors and limits: 400/413/414/431/501/505
    std::atomic<qint64> timedOutConnections {0}; ///< slow or idle clients closed
    std::atomic<qint64> abandonedExchanges {0}; ///< clients that left before their reply
};

/** @brief Per-listener settings. */
struct ListenerOptions
{
    QString entryPoint;
    ParseLimits parse;
    int maxConnections = 4096;
    qint64 headerTimeoutMs = 10000;
    qint64 idleTimeoutMs = 60000;
    /** Once the head is in, the body may pause this long between reads (not a total). */
    qint64 bodyTimeoutMs = 30000;
    bool tls = false;
    QSslConfiguration ssl;
};

/**
 * @brief A TCP listener speaking HTTP/1.1 in front of a RequestHandler. It owns the framing
 * the Qt 6.4 HTTP server lacks: header/body limits, a connection cap, slow and idle client
 * timeouts, `Connection: close` and HTTP/1.0, `Expect: 100-continue`, pipelined requests
 * answered in order, and replies that arrive after the client left.
 */
class Listener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    Listener(RequestHandler *handler, ListenerOptions options,
             std::shared_ptr<FrontCounters> counters, QObject *parent = nullptr);
    ~Listener() override;

    const ListenerOptions &options() const { return m_options; }
    /**
     * A reload that keeps this listener's socket brings its new options: the timeouts apply to
     * every connection from the next check on, the connection cap and parse limits and the TLS
     * configuration to connections accepted from now on.
     */
    void setOptions(ListenerOptions options) { m_options = std::move(options); }
    /** Stops accepting; existing connections finish their current exchange and close. */
    void drain();
    int connectionCount() const { return m_connections; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class Connection;
    void sweep();

    RequestHandler *m_handler;
    ListenerOptions m_options;
    std::shared_ptr<FrontCounters> m_counters;
    QTimer m_sweep;
    int m_connections = 0;
    bool m_draining = false;
};

/** @brief One client connection of a Listener. */
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    Connection(QTcpSocket *socket, Listener *listener);
    ~Connection() override;

    void sendReply(Exchange *exchange, Response response);
    /** Closes after the exchange in flight (draining). */
    void closeWhenIdle();
    /** Closes the connection when a slow or idle client has run out of time; @return whether it
     * did. */
    bool checkTimeouts();

private:
    void onReadyRead();
    void onDisconnected();
    void process();
    void writeResponse(const Response &response, bool headRequest, bool close);
    /** Writes more of the body in @p m_body while the socket holds less than kWriteAhead bytes;
     * when it is all written, closes or goes on with pipelined requests. */
    void writeMore();
    void failAndClose(int status, const QByteArray &text);
    void closeNow();

    QTcpSocket *m_socket;
    Listener *m_listener;
    MessageParser m_parser;
    QByteArray m_in;
    ExchangePtr m_current;
    QElapsedTimer m_clock;
    qint64 m_lastActivityMs = 0;
    qint64 m_lastReadMs = 0;
    qint64 m_headerStartMs = -1;
    bool m_closing = false;
    bool m_drain = false;
    bool m_ready = true; // false until a TLS handshake completes
    QList<QByteArray> m_body; ///< body pieces still to write, shared (never copied)
    qsizetype m_bodyNext = 0;
    qint64 m_bodyOffset = 0; ///< in m_body[m_bodyNext]
    bool m_closeAfterBody = false;
};

/** The HTTP Date header value for now (cached per second). */
QByteArray httpDate();

} // namespace Airgate::Http
