// SPDX-License-Identifier: Apache-2.0
// The API page renderer on hostile and real OpenAPI documents: bounded walks, no crash, each
// component schema rendered once and linked, an index of tags, bounded page sizes.
#include "openapi/openapidocument.h"
#include "portal/openapi.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Airgate;
using namespace Airgate::Runtime::Portal;

namespace {

const QString kCorpus = QStringLiteral(AIRGATE_SHARED_DIR "/external/openapi-docs");

QString translate(const char *s)
{
    return QString::fromUtf8(s);
}

QString renderFile(const QString &path, const QString &root = {})
{
    OpenApi::LoadOptions o;
    o.root = root;
    auto doc = OpenApi::Document::load(path, o);
    if (!doc)
        return doc.error().message;
    std::vector<const OpenApi::Operation *> all;
    for (const OpenApi::Operation &op : (*doc)->operations())
        all.push_back(&op);
    RenderOptions options;
    options.apiKey = QStringLiteral("a");
    options.csrf = QString(QChar(kCsrfMarker));
    return renderOperations(**doc, all, options, translate);
}

} // namespace

class TestPortalRender : public QObject
{
    Q_OBJECT

private slots:
    // An array schema whose items refer to itself, reached through a property: the renderer
    // recursed until the stack overflowed (SIGSEGV on the first view of the page).
    void recursiveArrayThroughPropertyDoesNotCrash()
    {
        const QString html
            = renderFile(QStringLiteral(AIRGATE_TEST_DATA_DIR "/openapi/recursive-array.json"));
        QVERIFY(html.contains(QStringLiteral("/trees")));
        QVERIFY(html.contains(QStringLiteral("children")));
        QVERIFY(html.contains(QStringLiteral("<a href=\"#schema-forest\">Forest</a>")));
    }

