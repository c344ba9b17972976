// SPDX-License-Identifier: Apache-2.0
#include "routerule.h"

#include "util/goregexp.h"

#include <arpa/inet.h>

namespace Airgate::Routing {

namespace {

struct MatcherSpec
{
    const char *name;
    MatcherType type;
    std::vector<int> arities;
};

const std::vector<MatcherSpec> &matchers()
{
    static const std::vector<MatcherSpec> m {
        {"Host", MatcherType::Host, {1}},
        {"HostRegexp", MatcherType::HostRegexp, {1}},
        {"Path", MatcherType::Path, {1}},
        {"PathPrefix", MatcherType::PathPrefix, {1}},
        {"PathRegexp", MatcherType::PathRegexp, {1}},
        {"Method", MatcherType::Method, {1}},
        {"Header", MatcherType::Header, {2}},
        {"HeaderRegexp", MatcherType::HeaderRegexp, {2}},
        {"Query", MatcherType::Query, {1, 2}},
        {"QueryRegexp", MatcherType::QueryRegexp, {1, 2}},
        {"ClientIP", MatcherType::ClientIP, {1}},
    };
    return m;
}

bool isIpOrCidr(const QString &s)
{
    const QString addr = s.section(u'/', 0, 0);
    const QString bits = s.contains(u'/') ? s.section(u'/', 1) : QString();
    const QByteArray a = addr.toLatin1();
    unsigned char buf[16];
    int maxBits = 0;
    if (inet_pton(AF_INET, a.constData(), buf) == 1)
        maxBits = 32;
    else if (inet_pton(AF_INET6, a.constData(), buf) == 1)
        maxBits = 128;
    else
        return false;
    if (bits.isNull())
        return true;
    bool ok = false;
    const int n = bits.toInt(&ok);
    return ok && n >= 0 && n <= maxBits;
}

/**
 * Traefik's rules.NewParser registers each matcher under its own name, ToLower, ToUpper and
 * cases.Title(ToLower): `PathPrefix`, `pathprefix`, `PATHPREFIX`, `Pathprefix`; any other
 * mix (`pathPrefix`) is unknown.
 */
const MatcherSpec *findMatcher(const QString &name)
{
    for (const MatcherSpec &m : matchers()) {
        const QString n = QLatin1StringView(m.name).toString();
        const QString lower = n.toLower();
        if (name == n || name == lower || name == n.toUpper()
            || name == lower.left(1).toUpper() + lower.mid(1))
            return &m;
    }
    return nullptr;
}

bool isAscii(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() > 0x7F)
            return false;
    return true;
}

struct ParseError
{
    int offset;
    QString message;
};

class Parser
{
public:
    explicit Parser(const QString &s)
        : m_s(s)
    {
    }

    std::unique_ptr<RuleNode> parse()
    {
        auto n = orExpr();
        skip();
        if (m_p < m_s.size())
            throw ParseError {static_cast<int>(m_p),
                              QStringLiteral("unexpected '%1'").arg(m_s[m_p])};
        return n;
    }

private:
    void skip()
    {
        while (m_p < m_s.size() && m_s[m_p].isSpace())
            ++m_p;
    }

    bool accept(QStringView tok)
    {
        skip();
        if (QStringView(m_s).mid(m_p).startsWith(tok)) {
            m_p += tok.size();
            return true;
        }
        return false;
    }

    std::unique_ptr<RuleNode> combine(RuleNode::Type t, std::unique_ptr<RuleNode> a,
                                      std::unique_ptr<RuleNode> b)
    {
        auto n = std::make_unique<RuleNode>();
        n->type = t;
        n->children.push_back(std::move(a));
        n->children.push_back(std::move(b));
        return n;
    }

    std::unique_ptr<RuleNode> orExpr()
    {
        auto l = andExpr();
        while (accept(u"||"))
            l = combine(RuleNode::Type::Or, std::move(l), andExpr());
        return l;
    }

    std::unique_ptr<RuleNode> andExpr()
    {
        auto l = unary();
        while (accept(u"&&"))
            l = combine(RuleNode::Type::And, std::move(l), unary());
        return l;
    }

    std::unique_ptr<RuleNode> unary()
    {
        if (accept(u"!")) {
            auto n = std::make_unique<RuleNode>();
            n->type = RuleNode::Type::Not;
            n->children.push_back(unary());
            return n;
        }
        if (accept(u"(")) {
            auto n = orExpr();
            if (!accept(u")"))
                throw ParseError {static_cast<int>(m_p), QStringLiteral("missing ')'")};
            return n;
        }
        return matcher();
    }

    QString argument()
    {
        skip();
        if (m_p >= m_s.size())
            throw ParseError {static_cast<int>(m_p), QStringLiteral("missing argument")};
        const QChar q = m_s[m_p];
        if (q == u'\'')
            throw ParseError {
                static_cast<int>(m_p),
                QStringLiteral("single quotes are not allowed; use backticks or double quotes")};
        if (q != u'`' && q != u'"')
            throw ParseError {static_cast<int>(m_p),
                              QStringLiteral("arguments must be in backticks or double quotes")};
        const qsizetype start = m_p++;
        QString out;
        while (m_p < m_s.size() && m_s[m_p] != q) {
            if (q == u'"' && m_s[m_p] == u'\\' && m_p + 1 < m_s.size()) {
                const QChar e = m_s[m_p + 1];
                out += e == u'n' ? QChar(u'\n') : (e == u't' ? QChar(u'\t') : e);
                m_p += 2;
                continue;
            }
            out += m_s[m_p++];
        }
        if (m_p >= m_s.size())
            throw ParseError {static_cast<int>(start), QStringLiteral("unterminated argument")};
        ++m_p;
        return out;
    }

