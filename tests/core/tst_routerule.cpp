// SPDX-License-Identifier: Apache-2.0
#include "routing/routerule.h"

#include <QTest>

using namespace Airgate::Routing;

class TestRouteRule final : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheV3Grammar()
    {
        const auto r = parseRule(
            QStringLiteral("Host(`a.example.com`) && (PathPrefix(`/api`) || !Method(`POST`))"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.root->type, RuleNode::Type::And);
        QCOMPARE(r.root->children[0]->matcher, MatcherType::Host);
        QCOMPARE(r.root->children[1]->type, RuleNode::Type::Or);
        QCOMPARE(r.root->children[1]->children[1]->type, RuleNode::Type::Not);
        QCOMPARE(r.root->children[1]->children[1]->children[0]->args,
                 QStringList {QStringLiteral("POST")});
    }

    void precedenceAndBeforeOr()
    {
        const auto r = parseRule(QStringLiteral("Path(`/a`) || Path(`/b`) && Method(`GET`)"));
        QVERIFY(r.ok());
        QCOMPARE(r.root->type, RuleNode::Type::Or);
        QCOMPARE(r.root->children[1]->type, RuleNode::Type::And);
    }

    void doubleQuotedArgumentsAndTwoArgMatchers()
    {
        const auto r = parseRule(QStringLiteral(
            "Header(\"X-Env\", \"prod\") && Query(`debug`) && QueryRegexp(`v`, `^[0-9]+$`)"));
        QVERIFY2(r.ok(), qPrintable(r.error));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("error");
        QTest::newRow("arity")
            << "Host(`a`, `b`)"
            << "Host: unexpected number of parameters; got 2, expected one of [1]";
        QTest::newRow("header arity")
            << "Header(`X`)"
            << "Header: unexpected number of parameters; got 1, expected one of [2]";
        QTest::newRow("path slash") << "Path(`api`)"
                                    << "path \"api\" does not start with a '/'";
        QTest::newRow("single quotes")
            << "Host('a')"
            << "single quotes are not allowed; use backticks or double quotes";
        QTest::newRow("unknown") << "Hots(`a`)"
                                 << "unknown matcher Hots";
        QTest::newRow("v2 headers") << "Headers(`a`, `b`)"
                                    << "unknown matcher Headers (v2 syntax; v3 uses Header)";
        QTest::newRow("regex")
            << "PathRegexp(`^/(?!admin)`)"
            << "PathRegexp: look-around assertions are not supported by Go regexp";
        QTest::newRow("client ip")
            << "ClientIP(`10.0.0.0/33`)"
            << "ClientIP: \"10.0.0.0/33\" is not an IP address or CIDR range";
        QTest::newRow("wildcard")
            << "Host(`a.*.com`)"
            << "Host: a wildcard is only allowed alone (*) or as the first label (*.example.com)";
        // Traefik's rules.CheckRule: no empty argument, whatever the matcher.
        QTest::newRow("empty host regexp") << "HostRegexp(``)"
                                           << "empty args for matcher HostRegexp, []";
        QTest::newRow("empty path regexp") << "PathRegexp(``)"
                                           << "empty args for matcher PathRegexp, []";
        QTest::newRow("empty header value") << "Header(`X`, ``)"
                                            << "empty args for matcher Header, [X ]";
        QTest::newRow("empty header name") << "HeaderRegexp(``, `v`)"
                                           << "empty args for matcher HeaderRegexp, [ v]";
        QTest::newRow("empty query") << "Query(``)"
                                     << "empty args for matcher Query, []";
        QTest::newRow("empty query value") << "Query(`q`, ``)"
                                           << "empty args for matcher Query, [q ]";
        QTest::newRow("empty query regexp") << "QueryRegexp(``)"
                                            << "empty args for matcher QueryRegexp, []";
        QTest::newRow("non-ASCII host regexp")
            << QStringLiteral("HostRegexp(`\U0001F9AD.com`)")
            << QStringLiteral("invalid value \"\U0001F9AD.com\" for HostRegexp matcher, "
                              "non-ASCII characters are not allowed");
        // rules.NewParser knows Name, name, NAME and Title-case only.
        QTest::newRow("mixed case") << "pathPrefix(`/a`)"
                                    << "unknown matcher pathPrefix";
        QTest::newRow("paren") << "(Host(`a`)"
                               << "missing ')'";
        QTest::newRow("empty") << "  "
                               << "empty rule";
        QTest::newRow("trailing") << "Host(`a`) &&"
                                  << "expected a matcher such as Host(`example.com`)";
    }

    void errors()
    {
        QFETCH(QString, rule);
        QFETCH(QString, error);
        const auto r = parseRule(rule);
        QVERIFY(!r.ok());
        QCOMPARE(r.error, error);
        QVERIFY(r.errorOffset >= 0);
    }

    void acceptsWildcardsIpv6AndPriorities()
    {
        QVERIFY(parseRule(QStringLiteral("Host(`*.example.com`)")).ok());
        QVERIFY(parseRule(QStringLiteral("Host(`*`)")).ok()); // Traefik >= 3.7.7
        for (const char *name : {"pathprefix", "PATHPREFIX", "Pathprefix", "PathPrefix"})
            QVERIFY2(parseRule(QLatin1StringView(name) + QStringLiteral("(`/a`)")).ok(), name);
        QVERIFY(parseRule(QStringLiteral("Hostregexp(`^a$`) && CLIENTIP(`::1`)")).ok());
        QVERIFY(parseRule(QStringLiteral("ClientIP(`::1`) || ClientIP(`192.168.0.0/16`)")).ok());
        QCOMPARE(defaultPriority(QStringLiteral("Host(`a`)")), qint64(9));
    }
};

QTEST_GUILESS_MAIN(TestRouteRule)
#include "tst_routerule.moc"
