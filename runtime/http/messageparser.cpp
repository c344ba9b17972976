// SPDX-License-Identifier: Apache-2.0
#include "messageparser.h"

#include <cstring>

namespace Airgate::Http {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 §5.6.2 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

/// Finds the end of the head ("\r\n\r\n" or a bare "\n\n"); @return index past it, or -1.
qsizetype headEnd(const QByteArray &b)
{
    const qsizetype crlf = b.indexOf("\r\n\r\n");
    const qsizetype lf = b.indexOf("\n\n");
    if (crlf < 0 && lf < 0)
        return -1;
    if (crlf >= 0 && (lf < 0 || crlf + 2 <= lf))
        return crlf + 4;
    return lf + 2;
}

bool parseDecimal(QByteArrayView s, qint64 &out)
{
    if (s.isEmpty() || s.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

} // namespace

MessageParser::MessageParser(Mode mode, ParseLimits limits)
    : m_mode(mode)
    , m_limits(limits)
{
}

void MessageParser::reset()
{
    m_state = State::Head;
    m_request = Request();
    m_headers.clear();
    m_status = 0;
    m_body.clear();
    m_remaining = 0;
    m_bytes = 0;
    m_expectContinueSent = false;
    m_expectContinue = false;
    m_errorStatus = 0;
    m_errorText.clear();
}

MessageParser::Status MessageParser::fail(int status, QByteArray text)
{
    m_errorStatus = status;
    m_errorText = std::move(text);
    return Status::Error;
}

Request MessageParser::takeRequest()
{
    Request r = std::move(m_request);
    r.body = std::move(m_body);
    reset();
    return r;
}

QByteArray MessageParser::takeBody()
{
    QByteArray b = std::move(m_body);
    m_body.clear();
    return b;
}

MessageParser::Status MessageParser::feed(QByteArray &buffer)
{
    if (m_state == State::Head) {
        const Status s = parseHead(buffer);
        if (s != Status::Complete)
            return s;
        const Status b = bodyState();
        if (b != Status::NeedMore)
            return b;
        if (m_expectContinue && !m_expectContinueSent && buffer.isEmpty()) {
            m_expectContinueSent = true;
            return Status::ExpectContinue;
        }
    }
    return parseBody(buffer);
}

MessageParser::Status MessageParser::parseHead(QByteArray &buffer)
{
    const qsizetype end = headEnd(buffer);
    if (end < 0) {
        // Not all there yet: refuse early what can no longer fit.
        const qsizetype firstLine = buffer.indexOf('\n');
        if (firstLine < 0 && buffer.size() > m_limits.maxHeaderBytes)
            return fail(m_mode == Mode::Request ? 414 : 502, "request line too long");
        if (buffer.size() > m_limits.maxHeaderBytes)
            return fail(m_mode == Mode::Request ? 431 : 502, "header fields too large");
        // A client that starts with garbage gets an answer now, not after a timeout.
        if (m_mode == Mode::Request && !buffer.isEmpty()) {
            qsizetype i = 0;
            while (i < buffer.size() && (buffer[i] == '\r' || buffer[i] == '\n'))
                ++i;
            for (; i < buffer.size() && buffer[i] != ' '; ++i)
                if (!isTokenChar(buffer[i]))
                    return fail(400, "malformed request line");
        }
        return Status::NeedMore;
    }
    if (end > m_limits.maxHeaderBytes) {
        const qsizetype firstLine = buffer.indexOf('\n');
        if (m_mode == Mode::Request && firstLine > m_limits.maxHeaderBytes)
            return fail(414, "request line too long");
        return fail(m_mode == Mode::Request ? 431 : 502, "header fields too large");
    }
    m_bytes += end;
    QByteArrayView head(buffer.constData(), end);
    // Tolerate empty lines before the request line (RFC 9112 §2.2).
    qsizetype pos = 0;
    while (pos < head.size() && (head[pos] == '\r' || head[pos] == '\n'))
        ++pos;
    auto nextLine = [&](QByteArrayView &line) {
        if (pos >= head.size())
            return false;
        qsizetype nl = head.indexOf('\n', pos);
        if (nl < 0)
            nl = head.size();
        qsizetype stop = nl;
        if (stop > pos && head[stop - 1] == '\r')
            --stop;
        line = head.sliced(pos, stop - pos);
        pos = nl + 1;
        return true;
    };
    QByteArrayView start;
    if (!nextLine(start))
        return fail(400, "empty message");
    Headers &headers = m_mode == Mode::Request ? m_request.headers : m_headers;
    if (m_mode == Mode::Request) {
        const qsizetype sp1 = start.indexOf(' ');
        const qsizetype sp2 = sp1 < 0 ? -1 : start.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || start.indexOf(' ', sp2 + 1) >= 0)
            return fail(400, "malformed request line");
        const QByteArrayView method = start.first(sp1);
        const QByteArrayView target = start.sliced(sp1 + 1, sp2 - sp1 - 1);
        const QByteArrayView version = start.sliced(sp2 + 1);
        if (!isToken(method))
            return fail(400, "malformed method");
        if (version == "HTTP/1.1")
            m_request.versionMinor = 1;
        else if (version == "HTTP/1.0")
            m_request.versionMinor = 0;
        else if (version.startsWith("HTTP/"))
            return fail(505, "only HTTP/1.0 and HTTP/1.1 are served");
        else
            return fail(400, "malformed protocol version");
        if (target.isEmpty())
            return fail(400, "empty request target");
        m_request.method = method.toByteArray();
        QByteArray t = target.toByteArray();
        if (t.startsWith("http://") || t.startsWith("https://")) {
            // absolute-form: keep the path and let Host come from the target (RFC 9112 §3.2.2).
            const qsizetype slash = t.indexOf('/', t.indexOf("//") + 2);
            const QByteArray authority
                = t.mid(t.indexOf("//") + 2, (slash < 0 ? t.size() : slash) - t.indexOf("//") - 2);
            headers.set("Host", authority);
            t = slash < 0 ? QByteArray("/") : t.mid(slash);
        } else if (!t.startsWith('/') && !(t == "*" && m_request.method == "OPTIONS")) {
            return fail(400, "request target must start with '/'");
        }
        for (char c : t)
            if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F)
                return fail(400, "invalid character in request target");
        m_request.target = t;
        const qsizetype q = t.indexOf('?');
        m_request.path = q < 0 ? t : t.left(q);
        m_request.query = q < 0 ? QByteArray() : t.mid(q + 1);
        const qsizetype hash = m_request.query.indexOf('#');
        if (hash >= 0)
            m_request.query.truncate(hash);
    } else {
        // HTTP/1.1 200 OK
        if (!start.startsWith("HTTP/1.") || start.size() < 12 || start[8] != ' ')
            return fail(502, "malformed upstream status line");
        qint64 code = 0;
        if (!parseDecimal(start.sliced(9, 3), code) || code < 100 || code > 999)
            return fail(502, "malformed upstream status code");
        m_status = static_cast<int>(code);
    }
    QByteArrayView line;
    int count = 0;
    while (nextLine(line)) {
        if (line.isEmpty())
            break;
        if (line[0] == ' ' || line[0] == '\t')
            return fail(m_mode == Mode::Request ? 400 : 502, "obsolete header line folding");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(m_mode == Mode::Request ? 400 : 502, "malformed header field");
        const QByteArrayView name = line.first(colon);
        if (!isToken(name))
            return fail(m_mode == Mode::Request ? 400 : 502, "malformed header name");
        if (++count > m_limits.maxHeaderCount)
            return fail(m_mode == Mode::Request ? 431 : 502, "too many header fields");
        headers.add(name.toByteArray(), line.sliced(colon + 1).trimmed().toByteArray());
    }
    buffer.remove(0, end);
    if (m_mode == Mode::Response && m_status >= 100 && m_status < 200 && m_status != 101) {
        // Interim response (100 Continue, 103 Early Hints): skip it and read the final one.
        m_headers.clear();
        m_status = 0;
        return parseHead(buffer) == Status::Complete
            ? Status::Complete
            : (headEnd(buffer) < 0 ? Status::NeedMore : Status::Error);
    }
    if (m_mode == Mode::Request) {
        const bool http11 = m_request.versionMinor == 1;
        if (http11 && !headers.has("host"))
            return fail(400, "HTTP/1.1 request without Host");
        if (headers.values("host").size() > 1)
            return fail(400, "several Host headers");
        // RFC 9112 §9.3: 1.1 keeps the connection unless "close"; 1.0 only with "keep-alive".
        m_request.keepAlive = http11 ? !headers.hasToken("connection", "close")
                                     : headers.hasToken("connection", "keep-alive");
        m_expectContinue = http11 && headers.value("expect").toLower() == "100-continue";
    }
    m_state = State::Body;
    return Status::Complete;
}

