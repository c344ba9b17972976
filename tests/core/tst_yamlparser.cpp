// SPDX-License-Identifier: Apache-2.0
#include "yaml/yamlemitter.h"
#include "yaml/yamlparser.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Airgate::Yaml;

namespace {

ParsedText parse(const std::string &s)
{
    return parseYaml(s);
}

std::string firstProblem(const ParsedText &p)
{
    for (const auto &d : p.documents)
        if (!d.problems.empty())
            return d.problems.front().message;
    return {};
}

} // namespace

class TestYamlParser final : public QObject
{
    Q_OBJECT

private slots:
    void splitsDocumentsWithExactByteRanges()
    {
        const std::string text = "# head\n---\na: 1\n---\nb: 2\n...\n# tail\n---\nc: 3\n";
        const ParsedText p = parse(text);
        QCOMPARE(p.documents.size(), size_t(3));
        std::string joined;
        for (const auto &d : p.documents)
            joined += text.substr(d.begin, d.end - d.begin);
        QCOMPARE(joined, text);
        QCOMPARE(p.documents[0].root->get("a")->value, std::string("1"));
        QCOMPARE(p.documents[0].contentLine, 3);
        QCOMPARE(p.documents[1].root->get("b")->value, std::string("2"));
        QCOMPARE(p.documents[2].root->get("c")->mark.line, 9);
        QCOMPARE(p.documents[2].root->get("c")->mark.column, 4);
    }

    void marksAreOneBasedAndInCharacters()
    {
        const ParsedText p = parse("x: 1\nname: \"é\xC3\xA9\"\nkey: café\nother: z\n");
        const Node *root = p.documents[0].root.get();
        QCOMPARE(root->get("name")->mark.line, 2);
        QCOMPARE(root->get("name")->mark.column, 7);
        const Node::Entry *e = root->entry("other");
        QCOMPARE(e->keyMark.line, 4);
        QCOMPARE(e->keyMark.column, 1);
    }

    void resolvesScalarsAsYaml12Core()
    {
        const ParsedText p = parse("a: yes\nb: 'true'\nc: true\nd: 010\ne: 1.10\nf: ~\ng:\nh: "
                                   "0x1F\ni: 1e3\nj: \"12\"\nk: .inf\n");
        const Node *r = p.documents[0].root.get();
        QCOMPARE(r->get("a")->scalarType, ScalarType::String);
        QCOMPARE(r->get("b")->scalarType, ScalarType::String);
        QCOMPARE(r->get("c")->scalarType, ScalarType::Bool);
        QCOMPARE(r->get("d")->scalarType, ScalarType::Int);
        QCOMPARE(r->get("d")->asInt().value(), 10);
        QCOMPARE(r->get("e")->scalarType, ScalarType::Float);
        QVERIFY(r->get("f")->isNull());
        QVERIFY(r->get("g")->isNull());
        QCOMPARE(r->get("h")->asInt().value(), 31);
        QCOMPARE(r->get("i")->scalarType, ScalarType::Float);
        QCOMPARE(r->get("j")->scalarType, ScalarType::String);
        QCOMPARE(r->get("k")->scalarType, ScalarType::Float);
    }

    void yaml11Readings()
    {
        QVERIFY(isYaml11NonString("yes"));
        QVERIFY(isYaml11NonString("off"));
        QVERIFY(isYaml11NonString("N"));
        QVERIFY(isYaml11NonString("1_000"));
        QVERIFY(isYaml11NonString("1:20"));
        QVERIFY(isYaml11NonString("0b101"));
        QVERIFY(isYaml11NonString("1.10"));
        QVERIFY(!isYaml11NonString("weather-api"));
        QVERIFY(!isYaml11NonString("v1.2.3"));
        QVERIFY(!isYaml11NonString("noon"));
    }

