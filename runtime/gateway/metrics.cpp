// SPDX-License-Identifier: Apache-2.0
#include "metrics.h"

#include <QMap>

namespace Airgate::Runtime {

// ------------------------------------------------------------------ labels

LabelTable::LabelTable()
{
    m_ids.insert(QString(), 0);
    m_labels << QString();
}

int LabelTable::intern(const QString &label)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_ids.constFind(label);
    if (it != m_ids.cend())
        return it.value();
    // Keys pack a label into 24 bits; beyond that (16 million distinct names) share one.
    if (m_labels.size() >= (1 << 24) - 1)
        return 0;
    const int id = static_cast<int>(m_labels.size());
    m_labels << label;
    m_ids.insert(label, id);
    return id;
}

QString LabelTable::label(int id) const
{
    QMutexLocker lock(&m_mutex);
    return m_labels.value(id);
}

int LabelTable::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_labels.size());
}

const char *metricReasonName(MetricReason r)
{
    switch (r) {
    case MetricReason::MissingCredential:
        return "missing credential";
    case MetricReason::UnknownKey:
        return "unknown key";
    case MetricReason::SuspendedKey:
        return "suspended key";
    case MetricReason::MalformedToken:
        return "malformed token";
    case MetricReason::UntrustedIssuer:
        return "untrusted issuer";
    case MetricReason::InvalidToken:
        return "invalid token";
    case MetricReason::UnknownApplication:
        return "unknown application";
    case MetricReason::NotSubscribed:
        return "not subscribed";
    case MetricReason::OperationNotAllowed:
        return "operation not allowed";
    case MetricReason::Unresolved:
        return "unresolved";
    case MetricReason::Timeout:
        return "timeout";
    case MetricReason::Connect:
        return "connect";
    case MetricReason::Protocol:
        return "protocol";
    case MetricReason::Count_:
        break;
    }
    return "";
}

// ------------------------------------------------------------------ shard

MetricsShard::MetricsShard() = default;

MetricsShard::~MetricsShard()
{
    Segment *s = m_first.next.load(std::memory_order_acquire);
    while (s) {
        Segment *next = s->next.load(std::memory_order_acquire);
        delete s;
        s = next;
    }
}

std::uint64_t MetricsShard::key(Family family, int a, int b, int code)
{
    return (static_cast<std::uint64_t>(family) << 60)
        | (static_cast<std::uint64_t>(a & 0xffffff) << 36)
        | (static_cast<std::uint64_t>(b & 0xffffff) << 12)
        | static_cast<std::uint64_t>(code & 0xfff);
}

void MetricsShard::unpack(std::uint64_t key, Family &family, int &a, int &b, int &code)
{
    family = static_cast<Family>(key >> 60);
    a = static_cast<int>((key >> 36) & 0xffffff);
    b = static_cast<int>((key >> 12) & 0xffffff);
    code = static_cast<int>(key & 0xfff);
}

std::atomic<std::uint64_t> *MetricsShard::slot(std::uint64_t key)
{
    // Fibonacci hashing; linear probing over a bounded run, then the next segment.
    constexpr std::size_t kProbe = 32;
    const std::size_t home = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 53) % kSlots;
    Segment *s = &m_first;
    for (;;) {
        for (std::size_t i = 0; i < kProbe; ++i) {
            const std::size_t at = (home + i) % kSlots;
            std::uint64_t k = s->keys[at].load(std::memory_order_acquire);
            if (k == key)
                return &s->values[at];
            if (k == 0) {
                // Claim it; another writer may win the race for this slot with another key.
                if (s->keys[at].compare_exchange_strong(k, key, std::memory_order_acq_rel))
                    return &s->values[at];
                if (k == key)
                    return &s->values[at];
            }
        }
        Segment *next = s->next.load(std::memory_order_acquire);
        if (!next) {
            auto *fresh = new Segment;
            if (s->next.compare_exchange_strong(next, fresh, std::memory_order_acq_rel))
                next = fresh;
            else
                delete fresh;
        }
        s = next;
    }
}

void MetricsShard::add(Family family, int a, int b, int code)
{
    slot(key(family, a, b, code))->fetch_add(1, std::memory_order_relaxed);
}

void MetricsShard::request(int api, int code, int application, qint64 nanos)
{
    add(Family::Requests, api, application, code);
    const double seconds = static_cast<double>(nanos) / 1e9;
    std::size_t i = 0;
    while (i < kBuckets.size() && seconds > kBuckets[i])
        ++i;
    m_histogram[i].fetch_add(1, std::memory_order_relaxed);
    m_sumNanos.fetch_add(static_cast<std::uint64_t>(qMax<qint64>(0, nanos)),
                         std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
}

void MetricsShard::collect(QHash<std::uint64_t, std::uint64_t> &counters,
                           std::array<std::uint64_t, kBuckets.size() + 1> &histogram,
                           std::uint64_t &sumNanos, std::uint64_t &count) const
{
    for (const Segment *s = &m_first; s; s = s->next.load(std::memory_order_acquire))
        for (std::size_t i = 0; i < kSlots; ++i) {
            const std::uint64_t k = s->keys[i].load(std::memory_order_acquire);
            if (k != 0)
                counters[k] += s->values[i].load(std::memory_order_relaxed);
        }
    for (std::size_t i = 0; i < histogram.size(); ++i)
        histogram[i] += m_histogram[i].load(std::memory_order_relaxed);
    sumNanos += m_sumNanos.load(std::memory_order_relaxed);
    count += m_count.load(std::memory_order_relaxed);
}

// ------------------------------------------------------------------ metrics

Metrics::Metrics()
    : m_labels(std::make_shared<LabelTable>())
{
    m_common = addShard();
}

MetricsShard *Metrics::addShard()
{
    QMutexLocker lock(&m_shardsMutex);
    m_shards.push_back(std::make_unique<MetricsShard>());
    return m_shards.back().get();
}

void Metrics::reload(bool ok)
{
    (ok ? m_reloadOk : m_reloadFailed).fetch_add(1, std::memory_order_relaxed);
}

namespace {

QString escapeLabel(const QString &v)
{
    QString out = v;
    out.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'\n', QStringLiteral("\\n"));
    return out;
}

} // namespace

