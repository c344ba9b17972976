// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>

namespace Airgate::Runtime {

/**
 * @brief The gateway's counters, rendered as Prometheus text at /metrics. Filters own their
 * counters here (auth failures, limited, quota exceeded, upstream errors); thread-safe.
 */
class Metrics
{
public:
    /// Upper bounds (seconds) of the request latency histogram.
    static constexpr std::array<double, 12> kBuckets {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    5};

    void request(const QString &api, int code, const QString &application, double seconds);
    void authFailure(const QString &api, const QString &reason);
    void forbidden(const QString &api, const QString &reason);
    void rateLimited(const QString &api);
    void quotaExceeded(const QString &api);
    void upstreamError(const QString &upstream, const QString &kind);
    void reload(bool ok);

    std::atomic<quint64> generation {0};
    std::atomic<int> connections {0};

    /** Prometheus text exposition (version 0.0.4); @p extra is appended (front counters). */
    QByteArray render(const QByteArray &extra = {}) const;

private:
    static QString label(const QString &v);
    mutable QMutex m_mutex;
    QHash<QString, qint64> m_requests; ///< api|code|application
    QHash<QString, qint64> m_authFailures; ///< api|reason
    QHash<QString, qint64> m_forbidden; ///< api|reason
    QHash<QString, qint64> m_rateLimited; ///< api
    QHash<QString, qint64> m_quotaExceeded; ///< api
    QHash<QString, qint64> m_upstreamErrors; ///< upstream|kind
    qint64 m_reloadOk = 0;
    qint64 m_reloadFailed = 0;
    std::array<qint64, kBuckets.size() + 1> m_histogram {};
    double m_latencySum = 0;
    qint64 m_latencyCount = 0;
};

} // namespace Airgate::Runtime