MessageParser::Status MessageParser::bodyState()
{
    const Headers &headers = m_mode == Mode::Request ? m_request.headers : m_headers;
    const QList<QByteArray> te = headers.values("transfer-encoding");
    const QList<QByteArray> cl = headers.values("content-length");
    const int bad = m_mode == Mode::Request ? 400 : 502;
    if (m_mode == Mode::Response) {
        if (m_requestMethod == "HEAD" || m_status == 204 || m_status == 304
            || (m_status >= 100 && m_status < 200)) {
            m_state = State::Done;
            return Status::Complete;
        }
    }
    if (!te.isEmpty()) {
        if (!cl.isEmpty())
            return fail(bad, "Transfer-Encoding together with Content-Length");
        const QByteArray last = te.last().split(',').last().trimmed().toLower();
        if (last != "chunked")
            return fail(m_mode == Mode::Request ? 501 : 502, "unsupported Transfer-Encoding");
        m_state = State::ChunkSize;
        return Status::NeedMore;
    }
    if (!cl.isEmpty()) {
        qint64 length = -1;
        for (const QByteArray &v : cl) {
            for (const QByteArray &part : v.split(',')) {
                qint64 n = 0;
                if (!parseDecimal(part.trimmed(), n) || (length >= 0 && n != length))
                    return fail(bad, "invalid Content-Length");
                length = n;
            }
        }
        if (m_mode == Mode::Request && length > m_limits.maxBodyBytes)
            return fail(413, "request body over the limit");
        if (m_mode == Mode::Response && length > m_limits.maxBodyBytes)
            return fail(502, "upstream response over the limit");
        m_remaining = length;
        m_state = length == 0 ? State::Done : State::Body;
        return length == 0 ? Status::Complete : Status::NeedMore;
    }
    if (m_mode == Mode::Request) {
        m_state = State::Done;
        return Status::Complete;
    }
    m_state = State::UntilClose;
    return Status::NeedMore;
}

