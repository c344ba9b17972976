// SPDX-License-Identifier: Apache-2.0
#include "sharedstate.h"

#include <QDateTime>

#include <chrono>

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

} // namespace Airgate::Runtime
