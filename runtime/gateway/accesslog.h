// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

namespace Airgate::Runtime {

/** @brief One request as the access log and the console's live table show it. */
struct AccessLogEntry
{
    qint64 timeMs = 0;
    QString entryPoint;
    QString clientIp;
    QByteArray method;
    QByteArray host;
    QByteArray path;
    int status = 0;
    double durationMs = 0;
    qint64 bytes = 0;
    QString route;
    QString api;
    QString application;
    QString subscription;
    QString plan;
    QString upstream;
    QString reason; ///< why a request was refused or failed, when it was
    quint64 generation = 0;

    QByteArray toJson() const;
};

/**
 * @brief Collects access-log lines from every worker without blocking them for long; the
 * gateway drains it on its own thread to the log file and the server-sent events stream.
 */
class AccessLogBuffer
{
public:
    /// Lines kept when nobody drains (a console not listening must not grow memory without bound).
    static constexpr int kMaxPending = 100000;

    void append(const AccessLogEntry &entry);
    QList<QByteArray> drain();
    qint64 dropped() const;

private:
    mutable QMutex m_mutex;
    QList<QByteArray> m_lines;
    qint64 m_dropped = 0;
};

} // namespace Airgate::Runtime
