// SPDX-License-Identifier: Apache-2.0
#include "model/workspace.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Airgate;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kMessy = "# Weather API, owned by team blue\n"
                          "apiVersion: hub.traefik.io/v1alpha1   # trailing comment\n"
                          "kind: API\n"
                          "metadata: {name: weather-api, namespace: apps}\n"
                          "spec:\n"
                          "    title: 'Weather'     # odd indent, quoted\n"
                          "    versions: [ {name: v1} ]\n"
                          "---\n"
                          "# second document\n"
                          "apiVersion: v1\n"
                          "kind: Secret\n"
                          "metadata:\n"
                          "  name: s\n"
                          "  namespace: apps\n"
                          "stringData: {a: yes}\n"
                          "...\n"
                          "---\r\n"
                          "apiVersion: v1\r\n"
                          "kind: ConfigMap\r\n"
                          "metadata: {name: c, namespace: apps}\r\n"
                          "data: {x: \"01\"}"; // no final newline

} // namespace

class TestWorkspace final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void loadsRecursivelyAndSkipsWhatIsNotAManifest()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("a.yaml")),
                  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: n}\n");
        writeFile(dir.filePath(QStringLiteral("sub/deeper/b.yml")),
                  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: n}\n");
        writeFile(dir.filePath(QStringLiteral("airgate.yaml")),
                  "entryPoints: {web: 127.0.0.1:1}\n");
        writeFile(dir.filePath(QStringLiteral(".git/x.yaml")), "kind: Nope\n");
        writeFile(dir.filePath(QStringLiteral("sub/kustomization.yaml")), "resources: [b.yml]\n");
        writeFile(dir.filePath(QStringLiteral("notes.txt")), "not yaml\n");
        auto ws = Workspace::load(dir.path());
        QVERIFY(ws.ok());
        QCOMPARE(ws->resources().size(), size_t(2));
        QCOMPARE(ws->files().size(), size_t(2));
        QCOMPARE(ws->files()[1].relPath, QStringLiteral("sub/deeper/b.yml"));
        QCOMPARE(ws->skippedFiles().size(), 2);
        QVERIFY(ws->loadDiagnostics().isEmpty());
        QVERIFY(ws->find(Kind::ConfigMap, QStringLiteral("n"), QStringLiteral("b")));
    }

    void missingFolderIsAnError()
    {
        auto ws = Workspace::load(QStringLiteral("/nonexistent/airgate"));
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, Error::Code::NotFound);
    }

    void expandsListsAndKeepsMarks()
    {
        const Workspace ws = AirgateTest::workspace(R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: one, namespace: n}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: two, namespace: n}
)");
        QCOMPARE(ws.resources().size(), size_t(2));
        const Resource *two = ws.find(Kind::ConfigMap, QStringLiteral("n"), QStringLiteral("two"));
        QVERIFY(two);
        QCOMPARE(two->source.item, 1);
        QCOMPARE(two->source.mark.line, 7);
        QCOMPARE(two->markAt(u"metadata.name").line, 9);
    }

    void untouchedFilesRoundTripByteIdentical()
    {
        const Workspace ws
            = Workspace::fromFiles(QStringLiteral("/ws"), {{QStringLiteral("m.yaml"), kMessy}});
        QCOMPARE(ws.resources().size(), size_t(3));
        QVERIFY(!ws.isModified());
        QCOMPARE(ws.serialize(0), kMessy);
        const QByteArray bom = "\xEF\xBB\xBF" + kMessy;
        const Workspace ws2
            = Workspace::fromFiles(QStringLiteral("/ws"), {{QStringLiteral("m.yaml"), bom}});
        QCOMPARE(ws2.serialize(0), bom);
    }

    void editedDocumentIsRewrittenOthersKeepTheirBytes()
    {
        Workspace ws
            = Workspace::fromFiles(QStringLiteral("/ws"), {{QStringLiteral("m.yaml"), kMessy}});
        const Resource *secret = ws.find(Kind::Secret, QStringLiteral("apps"), QStringLiteral("s"));
        Yaml::NodePtr node = secret->node->clone();
        node->getPtr("stringData")->set("b", Yaml::Node::makeString("no"));
        ws.replaceResource(*secret, node);
        QVERIFY(ws.isModified());
        const QByteArray out = ws.serialize(0);
        // Document 1 and 3 untouched, byte for byte.
        QVERIFY(out.startsWith(kMessy.left(kMessy.indexOf("---\n# second"))));
        QVERIFY(out.endsWith("---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: c, "
                             "namespace: apps}\r\ndata: {x: \"01\"}"));
        // Document 2: its leading comment and untouched entries kept, the edited flow map
        // written anew in kubectl style, YAML 1.1 words quoted.
        QVERIFY2(out.contains("---\n# second document\napiVersion: v1\nkind: Secret\nmetadata:\n  "
                              "name: s\n  namespace: apps\n"
                              "stringData:\n  a: \"yes\"\n  b: \"no\"\n"),
                 out.constData());
        // And it reads back to the same tree.
        const Workspace back
            = Workspace::fromFiles(QStringLiteral("/ws"), {{QStringLiteral("m.yaml"), out}});
        QVERIFY(Yaml::Node::equal(
            back.find(Kind::Secret, QStringLiteral("apps"), QStringLiteral("s"))->node.get(),
            node.get()));
        QCOMPARE(back.resources().size(), size_t(3));
    }

    void anEditChangesOnlyItsEntryInsideTheDocument()
    {
        Workspace ws
            = Workspace::fromFiles(QStringLiteral("/ws"), {{QStringLiteral("m.yaml"), kMessy}});
        const Resource *api
            = ws.find(Kind::API, QStringLiteral("apps"), QStringLiteral("weather-api"));
        QVERIFY(api);
        Yaml::NodePtr node = api->node->clone();
        node->getPtr("spec")->set("title", Yaml::Node::makeString("Weather 2"));
        ws.replaceResource(*api, node);
        // Comments, odd indentation, flow collections and quoting of the rest stay as written.
        QByteArray want = kMessy;
        want.replace("title: 'Weather'     #", "title: 'Weather 2'     #");
        QCOMPARE(ws.serialize(0), want);
    }

    void savesAtomicallyAndOnlyWhatChanged()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("a.yaml")), kMessy);
        writeFile(dir.filePath(QStringLiteral("b.yaml")),
                  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: n}\n");
        const QDateTime before = QFileInfo(dir.filePath(QStringLiteral("b.yaml"))).lastModified();
        auto loaded = Workspace::load(dir.path());
        Workspace ws = std::move(loaded).value();
        auto cm = Yaml::Node::makeMap();
        cm->set("apiVersion", Yaml::Node::makeString("v1"));
        cm->set("kind", Yaml::Node::makeString("ConfigMap"));
        auto meta = Yaml::Node::makeMap();
        meta->set("name", Yaml::Node::makeString("new"));
        meta->set("namespace", Yaml::Node::makeString("n"));
        cm->set("metadata", meta);
        ws.addDocument(QStringLiteral("a.yaml"), cm);
        ws.addDocument(QStringLiteral("dir/new.yaml"), cm->clone());
        QVERIFY(ws.save().ok());
        QVERIFY(!ws.isModified());
        const QByteArray a = readFile(dir.filePath(QStringLiteral("a.yaml")));
        QVERIFY(a.startsWith(kMessy));
        QVERIFY2(a.endsWith("\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: new\n  "
                            "namespace: \"n\"\n"),
                 a.right(120).constData());
        QCOMPARE(
            readFile(dir.filePath(QStringLiteral("dir/new.yaml"))),
            QByteArray(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: new\n  namespace: \"n\"\n"));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("b.yaml"))).lastModified(), before);
        // No temporary files are left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
        auto again = Workspace::load(dir.path());
        QCOMPARE(again->resources().size(), size_t(6));
    }

    void removedDocumentDisappears()
    {
        Workspace ws
            = Workspace::fromFiles(QStringLiteral("/ws"), {{QStringLiteral("m.yaml"), kMessy}});
        ws.removeDocument(0, 1);
        QCOMPARE(ws.resources().size(), size_t(2));
        QVERIFY(!ws.serialize(0).contains("kind: Secret"));
    }

    void badDocumentsBecomeDiagnosticsNotFailures()
    {
        const Workspace ws = AirgateTest::workspace(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: n}\n---\n"
            "- just\n- a list\n---\nkey: [unclosed\n---\napiVersion: v1\nkind: ConfigMap\n"
            "metadata: {name: b, namespace: n}\n");
        QCOMPARE(ws.resources().size(), size_t(2));
        QCOMPARE(ws.loadDiagnostics().size(), 2);
        QVERIFY(ws.loadDiagnostics()[0].message.contains(QStringLiteral("must be a mapping")));
        QCOMPARE(ws.loadDiagnostics()[0].line, 5);
        QVERIFY(ws.loadDiagnostics()[1].message.startsWith(QStringLiteral("YAML syntax error")));
        QVERIFY(ws.loadDiagnostics()[1].line >= 8);
    }

    // API descriptions (and the files they refer to) are documents, not manifests: no
    // resources, no manifest diagnostics; editing one into a manifest makes it a manifest again.
    void apiDescriptionsAreDocuments()
    {
        Workspace ws = Workspace::fromFiles(
            QStringLiteral("/ws"),
            {{QStringLiteral("apps/plan.yaml"),
              "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: p, "
              "namespace: apps}\nspec: {title: P}\n"},
             {QStringLiteral("specs/api.yaml"),
              "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: "
              "'paths/a.yaml'\n"},
             {QStringLiteral("specs/paths/a.yaml"),
              "get:\n  responses:\n    '200': {$ref: '../common/ok.yaml#/ok'}\n"},
             {QStringLiteral("specs/common/ok.yaml"), "ok: {description: fine}\n"},
             {QStringLiteral("specs/events.yaml"), "asyncapi: 3.0.0\nchannels: {}\n"},
             {QStringLiteral("specs/broken.yaml"), "openapi: 3.0.0\npaths: [unclosed\n"}});
        QCOMPARE(ws.resources().size(), size_t(1));
        QVERIFY2(ws.loadDiagnostics().isEmpty(), qPrintable(ws.loadDiagnostics().value(0).message));
        QStringList documents;
        for (int i : ws.documentFiles())
            documents << ws.files()[size_t(i)].relPath + u'=' + ws.files()[size_t(i)].documentOf;
        QCOMPARE(documents,
                 (QStringList {QStringLiteral("specs/api.yaml=openapi 3.1.0 document"),
                               QStringLiteral("specs/paths/a.yaml=referenced by specs/api.yaml"),
                               QStringLiteral("specs/common/ok.yaml=referenced by "
                                              "specs/paths/a.yaml"),
                               QStringLiteral("specs/events.yaml=asyncapi 3.0.0 document"),
                               QStringLiteral("specs/broken.yaml=openapi 3.0.0 document")}));
        QCOMPARE(ws.documentCount(), 1);
        ws.setFileText(ws.fileIndex(QStringLiteral("specs/events.yaml")),
                       "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: n}\n");
        QCOMPARE(ws.resources().size(), size_t(2));
        QCOMPARE(ws.documentFiles().size(), size_t(4));
    }

    void setFileTextReparses()
    {
        Workspace ws
            = Workspace::fromFiles(QStringLiteral("/ws"), {{QStringLiteral("m.yaml"), kMessy}});
        ws.setFileText(0,
                       "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: only, namespace: n}\n");
        QCOMPARE(ws.resources().size(), size_t(1));
        QVERIFY(ws.isModified());
        QCOMPARE(
            ws.serialize(0),
            QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: only, namespace: n}\n"));
    }

    void refusesOversizedFiles()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("big.yaml")), QByteArray(2048, '#'));
        Workspace::LoadOptions o;
        o.maxFileBytes = 1024;
        auto ws = Workspace::load(dir.path(), o);
        QVERIFY(ws.ok());
        QCOMPARE(ws->loadDiagnostics().size(), 1);
        QVERIFY(
            ws->loadDiagnostics()[0].message.contains(QStringLiteral("over the 1024-byte limit")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