    std::unique_ptr<RuleNode> matcher()
    {
        skip();
        const qsizetype start = m_p;
        while (m_p < m_s.size() && m_s[m_p].isLetterOrNumber())
            ++m_p;
        const QString name = m_s.mid(start, m_p - start);
        if (name.isEmpty())
            throw ParseError {static_cast<int>(start),
                              QStringLiteral("expected a matcher such as Host(`example.com`)")};
        const MatcherSpec *spec = findMatcher(name);
        if (!spec) {
            QString hint;
            if (name == QLatin1StringView("HostHeader") || name == QLatin1StringView("HostSNI"))
                hint = QStringLiteral(" (not an HTTP v3 matcher)");
            else if (name == QLatin1StringView("Headers")
                     || name == QLatin1StringView("HeadersRegexp"))
                hint = QStringLiteral(" (v2 syntax; v3 uses %1)").arg(name.chopped(1));
            throw ParseError {static_cast<int>(start),
                              QStringLiteral("unknown matcher %1%2").arg(name, hint)};
        }
        if (!accept(u"("))
            throw ParseError {static_cast<int>(m_p),
                              QStringLiteral("expected '(' after %1").arg(name)};
        auto n = std::make_unique<RuleNode>();
        n->type = RuleNode::Type::Matcher;
        n->matcher = spec->type;
        if (!accept(u")")) {
            while (true) {
                n->args << argument();
                if (accept(u")"))
                    break;
                if (!accept(u","))
                    throw ParseError {static_cast<int>(m_p), QStringLiteral("expected ',' or ')'")};
            }
        }
        const int got = static_cast<int>(n->args.size());
        if (std::find(spec->arities.begin(), spec->arities.end(), got) == spec->arities.end()) {
            QStringList expected;
            for (int a : spec->arities)
                expected << QString::number(a);
            throw ParseError {
                static_cast<int>(start),
                QStringLiteral("%1: unexpected number of parameters; got %2, expected one of [%3]")
                    .arg(name)
                    .arg(got)
                    .arg(expected.join(u' '))};
        }
        check(*n, static_cast<int>(start));
        return n;
    }

    static void check(const RuleNode &n, int at)
    {
        const QString &a0 = n.args.value(0);
        // rules.CheckRule: every argument must be non-empty, whatever the matcher.
        for (const QString &a : n.args)
            if (a.isEmpty()) {
                QStringList shown;
                for (const QString &v : n.args)
                    shown << v;
                throw ParseError {at,
                                  QStringLiteral("empty args for matcher %1, [%2]")
                                      .arg(matcherName(n.matcher), shown.join(u' '))};
            }
        auto regex = [&](const QString &p) {
            if (auto problem = goRegexpProblem(p))
                throw ParseError {at,
                                  QStringLiteral("%1: %2").arg(matcherName(n.matcher), *problem)};
        };
        switch (n.matcher) {
        case MatcherType::Host:
            if (!isAscii(a0))
                throw ParseError {
                    at,
                    QStringLiteral("invalid value \"%1\" for Host matcher, non-ASCII characters "
                                   "are not allowed; use punycode")
                        .arg(a0)};
            // `*` alone matches every host (Traefik >= 3.7.7); otherwise only a first label.
            if (a0.contains(u'*') && a0 != QLatin1StringView("*")
                && !(a0.startsWith(QLatin1StringView("*.")) && a0.count(u'*') == 1))
                throw ParseError {at,
                                  QStringLiteral("Host: a wildcard is only allowed alone (*) or "
                                                 "as the first label (*.example.com)")};
            break;
        case MatcherType::Path:
        case MatcherType::PathPrefix:
            if (!a0.startsWith(u'/'))
                throw ParseError {at,
                                  QStringLiteral("path \"%1\" does not start with a '/'").arg(a0)};
            break;
        case MatcherType::HostRegexp:
            if (!isAscii(a0))
                throw ParseError {at,
                                  QStringLiteral("invalid value \"%1\" for HostRegexp matcher, "
                                                 "non-ASCII characters are not allowed")
                                      .arg(a0)};
            regex(a0);
            break;
        case MatcherType::PathRegexp:
            regex(a0);
            break;
        case MatcherType::HeaderRegexp:
            regex(n.args.value(1));
            break;
        case MatcherType::QueryRegexp:
            if (n.args.size() == 2)
                regex(n.args.value(1));
            break;
        case MatcherType::ClientIP:
            if (!isIpOrCidr(a0))
                throw ParseError {
                    at,
                    QStringLiteral("ClientIP: \"%1\" is not an IP address or CIDR range").arg(a0)};
            break;
        case MatcherType::Method:
        case MatcherType::Header:
        case MatcherType::Query:
            break;
        }
    }

    const QString &m_s;
    qsizetype m_p = 0;
};

} // namespace

QString matcherName(MatcherType t)
{
    for (const MatcherSpec &m : matchers())
        if (m.type == t)
            return QLatin1StringView(m.name).toString();
    return {};
}

qint64 defaultPriority(const QString &rule)
{
    return rule.toUtf8().size();
}

RuleParseResult parseRule(const QString &rule)
{
    RuleParseResult r;
    if (rule.trimmed().isEmpty()) {
        r.error = QStringLiteral("empty rule");
        r.errorOffset = 0;
        return r;
    }
    try {
        Parser p(rule);
        r.root = p.parse();
    } catch (const ParseError &e) {
        r.root.reset();
        r.error = e.message;
        r.errorOffset = e.offset;
    }
    return r;
}

} // namespace Airgate::Routing
