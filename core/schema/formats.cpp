// SPDX-License-Identifier: Apache-2.0
#include "formats.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <regex>
#include <string>

namespace Airgate::Formats {

namespace {

constexpr std::int64_t kNs = 1;
constexpr std::int64_t kUs = 1000 * kNs;
constexpr std::int64_t kMs = 1000 * kUs;
constexpr std::int64_t kSec = 1000 * kMs;
constexpr std::int64_t kMin = 60 * kSec;
constexpr std::int64_t kHour = 60 * kMin;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || isDigit(c);
}

} // namespace

std::optional<std::int64_t> parseGoDuration(std::string_view s)
{
    // Mirrors the structure of Go's time.ParseDuration (values kept in uint64 with overflow
    // checks).
    if (s.empty())
        return std::nullopt;
    bool neg = false;
    if (s[0] == '-' || s[0] == '+') {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0")
        return 0;
    if (s.empty())
        return std::nullopt;
    std::uint64_t total = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || isDigit(s[0])))
            return std::nullopt;
        std::uint64_t v = 0;
        std::size_t i = 0;
        bool preDigits = false;
        while (i < s.size() && isDigit(s[i])) {
            if (v > (std::numeric_limits<std::uint64_t>::max() - 9) / 10)
                return std::nullopt;
            v = v * 10 + static_cast<std::uint64_t>(s[i] - '0');
            ++i;
            preDigits = true;
        }
        std::uint64_t frac = 0;
        double scale = 1;
        bool postDigits = false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            while (i < s.size() && isDigit(s[i])) {
                if (frac < std::numeric_limits<std::uint64_t>::max() / 10) {
                    frac = frac * 10 + static_cast<std::uint64_t>(s[i] - '0');
                    scale *= 10;
                }
                ++i;
                postDigits = true;
            }
        }
        if (!preDigits && !postDigits)
            return std::nullopt;
        std::size_t u = i;
        while (u < s.size() && s[u] != '.' && !isDigit(s[u]))
            ++u;
        const std::string_view unitName = s.substr(i, u - i);
        std::int64_t unit = 0;
        if (unitName == "ns")
            unit = kNs;
        else if (unitName == "us" || unitName == "\xC2\xB5s" || unitName == "\xCE\xBCs")
            unit = kUs;
        else if (unitName == "ms")
            unit = kMs;
        else if (unitName == "s")
            unit = kSec;
        else if (unitName == "m")
            unit = kMin;
        else if (unitName == "h")
            unit = kHour;
        else
            return std::nullopt;
        const auto unitU = static_cast<std::uint64_t>(unit);
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) / unitU)
            return std::nullopt;
        v *= unitU;
        if (frac > 0) {
            v += static_cast<std::uint64_t>(static_cast<double>(frac)
                                            * (static_cast<double>(unit) / scale));
        }
        total += v;
        if (total > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        s.remove_prefix(u);
    }
    const auto t = static_cast<std::int64_t>(total);
    return neg ? -t : t;
}

std::optional<std::int64_t> parseKubernetesDuration(std::string_view s)
{
    if (auto d = parseGoDuration(s))
        return d;
    static const std::regex whole(R"(^\s*(?:\d+\s*[A-Za-z\xC2\xB5]+\s*)+$)");
    const std::string str(s);
    if (!std::regex_match(str, whole))
        return std::nullopt;
    struct Unit
    {
        const char *name;
        std::int64_t nanos;
    };
    static constexpr std::array<Unit, 18> units {{{"ns", kNs},
                                                  {"us", kUs},
                                                  {"\xC2\xB5s", kUs},
                                                  {"ms", kMs},
                                                  {"s", kSec},
                                                  {"sec", kSec},
                                                  {"second", kSec},
                                                  {"m", kMin},
                                                  {"min", kMin},
                                                  {"minute", kMin},
                                                  {"h", kHour},
                                                  {"hr", kHour},
                                                  {"hour", kHour},
                                                  {"d", 24 * kHour},
                                                  {"day", 24 * kHour},
                                                  {"w", 7 * 24 * kHour},
                                                  {"wk", 7 * 24 * kHour},
                                                  {"week", 7 * 24 * kHour}}};
    static const std::regex group(R"((\d+)\s*([A-Za-z\xC2\xB5]+))");
    std::int64_t total = 0;
    for (auto it = std::sregex_iterator(str.begin(), str.end(), group);
         it != std::sregex_iterator(); ++it) {
        const std::string digits = (*it)[1].str();
        std::string unit = (*it)[2].str();
        for (char &c : unit)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::int64_t factor = 0;
        if (digits.size() > 18)
            return std::nullopt;
        factor = std::stoll(digits);
        std::int64_t per = 0;
        for (const Unit &u : units) {
            const std::string name = u.name;
            if (unit == name || unit == name + "s") {
                per = u.nanos;
                break;
            }
        }
        if (per == 0)
            return std::nullopt;
        if (factor > std::numeric_limits<std::int64_t>::max() / per)
            return std::nullopt;
        total += factor * per;
    }
    return total;
}

