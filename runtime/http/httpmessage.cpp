// SPDX-License-Identifier: Apache-2.0
#include "httpmessage.h"

#include <cstring>

namespace Airgate::Http {

namespace {

bool iequals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

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

} // namespace

QByteArray Headers::value(QByteArrayView name) const
{
    for (const Field &f : m_fields)
        if (iequals(f.first, name))
            return f.second;
    return {};
}

bool Headers::has(QByteArrayView name) const
{
    for (const Field &f : m_fields)
        if (iequals(f.first, name))
            return true;
    return false;
}

QList<QByteArray> Headers::values(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const Field &f : m_fields)
        if (iequals(f.first, name))
            out << f.second;
    return out;
}

void Headers::set(QByteArrayView name, QByteArray value)
{
    remove(name);
    m_fields.append({name.toByteArray(), std::move(value)});
}

void Headers::remove(QByteArrayView name)
{
    m_fields.removeIf([&](const Field &f) { return iequals(f.first, name); });
}

bool Headers::hasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const Field &f : m_fields) {
        if (!iequals(f.first, name))
            continue;
        for (const QByteArray &part : f.second.split(','))
            if (iequals(part.trimmed(), token))
                return true;
    }
    return false;
}

QByteArray Request::host() const
{
    QByteArray h = headers.value("host").trimmed().toLower();
    if (h.startsWith('[')) {
        const qsizetype close = h.indexOf(']');
        return close > 0 ? h.mid(1, close - 1) : h;
    }
    const qsizetype colon = h.lastIndexOf(':');
    if (colon >= 0)
        h.truncate(colon);
    if (h.endsWith('.'))
        h.chop(1);
    return h;
}

QByteArray Request::queryValue(QByteArrayView name) const
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray k = percentDecode(eq < 0 ? pair : pair.left(eq), true);
        if (k == name)
            return eq < 0 ? QByteArray("") : percentDecode(pair.mid(eq + 1), true);
    }
    return {};
}

bool Request::hasQuery(QByteArrayView name) const
{
    return !queryValue(name).isNull();
}

Response Response::text(int status, QByteArray body, QByteArray contentType)
{
    Response r;
    r.status = status;
    r.headers.add("Content-Type", std::move(contentType));
    r.body = std::move(body);
    return r;
}

Response Response::empty(int status)
{
    Response r;
    r.status = status;
    return r;
}

const char *responseHeadProblem(const Response &response)
{
    if (response.status < 100 || response.status > 999)
        return "response status out of range";
    for (const Headers::Field &f : response.headers.fields()) {
        if (f.first.isEmpty())
            return "empty response header name";
        for (char c : f.first) {
            // RFC 9110 §5.6.2 tchar
            const bool tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c));
            if (!tchar)
                return "response header name is not a token";
        }
        for (char c : f.second)
            if (c == '\r' || c == '\n' || c == 0)
                return "CR, LF or NUL in a response header value";
    }
    return nullptr;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

QByteArray percentDecode(QByteArrayView in, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size()) {
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.append(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.append(plusIsSpace && c == '+' ? ' ' : c);
    }
    if (out.isNull())
        out = QByteArray("");
    return out;
}

} // namespace Airgate::Http
