// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace Airgate::Runtime {

/**
 * @brief Label values (API, application, upstream keys) as small integers. The compiler interns
 * them once per snapshot, so the request path counts by integer handles and never builds a
 * string key. Ids are stable for the life of the table (across reloads); 0 is the empty label.
 * Thread-safe; not used on the data path.
 */
class LabelTable
{
public:
    LabelTable();
    int intern(const QString &label);
    QString label(int id) const;
    int size() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, int> m_ids;
    QStringList m_labels;
};

/** @brief Why a request was refused with 401 or 403, or how an upstream failed (metric labels). */
enum class MetricReason : std::uint8_t {
    MissingCredential,
    UnknownKey,
    SuspendedKey,
    MalformedToken,
    UntrustedIssuer,
    InvalidToken,
    UnknownApplication,
    NotSubscribed,
    OperationNotAllowed,
    Unresolved,
    Timeout,
    Connect,
    Protocol,
    Count_
};
const char *metricReasonName(MetricReason r);

/**
 * @brief One worker's counters and latency histogram: written by that worker with relaxed
 * atomics on its own cache lines, read by the scrape. No lock, no allocation once a label
 * combination has been seen. Counters live in an open-addressing table of atomic keys (a key
 * is published once and never moves); a full table chains another, so nothing is ever lost.
 */
class MetricsShard
{
public:
    enum class Family : std::uint8_t {
        Requests = 1, ///< a = API, b = application, code = status
        AuthFailures, ///< a = API, b = reason
        Forbidden, ///< a = API, b = reason
        RateLimited, ///< a = API
        QuotaExceeded, ///< a = API
        UpstreamErrors, ///< a = upstream, b = reason
        FilterStops, ///< a = route, b = filter name label, code = status
    };
    /// Upper bounds (seconds) of the request latency histogram.
    static constexpr std::array<double, 12> kBuckets {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    5};

    MetricsShard();
    ~MetricsShard();
    MetricsShard(const MetricsShard &) = delete;
    MetricsShard &operator=(const MetricsShard &) = delete;

    void request(int api, int code, int application, qint64 nanos);
    void add(Family family, int a, int b = 0, int code = 0);
    void authFailure(int api, MetricReason r) { add(Family::AuthFailures, api, int(r)); }
    void forbidden(int api, MetricReason r) { add(Family::Forbidden, api, int(r)); }
    void rateLimited(int api) { add(Family::RateLimited, api); }
    void quotaExceeded(int api) { add(Family::QuotaExceeded, api); }
    void upstreamError(int upstream, MetricReason r)
    {
        add(Family::UpstreamErrors, upstream, int(r));
    }

    static std::uint64_t key(Family family, int a, int b, int code);
    static void unpack(std::uint64_t key, Family &family, int &a, int &b, int &code);
    /** Adds this shard's counts into @p counters (by key) and @p histogram. */
    void collect(QHash<std::uint64_t, std::uint64_t> &counters,
                 std::array<std::uint64_t, kBuckets.size() + 1> &histogram, std::uint64_t &sumNanos,
                 std::uint64_t &count) const;

private:
    static constexpr std::size_t kSlots = 2048;
    struct Segment
    {
        std::array<std::atomic<std::uint64_t>, kSlots> keys {};
        std::array<std::atomic<std::uint64_t>, kSlots> values {};
        std::atomic<Segment *> next {nullptr};
    };
    std::atomic<std::uint64_t> *slot(std::uint64_t key);

    Segment m_first;
    alignas(64) std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> m_histogram {};
    std::atomic<std::uint64_t> m_sumNanos {0};
    std::atomic<std::uint64_t> m_count {0};
};

/**
 * @brief The gateway's counters, rendered as Prometheus text at /metrics: the sum of the
 * workers' shards (each worker counts into its own, no lock on the data path), plus reloads.
 */
class Metrics
{
public:
    static constexpr auto kBuckets = MetricsShard::kBuckets;

    Metrics();
    /** A shard for one worker; lives as long as this object (counts never go backwards). */
    MetricsShard *addShard();
    /** The shard of work done outside the workers (tests, the control thread). */
    MetricsShard &common() { return *m_common; }
    const std::shared_ptr<LabelTable> &labels() const { return m_labels; }
    void reload(bool ok);

    std::atomic<quint64> generation {0};
    std::atomic<int> connections {0};

    /** Prometheus text exposition (version 0.0.4); @p extra is appended (front counters). */
    QByteArray render(const QByteArray &extra = {}) const;

private:
    std::shared_ptr<LabelTable> m_labels;
    mutable QMutex m_shardsMutex; ///< guards the list, not the counts
    std::vector<std::unique_ptr<MetricsShard>> m_shards;
    MetricsShard *m_common = nullptr;
    std::atomic<qint64> m_reloadOk {0};
    std::atomic<qint64> m_reloadFailed {0};
};

} // namespace Airgate::Runtime