namespace {

bool hasCtlByte(std::string_view s)
{
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F)
            return true;
    return false;
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Go's url.shouldEscape for encodeHost: only these ASCII characters may appear unescaped in a
/// host.
bool hostCharAllowed(unsigned char c)
{
    if (std::isalnum(c))
        return true;
    switch (c) {
    case '-':
    case '_':
    case '.':
    case '~':
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
    case '[':
    case ']':
    case '<':
    case '>':
    case '"':
        return true;
    default:
        return false;
    }
}

bool validEscapes(std::string_view s, bool host)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '%') {
            if (i + 2 >= s.size() || !isHex(s[i + 1]) || !isHex(s[i + 2]))
                return false;
            i += 2;
        } else if (host && c < 0x80 && !hostCharAllowed(c)) {
            return false;
        }
    }
    return true;
}

bool validOptionalPort(std::string_view port)
{
    if (port.empty())
        return true;
    if (port[0] != ':')
        return false;
    for (char c : port.substr(1))
        if (!isDigit(c))
            return false;
    return true;
}

bool validUserinfo(std::string_view s)
{
    for (unsigned char c : s) {
        if (std::isalnum(c))
            continue;
        switch (c) {
        case '-':
        case '.':
        case '_':
        case ':':
        case '~':
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
        case '@':
            continue;
        default:
            return false;
        }
    }
    return true;
}

bool parseHost(std::string_view host)
{
    if (!host.empty() && host[0] == '[') {
        const std::size_t close = host.rfind(']');
        if (close == std::string_view::npos)
            return false;
        if (!validOptionalPort(host.substr(close + 1)))
            return false;
        return validEscapes(host.substr(1, close - 1), true);
    }
    const std::size_t colon = host.rfind(':');
    if (colon != std::string_view::npos) {
        if (!validOptionalPort(host.substr(colon)))
            return false;
    }
    return validEscapes(host, true);
}

} // namespace

bool isGoRequestUri(std::string_view raw)
{
    // Follows net/url parse(rawURL, viaRequest=true).
    if (hasCtlByte(raw) || raw.empty())
        return false;
    if (raw == "*")
        return true;
    std::string_view scheme;
    std::string_view rest = raw;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        if (std::isalpha(c))
            continue;
        if (std::isdigit(c) || c == '+' || c == '-' || c == '.') {
            if (i == 0)
                break;
            continue;
        }
        if (c == ':') {
            if (i == 0)
                return false; // "missing protocol scheme"
            scheme = raw.substr(0, i);
            rest = raw.substr(i + 1);
        }
        break;
    }
    if (const std::size_t q = rest.find('?'); q != std::string_view::npos)
        rest = rest.substr(0, q);
    if (!rest.starts_with('/')) {
        // An opaque URI ("mailto:x") is fine when there is a scheme; a relative path is not.
        return !scheme.empty();
    }
    if (!scheme.empty() && rest.starts_with("//")) {
        std::string_view authority = rest.substr(2);
        std::string_view path;
        if (const std::size_t slash = authority.find('/'); slash != std::string_view::npos) {
            path = authority.substr(slash);
            authority = authority.substr(0, slash);
        }
        std::string_view host = authority;
        if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
            if (!validUserinfo(authority.substr(0, at)))
                return false;
            host = authority.substr(at + 1);
        }
        if (!parseHost(host))
            return false;
        return validEscapes(path, false);
    }
    return validEscapes(rest, false);
}

