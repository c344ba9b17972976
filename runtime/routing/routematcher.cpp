// SPDX-License-Identifier: Apache-2.0
#include "routematcher.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace Airgate::Runtime {

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
        case MatcherType::Query: {
            const QByteArray v = r.queryValue(a);
            if (v.isNull())
                return false;
            return hasB ? v == b : true;
        }
        case MatcherType::QueryRegexp: {
            const QByteArray v = r.queryValue(a);
            if (v.isNull())
                return false;
            return hasB ? regex.match(QString::fromUtf8(v)).hasMatch() : true;
        }
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
        if (c->a.startsWith("*.")) {
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
    for (QRegularExpression *re : {&c->regex})
        re->optimize();
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
