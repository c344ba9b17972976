// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>

namespace Airgate::Runtime {

/** @brief The outcome of taking one request from a limit. */
struct LimitDecision
{
    bool allowed = true;
    qint64 remaining = 0; ///< after this request (it counts itself, as Hub's headers do)
    qint64 retryAfterMs = 0; ///< when refused: how long until one request fits
};

/**
 * @brief APIPlan rate limits as GCRA (generic cell rate algorithm): capacity `limit`,
 * regenerating one request every `period / limit`. Thread-safe; state per bucket key.
 * With limit 1 per 1s the first request leaves 0 and an immediate second is refused.
 */
class RateLimiter
{
public:
    LimitDecision take(const QString &bucket, qint64 limit, qint64 periodNanos, qint64 nowNanos);
    void clear();
    int bucketCount() const;

private:
    static constexpr int kStripes = 16;
    struct Stripe
    {
        mutable QMutex mutex;
        QHash<QString, qint64> tat; ///< theoretical arrival time per bucket, in ns
    };
    std::array<Stripe, kStripes> m_stripes;
};

/**
 * @brief APIPlan quotas as a sliding window of 60 slots per period: at most `limit` requests
 * in any window of `period`. Thread-safe; state persists across restarts (toJson/fromJson),
 * in wall-clock milliseconds.
 */
class QuotaStore
{
public:
    /// Slots per window: precision of the sliding window is period / kSlots.
    static constexpr int kSlots = 60;

    LimitDecision take(const QString &bucket, qint64 limit, qint64 periodMs, qint64 nowMs);
    /** Requests counted in @p bucket's current window, without taking one. */
    qint64 used(const QString &bucket, qint64 periodMs, qint64 nowMs);

    QByteArray toJson() const;
    bool fromJson(const QByteArray &json);
    bool dirty() const { return m_dirty.loadRelaxed() != 0; }
    void markClean() { m_dirty.storeRelaxed(0); }

private:
    struct Window
    {
        qint64 periodMs = 0;
        qint64 slotMs = 1;
        qint64 firstSlot = 0; ///< slot index (now / slotMs) of counts[0]
        std::array<qint64, kSlots> counts {};
    };
    static void advance(Window &w, qint64 nowMs);
    static qint64 sum(const Window &w);

    mutable QMutex m_mutex;
    QHash<QString, Window> m_windows;
    QAtomicInt m_dirty;
};

} // namespace Airgate::Runtime
