// SPDX-License-Identifier: Apache-2.0
#include "ratelimiter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Airgate::Runtime {

LimitDecision RateLimiter::take(const QString &bucket, qint64 limit, qint64 periodNanos,
                                qint64 nowNanos)
{
    LimitDecision d;
    if (limit <= 0 || periodNanos <= 0) {
        d.allowed = limit > 0;
        d.remaining = 0;
        d.retryAfterMs = d.allowed ? 0 : qMax<qint64>(1000, periodNanos / 1'000'000);
        return d;
    }
    const qint64 interval = qMax<qint64>(1, periodNanos / limit); // emission interval T
    const qint64 tolerance = periodNanos - interval; // burst: `limit` requests at once
    Stripe &s = m_stripes[static_cast<size_t>(qHash(bucket) % kStripes)];
    QMutexLocker lock(&s.mutex);
    qint64 &tat = s.tat[bucket];
    const qint64 base = qMax(tat, nowNanos);
    if (base - nowNanos > tolerance) {
        d.allowed = false;
        d.remaining = 0;
        d.retryAfterMs = qMax<qint64>(1, (base - nowNanos - tolerance + 999'999) / 1'000'000);
        return d;
    }
    tat = base + interval;
    d.allowed = true;
    d.remaining = qMax<qint64>(0, (periodNanos - (tat - nowNanos)) / interval);
    return d;
}

void RateLimiter::clear()
{
    for (Stripe &s : m_stripes) {
        QMutexLocker lock(&s.mutex);
        s.tat.clear();
    }
}

int RateLimiter::bucketCount() const
{
    int n = 0;
    for (const Stripe &s : m_stripes) {
        QMutexLocker lock(&s.mutex);
        n += static_cast<int>(s.tat.size());
    }
    return n;
}

void QuotaStore::advance(Window &w, qint64 nowMs)
{
    const qint64 slot = nowMs / w.slotMs;
    const qint64 last = w.firstSlot + kSlots - 1;
    if (slot <= last)
        return;
    const qint64 shift = slot - last;
    if (shift >= kSlots) {
        w.counts.fill(0);
    } else {
        for (int i = 0; i < kSlots; ++i)
            w.counts[static_cast<size_t>(i)]
                = i + shift < kSlots ? w.counts[static_cast<size_t>(i + shift)] : 0;
    }
    w.firstSlot = slot - (kSlots - 1);
}

qint64 QuotaStore::sum(const Window &w)
{
    qint64 total = 0;
    for (qint64 c : w.counts)
        total += c;
    return total;
}

LimitDecision QuotaStore::take(const QString &bucket, qint64 limit, qint64 periodMs, qint64 nowMs)
{
    LimitDecision d;
    periodMs = qMax<qint64>(periodMs, kSlots);
    QMutexLocker lock(&m_mutex);
    Window &w = m_windows[bucket];
    if (w.periodMs != periodMs) {
        // A new window, or the plan's period changed: keep what was counted (Hub keeps usage across
        // plan changes).
        const qint64 used = w.periodMs ? sum(w) : 0;
        w = Window {};
        w.periodMs = periodMs;
        w.slotMs = periodMs / kSlots;
        w.firstSlot = nowMs / w.slotMs - (kSlots - 1);
        w.counts[kSlots - 1] = used;
    }
    advance(w, nowMs);
    const qint64 used = sum(w);
    if (used >= limit) {
        d.allowed = false;
        d.remaining = 0;
        // The oldest non-empty slot leaves the window first.
        int oldest = 0;
        while (oldest < kSlots && w.counts[static_cast<size_t>(oldest)] == 0)
            ++oldest;
        // Slot s leaves the window when the current slot reaches s + kSlots.
        const qint64 leavesAt = (w.firstSlot + oldest + kSlots) * w.slotMs;
        d.retryAfterMs = qBound<qint64>(1000, leavesAt - nowMs, periodMs);
        return d;
    }
    w.counts[kSlots - 1] += 1;
    m_dirty.storeRelaxed(1);
    d.allowed = true;
    d.remaining = limit - used - 1;
    return d;
}

qint64 QuotaStore::used(const QString &bucket, qint64 periodMs, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_windows.find(bucket);
    if (it == m_windows.end() || it->periodMs != qMax<qint64>(periodMs, kSlots))
        return 0;
    advance(*it, nowMs);
    return sum(*it);
}

QByteArray QuotaStore::toJson() const
{
    QMutexLocker lock(&m_mutex);
    QJsonObject root;
    for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it) {
        QJsonArray counts;
        for (qint64 c : it->counts)
            counts.append(static_cast<double>(c));
        root.insert(it.key(),
                    QJsonObject {{QStringLiteral("periodMs"), static_cast<double>(it->periodMs)},
                                 {QStringLiteral("firstSlot"), static_cast<double>(it->firstSlot)},
                                 {QStringLiteral("counts"), counts}});
    }
    return QJsonDocument(
               QJsonObject {{QStringLiteral("version"), 1}, {QStringLiteral("windows"), root}})
        .toJson(QJsonDocument::Compact);
}

bool QuotaStore::fromJson(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return false;
    QHash<QString, Window> windows;
    const QJsonObject ws = root.value(QStringLiteral("windows")).toObject();
    for (auto it = ws.begin(); it != ws.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        Window w;
        w.periodMs = static_cast<qint64>(o.value(QStringLiteral("periodMs")).toDouble());
        if (w.periodMs < kSlots)
            continue;
        w.slotMs = w.periodMs / kSlots;
        w.firstSlot = static_cast<qint64>(o.value(QStringLiteral("firstSlot")).toDouble());
        const QJsonArray counts = o.value(QStringLiteral("counts")).toArray();
        for (int i = 0; i < kSlots && i < counts.size(); ++i)
            w.counts[static_cast<size_t>(i)] = static_cast<qint64>(counts.at(i).toDouble());
        windows.insert(it.key(), w);
    }
    QMutexLocker lock(&m_mutex);
    m_windows = std::move(windows);
    return true;
}

} // namespace Airgate::Runtime