    void reportsDuplicateKeysWithBothPositions()
    {
        const ParsedText p = parse("metadata:\n  name: a\n  name: b\n");
        QCOMPARE(p.documents[0].problems.size(), size_t(1));
        const Problem &pr = p.documents[0].problems[0];
        QCOMPARE(pr.mark.line, 3);
        QCOMPARE(pr.mark.column, 3);
        QVERIFY(pr.message.find("duplicate key \"name\" (first defined at line 2, column 3)")
                != std::string::npos);
    }

    void reportsTabIndentation()
    {
        const ParsedText p = parse("spec:\n\ttitle: x\n");
        QVERIFY(p.documents[0].failed);
        const Problem &pr = p.documents[0].problems[0];
        QCOMPARE(pr.mark.line, 2);
        QCOMPARE(pr.mark.column, 1);
        QVERIFY(pr.message.find("tab character") != std::string::npos);
    }

    void reportsSyntaxErrorsWithPosition()
    {
        const ParsedText p = parse("a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n");
        QCOMPARE(p.documents.size(), size_t(3));
        QVERIFY(!p.documents[0].failed);
        QVERIFY(p.documents[1].failed);
        QVERIFY(p.documents[1].problems[0].mark.line >= 3);
        QVERIFY(!p.documents[2].failed); // one broken document never hides the next
        QCOMPARE(p.documents[2].root->get("d")->value, std::string("4"));
    }

    void errorAtTheEndOfAnUnterminatedLastLineIsOnThatLine()
    {
        // libyaml reports the end of a text without a final line break one line past it; the
        // mark must name a line of the text (the console puts the cursor there).
        const ParsedText p = parse("a:\n  b: 1\n  cé");
        QCOMPARE(p.documents.size(), size_t(1));
        QVERIFY(p.documents[0].failed);
        const Problem &e = p.documents[0].problems.front();
        QCOMPARE(e.mark.line, 3);
        QCOMPARE(e.mark.column, 5); // after "  cé", in characters
        const ParsedText flow = parse("x: 0\n---\nb: [1, 2");
        QCOMPARE(flow.documents.size(), size_t(2));
        QCOMPARE(flow.documents[1].problems.front().mark.line, 3);
        QCOMPARE(flow.documents[1].problems.front().mark.column, 9);
    }

    void explicitCoreTagsMustFitTheValue()
    {
        // go-yaml refuses `!!int foo`; a node must never claim a type its text does not have.
        const ParsedText p = parse("a: !!int 0x1F\nb: !!float 1\nc: !!int foo\nd: !!bool maybe\n");
        const Document &d = p.documents.front();
        QVERIFY(d.root);
        QCOMPARE(d.root->get("a")->scalarType, ScalarType::Int);
        QCOMPARE(d.root->get("b")->scalarType, ScalarType::Float);
        QCOMPARE(d.root->get("c")->scalarType, ScalarType::String);
        QCOMPARE(d.root->get("d")->scalarType, ScalarType::String);
        int errors = 0;
        for (const Problem &e : d.problems)
            if (e.severity == Problem::Severity::Error)
                ++errors;
        QCOMPARE(errors, 2);
        QCOMPARE(d.problems.front().message, std::string("cannot decode !!str `foo` as a !!int"));
        QCOMPARE(d.problems.front().mark.line, 3);
    }

    void rejectsInvalidUtf8AndControlCharacters()
    {
        const ParsedText p = parse(std::string("a: ok\nb: \xC3\x28\n"));
        QVERIFY(p.documents[0].failed);
        QCOMPARE(p.documents[0].problems[0].mark.line, 2);
        QCOMPARE(p.documents[0].problems[0].mark.column, 4);
        QVERIFY(p.documents[0].problems[0].message.find("UTF-8") != std::string::npos);
        const ParsedText q = parse(std::string("a: b\x01\n"));
        QVERIFY(q.documents[0].failed);
        QVERIFY(firstProblem(q).find("control character 0x01") != std::string::npos);
        QCOMPARE(findInvalidUtf8("\xE0\x80\x80"), size_t(0)); // overlong
        QCOMPARE(findInvalidUtf8("\xED\xA0\x80"), size_t(0)); // surrogate
        QCOMPARE(findInvalidUtf8("ok \xF0\x9F\x98\x80"), std::string::npos);
    }

