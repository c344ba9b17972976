// SPDX-License-Identifier: Apache-2.0
#include "accesslog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace Airgate::Runtime {

QByteArray AccessLogEntry::toJson() const
{
    QJsonObject o {{QStringLiteral("time"),
                    QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                   {QStringLiteral("entryPoint"), entryPoint},
                   {QStringLiteral("clientIp"), clientIp},
                   {QStringLiteral("method"), QString::fromLatin1(method)},
                   {QStringLiteral("host"), QString::fromUtf8(host)},
                   {QStringLiteral("path"), QString::fromUtf8(path)},
                   {QStringLiteral("status"), status},
                   {QStringLiteral("durationMs"), durationMs},
                   {QStringLiteral("bytes"), bytes},
                   {QStringLiteral("generation"), static_cast<double>(generation)}};
    auto opt = [&](const char *k, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1StringView(k), v);
    };
    opt("route", route);
    opt("api", api);
    opt("application", application);
    opt("subscription", subscription);
    opt("plan", plan);
    opt("upstream", upstream);
    opt("reason", reason);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void AccessLogBuffer::append(const AccessLogEntry &entry)
{
    QByteArray line = entry.toJson();
    QMutexLocker lock(&m_mutex);
    if (m_lines.size() >= kMaxPending) {
        ++m_dropped;
        return;
    }
    m_lines.append(std::move(line));
}

QList<QByteArray> AccessLogBuffer::drain()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_lines, {});
}

qint64 AccessLogBuffer::dropped() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

} // namespace Airgate::Runtime
