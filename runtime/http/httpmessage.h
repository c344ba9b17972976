// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace Airgate::Http {

/** @brief Header fields in arrival order; names compare case-insensitively (RFC 9110 §5.1). */
class Headers
{
public:
    using Field = QPair<QByteArray, QByteArray>;

    QByteArray value(QByteArrayView name) const;
    bool has(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    void add(QByteArray name, QByteArray value)
    {
        m_fields.append({std::move(name), std::move(value)});
    }
    /** Replaces every field of that name with one field. */
    void set(QByteArrayView name, QByteArray value);
    void remove(QByteArrayView name);
    const QList<Field> &fields() const { return m_fields; }
    QList<Field> &fields() { return m_fields; }
    void clear() { m_fields.clear(); }
    qsizetype size() const { return m_fields.size(); }

    /** Whether a comma-separated header (Connection, TE…) holds @p token, case-insensitively. */
    bool hasToken(QByteArrayView name, QByteArrayView token) const;

private:
    QList<Field> m_fields;
};

/** @brief A parsed HTTP/1.x request as the gateway sees it. */
struct Request
{
    QByteArray method;
    QByteArray target; ///< as sent: "/weather?city=Lyon"
    QByteArray path; ///< target before '?', not decoded
    QByteArray query; ///< after '?', not decoded
    int versionMinor = 1;
    Headers headers;
    QByteArray body;
    bool keepAlive = true;
    // Where it came from.
    QHostAddress peer;
    quint16 peerPort = 0;
    bool tls = false;
    QString entryPoint;
    qint64 receivedAtMs = 0;

    QByteArray host() const; ///< Host header without port, lower-cased
    /** Value of a query parameter (percent-decoded); null when absent. */
    QByteArray queryValue(QByteArrayView name) const;
    bool hasQuery(QByteArrayView name) const;
};

/** @brief A response: status, headers and a body (the connection adds framing and Date). */
struct Response
{
    int status = 200;
    Headers headers;
    QByteArray body;
    /**
     * More body, after @p body: pieces shared with whoever made them (a cached page and the
     * tokens between its parts) and never joined; the connection writes them as the client
     * reads, a bounded amount ahead.
     */
    QList<QByteArray> parts;
    bool closeAfter = false;

    /** The body's length: @p body and every part. */
    qint64 bodySize() const
    {
        qint64 n = body.size();
        for (const QByteArray &p : parts)
            n += p.size();
        return n;
    }

    static Response text(int status, QByteArray body,
                         QByteArray contentType = "text/plain; charset=utf-8");
    static Response empty(int status);
};

/** Why @p response cannot be written as it is (a header name that is not a token, a CR, LF or
 * NUL in a header value, a status outside 100–999), or nullptr when it can. */
const char *responseHeadProblem(const Response &response);

/** RFC 9110 reason phrases for the codes the gateway sends. */
QByteArray reasonPhrase(int status);
/** Percent-decodes (and turns '+' into ' ' when @p plusIsSpace). */
QByteArray percentDecode(QByteArrayView in, bool plusIsSpace = false);

} // namespace Airgate::Http