QByteArray Metrics::render(const QByteArray &extra) const
{
    using Family = MetricsShard::Family;
    QHash<std::uint64_t, std::uint64_t> counters;
    std::array<std::uint64_t, kBuckets.size() + 1> histogram {};
    std::uint64_t sumNanos = 0;
    std::uint64_t count = 0;
    {
        QMutexLocker lock(&m_shardsMutex);
        for (const auto &s : m_shards)
            s->collect(counters, histogram, sumNanos, count);
    }
    // Sorted by family, then labels as text: a stable exposition.
    QMap<int, QMap<QString, std::uint64_t>> families;
    const LabelTable &labels = *m_labels;
    auto l = [&](int id) { return escapeLabel(labels.label(id)); };
    auto reason = [](int r) {
        return r >= 0 && r < int(MetricReason::Count_)
            ? QString::fromLatin1(metricReasonName(static_cast<MetricReason>(r)))
            : QString();
    };
    for (auto it = counters.cbegin(); it != counters.cend(); ++it) {
        Family f;
        int a = 0, b = 0, code = 0;
        MetricsShard::unpack(it.key(), f, a, b, code);
        QString labelSet;
        switch (f) {
        case Family::Requests:
            labelSet = QStringLiteral("api=\"%1\",code=\"%2\",application=\"%3\"")
                           .arg(l(a))
                           .arg(code)
                           .arg(l(b));
            break;
        case Family::AuthFailures:
        case Family::Forbidden:
            labelSet = QStringLiteral("api=\"%1\",reason=\"%2\"").arg(l(a), reason(b));
            break;
        case Family::RateLimited:
        case Family::QuotaExceeded:
            labelSet = QStringLiteral("api=\"%1\"").arg(l(a));
            break;
        case Family::UpstreamErrors:
            labelSet = QStringLiteral("upstream=\"%1\",kind=\"%2\"").arg(l(a), reason(b));
            break;
        case Family::FilterStops:
            labelSet = QStringLiteral("route=\"%1\",filter=\"%2\",code=\"%3\"")
                           .arg(l(a), l(b))
                           .arg(code);
            break;
        }
        families[int(f)][labelSet] += it.value();
    }
    QString out;
    auto family = [&](const char *name, const char *type, const char *help) {
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                   .arg(QLatin1StringView(name), QLatin1StringView(help), QLatin1StringView(type));
    };
    auto rows = [&](const char *name, Family f) {
        const auto &m = families.value(int(f));
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            out += QStringLiteral("%1{%2} %3\n")
                       .arg(QLatin1StringView(name), it.key())
                       .arg(static_cast<qulonglong>(it.value()));
    };
    family("airgate_requests_total", "counter",
           "Requests answered, by API, status code and application.");
    rows("airgate_requests_total", Family::Requests);
    family("airgate_request_duration_seconds", "histogram",
           "Time from a complete request to its reply.");
    std::uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += histogram[i];
        out += QStringLiteral("airgate_request_duration_seconds_bucket{le=\"%1\"} %2\n")
                   .arg(kBuckets[i])
                   .arg(static_cast<qulonglong>(cumulative));
    }
    cumulative += histogram[kBuckets.size()];
    out += QStringLiteral("airgate_request_duration_seconds_bucket{le=\"+Inf\"} %1\n")
               .arg(static_cast<qulonglong>(cumulative));
    out += QStringLiteral("airgate_request_duration_seconds_sum %1\n")
               .arg(static_cast<double>(sumNanos) / 1e9, 0, 'f', 6);
    out += QStringLiteral("airgate_request_duration_seconds_count %1\n")
               .arg(static_cast<qulonglong>(count));
    family("airgate_auth_failures_total", "counter",
           "Requests refused with 401, by API and reason.");
    rows("airgate_auth_failures_total", Family::AuthFailures);
    family("airgate_forbidden_total", "counter", "Requests refused with 403, by API and reason.");
    rows("airgate_forbidden_total", Family::Forbidden);
    family("airgate_rate_limited_total", "counter",
           "Requests refused with 429 by a plan's rate limit.");
    rows("airgate_rate_limited_total", Family::RateLimited);
    family("airgate_quota_exceeded_total", "counter",
           "Requests refused with 429 by a plan's quota.");
    rows("airgate_quota_exceeded_total", Family::QuotaExceeded);
    family("airgate_upstream_errors_total", "counter", "Upstream failures, by service and kind.");
    rows("airgate_upstream_errors_total", Family::UpstreamErrors);
    family("airgate_filter_replies_total", "counter",
           "Local replies of each filter of each route's chain, by status.");
    rows("airgate_filter_replies_total", Family::FilterStops);
    family("airgate_reloads_total", "counter", "Configuration reloads, by result.");
    out += QStringLiteral("airgate_reloads_total{result=\"success\"} "
                          "%1\nairgate_reloads_total{result=\"failure\"} %2\n")
               .arg(m_reloadOk.load())
               .arg(m_reloadFailed.load());
    family("airgate_config_generation", "gauge", "Generation of the snapshot being served.");
    out += QStringLiteral("airgate_config_generation %1\n").arg(generation.load());
    return out.toUtf8() + extra;
}

} // namespace Airgate::Runtime
