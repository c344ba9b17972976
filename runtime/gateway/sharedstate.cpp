// SPDX-License-Identifier: Apache-2.0
#include "sharedstate.h"

#include <QDateTime>

#include <algorithm>
#include <chrono>
#include <iterator>

namespace Airgate::Runtime {

SharedState::SharedState()
    : front(std::make_shared<Http::FrontCounters>())
    , steadyNanos([] {
        return static_cast<qint64>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                       std::chrono::steady_clock::now().time_since_epoch())
                                       .count());
    })
    , wallMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

quint64 SharedState::publish(std::shared_ptr<RuntimeConfig> config)
{
    QMutexLocker lock(&m_mutex);
    const quint64 gen = m_generation.load() + 1;
    config->generation = gen;
    if (m_config)
        m_retired.push_back(std::move(m_config));
    m_config = std::move(config);
    m_generation.store(gen, std::memory_order_release);
    metrics.generation = gen;
    return gen;
}

std::shared_ptr<const RuntimeConfig> SharedState::current() const
{
    QMutexLocker lock(&m_mutex);
    return m_config;
}

int SharedState::releaseRetired()
{
    std::vector<std::shared_ptr<const RuntimeConfig>> unused;
    {
        QMutexLocker lock(&m_mutex);
        // Only this list holds them: nobody can take a new reference to a replaced snapshot.
        const auto kept = std::partition(m_retired.begin(), m_retired.end(),
                                         [](const auto &c) { return c.use_count() > 1; });
        std::move(kept, m_retired.end(), std::back_inserter(unused));
        m_retired.erase(kept, m_retired.end());
    }
    return static_cast<int>(unused.size()); // freed here, outside the lock
}

} // namespace Airgate::Runtime
