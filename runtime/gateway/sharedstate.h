// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "accesslog.h"
#include "config/runtimeconfig.h"
#include "http/httpserver.h"
#include "limits/ratelimiter.h"
#include "metrics.h"

#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace Airgate::Runtime {

/**
 * @brief What every worker thread shares: the current snapshot (swapped in one step), the
 * limit state (plans are per gateway, not per thread), counters and the access log.
 */
class SharedState
{
public:
    SharedState();

    /** Makes @p config the one served from the next request on; @return its generation. */
    quint64 publish(std::shared_ptr<RuntimeConfig> config);
    std::shared_ptr<const RuntimeConfig> current() const;
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    /**
     * Frees, on the calling (main) thread, the replaced snapshots no worker or request holds
     * any more. Replaced snapshots are kept here until then, so a worker moving to a new
     * generation never frees an old one (its documents, routes, compiled patterns) on the
     * data path. @return how many were freed.
     */
    int releaseRetired();

    RateLimiter rate;
    QuotaStore quota;
    Metrics metrics;
    AccessLogBuffer accessLog;
    std::shared_ptr<Http::FrontCounters> front;
    std::atomic<int> inFlight {0};

    /// Clocks (injectable for tests): monotonic nanoseconds for rates, wall milliseconds for
    /// quotas.
    std::function<qint64()> steadyNanos;
    std::function<qint64()> wallMs;

private:
    mutable QMutex m_mutex;
    std::shared_ptr<const RuntimeConfig> m_config;
    std::vector<std::shared_ptr<const RuntimeConfig>> m_retired;
    std::atomic<quint64> m_generation {0};
};

} // namespace Airgate::Runtime