    // A document nested thousands of levels deep (inline, no references) costs no stack.
    void deepInlineNestingIsBounded()
    {
        QTemporaryDir tmp;
        QByteArray schema = "{\"type\":\"string\"}";
        for (int i = 0; i < 200; ++i)
            schema = "{\"type\":\"object\",\"properties\":{\"p\":" + schema
                + "},\"allOf\":[{\"oneOf\":[{\"type\":\"array\",\"items\":" + schema.left(0)
                + "{\"type\":\"string\"}}]}]}";
        QFile f(tmp.filePath(QStringLiteral("deep.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"deep\",\"version\":\"1\"},\"paths\":"
                "{\"/d\":{\"post\":{\"requestBody\":{\"content\":{\"application/json\":{\"schema\":"
                + schema + "}}},\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}");
        f.close();
        const QString html = renderFile(f.fileName());
        QVERIFY2(html.contains(QStringLiteral("/d")), qPrintable(html.left(300)));
        QVERIFY(html.size() < 100000);
    }

    // Each component schema once, linked from every use; an index of tags with anchors; a
    // class attribute never takes a document's text unescaped.
    void componentsOnceIndexAndEscaping()
    {
        QTemporaryDir tmp;
        QFile f(tmp.filePath(QStringLiteral("d.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("openapi: 3.0.3\ninfo: {title: t, version: '1'}\ntags: [{name: a b}, {name: c}]\n"
                "paths:\n"
                "  /one:\n    get:\n      tags: [a b]\n      responses:\n"
                "        '\"><script>x</script>': {description: bad code}\n"
                "        '\u0662\u0660\u0660': {description: other digits}\n"
                "        '200':\n          description: ok\n          content:\n"
                "            application/json: {schema: {$ref: '#/components/schemas/Err'}}\n"
                "  /two:\n    get:\n      tags: [c]\n      responses:\n"
                "        '500':\n          description: err\n          content:\n"
                "            application/json: {schema: {$ref: '#/components/schemas/Err'}}\n"
                "components:\n  schemas:\n    Err:\n      type: object\n"
                "      description: \"the error \\x01 with a marker\"\n"
                "      properties: {message: {type: string}, inner: {$ref: "
                "'#/components/schemas/Inner'}}\n"
                "    Inner: {type: object, properties: {code: {type: integer}}}\n");
        f.close();
        const QString html = renderFile(f.fileName());
        QCOMPARE(html.count(QStringLiteral("id=\"schema-err\"")), 1);
        QCOMPARE(html.count(QStringLiteral("<a href=\"#schema-err\">Err</a>")), 2);
        QCOMPARE(html.count(QStringLiteral("id=\"schema-inner\"")), 1);
        QVERIFY(html.contains(QStringLiteral("<li><a href=\"#tag-a-b\">a b</a>")));
        QVERIFY(html.contains(QStringLiteral("<section class=\"tag\" id=\"tag-a-b\">")));
        QVERIFY(html.contains(QStringLiteral("<a href=\"#schemas\">Schemas</a>")));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        // The status family class takes a digit or nothing.
        QVERIFY(html.contains(QStringLiteral("<span class=\"code\">&quot;&gt;&lt;script&gt;")));
        QVERIFY(html.contains(QStringLiteral("<span class=\"code c2\">200</span>")));
        // ASCII digits only: "٢00" (Arabic-Indic two) is no status family.
        QVERIFY(html.contains(QStringLiteral("<span class=\"code\">\u0662\u0660\u0660</span>")));
        // A document cannot plant the page cache's token marker.
        QCOMPARE(html.count(QChar(kCsrfMarker)), 2); // the two try-it forms
    }

    // The ten real documents render within bounds; Stripe's page was 21 MB (one error schema
    // repeated 417 times) and must be at most 3 MB.
    void realDocuments_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("maxBytes");
        QTest::newRow("docker") << "docker-engine-2.0.yaml" << 3'000'000;
        QTest::newRow("github") << "github-api-3.0.json" << 6'000'000;
        QTest::newRow("petstore") << "oai-petstore-3.0.yaml" << 100'000;
        QTest::newRow("petstore-expanded") << "oai-petstore-expanded-3.0.json" << 100'000;
        QTest::newRow("petstore-separate")
            << "oai-petstore-separate-2.0/spec/swagger.yaml" << 100'000;
        QTest::newRow("webhook") << "oai-webhook-example-3.1.yaml" << 100'000;
        QTest::newRow("openai") << "openai-3.1.yaml" << 3'000'000;
        QTest::newRow("cafe") << "redocly-cafe-3.1/openapi.yaml" << 200'000;
        QTest::newRow("museum") << "redocly-museum-3.1.yaml" << 200'000;
        QTest::newRow("stripe") << "stripe-spec3-3.0.json" << 3'000'000;
    }

    void realDocuments()
    {
        if (!QFileInfo::exists(kCorpus))
            QSKIP("../shared/external/openapi-docs is absent");
        QFETCH(QString, file);
        QFETCH(int, maxBytes);
        const QString html = renderFile(kCorpus + u'/' + file, kCorpus);
        const qsizetype bytes = html.toUtf8().size();
        qInfo("%s: %lld bytes", qPrintable(file), static_cast<long long>(bytes));
        QVERIFY2(bytes <= maxBytes, qPrintable(QString::number(bytes)));
        if (!file.contains(QLatin1StringView("webhook")))
            QVERIFY(html.contains(QStringLiteral("<nav class=\"toc\"")));
        // Every schema anchor is defined once and every link has its target.
        static const QRegularExpression ids(QStringLiteral("id=\"(schema-[^\"]+)\""));
        QSet<QString> defined;
        for (auto it = ids.globalMatch(html); it.hasNext();) {
            const QString id = it.next().captured(1);
            QVERIFY2(!defined.contains(id), qPrintable(id));
            defined.insert(id);
        }
        static const QRegularExpression links(QStringLiteral("href=\"#(schema-[^\"]+)\""));
        for (auto it = links.globalMatch(html); it.hasNext();) {
            const QString id = it.next().captured(1);
            QVERIFY2(defined.contains(id), qPrintable(id));
        }
    }
};

QTEST_GUILESS_MAIN(TestPortalRender)
#include "tst_portalrender.moc"
