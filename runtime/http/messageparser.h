// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"

#include <QByteArray>

namespace Airgate::Http {

/** Whether @p authority is `host [ ":" port ]` per RFC 3986 §3.2.2–3.2.3 (no userinfo, no
 * comma, port of at most five digits). */
bool isValidAuthority(QByteArrayView authority);

/** @brief Limits for one HTTP message; named so each has a test. */
struct ParseLimits
{
    qint64 maxHeaderBytes
        = 16 * 1024; ///< start line + header fields; beyond: 431 (414 for the start line)
    qint64 maxBodyBytes = 8 * 1024 * 1024; ///< beyond: 413
    int maxHeaderCount = 100; ///< beyond: 431
};

/**
 * @brief Incremental HTTP/1.x parser for requests (from clients) and responses (from
 * upstreams): feed it the connection buffer, it consumes what it understood.
 *
 * Enforces the limits the Qt 6.4 HTTP server lacks and the message grammar of RFC 9112
 * §2–§7 (docs/http-rules.md lists each rule with its answer and test): lines end in CRLF or a
 * bare LF, a bare CR or NUL anywhere in the head is refused, field values hold no control
 * characters, Host is one valid `host[:port]` (replaced by an absolute-form target's
 * authority), Transfer-Encoding is exactly one final `chunked`, chunk sizes are `1*HEXDIG`
 * with well-formed extensions and CRLF lines. Also handles `Expect: 100-continue`,
 * HEAD/204/304 responses without a body, and read-until-close response bodies.
 *
 * The buffer fed between two calls may only grow at its end while a head is incomplete (the
 * scan for the end of the head resumes where it stopped).
 */
class MessageParser
{
public:
    enum class Mode { Request, Response };
    enum class Status {
        NeedMore, ///< feed more bytes
        ExpectContinue, ///< request headers are in and ask for `100 Continue` before the body
        Complete, ///< a whole message is ready: request() / response()
        Error, ///< errorStatus() tells which 4xx/5xx to answer, errorText() why
    };

    MessageParser(Mode mode, ParseLimits limits = {});

    /** Consumes from the front of @p buffer; call again after Complete for the next (pipelined)
     * message. */
    Status feed(QByteArray &buffer);
    /** For read-until-close response bodies: the peer closed, so the message ends here. */
    Status finishAtEof();
    /** A response to HEAD has no body whatever its headers say; set before feeding the response. */
    void setRequestMethod(QByteArray method) { m_requestMethod = std::move(method); }

    Request takeRequest();
    const Request &request() const { return m_request; }
    int responseStatus() const { return m_status; }
    Headers &responseHeaders() { return m_headers; }
    QByteArray takeBody();
    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorText() const { return m_errorText; }
    bool headersDone() const { return m_state != State::Head; }
    /** Whether the request line was complete and valid (method(), target known). */
    bool requestLineDone() const { return m_startLineEnd >= 0 || m_state != State::Head; }
    /** Bytes of the current message received so far (head and body). */
    qint64 bytesSoFar() const { return m_bytes; }
    void reset();

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, UntilClose, Done };

    Status fail(int status, QByteArray text);
    Status parseHead(QByteArray &buffer);
    Status parseStartLine(QByteArrayView line);
    Status parseFields(QByteArrayView head);
    Status parseChunkSize(QByteArrayView line);
    Status parseTrailer(QByteArrayView line);
    Status bodyState();
    Status parseBody(QByteArray &buffer);

    Mode m_mode;
    ParseLimits m_limits;
    State m_state = State::Head;
    Request m_request;
    Headers m_headers; // response headers
    int m_status = 0;
    QByteArray m_body;
    qint64 m_remaining = 0;
    qint64 m_bytes = 0;
    // Head scan, resumed across feeds: where the search for the next LF resumes, where the
    // current line starts, and where the start line ends (-1: not yet).
    qsizetype m_scan = 0;
    qsizetype m_lineStart = 0;
    qsizetype m_startLineEnd = -1;
    QByteArray m_absoluteAuthority; ///< from an absolute-form target; replaces Host
    qint64 m_trailerBytes = 0;
    int m_trailerCount = 0;
    bool m_expectContinueSent = false;
    bool m_expectContinue = false;
    QByteArray m_requestMethod;
    int m_errorStatus = 0;
    QByteArray m_errorText;
};

} // namespace Airgate::Http