    void boundsAliasBombsInTimeAndMemory()
    {
        std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; ++c) {
            bomb += std::string(1, c) + ": &" + c + " [";
            for (int i = 0; i < 10; ++i)
                bomb += std::string(i ? ", *" : "*") + prev;
            bomb += "]\n";
            prev = c;
        }
        QElapsedTimer t;
        t.start();
        const ParsedText p = parse(bomb);
        QVERIFY(t.elapsed() < 2000);
        QVERIFY(p.documents[0].failed);
        QVERIFY(firstProblem(p).find("alias bomb") != std::string::npos);
    }

    void allowsModestAliasesAndMergeKeys()
    {
        const ParsedText p = parse("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n");
        QVERIFY(!p.documents[0].failed);
        const Node *use = p.documents[0].root->get("use");
        QCOMPARE(use->get("x")->value, std::string("1"));
        QCOMPARE(use->get("y")->value, std::string("3"));
        QVERIFY(!use->has("<<"));
    }

    void boundsNesting()
    {
        const std::string deep = "a: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
        const ParsedText p = parse(deep);
        QVERIFY(p.documents[0].failed);
        QVERIFY(!p.documents[0].problems.empty());
    }

    void survivesGarbage()
    {
        // Random bytes must never crash the reader.
        std::string junk;
        quint32 seed = 12345;
        for (int round = 0; round < 200; ++round) {
            junk.clear();
            for (int i = 0; i < 300; ++i) {
                seed = seed * 1103515245u + 12345u;
                static const char alphabet[] = "ab:- \n\t[]{}&*!|>'\"%@`#,?.0\\";
                junk.push_back(alphabet[(seed >> 16) % (sizeof alphabet - 1)]);
            }
            const ParsedText p = parse(junk);
            QVERIFY(!p.documents.empty());
        }
    }

    void treesAreFreedWhenTheLastNodeIsDropped()
    {
        std::weak_ptr<Node> root;
        std::weak_ptr<Node> inner;
        NodePtr kept;
        {
            ParsedText p = parse("a:\n  b: [1, 2]\n  c: {d: x}\n---\ne: 1\n");
            root = p.documents[0].root;
            inner = p.documents[0].root->getPtr("a");
            kept = p.documents[0].root->getPtr("a")->getPtr("c");
        }
        // A node held on its own outlives the tree it came from, and keeps nothing else alive.
        QVERIFY(root.expired());
        QVERIFY(inner.expired());
        QCOMPARE(kept->get("d")->value, std::string("x"));
        std::weak_ptr<Node> last = kept;
        kept.reset();
        QVERIFY(last.expired());
    }

    void reportsSyntaxErrorsInKubectlsWords()
    {
        // The reader is libyaml, whose Go port reads manifests for kubectl: same verdicts, same
        // words.
        const ParsedText p = parse("a: 1\n---\n,\n---\nkey: value: x\n---\nb: [1, 2\n");
        QCOMPARE(p.documents.size(), size_t(4));
        QVERIFY(!p.documents[0].failed);
        for (std::size_t i = 1; i < 4; ++i)
            QVERIFY(p.documents[i].failed);
        const Problem &lone = p.documents[1].problems.front();
        QCOMPARE(lone.mark.line, 3);
        QVERIFY(lone.message.find("did not find expected node content") != std::string::npos);
        const Problem &nested = p.documents[2].problems.front();
        QCOMPARE(nested.mark.line, 5);
        QCOMPARE(nested.mark.column, 11);
        QCOMPARE(nested.message,
                 std::string("YAML syntax error: mapping values are not allowed in this context"));
        const Problem &flow = p.documents[3].problems.front();
        QCOMPARE(flow.mark.line, 8);
        QVERIFY(flow.message.find("did not find expected ',' or ']' (while parsing a flow sequence "
                                  "at line 7, column 4)")
                != std::string::npos);
    }

    void emitsKubectlStyle()
    {
        const ParsedText p
            = parse("spec:\n  routes: [{match: a, services: [{name: s, port: 80}]}]\n"
                    "kind: IngressRoute\nmetadata: {namespace: apps, name: r}\napiVersion: "
                    "traefik.io/v1alpha1\n");
        const std::string out = emitDocument(*p.documents[0].root);
        QCOMPARE(
            QString::fromStdString(out),
            QStringLiteral(
                "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: r\n  "
                "namespace: apps\n"
                "spec:\n  routes:\n  - match: a\n    services:\n    - name: s\n      port: 80\n"));
    }

    void quotesWhatYaml11WouldMisread()
    {
        auto n = Node::makeMap();
        for (const char *s : {"yes", "01", "1.10", "on", "true", "null", "", "~", "- x", "a: b",
                              "#c", "weather", "1_000"})
            n->set(std::string("k") + s, Node::makeString(s));
        const std::string out = emitDocument(*n, EmitOptions {false});
        QVERIFY(out.find("kyes: \"yes\"\n") != std::string::npos);
        QVERIFY(out.find("k01: \"01\"\n") != std::string::npos);
        QVERIFY(out.find("k1.10: \"1.10\"\n") != std::string::npos);
        QVERIFY(out.find("kon: \"on\"\n") != std::string::npos);
        QVERIFY(out.find("ktrue: \"true\"\n") != std::string::npos);
        QVERIFY(out.find("k: \"\"\n") != std::string::npos);
        QVERIFY(out.find("kweather: weather\n") != std::string::npos);
        QVERIFY(out.find("k1_000: \"1_000\"\n") != std::string::npos);
        // And everything reads back as the same strings.
        const ParsedText back = parse(out);
        QVERIFY(Node::equal(back.documents[0].root.get(), n.get()));
    }

    void quotesALeadingByteOrderMark()
    {
        // Unquoted at the start of a document, U+FEFF would be read back as the stream's BOM.
        const std::string key = "\xEF\xBB\xBFnamespace";
        NodePtr root = Node::makeMap();
        root->set(key, Node::makeString("\xEF\xBB\xBFv"));
        const std::string text = emitDocument(*root);
        QVERIFY2(text.front() == '"', text.c_str());
        std::vector<Problem> problems;
        const NodePtr again = parseSingleDocument(text, problems);
        QVERIFY(again);
        QVERIFY(again->get(key));
        QCOMPARE(again->get(key)->text(), std::string("\xEF\xBB\xBFv"));
    }

    void emitsMultilineAsLiteralBlocks()
    {
        auto n = Node::makeMap();
        n->set("pem", Node::makeString("-----BEGIN X-----\nabc\n-----END X-----\n"));
        n->set("noTrail", Node::makeString("a\nb"));
        n->set("many", Node::makeString("a\n\n"));
        n->set("spaces", Node::makeString("a \nb"));
        const std::string out = emitDocument(*n, EmitOptions {false});
        QVERIFY(out.find("pem: |\n  -----BEGIN X-----\n  abc\n  -----END X-----\n")
                != std::string::npos);
        QVERIFY(out.find("noTrail: |-\n  a\n  b\n") != std::string::npos);
        const ParsedText back = parse(out);
        QVERIFY(Node::equal(back.documents[0].root.get(), n.get()));
    }

    void roundTripsThroughEmitterForManyShapes()
    {
        const char *docs[] = {
            "a: [1, 2, [3, 4], {b: c}]\n",
            "list:\n- - x\n  - y\n- z\nempty: {}\nnone: []\n",
            "s: \"tab\\there\"\nu: \"\\u00e9\"\nq: 'it''s'\n",
            "n: -5\nf: 1.5\nb: false\nz: null\n",
        };
        for (const char *d : docs) {
            const ParsedText p = parse(d);
            const std::string out = emitDocument(*p.documents[0].root, EmitOptions {false});
            const ParsedText back = parse(out);
            QVERIFY2(Node::equal(back.documents[0].root.get(), p.documents[0].root.get()),
                     out.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestYamlParser)
#include "tst_yamlparser.moc"
