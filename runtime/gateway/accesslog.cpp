// SPDX-License-Identifier: Apache-2.0
#include "accesslog.h"

#include <QDateTime>
#include <cstring>
#include <limits>

namespace Airgate::Runtime {

namespace {

/**
 * Writes one line into a buffer sized once for the worst case (every byte escaped as \u00XX),
 * by pointer: QByteArray::append per character cost more than the rest of the request.
 */
class JsonLine
{
public:
    explicit JsonLine(qsizetype capacity)
        : m_buf(capacity, Qt::Uninitialized)
        , m_p(m_buf.data())
    {
    }

    void raw(QByteArrayView v)
    {
        std::memcpy(m_p, v.data(), static_cast<size_t>(v.size()));
        m_p += v.size();
    }
    void raw(char c) { *m_p++ = c; }

    void escaped(char32_t c)
    {
        switch (c) {
        case '"':
            raw("\\\"");
            return;
        case '\\':
            raw("\\\\");
            return;
        case '\n':
            raw("\\n");
            return;
        case '\r':
            raw("\\r");
            return;
        case '\t':
            raw("\\t");
            return;
        default:
            if (c < 0x20) {
                static constexpr char kHex[] = "0123456789abcdef";
                raw("\\u00");
                raw(kHex[c >> 4]);
                raw(kHex[c & 0xf]);
            } else {
                raw(static_cast<char>(c));
            }
        }
    }

    void string(QByteArrayView v)
    {
        raw('"');
        for (char c : v)
            escaped(static_cast<unsigned char>(c));
        raw('"');
    }
    void string(const QString &v)
    {
        for (QChar c : v)
            if (c.unicode() >= 0x80)
                return string(QByteArrayView(v.toUtf8()));
        // ASCII, nearly always: written as it is, without a UTF-8 copy.
        raw('"');
        for (QChar c : v)
            escaped(c.unicode());
        raw('"');
    }

    /** `,"name":` before a value. */
    void key(const char *name)
    {
        raw(',');
        raw('"');
        raw(QByteArrayView(name));
        raw("\":");
    }
    template<typename T>
    void field(const char *name, const T &v)
    {
        key(name);
        string(v);
    }
    void optional(const char *name, const QString &v)
    {
        if (!v.isEmpty())
            field(name, v);
    }
    void number(const char *name, QByteArrayView v)
    {
        key(name);
        raw(v);
    }
    void number(const char *name, quint64 v)
    {
        char digits[20];
        int n = 0;
        do {
            digits[n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v);
        key(name);
        while (n)
            raw(digits[--n]);
    }

    /** `2026-12-02T13:22:48.123Z` (Qt::ISODateWithMs in UTC); the date and time up to the
     * second are formatted once per second and thread. */
    void isoTime(qint64 ms)
    {
        thread_local qint64 cachedSecond = std::numeric_limits<qint64>::min();
        thread_local QByteArray cachedPrefix;
        const qint64 second = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
        if (second != cachedSecond) {
            cachedPrefix = QDateTime::fromSecsSinceEpoch(second, Qt::UTC)
                               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                               .toLatin1();
            cachedSecond = second;
        }
        const int milli = static_cast<int>(ms - second * 1000);
        raw('"');
        raw(cachedPrefix);
        raw('.');
        raw(static_cast<char>('0' + milli / 100));
        raw(static_cast<char>('0' + milli / 10 % 10));
        raw(static_cast<char>('0' + milli % 10));
        raw("Z\"");
    }

    QByteArray take()
    {
        m_buf.truncate(m_p - m_buf.data());
        return std::move(m_buf);
    }

private:
    QByteArray m_buf;
    char *m_p;
};

} // namespace

// Written by hand: it runs once per request, and QJsonObject costs several times more.
QByteArray AccessLogEntry::toJson() const
{
    // Worst case: each byte of a name as \u00XX (6), a UTF-16 unit as 3 UTF-8 bytes escaped
    // no further (3 < 6), the duration as formatted, the rest well under 400 bytes.
    const qsizetype names = entryPoint.size() + clientIp.size() + method.size() + host.size()
        + path.size() + route.size() + api.size() + application.size() + subscription.size()
        + plan.size() + upstream.size() + reason.size();
    const QByteArray duration = QByteArray::number(durationMs, 'f', 3);
    JsonLine out(400 + duration.size() + 6 * names);
    out.raw("{\"time\":");
    out.isoTime(timeMs);
    out.field("entryPoint", entryPoint);
    out.field("clientIp", clientIp);
    out.field("method", QByteArrayView(method));
    out.field("host", QByteArrayView(host));
    out.field("path", QByteArrayView(path));
    out.number("status", static_cast<quint64>(qMax(0, status)));
    out.number("durationMs", duration);
    out.number("bytes", static_cast<quint64>(qMax<qint64>(0, bytes)));
    out.number("generation", generation);
    out.optional("route", route);
    out.optional("api", api);
    out.optional("application", application);
    out.optional("subscription", subscription);
    out.optional("plan", plan);
    out.optional("upstream", upstream);
    out.optional("reason", reason);
    out.raw('}');
    return out.take();
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
