// SPDX-License-Identifier: Apache-2.0
#include "requestpath.h"

#include <QVarLengthArray>

namespace Airgate::Runtime {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// RFC 3986 §2.3 unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
bool isUnreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~';
}

/// RFC 3986 §2.2 gen-delims and sub-delims, and '%': the encodings Traefik's routing path keeps.
bool isReserved(unsigned char c)
{
    switch (c) {
    case ':':
    case '/':
    case '?':
    case '#':
    case '[':
    case ']':
    case '@':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case '%':
        return true;
    default:
        return false;
    }
}

/// What may stand unencoded in a path: RFC 3986 pchar and '/', plus '[' ']' which Go's
/// URL.EscapedPath also leaves alone. '%' starts an encoding.
bool allowedRaw(unsigned char c)
{
    if (isUnreserved(c))
        return true;
    switch (c) {
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
    case '[':
    case ']':
    case '/':
    case '%':
        return true;
    default:
        return false;
    }
}

void appendEncoded(QByteArray &out, unsigned char c)
{
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
}

/// Whether the path needs the slow path: an encoding, a byte to encode, a '#', a dot segment
/// or a duplicate slash.
bool needsWork(QByteArrayView p)
{
    const qsizetype n = p.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c == '%' || c == '#' || !allowedRaw(c))
            return true;
        if (c == '/' && i + 1 < n && (p[i + 1] == '/' || p[i + 1] == '.'))
            return true;
    }
    return false;
}

} // namespace

QByteArray removeDotSegments(QByteArrayView p)
{
    if (p.isEmpty() || p[0] != '/')
        return p.toByteArray();
    QByteArray out;
    out.reserve(p.size());
    QVarLengthArray<qsizetype, 32> starts; // where each kept segment begins in out
    const qsizetype n = p.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && p[i] == '/')
            ++i;
        qsizetype j = i;
        while (j < n && p[j] != '/')
            ++j;
        const QByteArrayView seg = p.sliced(i, j - i);
        if (seg.isEmpty() || seg == ".") {
            // duplicate slash or current-directory segment
        } else if (seg == "..") {
            if (!starts.isEmpty()) {
                out.truncate(starts.back());
                starts.removeLast();
            }
        } else {
            starts.append(out.size());
            out += '/';
            out += seg;
        }
        i = j;
    }
    if (out.isEmpty())
        out = QByteArray("/");
    else if (p.endsWith('/'))
        out += '/'; // Go's URL.JoinPath keeps one trailing slash
    return out;
}

QByteArray routingPath(const QByteArray &e)
{
    if (!e.contains('%'))
        return e;
    QByteArray out;
    out.reserve(e.size());
    for (qsizetype i = 0; i < e.size(); ++i) {
        if (e[i] == '%' && i + 2 < e.size()) {
            const int hi = hexValue(e[i + 1]);
            const int lo = hexValue(e[i + 2]);
            if (hi >= 0 && lo >= 0) {
                const auto c = static_cast<unsigned char>(hi * 16 + lo);
                if (isReserved(c))
                    out += QByteArrayView(e).sliced(i, 3);
                else
                    out += static_cast<char>(c);
                i += 2;
                continue;
            }
        }
        out += e[i];
    }
    return out;
}

Result<RequestPath> RequestPath::fromRaw(const QByteArray &raw)
{
    if (!needsWork(raw)) {
        RequestPath p;
        p.forward = raw; // shared, not copied
        p.routing = p.forward;
        return p;
    }
    QByteArray normal;
    normal.reserve(raw.size() + 8);
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        if (c == '%') {
            const int hi = i + 2 < n ? hexValue(raw[i + 1]) : -1;
            const int lo = i + 2 < n ? hexValue(raw[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                return makeError(Error::Code::Parse,
                                 QStringLiteral("invalid percent-encoding in the request path "
                                                "(RFC 3986 §2.1: '%' and two hex digits)"));
            const auto d = static_cast<unsigned char>(hi * 16 + lo);
            // RFC 3986 §2.3: an encoded unreserved character is that character; §6.2.2.1:
            // the hex digits of the others are upper case.
            if (isUnreserved(d))
                normal += static_cast<char>(d);
            else
                appendEncoded(normal, d);
            i += 2;
        } else if (c == '#') {
            // Traefik's denyFragment: a fragment never belongs in a request target.
            return makeError(Error::Code::Parse,
                             QStringLiteral("a '#' (fragment) in the request path"));
        } else if (!allowedRaw(c)) {
            appendEncoded(normal, c);
        } else {
            normal += static_cast<char>(c);
        }
    }
    return fromForward(removeDotSegments(normal));
}

RequestPath RequestPath::fromForward(QByteArray forward)
{
    RequestPath p;
    p.routing = routingPath(forward);
    p.forward = std::move(forward);
    return p;
}

std::optional<QByteArray> stripPathPrefix(QByteArrayView e, QByteArrayView prefix)
{
    qsizetype i = 0;
    for (qsizetype d = 0; d < prefix.size(); ++d) {
        if (i >= e.size())
            return std::nullopt;
        char c = e[i];
        qsizetype width = 1;
        if (c == '%' && i + 2 < e.size()) {
            const int hi = hexValue(e[i + 1]);
            const int lo = hexValue(e[i + 2]);
            const auto v = static_cast<unsigned char>(hi * 16 + lo);
            // Compared as the routing path is: reserved encodings stay three characters.
            if (hi >= 0 && lo >= 0 && !isReserved(v)) {
                c = static_cast<char>(v);
                width = 3;
            }
        }
        if (c != prefix[d])
            return std::nullopt;
        i += width;
    }
    QByteArray rest = e.sliced(i).toByteArray();
    if (!rest.startsWith('/'))
        rest.prepend('/');
    return rest;
}

QByteArray encodePathLiteral(QByteArrayView literal)
{
    QByteArray out;
    out.reserve(literal.size());
    for (char ch : literal) {
        const auto c = static_cast<unsigned char>(ch);
        if (allowedRaw(c))
            out += ch;
        else
            appendEncoded(out, c);
    }
    return out;
}

} // namespace Airgate::Runtime
