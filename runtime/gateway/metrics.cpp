// SPDX-License-Identifier: Apache-2.0
#include "metrics.h"

#include <QStringList>

namespace Airgate::Runtime {

QString Metrics::label(const QString &v)
{
    QString out = v;
    out.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'\n', QStringLiteral("\\n"));
    return out;
}

void Metrics::request(const QString &api, int code, const QString &application, double seconds)
{
    QMutexLocker lock(&m_mutex);
    m_requests[api + u'|' + QString::number(code) + u'|' + application]++;
    size_t i = 0;
    while (i < kBuckets.size() && seconds > kBuckets[i])
        ++i;
    m_histogram[i]++;
    m_latencySum += seconds;
    m_latencyCount++;
}

void Metrics::authFailure(const QString &api, const QString &reason)
{
    QMutexLocker lock(&m_mutex);
    m_authFailures[api + u'|' + reason]++;
}

void Metrics::forbidden(const QString &api, const QString &reason)
{
    QMutexLocker lock(&m_mutex);
    m_forbidden[api + u'|' + reason]++;
}

void Metrics::rateLimited(const QString &api)
{
    QMutexLocker lock(&m_mutex);
    m_rateLimited[api]++;
}

void Metrics::quotaExceeded(const QString &api)
{
    QMutexLocker lock(&m_mutex);
    m_quotaExceeded[api]++;
}

void Metrics::upstreamError(const QString &upstream, const QString &kind)
{
    QMutexLocker lock(&m_mutex);
    m_upstreamErrors[upstream + u'|' + kind]++;
}

void Metrics::reload(bool ok)
{
    QMutexLocker lock(&m_mutex);
    (ok ? m_reloadOk : m_reloadFailed)++;
}

QByteArray Metrics::render(const QByteArray &extra) const
{
    QMutexLocker lock(&m_mutex);
    QString out;
    auto family = [&](const char *name, const char *type, const char *help) {
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                   .arg(QLatin1StringView(name), QLatin1StringView(help), QLatin1StringView(type));
    };
    family("airgate_requests_total", "counter",
           "Requests answered, by API, status code and application.");
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const QStringList p = it.key().split(u'|');
        out += QStringLiteral(
                   "airgate_requests_total{api=\"%1\",code=\"%2\",application=\"%3\"} %4\n")
                   .arg(label(p.value(0)), p.value(1), label(p.value(2)))
                   .arg(it.value());
    }
    family("airgate_request_duration_seconds", "histogram",
           "Time from a complete request to its reply.");
    qint64 cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += m_histogram[i];
        out += QStringLiteral("airgate_request_duration_seconds_bucket{le=\"%1\"} %2\n")
                   .arg(kBuckets[i])
                   .arg(cumulative);
    }
    cumulative += m_histogram[kBuckets.size()];
    out += QStringLiteral("airgate_request_duration_seconds_bucket{le=\"+Inf\"} %1\n")
               .arg(cumulative);
    out += QStringLiteral("airgate_request_duration_seconds_sum %1\n").arg(m_latencySum, 0, 'f', 6);
    out += QStringLiteral("airgate_request_duration_seconds_count %1\n").arg(m_latencyCount);
    family("airgate_auth_failures_total", "counter",
           "Requests refused with 401, by API and reason.");
    for (auto it = m_authFailures.cbegin(); it != m_authFailures.cend(); ++it) {
        const QStringList p = it.key().split(u'|');
        out += QStringLiteral("airgate_auth_failures_total{api=\"%1\",reason=\"%2\"} %3\n")
                   .arg(label(p.value(0)), label(p.value(1)))
                   .arg(it.value());
    }
    family("airgate_forbidden_total", "counter", "Requests refused with 403, by API and reason.");
    for (auto it = m_forbidden.cbegin(); it != m_forbidden.cend(); ++it) {
        const QStringList p = it.key().split(u'|');
        out += QStringLiteral("airgate_forbidden_total{api=\"%1\",reason=\"%2\"} %3\n")
                   .arg(label(p.value(0)), label(p.value(1)))
                   .arg(it.value());
    }
    family("airgate_rate_limited_total", "counter",
           "Requests refused with 429 by a plan's rate limit.");
    for (auto it = m_rateLimited.cbegin(); it != m_rateLimited.cend(); ++it)
        out += QStringLiteral("airgate_rate_limited_total{api=\"%1\"} %2\n")
                   .arg(label(it.key()))
                   .arg(it.value());
    family("airgate_quota_exceeded_total", "counter",
           "Requests refused with 429 by a plan's quota.");
    for (auto it = m_quotaExceeded.cbegin(); it != m_quotaExceeded.cend(); ++it)
        out += QStringLiteral("airgate_quota_exceeded_total{api=\"%1\"} %2\n")
                   .arg(label(it.key()))
                   .arg(it.value());
    family("airgate_upstream_errors_total", "counter", "Upstream failures, by service and kind.");
    for (auto it = m_upstreamErrors.cbegin(); it != m_upstreamErrors.cend(); ++it) {
        const QStringList p = it.key().split(u'|');
        out += QStringLiteral("airgate_upstream_errors_total{upstream=\"%1\",kind=\"%2\"} %3\n")
                   .arg(label(p.value(0)), label(p.value(1)))
                   .arg(it.value());
    }
    family("airgate_reloads_total", "counter", "Configuration reloads, by result.");
    out += QStringLiteral("airgate_reloads_total{result=\"success\"} "
                          "%1\nairgate_reloads_total{result=\"failure\"} %2\n")
               .arg(m_reloadOk)
               .arg(m_reloadFailed);
    family("airgate_config_generation", "gauge", "Generation of the snapshot being served.");
    out += QStringLiteral("airgate_config_generation %1\n").arg(generation.load());
    return out.toUtf8() + extra;
}

} // namespace Airgate::Runtime
