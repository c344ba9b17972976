// SPDX-License-Identifier: Apache-2.0
#include "messageparser.h"

#include <cstring>
#include <limits>

namespace Airgate::Http {

namespace {

/// Longest chunk-size line (size and extensions) read before refusing the body.
constexpr qsizetype kMaxChunkLine = 4096;

bool isTokenChar(char c)
{
    // RFC 9110 §5.6.2 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
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

/// RFC 9110 §5.5: field-vchar, SP and HTAB; CR, LF, NUL and the other controls are refused.
bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 ? u != 0x7F : u == '\t';
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

/// Strips OWS (SP and HTAB only, RFC 9110 §5.6.3): a VT or FF is not whitespace here.
QByteArrayView trimOws(QByteArrayView v)
{
    while (!v.isEmpty() && isOws(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isOws(v.back()))
        v.chop(1);
    return v;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool iequals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
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

/// Why a field value is refused, or nullptr when it is fine.
const char *fieldValueProblem(QByteArrayView value)
{
    for (char c : value) {
        if (isFieldValueChar(c))
            continue;
        if (c == '\r')
            return "bare CR in a header field";
        if (c == '\n')
            return "LF in a header field";
        if (c == 0)
            return "NUL in a header field";
        return "control character in a header field";
    }
    return nullptr;
}

/// Whether what precedes the first SP or CR of a (possibly incomplete) request line is tchars.
bool methodPrefixOk(QByteArrayView line)
{
    for (char c : line) {
        if (c == ' ' || c == '\r')
            return true;
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isUnreserved(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~';
}

/// RFC 3986 sub-delims, less ',' (a comma in Host is a list of hosts: refused).
bool isSubDelim(char c)
{
    return c != 0 && std::strchr("!$&'()*+;=", c) != nullptr;
}

} // namespace

bool isValidAuthority(QByteArrayView a)
{
    // RFC 3986 §3.2.2–3.2.3: host [ ":" port ], no userinfo (RFC 9110 §4.2.4).
    if (a.isEmpty())
        return false;
    qsizetype i = 0;
    if (a[0] == '[') {
        const qsizetype close = a.indexOf(']');
        if (close < 2)
            return false;
        for (i = 1; i < close; ++i)
            if (!isUnreserved(a[i]) && !isSubDelim(a[i]) && a[i] != ':')
                return false;
        i = close + 1;
    } else {
        while (i < a.size() && a[i] != ':') {
            if (a[i] == '%') {
                if (i + 2 >= a.size() || hexDigit(a[i + 1]) < 0 || hexDigit(a[i + 2]) < 0)
                    return false;
                i += 3;
                continue;
            }
            if (!isUnreserved(a[i]) && !isSubDelim(a[i]))
                return false;
            ++i;
        }
        if (i == 0)
            return false;
    }
    if (i == a.size())
        return true;
    if (a[i] != ':' || a.size() - i - 1 > 5)
        return false;
    for (++i; i < a.size(); ++i)
        if (a[i] < '0' || a[i] > '9')
            return false;
    return true;
}

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
    m_scan = 0;
    m_lineStart = 0;
    m_startLineEnd = -1;
    m_absoluteAuthority.clear();
    m_trailerBytes = 0;
    m_trailerCount = 0;
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
    const bool request = m_mode == Mode::Request;
    if (m_scan > buffer.size()) {
        // The caller replaced the buffer: scan it again from the start.
        m_scan = m_lineStart = 0;
        m_startLineEnd = -1;
    }
    // Lines end at LF, with or without a CR before it (RFC 9112 §2.2); the head ends at the
    // first empty line after the start line. The same splitter finds the end and the fields,
    // so they cannot disagree.
    const char *data = buffer.constData();
    const qsizetype size = buffer.size();
    qsizetype end = -1;
    while (m_scan < size) {
        const void *hit = std::memchr(data + m_scan, '\n', static_cast<size_t>(size - m_scan));
        if (!hit) {
            m_scan = size;
            break;
        }
        const qsizetype nl = static_cast<const char *>(hit) - data;
        qsizetype stop = nl;
        if (stop > m_lineStart && data[stop - 1] == '\r')
            --stop;
        const QByteArrayView line(data + m_lineStart, stop - m_lineStart);
        m_lineStart = m_scan = nl + 1;
        if (m_startLineEnd < 0) {
            if (line.isEmpty())
                continue; // empty lines before the start line are ignored (RFC 9112 §2.2)
            // The same verdict as when the line was still incomplete (below), whatever the cuts:
            // the method is judged on the bytes within the limit only, as it is there.
            if (request
                && !methodPrefixOk(line.first(qBound<qint64>(
                    0, m_limits.maxHeaderBytes - (line.data() - data), line.size()))))
                return fail(400, "malformed request line");
            if (nl + 1 > m_limits.maxHeaderBytes)
                return fail(request ? 414 : 502, "request line too long");
            // Judged as soon as it is complete: an HTTP/0.9 line is refused now, not after a
            // timeout.
            if (parseStartLine(line) == Status::Error)
                return Status::Error;
            m_startLineEnd = nl + 1;
            continue;
        }
        if (line.isEmpty()) {
            end = nl + 1;
            break;
        }
    }
    if (end < 0) {
        // Not all there yet. A client that starts with garbage gets an answer now, not after a
        // timeout; then refuse early what can no longer fit.
        // Only the bytes within the limit count: a longer line is 414 however it was cut, even
        // when a byte past the limit could not start a method.
        if (request && m_startLineEnd < 0
            && !methodPrefixOk(QByteArrayView(
                data + m_lineStart,
                qBound<qint64>(0, m_limits.maxHeaderBytes - m_lineStart, size - m_lineStart))))
            return fail(400, "malformed request line");
        if (m_startLineEnd < 0 && size > m_limits.maxHeaderBytes)
            return fail(request ? 414 : 502, "request line too long");
        if (size > m_limits.maxHeaderBytes)
            return fail(request ? 431 : 502, "header fields too large");
        return Status::NeedMore;
    }
    if (end > m_limits.maxHeaderBytes)
        return fail(request ? 431 : 502, "header fields too large");
    m_bytes += end;
    if (parseFields(QByteArrayView(data + m_startLineEnd, end - m_startLineEnd)) == Status::Error)
        return Status::Error;
    buffer.remove(0, end);
    m_scan = m_lineStart = 0;
    m_startLineEnd = -1;
    if (!request && m_status >= 100 && m_status < 200 && m_status != 101) {
        // Interim response (100 Continue, 103 Early Hints): skip it and read the final one.
        m_headers.clear();
        m_status = 0;
        return parseHead(buffer);
    }
    if (request) {
        Headers &headers = m_request.headers;
        const bool http11 = m_request.versionMinor == 1;
        qsizetype hostIndex = -1;
        int hosts = 0;
        for (qsizetype i = 0; i < headers.fields().size(); ++i)
            if (iequals(headers.fields()[i].first, "host")) {
                hostIndex = i;
                ++hosts;
            }
        // RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in 1.0, and a valid one.
        if (hosts > 1)
            return fail(400, "several Host headers");
        if (http11 && hosts == 0)
            return fail(400, "HTTP/1.1 request without Host");
        if (!m_absoluteAuthority.isNull()) {
            // RFC 9112 §3.2.2: the target's authority replaces Host.
            if (hostIndex >= 0)
                headers.fields()[hostIndex].second = m_absoluteAuthority;
            else
                headers.add("Host", m_absoluteAuthority);
        } else if (hostIndex >= 0 && !isValidAuthority(headers.fields()[hostIndex].second)) {
            return fail(400, "invalid Host header (host[:port] expected)");
        }
        // RFC 9112 §9.3: 1.1 keeps the connection unless "close"; 1.0 only with "keep-alive".
        m_request.keepAlive = http11 ? !headers.hasToken("connection", "close")
                                     : headers.hasToken("connection", "keep-alive");
        m_expectContinue = http11 && iequals(headers.value("expect"), "100-continue");
    }
    m_state = State::Body;
    return Status::Complete;
}

MessageParser::Status MessageParser::parseStartLine(QByteArrayView start)
{
    if (m_mode == Mode::Response) {
        // HTTP/1.1 200 OK
        if (!start.startsWith("HTTP/1.") || start.size() < 12 || start[8] != ' ')
            return fail(502, "malformed upstream status line");
        qint64 code = 0;
        if (!parseDecimal(start.sliced(9, 3), code) || code < 100 || code > 999)
            return fail(502, "malformed upstream status code");
        if (fieldValueProblem(start.sliced(12)))
            return fail(502, "control character in the upstream status line");
        m_status = static_cast<int>(code);
        return Status::Complete;
    }
    // RFC 9112 §3: method SP request-target SP HTTP-version, single spaces.
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
    // Whole target first, authority included: no CTL (NUL, CR…), no space, no DEL.
    for (char c : target)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F)
            return fail(400, "invalid character in request target");
    m_request.method = method.toByteArray();
    m_absoluteAuthority.clear();
    QByteArray t;
    const bool http = target.size() > 7 && iequals(target.first(7), "http://");
    const bool https = target.size() > 8 && iequals(target.first(8), "https://");
    if (http || https) {
        // absolute-form (RFC 9112 §3.2.2): the authority must be host[:port].
        const qsizetype from = http ? 7 : 8;
        qsizetype stop = from;
        while (stop < target.size() && target[stop] != '/' && target[stop] != '?'
               && target[stop] != '#')
            ++stop;
        QByteArrayView authority = target.sliced(from, stop - from);
        if (const qsizetype at = authority.lastIndexOf('@'); at >= 0) {
            if (at > 0) // RFC 9110 §4.2.4: userinfo in an http(s) URI is an error
                return fail(400, "userinfo in the request target");
            authority = authority.sliced(1);
        }
        // An authority without a host (`http:///`, `http://@/`) names no host: Host decides,
        // as in Go's server (Traefik's TestEmptyHost). Otherwise it must be host[:port].
        if (!authority.isEmpty() && !isValidAuthority(authority))
            return fail(400, "invalid authority in the request target");
        if (!authority.isEmpty())
            m_absoluteAuthority = authority.toByteArray();
        t = target.sliced(stop).toByteArray();
        if (!t.startsWith('/'))
            t.prepend('/');
    } else if (target.startsWith('/') || (target == "*" && m_request.method == "OPTIONS")) {
        t = target.toByteArray();
    } else {
        return fail(400, "request target must start with '/'");
    }
    m_request.target = t;
    const qsizetype q = t.indexOf('?');
    m_request.path = q < 0 ? t : t.left(q);
    m_request.query = q < 0 ? QByteArray() : t.mid(q + 1);
    const qsizetype hash = m_request.query.indexOf('#');
    if (hash >= 0)
        m_request.query.truncate(hash);
    return Status::Complete;
}

MessageParser::Status MessageParser::parseFields(QByteArrayView head)
{
    const bool request = m_mode == Mode::Request;
    const int bad = request ? 400 : 502;
    Headers &headers = request ? m_request.headers : m_headers;
    int count = 0;
    qsizetype pos = 0;
    while (pos < head.size()) {
        const qsizetype nl = head.indexOf('\n', pos);
        qsizetype stop = nl < 0 ? head.size() : nl;
        if (stop > pos && head[stop - 1] == '\r')
            --stop;
        const QByteArrayView line = head.sliced(pos, stop - pos);
        pos = nl < 0 ? head.size() : nl + 1;
        if (line.isEmpty())
            break;
        if (isOws(line[0]))
            return fail(bad, "obsolete header line folding");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(bad, "malformed header field");
        const QByteArrayView name = line.first(colon);
        if (!isToken(name))
            return fail(bad, "malformed header name");
        if (++count > m_limits.maxHeaderCount)
            return fail(request ? 431 : 502, "too many header fields");
        const QByteArrayView value = trimOws(line.sliced(colon + 1));
        if (const char *why = fieldValueProblem(value))
            return fail(bad, why);
        headers.add(name.toByteArray(), value.toByteArray());
    }
    return Status::Complete;
}

MessageParser::Status MessageParser::bodyState()
{
    const bool request = m_mode == Mode::Request;
    const Headers &headers = request ? m_request.headers : m_headers;
    const int bad = request ? 400 : 502;
    if (!request) {
        if (m_requestMethod == "HEAD" || m_status == 204 || m_status == 304
            || (m_status >= 100 && m_status < 200)) {
            m_state = State::Done;
            return Status::Complete;
        }
    }
    bool hasTe = false;
    bool hasCl = false;
    for (const Headers::Field &f : headers.fields()) {
        hasTe = hasTe || iequals(f.first, "transfer-encoding");
        hasCl = hasCl || iequals(f.first, "content-length");
    }
    if (hasTe) {
        if (hasCl)
            return fail(bad, "Transfer-Encoding together with Content-Length");
        // RFC 9112 §6.1: a list of codings; chunked once, and last.
        int chunked = 0;
        bool chunkedLast = false;
        bool other = false;
        for (const Headers::Field &f : headers.fields()) {
            if (!iequals(f.first, "transfer-encoding"))
                continue;
            QByteArrayView rest(f.second);
            while (true) {
                const qsizetype comma = rest.indexOf(',');
                const QByteArrayView element = trimOws(comma < 0 ? rest : rest.first(comma));
                const qsizetype semi = element.indexOf(';');
                const QByteArrayView coding = trimOws(semi < 0 ? element : element.first(semi));
                if (!isToken(coding))
                    return fail(bad, "malformed Transfer-Encoding");
                chunkedLast = iequals(coding, "chunked");
                if (chunkedLast) {
                    if (semi >= 0)
                        return fail(bad, "chunked takes no parameters");
                    ++chunked;
                } else {
                    other = true;
                }
                if (comma < 0)
                    break;
                rest = rest.sliced(comma + 1);
            }
        }
        if (chunked > 1)
            return fail(bad, "chunked applied more than once");
        if (chunked == 1 && !chunkedLast)
            return fail(bad, "chunked is not the final transfer coding");
        if (other)
            return fail(request ? 501 : 502, "unsupported Transfer-Encoding");
        // RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 means faulty framing: close after.
        if (request && m_request.versionMinor == 0)
            m_request.keepAlive = false;
        m_state = State::ChunkSize;
        return Status::NeedMore;
    }
    if (hasCl) {
        // RFC 9110 §8.6: a list of identical values ("5, 5") is that value; anything else is 400.
        qint64 length = -1;
        for (const Headers::Field &f : headers.fields()) {
            if (!iequals(f.first, "content-length"))
                continue;
            QByteArrayView rest(f.second);
            while (true) {
                const qsizetype comma = rest.indexOf(',');
                qint64 n = 0;
                if (!parseDecimal(trimOws(comma < 0 ? rest : rest.first(comma)), n)
                    || (length >= 0 && n != length))
                    return fail(bad, "invalid Content-Length");
                length = n;
                if (comma < 0)
                    break;
                rest = rest.sliced(comma + 1);
            }
        }
        if (request && length > m_limits.maxBodyBytes)
            return fail(413, "request body over the limit");
        if (!request && length > m_limits.maxBodyBytes)
            return fail(502, "upstream response over the limit");
        m_remaining = length;
        m_state = length == 0 ? State::Done : State::Body;
        return length == 0 ? Status::Complete : Status::NeedMore;
    }
    if (request) {
        m_state = State::Done;
        return Status::Complete;
    }
    m_state = State::UntilClose;
    return Status::NeedMore;
}

MessageParser::Status MessageParser::parseChunkSize(QByteArrayView line)
{
    // RFC 9112 §7.1: chunk-size = 1*HEXDIG; no sign, no prefix, no whitespace before it.
    const int bad = m_mode == Mode::Request ? 400 : 502;
    qsizetype i = 0;
    qint64 size = 0;
    for (; i < line.size(); ++i) {
        const int d = hexDigit(line[i]);
        if (d < 0)
            break;
        if (size > (std::numeric_limits<qint64>::max() >> 4))
            return fail(bad, "chunk size overflows");
        size = size * 16 + d;
    }
    if (i == 0)
        return fail(bad, "malformed chunk size");
    // chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] ), ext-val = token /
    // quoted-string (RFC 9112 §7.1.1).
    const qsizetype n = line.size();
    auto skipOws = [&] {
        while (i < n && isOws(line[i]))
            ++i;
    };
    while (i < n) {
        skipOws();
        if (i == n || line[i] != ';')
            return fail(bad, "malformed chunk extension");
        ++i;
        skipOws();
        const qsizetype name = i;
        while (i < n && isTokenChar(line[i]))
            ++i;
        if (i == name)
            return fail(bad, "malformed chunk extension");
        qsizetype j = i;
        while (j < n && isOws(line[j]))
            ++j;
        if (j == n || line[j] != '=')
            continue;
        i = j + 1;
        skipOws();
        if (i < n && line[i] == '"') {
            bool closed = false;
            for (++i; i < n;) {
                const auto c = static_cast<unsigned char>(line[i]);
                if (c == '"') {
                    ++i;
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (i + 1 >= n || !isFieldValueChar(line[i + 1]))
                        return fail(bad, "malformed chunk extension");
                    i += 2;
                    continue;
                }
                if (!isFieldValueChar(line[i]))
                    return fail(bad, "malformed chunk extension");
                ++i;
            }
            if (!closed)
                return fail(bad, "malformed chunk extension");
        } else {
            const qsizetype value = i;
            while (i < n && isTokenChar(line[i]))
                ++i;
            if (i == value)
                return fail(bad, "malformed chunk extension");
        }
    }
    if (m_body.size() + size > m_limits.maxBodyBytes)
        return fail(m_mode == Mode::Request ? 413 : 502, "body over the limit");
    m_remaining = size;
    m_state = size == 0 ? State::Trailers : State::ChunkData;
    return Status::NeedMore;
}

MessageParser::Status MessageParser::parseTrailer(QByteArrayView line)
{
    const bool request = m_mode == Mode::Request;
    const int bad = request ? 400 : 502;
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(bad, "malformed trailer field");
    if (fieldValueProblem(trimOws(line.sliced(colon + 1))))
        return fail(bad, "control character in a trailer field");
    if (++m_trailerCount > m_limits.maxHeaderCount)
        return fail(request ? 431 : 502, "too many trailer fields");
    return Status::NeedMore; // trailer fields are checked and dropped
}

MessageParser::Status MessageParser::parseBody(QByteArray &buffer)
{
    const qint64 limit = m_limits.maxBodyBytes;
    const bool request = m_mode == Mode::Request;
    const int bad = request ? 400 : 502;
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
                return fail(request ? 413 : 502, "upstream response over the limit");
            return Status::NeedMore;
        }
        case State::ChunkSize: {
            // Framing lines of a chunked body end in CRLF, strictly (RFC 9112 §7.1): a bare LF
            // or CR here is where two parsers would disagree.
            if (!buffer.isEmpty() && hexDigit(buffer[0]) < 0)
                return fail(bad, "malformed chunk size");
            const qsizetype nl = buffer.indexOf('\n');
            if (nl < 0) {
                if (buffer.size() > kMaxChunkLine)
                    return fail(bad, "chunk size line too long");
                return Status::NeedMore;
            }
            if (nl > kMaxChunkLine)
                return fail(bad, "chunk size line too long");
            if (nl == 0 || buffer[nl - 1] != '\r')
                return fail(bad, "chunk size line not ended by CRLF");
            if (parseChunkSize(QByteArrayView(buffer.constData(), nl - 1)) == Status::Error)
                return Status::Error;
            buffer.remove(0, nl + 1);
            m_bytes += nl + 1;
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
            if (buffer.isEmpty() || (buffer.size() == 1 && buffer[0] == '\r'))
                return Status::NeedMore;
            if (!buffer.startsWith("\r\n"))
                return fail(bad, "chunk data not followed by CRLF");
            buffer.remove(0, 2);
            m_bytes += 2;
            m_state = State::ChunkSize;
            break;
        }
        case State::Trailers: {
            const qsizetype nl = buffer.indexOf('\n');
            if (nl < 0) {
                if (m_trailerBytes + buffer.size() > m_limits.maxHeaderBytes)
                    return fail(request ? 431 : 502, "trailers too large");
                return Status::NeedMore;
            }
            m_trailerBytes += nl + 1;
            if (m_trailerBytes > m_limits.maxHeaderBytes)
                return fail(request ? 431 : 502, "trailers too large");
            if (nl == 0 || buffer[nl - 1] != '\r')
                return fail(bad, "trailer line not ended by CRLF");
            const QByteArrayView line(buffer.constData(), nl - 1);
            if (!line.isEmpty() && parseTrailer(line) == Status::Error)
                return Status::Error;
            const bool last = line.isEmpty();
            buffer.remove(0, nl + 1);
            m_bytes += nl + 1;
            if (last) {
                m_state = State::Done;
                return Status::Complete;
            }
            break;
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
