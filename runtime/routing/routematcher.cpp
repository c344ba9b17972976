// SPDX-License-Identifier: Apache-2.0
#include "routematcher.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace Airgate::Runtime {

namespace {

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

/// Go's url.QueryUnescape: '+' is a space; a bad escape makes the pair unusable.
bool queryUnescape(QByteArrayView in, QByteArray &out)
{
    out.clear();
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return false;
            const int hi = hexDigit(in[i + 1]);
            const int lo = hexDigit(in[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c == '+' ? ' ' : c;
        }
    }
    return true;
}

/**
 * Calls @p fn with every value of @p key in @p query, as Traefik sees req.URL.Query(): pairs
 * split on '&' and on ';' (the entry point turns ';' into '&' unless encodeQuerySemicolons),
 * a key without '=' has the empty value, pairs with bad escapes are skipped.
 */
template<typename Fn>
bool anyQueryValue(const QByteArray &query, const QByteArray &key, Fn fn)
{
    QByteArray k;
    QByteArray v;
    qsizetype start = 0;
    while (start <= query.size() && !query.isEmpty()) {
        qsizetype end = start;
        while (end < query.size() && query[end] != '&' && query[end] != ';')
            ++end;
        const QByteArrayView pair = QByteArrayView(query).sliced(start, end - start);
        start = end + 1;
        if (!pair.isEmpty()) {
            const qsizetype eq = pair.indexOf('=');
            if (queryUnescape(eq < 0 ? pair : pair.first(eq), k) && k == key
                && queryUnescape(eq < 0 ? QByteArrayView() : pair.sliced(eq + 1), v) && fn(v))
                return true;
        }
        if (end >= query.size())
            break;
    }
    return false;
}

} // namespace

using Routing::MatcherType;
using Routing::RuleNode;

struct RouteMatcher::Node
{
    RuleNode::Type type = RuleNode::Type::Matcher;
    MatcherType matcher = MatcherType::Host;
    QByteArray a; // first argument (lower-cased host, path, method, header/query name)
    QByteArray b; // second argument (header/query value)
    bool hasB = false;
    bool wildcard = false; // Host(`*.example.com`)
    bool anyHost = false; // Host(`*`)
    QRegularExpression regex;
    QPair<QHostAddress, int> subnet;
    std::vector<std::unique_ptr<Node>> children;

    bool eval(const Http::Request &r, const QByteArray &path, const QByteArray &host) const
    {
        switch (type) {
        case RuleNode::Type::And:
            return children[0]->eval(r, path, host) && children[1]->eval(r, path, host);
        case RuleNode::Type::Or:
            return children[0]->eval(r, path, host) || children[1]->eval(r, path, host);
        case RuleNode::Type::Not:
            return !children[0]->eval(r, path, host);
        case RuleNode::Type::Matcher:
            break;
        }
        switch (matcher) {
        case MatcherType::Host:
            if (anyHost)
                return true;
            if (wildcard) {
                // One label only: *.example.com matches a.example.com, not a.b.example.com.
                if (!host.endsWith(a) || host.size() <= a.size())
                    return false;
                const QByteArray label = host.left(host.size() - a.size());
                return !label.contains('.');
            }
            return host == a;
        case MatcherType::HostRegexp:
            return regex.match(QString::fromLatin1(host)).hasMatch();
        case MatcherType::Path:
            return path == a;
        case MatcherType::PathPrefix:
            return path.startsWith(a);
        case MatcherType::PathRegexp:
            return regex.match(QString::fromUtf8(path)).hasMatch();
        case MatcherType::Method:
            return r.method == a;
        case MatcherType::Header: {
            for (const QByteArray &v : r.headers.values(a))
                if (v == b)
                    return true;
            return false;
        }
        case MatcherType::HeaderRegexp: {
            for (const QByteArray &v : r.headers.values(a))
                if (regex.match(QString::fromUtf8(v)).hasMatch())
                    return true;
            return false;
        }
        case MatcherType::Query:
            // Any value of a repeated key; one argument means the empty value (`?mobile`).
            return anyQueryValue(r.query, a, [&](const QByteArray &v) { return v == b; });
        case MatcherType::QueryRegexp:
            return anyQueryValue(r.query, a, [&](const QByteArray &v) {
                return !hasB || regex.match(QString::fromUtf8(v)).hasMatch();
            });
        case MatcherType::ClientIP:
            return r.peer.isInSubnet(subnet);
        }
        return false;
    }
};

namespace {

std::unique_ptr<RouteMatcher::Node> compile(const RuleNode &n)
{
    auto c = std::make_unique<RouteMatcher::Node>();
    c->type = n.type;
    c->matcher = n.matcher;
    for (const auto &child : n.children)
        c->children.push_back(compile(*child));
    if (n.type != RuleNode::Type::Matcher)
        return c;
    const QString a0 = n.args.value(0);
    const QString a1 = n.args.value(1);
    c->hasB = n.args.size() > 1;
    switch (n.matcher) {
    case MatcherType::Host:
        c->a = a0.toLower().toLatin1();
        if (c->a.endsWith('.'))
            c->a.chop(1);
        if (c->a == "*")
            c->anyHost = true;
        else if (c->a.startsWith("*.")) {
            c->wildcard = true;
            c->a = c->a.mid(1); // ".example.com"
        }
        break;
    case MatcherType::HostRegexp:
    case MatcherType::PathRegexp:
        c->regex = QRegularExpression(a0);
        break;
    case MatcherType::HeaderRegexp:
    case MatcherType::QueryRegexp:
        c->a = a0.toUtf8();
        c->regex = QRegularExpression(a1);
        break;
    case MatcherType::Method:
        c->a = a0.toUpper().toLatin1();
        break;
    case MatcherType::ClientIP: {
        const QString cidr = a0.contains(u'/')
            ? a0
            : a0 + (a0.contains(u':') ? QStringLiteral("/128") : QStringLiteral("/32"));
        c->subnet = QHostAddress::parseSubnet(cidr);
        break;
    }
    default:
        c->a = a0.toUtf8();
        c->b = a1.toUtf8();
    }
    // Only the *Regexp matchers hold a pattern; compiling (and JIT-compiling) the empty one of
    // every other node cost a PCRE2 JIT compile and its executable memory per matcher, for
    // nothing: with 1,000 routes, most of the compile time and several MB resident.
    if (!c->regex.pattern().isEmpty())
        c->regex.optimize();
    return c;
}

} // namespace

RouteMatcher::RouteMatcher(const QString &rule)
{
    const Routing::RuleParseResult parsed = Routing::parseRule(rule);
    if (!parsed.ok()) {
        m_error = parsed.error;
        return;
    }
    m_root = compile(*parsed.root);
}

RouteMatcher::~RouteMatcher() = default;

bool RouteMatcher::matches(const Http::Request &request, const QByteArray &routingPath,
                           const QByteArray &host) const
{
    return m_root && m_root->eval(request, routingPath, host);
}

} // namespace Airgate::Runtime
