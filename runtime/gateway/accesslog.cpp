// SPDX-License-Identifier: Apache-2.0
#include "accesslog.h"

#include <QDateTime>
#include <cstdio>

namespace Airgate::Runtime {

namespace {

void jsonString(QByteArray &out, QByteArrayView v)
{
    out += '"';
    for (char c : v) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void field(QByteArray &out, const char *name, QByteArrayView v)
{
    out += ",\"";
    out += name;
    out += "\":";
    jsonString(out, v);
}

void optional(QByteArray &out, const char *name, const QString &v)
{
    if (!v.isEmpty())
        field(out, name, v.toUtf8());
}

} // namespace

// Written by hand: it runs once per request, and QJsonObject costs several times more.
QByteArray AccessLogEntry::toJson() const
{
    QByteArray out;
    out.reserve(320);
    out += "{\"time\":";
    jsonString(
        out,
        QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1());
    field(out, "entryPoint", entryPoint.toUtf8());
    field(out, "clientIp", clientIp.toLatin1());
    field(out, "method", method);
    field(out, "host", host);
    field(out, "path", path);
    out += ",\"status\":";
    out += QByteArray::number(status);
    out += ",\"durationMs\":";
    out += QByteArray::number(durationMs, 'f', 3);
    out += ",\"bytes\":";
    out += QByteArray::number(bytes);
    out += ",\"generation\":";
    out += QByteArray::number(generation);
    optional(out, "route", route);
    optional(out, "api", api);
    optional(out, "application", application);
    optional(out, "subscription", subscription);
    optional(out, "plan", plan);
    optional(out, "upstream", upstream);
    optional(out, "reason", reason);
    out += '}';
    return out;
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
