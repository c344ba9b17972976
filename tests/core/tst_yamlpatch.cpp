// SPDX-License-Identifier: Apache-2.0
// Edited trees written back into their text: only the entries that differ change.
#include "yaml/yamlparser.h"
#include "yaml/yamlpatch.h"

#include <QTest>

#include <functional>

using namespace Airgate::Yaml;

namespace QTest {
/** The whole text in a failure message. */
template<>
inline char *toString(const std::string &s)
{
    return qstrdup(s.c_str());
}
} // namespace QTest

namespace {

NodePtr parse(const std::string &text)
{
    std::vector<Problem> problems;
    NodePtr root = parseSingleDocument(text, problems);
    for (const Problem &p : problems)
        if (p.severity == Problem::Severity::Error)
            qFatal("%s", p.message.c_str());
    return root;
}

/** @p text with @p fn applied to its tree, patched in place (empty when it cannot be). */
std::string patched(const std::string &text, const std::function<void(Node &)> &fn)
{
    const NodePtr before = parse(text);
    const NodePtr after = before->clone();
    fn(*after);
    return patchDocumentText(text, 0, text.size(), *before, *after).value_or(std::string());
}

const std::string kText = "# heading\n"
                          "a: 1 # the first\n"
                          "\n"
                          "# about b\n"
                          "b:\n"
                          "  x: 'single'   # kept\n"
                          "  y: \"double\"\n"
                          "  # between\n"
                          "  z: plain\n"
                          "list:\n"
                          "- one\n"
                          "# about two\n"
                          "- two\n"
                          "items:\n"
                          "  - name: first\n"
                          "    weight: 1\n"
                          "  - name: second\n"
                          "# trailing\n";

} // namespace

class TestYamlPatch final : public QObject
{
    Q_OBJECT

private slots:
    void scalarsChangeWhereTheyStandWithTheirQuoting()
    {
        QCOMPARE(patched(kText, [](Node &r) { r.set("a", Node::makeInt(2)); }),
                 std::string(kText).replace(kText.find("a: 1"), 4, "a: 2"));
        std::string want = kText;
        want.replace(want.find("'single'"), 8, "'it''s'");
        QCOMPARE(patched(kText, [](Node &r) { r.getPtr("b")->set("x", Node::makeString("it's")); }),
                 want);
        want = kText;
        want.replace(want.find("\"double\""), 8, "\"600\"");
        QCOMPARE(patched(kText, [](Node &r) { r.getPtr("b")->set("y", Node::makeString("600")); }),
                 want);
        // A plain string that would read as a number is quoted.
        want = kText;
        want.replace(want.find("z: plain"), 8, "z: \"600\"");
        QCOMPARE(patched(kText, [](Node &r) { r.getPtr("b")->set("z", Node::makeString("600")); }),
                 want);
        // Quotes the old value needed go when the new one needs none.
        QCOMPARE(patched("a: \"1\" # one\n", [](Node &r) { r.set("a", Node::makeString("10s")); }),
                 std::string("a: 10s # one\n"));
        want = kText;
        want.replace(want.find("- two"), 5, "- deux");
        QCOMPARE(
            patched(kText, [](Node &r) { r.getPtr("list")->items[1] = Node::makeString("deux"); }),
            want);
    }

    void keysAreRenamedInPlace()
    {
        std::string want = kText;
        want.replace(want.find("  y:"), 4, "  why:");
        QCOMPARE(patched(kText,
                         [](Node &r) {
                             for (auto &e : r.getPtr("b")->entries)
                                 if (e.key == "y")
                                     e.key = "why";
                         }),
                 want);
    }