MessageParser::Status MessageParser::parseBody(QByteArray &buffer)
{
    const qint64 limit = m_limits.maxBodyBytes;
    const int tooLarge = m_mode == Mode::Request ? 413 : 502;
    while (true) {
        switch (m_state) {
        case State::Done:
            return Status::Complete;
        case State::Head:
            return Status::NeedMore;
        case State::Body: {
            const qint64 take = qMin<qint64>(m_remaining, buffer.size());
            m_body.append(buffer.constData(), take);
            buffer.remove(0, take);
            m_remaining -= take;
            m_bytes += take;
            if (m_remaining > 0)
                return Status::NeedMore;
            m_state = State::Done;
            return Status::Complete;
        }
        case State::UntilClose: {
            m_body.append(buffer);
            m_bytes += buffer.size();
            buffer.clear();
            if (m_body.size() > limit)
                return fail(tooLarge, "upstream response over the limit");
            return Status::NeedMore;
        }
        case State::ChunkSize: {
            const qsizetype nl = buffer.indexOf('\n');
            if (nl < 0) {
                if (buffer.size() > 1024)
                    return fail(m_mode == Mode::Request ? 400 : 502, "chunk size line too long");
                return Status::NeedMore;
            }
            QByteArray line = buffer.left(nl).trimmed();
            buffer.remove(0, nl + 1);
            const qsizetype semi = line.indexOf(';');
            if (semi >= 0)
                line.truncate(semi);
            bool ok = false;
            const qint64 size = line.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || line.trimmed().isEmpty() || line.trimmed().size() > 15)
                return fail(m_mode == Mode::Request ? 400 : 502, "malformed chunk size");
            if (m_body.size() + size > limit)
                return fail(tooLarge, "body over the limit");
            m_remaining = size;
            m_state = size == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, buffer.size());
            m_body.append(buffer.constData(), take);
            buffer.remove(0, take);
            m_remaining -= take;
            m_bytes += take;
            if (m_remaining > 0)
                return Status::NeedMore;
            m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            if (buffer.size() < 1)
                return Status::NeedMore;
            if (buffer.startsWith("\r\n"))
                buffer.remove(0, 2);
            else if (buffer.startsWith('\n'))
                buffer.remove(0, 1);
            else if (buffer.size() == 1 && buffer[0] == '\r')
                return Status::NeedMore;
            else
                return fail(m_mode == Mode::Request ? 400 : 502, "malformed chunk");
            m_state = State::ChunkSize;
            break;
        }
        case State::Trailers: {
            const qsizetype nl = buffer.indexOf('\n');
            if (nl < 0) {
                if (buffer.size() > m_limits.maxHeaderBytes)
                    return fail(431, "trailers too large");
                return Status::NeedMore;
            }
            const QByteArray line = buffer.left(nl).trimmed();
            buffer.remove(0, nl + 1);
            if (line.isEmpty()) {
                m_state = State::Done;
                return Status::Complete;
            }
            break; // trailer fields are read and dropped
        }
        }
    }
}

MessageParser::Status MessageParser::finishAtEof()
{
    if (m_state == State::UntilClose) {
        m_state = State::Done;
        return Status::Complete;
    }
    if (m_state == State::Done)
        return Status::Complete;
    return fail(m_mode == Mode::Request ? 400 : 502, "connection closed mid-message");
}

} // namespace Airgate::Http
