// SPDX-License-Identifier: Apache-2.0
#include "schema/cel.h"

#include <QTest>

using namespace Airgate::Cel;

namespace {

Value map(std::initializer_list<std::pair<const char *, Value>> kv)
{
    Map m;
    for (const auto &p : kv)
        m.emplace_back(p.first, p.second);
    return Value(std::move(m));
}

Value eval(const char *src, const Value &self = Value())
{
    Program p(src);
    if (!p.ok())
        return Value(ErrorValue {"compile: " + p.error()});
    return p.evaluate(self);
}

bool isTrue(const Value &v)
{
    const bool *b = std::get_if<bool>(&v.v);
    return b && *b;
}

bool isFalse(const Value &v)
{
    const bool *b = std::get_if<bool>(&v.v);
    return b && !*b;
}

} // namespace

class TestCel final : public QObject
{
    Q_OBJECT

private slots:
    void literalsAndArithmetic()
    {
        QVERIFY(isTrue(eval("1 + 2 * 3 == 7")));
        QVERIFY(isTrue(eval("-5 % 3 == -2")));
        QVERIFY(isTrue(eval("1.5 * 2.0 == 3.0")));
        QVERIFY(isTrue(eval("1u + 2u == 3u")));
        QVERIFY(isTrue(eval("1 == 1.0"))); // heterogeneous numeric equality
        QVERIFY(isTrue(eval("'a' + \"b\" == 'ab'")));
        QVERIFY(isTrue(eval("[1, 2] + [3] == [1, 2, 3]")));
        QVERIFY(eval("1 / 0").isError());
        QVERIFY(eval("9223372036854775807 + 1").isError());
        QVERIFY(eval("1 + 1.0").isError()); // no implicit conversions in CEL
    }

    void stringsIncludingRawAndTripleQuoted()
    {
        QVERIFY(isTrue(eval(R"cel(r"""a\d""" == 'a\\d')cel")));
        QVERIFY(isTrue(eval(R"cel('\x41\u00e9' == "Aé")cel")));
        QVERIFY(isTrue(eval(R"cel(size("héllo") == 5)cel")));
        QVERIFY(
            isTrue(eval("'abc'.startsWith('ab') && 'abc'.endsWith('bc') && 'abc'.contains('b')")));
    }

    void hasAndMissingFields()
    {
        const Value self = map({{"a", Value(std::int64_t(1))}});
        QVERIFY(isTrue(eval("has(self.a)", self)));
        QVERIFY(isFalse(eval("has(self.b)", self)));
        const Value e = eval("self.b == 'x'", self);
        QVERIFY(e.isError());
        QCOMPARE(QString::fromStdString(e.error().message), QStringLiteral("no such key: b"));
    }

    void logicAbsorbsErrorsLikeCel()
    {
        const Value self = map({});
        QVERIFY(isTrue(eval("self.missing || true", self)));
        QVERIFY(isFalse(eval("false && self.missing", self)));
        QVERIFY(isFalse(eval("self.missing && false", self)));
        QVERIFY(eval("self.missing || false", self).isError());
    }

    void macros()
    {
        const Value list
            = Value(List {map({{"name", "a"}}), map({{"name", "b"}}), map({{"name", "a"}})});
        QVERIFY(isFalse(eval("self.all(x, self.exists_one(y, x.name == y.name))", list)));
        const Value unique = Value(List {map({{"name", "a"}}), map({{"name", "b"}})});
        QVERIFY(isTrue(eval("self.all(x, self.exists_one(y, x.name == y.name))", unique)));
        QVERIFY(isTrue(eval("[true, false, true].filter(x, x).size() == 2")));
        QVERIFY(isTrue(eval("[1, 2, 3].map(x, x * 2) == [2, 4, 6]")));
        QVERIFY(isTrue(eval("[1, 2, 3].exists(x, x > 2)")));
        QVERIFY(isTrue(eval("{'a': 1}.all(k, k == 'a')")));
    }

    void crdRuleShapes()
    {
        const Value jwt = map({{"publicKey", "k"}, {"jwksUrl", "u"}});
        QVERIFY(isFalse(eval("[has(self.signingSecretName), has(self.publicKey), "
                             "has(self.jwksFile), has(self.jwksUrl), "
                             "has(self.trustedIssuers)].filter(x, x).size() == 1",
                             jwt)));
        const Value item
            = map({{"everyone", Value(false)}, {"groups", Value(List {Value("dev")})}});
        QVERIFY(isTrue(eval("(has(self.everyone) && has(self.groups)) ? !(self.everyone && "
                            "self.groups.size() > 0) : true",
                            item)));
        QVERIFY(isTrue(eval(
            "(has(self.everyone) && self.everyone) || (has(self.groups) && self.groups.size() > 0)",
            item)));
    }

    void matchesIsUnanchoredRe2()
    {
        QVERIFY(isTrue(eval(R"cel('/a/../b'.matches(r"""(\/\.\.\/)|(\/\.\.$)"""))cel")));
        QVERIFY(isTrue(eval(R"cel('/a/..'.matches(r"""(\/\.\.\/)|(\/\.\.$)"""))cel")));
        QVERIFY(isFalse(eval(R"cel('/a/..b'.matches(r"""(\/\.\.\/)|(\/\.\.$)"""))cel")));
        QVERIFY(isTrue(eval(
            R"cel('v1.2.3-rc.1'.matches(r"""^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"""))cel")));
        QVERIFY(isFalse(
            eval(R"cel('1.2'.matches(r"""^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"""))cel")));
    }

    void durations()
    {
        QVERIFY(isTrue(eval("duration('90s') > duration('1m')")));
        QVERIFY(isTrue(eval("self >= duration('1s') && self <= duration('1h')",
                            Value(Duration {30'000'000'000}))));
        QVERIFY(isFalse(eval("self <= duration('1h')", Value(Duration {7200'000'000'000}))));
        QVERIFY(eval("duration('1d')").isError()); // CEL literals use Go's syntax
    }

    void isUrlFollowsGo()
    {
        QVERIFY(isTrue(eval("isURL('https://example.com/x')")));
        QVERIFY(isTrue(eval("isURL('/only/a/path')")));
        QVERIFY(isFalse(eval("isURL('relative/path')")));
        QVERIFY(isFalse(eval("isURL('https://a:b:c/')")));
        QVERIFY(isFalse(eval("isURL('')")));
    }

    void syntaxErrorsAreReported()
    {
        Program bad("self.a ==");
        QVERIFY(!bad.ok());
        QVERIFY(!bad.error().empty());
        Program bad2("has(self)");
        QVERIFY(!bad2.ok());
        Program bad3("'unterminated");
        QVERIFY(!bad3.ok());
    }
};

QTEST_GUILESS_MAIN(TestCel)
#include "tst_cel.moc"