    void entriesAndItemsComeAndGoWithTheirLines()
    {
        // Removed with its lines; the comment about the next entry stays.
        std::string want = kText;
        want.erase(want.find("  x: 'single'"), std::string("  x: 'single'   # kept\n").size());
        QCOMPARE(patched(kText, [](Node &r) { r.getPtr("b")->remove("x"); }), want);
        // Added after the last entry at its siblings' indentation, before the trailing comment.
        want = kText;
        want.insert(want.find("list:"), "  w: new\n");
        QCOMPARE(patched(kText, [](Node &r) { r.getPtr("b")->set("w", Node::makeString("new")); }),
                 want);
        want = kText;
        want.insert(want.find("# trailing"), "c: true\n");
        QCOMPARE(patched(kText, [](Node &r) { r.set("c", Node::makeBool(true)); }), want);
        // Before the blank line and the comment that lead into the next entry.
        want = kText;
        want.insert(want.find("\n# about b"), "extra: x\n");
        QCOMPARE(patched(kText,
                         [](Node &r) {
                             r.entries.insert(r.entries.begin() + 1,
                                              {"extra", Node::makeString("x"), {}, false});
                         }),
                 want);
        // A list item appended at the list's indentation, one removed with its line.
        want = kText;
        want.insert(want.find("items:"), "- three\n");
        QCOMPARE(
            patched(kText,
                    [](Node &r) { r.getPtr("list")->items.push_back(Node::makeString("three")); }),
            want);
        want = kText;
        want.erase(want.find("- one\n"), 6);
        QCOMPARE(patched(kText,
                         [](Node &r) {
                             auto &items = r.getPtr("list")->items;
                             items.erase(items.begin());
                         }),
                 want);
        // Inside a list item's map, after "- ".
        want = kText;
        want.insert(want.find("  - name: second"), "    extra: x\n");
        QCOMPARE(patched(kText,
                         [](Node &r) {
                             r.getPtr("items")->items[0]->set("extra", Node::makeString("x"));
                         }),
                 want);
        want = kText;
        want.replace(want.find("weight: 1"), 9, "weight: 5");
        QCOMPARE(
            patched(kText,
                    [](Node &r) { r.getPtr("items")->items[0]->set("weight", Node::makeInt(5)); }),
            want);
    }

    void whatCannotBeSplicedIsRewrittenOnlyForItsEntry()
    {
        // A flow map turned into another value: only that entry is written anew.
        const std::string text = "# head\nsvc: {mock: a.json} # flow\nother: 1 # stays\n";
        QCOMPARE(patched(text,
                         [](Node &r) {
                             auto m = Node::makeMap();
                             m->set("mock", Node::makeString("b.json"));
                             r.set("svc", m);
                         }),
                 std::string("# head\nsvc:\n  mock: b.json\nother: 1 # stays\n"));
        // A scalar that becomes a map.
        QCOMPARE(patched(kText,
                         [](Node &r) {
                             auto m = Node::makeMap();
                             m->set("k", Node::makeString("v"));
                             r.getPtr("b")->set("z", m);
                         }),
                 std::string(kText).replace(kText.find("  z: plain\n"), 11, "  z:\n    k: v\n"));
    }

    void reorderedOrEmptiedIsLeftToTheCaller()
    {
        const NodePtr before = parse(kText);
        const NodePtr after = before->clone();
        std::swap(after->entries[0], after->entries[1]);
        QVERIFY(!patchDocumentText(kText, 0, kText.size(), *before, *after));
        const NodePtr empty = Node::makeMap();
        QVERIFY(!patchDocumentText(kText, 0, kText.size(), *before, *empty));
    }

    void onlyTheDocumentsBytesAreTouched()
    {
        const std::string text = "a: 1\n---\n# second\nb: 2 # two\nc: 3\n";
        const ParsedText parsed = parseYaml(text);
        QCOMPARE(parsed.documents.size(), size_t(2));
        const Document &d = parsed.documents[1];
        const NodePtr after = d.root->clone();
        after->set("c", Node::makeInt(4));
        const auto out = patchDocumentText(text, d.contentBegin, d.end, *d.root, *after);
        QVERIFY(out);
        QCOMPARE(*out, std::string("b: 2 # two\nc: 4\n"));
    }
};

QTEST_GUILESS_MAIN(TestYamlPatch)
#include "tst_yamlpatch.moc"