bool isDnsLabel(std::string_view s)
{
    if (s.empty() || s.size() > 63)
        return false;
    for (char c : s)
        if (!isLowerAlnum(c) && c != '-')
            return false;
    return isLowerAlnum(s.front()) && isLowerAlnum(s.back());
}

bool isDnsSubdomain(std::string_view s)
{
    if (s.empty() || s.size() > 253)
        return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        const std::string_view label
            = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
        if (label.empty())
            return false;
        for (char c : label)
            if (!isLowerAlnum(c) && c != '-')
                return false;
        if (!isLowerAlnum(label.front()) || !isLowerAlnum(label.back()))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

namespace {
bool isQualifiedPart(std::string_view s)
{
    if (s.empty() || s.size() > 63)
        return false;
    auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    if (!alnum(s.front()) || !alnum(s.back()))
        return false;
    for (char c : s)
        if (!alnum(c) && c != '-' && c != '_' && c != '.')
            return false;
    return true;
}
} // namespace

bool isQualifiedName(std::string_view s)
{
    const std::size_t slash = s.find('/');
    if (slash == std::string_view::npos)
        return isQualifiedPart(s);
    if (s.find('/', slash + 1) != std::string_view::npos)
        return false;
    return isDnsSubdomain(s.substr(0, slash)) && isQualifiedPart(s.substr(slash + 1));
}

bool isLabelValue(std::string_view s)
{
    return s.empty() || isQualifiedPart(s);
}

bool isConfigKey(std::string_view s)
{
    if (s.empty() || s.size() > 253)
        return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return false;
    return s != "." && s != ".." && !s.starts_with("..");
}

std::size_t invalidBase64Offset(std::string_view s)
{
    std::size_t pad = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '=') {
            ++pad;
            continue;
        }
        if (pad > 0)
            return i;
        if (!(std::isalnum(c) || c == '+' || c == '/'))
            return i;
    }
    if (pad > 2 || s.size() % 4 != 0)
        return s.size() % 4 != 0 ? s.size() - (s.size() % 4) : s.size() - pad;
    return std::string_view::npos;
}

std::string formatGoDuration(std::int64_t d)
{
    if (d == 0)
        return "0s";
    std::string out;
    const bool neg = d < 0;
    std::uint64_t u = neg ? static_cast<std::uint64_t>(0) - static_cast<std::uint64_t>(d)
                          : static_cast<std::uint64_t>(d);
    if (u < static_cast<std::uint64_t>(kSec)) {
        const char *unit = "ns";
        double v = static_cast<double>(u);
        if (u >= static_cast<std::uint64_t>(kMs)) {
            unit = "ms";
            v /= kMs;
        } else if (u >= static_cast<std::uint64_t>(kUs)) {
            unit = "\xC2\xB5s";
            v /= kUs;
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g%s", v, unit);
        return (neg ? "-" : "") + std::string(buf);
    }
    const std::uint64_t hours = u / static_cast<std::uint64_t>(kHour);
    u -= hours * static_cast<std::uint64_t>(kHour);
    const std::uint64_t mins = u / static_cast<std::uint64_t>(kMin);
    u -= mins * static_cast<std::uint64_t>(kMin);
    const double secs = static_cast<double>(u) / kSec;
    char buf[64];
    if (hours > 0)
        std::snprintf(buf, sizeof buf, "%lluh%llum%gs", static_cast<unsigned long long>(hours),
                      static_cast<unsigned long long>(mins), secs);
    else if (mins > 0)
        std::snprintf(buf, sizeof buf, "%llum%gs", static_cast<unsigned long long>(mins), secs);
    else
        std::snprintf(buf, sizeof buf, "%gs", secs);
    return (neg ? "-" : "") + std::string(buf);
}

} // namespace Airgate::Formats
