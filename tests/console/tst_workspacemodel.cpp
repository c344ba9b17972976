// SPDX-License-Identifier: Apache-2.0
// The console's model: undo/redo of every kind of edit, save round trip, journal recovery after a
// kill, external changes.
#include "consoletest.h"
#include "models/resourcetreemodel.h"
#include "models/workspacemodel.h"
#include "yaml/yamlnode.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Airgate;
using namespace Airgate::Console;

namespace {
const QString kPlan = QStringLiteral("APIPlan|apps|standard-plan");
const QString kApi = QStringLiteral("API|apps|weather-api");
const QString kSub = QStringLiteral("ManagedSubscription|apps|partner-subscription");
} // namespace

class TestWorkspaceModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ConsoleTest::isolate(); }

    void setValueUndoRedo()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 100);
        QVERIFY(!m.isDirty());
        m.setValue(kPlan, QStringLiteral("spec.rateLimit.limit"), qint64(250));
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 250);
        QVERIFY(m.isDirty());
        QVERIFY(m.isDirty(kPlan));
        QVERIFY(!m.isDirty(kApi));
        m.undoStack()->undo();
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 100);
        QVERIFY(!m.isDirty());
        m.undoStack()->redo();
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 250);
    }

    void typingMergesIntoOneStep()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        const QString p = QStringLiteral("spec.title");
        for (const QString &t : {QStringLiteral("S"), QStringLiteral("Si"), QStringLiteral("Sil")})
            m.setValue(kPlan, p, t);
        QCOMPARE(m.undoStack()->count(), 1);
        m.setValue(kApi, p, QStringLiteral("Other"));
        QCOMPARE(m.undoStack()->count(), 2);
        m.undoStack()->undo();
        m.undoStack()->undo();
        QCOMPARE(m.value(kPlan, p).toString(), QStringLiteral("Standard Plan"));
    }

    void listAndMapEditsUndo()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        const QString sets = QStringLiteral("spec.openApiSpec.operationSets");
        QCOMPARE(m.count(kApi, sets), 2);
        m.moveItem(kApi, sets, 0, 1);
        QCOMPARE(m.value(kApi, sets + QStringLiteral("[0].name")).toString(),
                 QStringLiteral("forecasts"));
        m.removeItem(kApi, sets, 0);
        QCOMPARE(m.count(kApi, sets), 1);
        auto item = Yaml::Node::makeMap();
        item->set("name", Yaml::Node::makeString("admin"));
        m.appendItem(kApi, sets, item);
        QCOMPARE(m.count(kApi, sets), 2);
        QCOMPARE(m.value(kApi, sets + QStringLiteral("[1].name")).toString(),
                 QStringLiteral("admin"));
        m.setMapEntry(kApi, QStringLiteral("metadata.labels"), QStringLiteral("team"),
                      QStringLiteral("core"));
        m.renameMapEntry(kApi, QStringLiteral("metadata.labels"), QStringLiteral("team"),
                         QStringLiteral("owner"));
        QCOMPARE(m.mapKeys(kApi, QStringLiteral("metadata.labels")),
                 (QStringList {QStringLiteral("area"), QStringLiteral("owner")}));
        while (m.undoStack()->canUndo())
            m.undoStack()->undo();
        QVERIFY(!m.isDirty());
        QCOMPARE(m.value(kApi, sets + QStringLiteral("[0].name")).toString(),
                 QStringLiteral("read-weather"));
    }

    void saveKeepsUntouchedDocumentsByteIdentical()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        const QByteArray apiBefore
            = ConsoleTest::readFile(dir + QStringLiteral("/apis/weather-api.yaml"));
        const QByteArray planBefore
            = ConsoleTest::readFile(dir + QStringLiteral("/plans/standard-plan.yaml"));
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        m.setValue(kPlan, QStringLiteral("spec.quota.limit"), qint64(5000));
        QVERIFY(m.save());
        QVERIFY(!m.isDirty());
        QCOMPARE(ConsoleTest::readFile(dir + QStringLiteral("/apis/weather-api.yaml")), apiBefore);
        const QByteArray planAfter
            = ConsoleTest::readFile(dir + QStringLiteral("/plans/standard-plan.yaml"));
        QVERIFY(planAfter.contains("limit: 5000"));
        // The catalog item in the same file was not touched: its text is still there verbatim.
        const qsizetype sep = planBefore.indexOf("---");
        QVERIFY(planAfter.endsWith(planBefore.mid(sep)));
        // Reopening reads the saved value.
        WorkspaceModel again;
        QVERIFY(again.open(dir));
        QCOMPARE(again.value(kPlan, QStringLiteral("spec.quota.limit")).toLongLong(), 5000);
    }

    void renameUpdatesReferences()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        QVERIFY(m.dependents(kPlan).contains(kSub));
        const QString renamed = m.renameResource(kPlan, QStringLiteral("gold-plan"));
        QCOMPARE(renamed, QStringLiteral("APIPlan|apps|gold-plan"));
        QCOMPARE(m.value(kSub, QStringLiteral("spec.apiPlan.name")).toString(),
                 QStringLiteral("gold-plan"));
        int errors = 0;
        for (const Diagnostic &d : m.diagnostics())
            errors += d.isError();
        QCOMPARE(errors, 0); // no dangling reference left behind
        QCOMPARE(m.undoStack()->count(), 1);
        m.undoStack()->undo();
        QVERIFY(m.resource(kPlan));
    }

    void yamlEditsAreValidatedAndErrorsReported()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        QString text = m.yaml(kPlan);
        text.replace(QStringLiteral("period: 1s"), QStringLiteral("period: 2h"));
        QVERIFY(m.setYaml(kPlan, text).isEmpty());
        const Diagnostics ds = m.diagnosticsFor(kPlan);
        QCOMPARE(ds.size(), 1);
        QCOMPARE(ds.first().field, QStringLiteral("spec.rateLimit.period"));
        QVERIFY(ds.first().message.contains(QStringLiteral("must be between 1s and 1h")));
        // Broken YAML is refused with its line; nothing changes.
        const QString error = m.setYaml(kPlan, QStringLiteral("spec:\n  a: [\n"));
        QVERIFY(!error.isEmpty());
        QVERIFY(error.contains(QStringLiteral("line")));
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.period")).toString(),
                 QStringLiteral("2h"));
    }

    void celJargonNeverReachesTheUserWhileTyping()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        auto messages = [&](const QString &key) {
            QStringList out;
            for (const Diagnostic &d : m.diagnosticsFor(key))
                out << d.message;
            return out.join(u'\n');
        };
        auto noJargon = [](const QString &text) {
            for (const char *word :
                 {"no such overload", "no such key", "evaluating rule", "google.protobuf"})
                if (text.contains(QLatin1StringView(word)))
                    return false;
            return true;
        };
        // A period being typed ("1" before its unit) or mistyped ("soon"): the API server's
        // format message, nothing about CEL overloads (crdcheck agrees, see below).
        for (const QString &period : {QStringLiteral("1"), QStringLiteral("soon")}) {
            m.setValue(kPlan, QStringLiteral("spec.rateLimit.period"), period);
            const QString text = messages(kPlan);
            QVERIFY2(noJargon(text), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("spec.rateLimit.period in body must be of type "
                                                  "duration: \"%1\"")
                                       .arg(period)),
                     qPrintable(text));
        }
        // Out of the CRD's range: its own message.
        m.setValue(kPlan, QStringLiteral("spec.rateLimit.period"), QStringLiteral("3h"));
        QVERIFY(messages(kPlan).contains(QStringLiteral("must be between 1s and 1h")));
        // A list item just added, its name not typed yet: the missing name, in plain words;
        // not "no such key: name evaluating rule: duplicated apis".
        m.appendItem(kSub, QStringLiteral("spec.apis"), Yaml::Node::makeMap());
        const QString sub = messages(kSub);
        QVERIFY2(noJargon(sub), qPrintable(sub));
        QVERIFY2(sub.contains(QStringLiteral("spec.apis[1].name: Required value")),
                 qPrintable(sub));

        // The independent checker on the same inputs: the format message for "soon", the
        // range message for "3h", and the missing name for the empty item.
        const QString crdcheck = qEnvironmentVariable("AIRGATE_CRDCHECK_DIR");
        if (crdcheck.isEmpty() || !QFileInfo::exists(crdcheck + QStringLiteral("/node_modules")))
            return;
        m.setValue(kPlan, QStringLiteral("spec.rateLimit.period"), QStringLiteral("soon"));
        QVERIFY(m.save());
        QProcess p;
        p.start(QStringLiteral("node"),
                {crdcheck + QStringLiteral("/crdcheck.mjs"), QStringLiteral("--crds"),
                 QStringLiteral(AIRGATE_SHARED_DIR "/crds"), dir + QStringLiteral("/plans"),
                 dir + QStringLiteral("/consumers")});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral(".spec.rateLimit.period: in body must be of type "
                                             "duration: \"soon\"")),
                 qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("must be between")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("/spec/apis/1 must have required property 'name'")),
                 qPrintable(out));
    }

    void journalRestoresEditsAfterAKill()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        {
            WorkspaceModel m;
            QVERIFY(m.open(dir));
            m.setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Unsaved title"));
            m.removeResource(kSub);
            // No save: the model goes away as in a crash (the journal is on disk already).
        }
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.title")).toString(),
                 QStringLiteral("Standard Plan"));
        QVERIFY(m.hasJournal());
        const QStringList restored = m.restoreJournal();
        QCOMPARE(restored.size(), 2);
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.title")).toString(),
                 QStringLiteral("Unsaved title"));
        QVERIFY(!m.resource(kSub));
        QVERIFY(m.isDirty());
        // Restoring is itself undoable, and saving clears the journal.
        QVERIFY(m.save());
        WorkspaceModel third;
        QVERIFY(third.open(dir));
        QVERIFY(!third.hasJournal());
        QCOMPARE(third.value(kPlan, QStringLiteral("spec.title")).toString(),
                 QStringLiteral("Unsaved title"));
    }

    void externalChangeWithoutLocalEditsReloads()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        QSignalSpy spy(&m, &WorkspaceModel::externalChange);
        QByteArray text = ConsoleTest::readFile(dir + QStringLiteral("/plans/standard-plan.yaml"));
        text.replace("limit: 100\n", "limit: 42\n");
        ConsoleTest::writeFile(dir + QStringLiteral("/plans/standard-plan.yaml"), text);
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.first().at(1).toBool(), false);
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 42);
    }

    // A file deleted on disk took nothing with it: its resources stayed in the tree until the
    // workspace was reopened.
    void fileDeletedOnDiskRemovesItsResources()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        QVERIFY(m.resource(kPlan));
        QSignalSpy spy(&m, &WorkspaceModel::externalChange);
        QVERIFY(QFile::remove(dir + QStringLiteral("/plans/standard-plan.yaml")));
        QVERIFY(spy.wait(5000));
        QTRY_VERIFY(!m.resource(kPlan));
        QVERIFY(m.resource(kApi));
    }

    // Deleting any file removes what came from it: a YAML file that is no manifest left a
    // "(no namespace)/(unnamed)" resource with its errors until the workspace was reopened, and a
    // deleted OpenAPI document stays out of the Documents list.
    void deletedBrokenFileAndDocumentLeaveNothingBehind()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        ConsoleTest::writeFile(dir + QStringLiteral("/plans/stray.yaml"), "title: no kind here\n");
        ConsoleTest::writeFile(dir + QStringLiteral("/specs/pets.yaml"),
                               "openapi: 3.0.3\ninfo: {title: Pets, version: '1'}\npaths: {}\n");
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        ResourceTreeModel tree(&m);
        auto fromFile = [&m](const char *file) {
            int n = 0;
            for (const Resource &r : m.workspace().resources())
                n += r.source.file == QLatin1StringView(file);
            for (const Diagnostic &d : m.diagnostics())
                n += d.file == QLatin1StringView(file);
            return n;
        };
        auto listedDocuments = [&tree] {
            QStringList listed;
            for (int i = 0; i < tree.rowCount(); ++i) {
                const QModelIndex top = tree.index(i, 0);
                if (top.data().toString() == QLatin1StringView("Documents"))
                    for (int j = 0; j < tree.rowCount(top); ++j)
                        listed << tree.index(j, 0, top).data().toString();
            }
            return listed;
        };
        auto hasUnnamed = [&tree] {
            for (int i = 0; i < tree.rowCount(); ++i)
                if (tree.index(i, 0).data().toString() == QLatin1StringView("(no namespace)"))
                    return true;
            return false;
        };
        QVERIFY(fromFile("plans/stray.yaml") > 0); // a broken manifest, as before
        QVERIFY(hasUnnamed());
        QCOMPARE(listedDocuments(), QStringList {QStringLiteral("specs/pets.yaml")});
        const int resources = int(m.workspace().resources().size());
        QSignalSpy spy(&m, &WorkspaceModel::externalChange);
        QVERIFY(QFile::remove(dir + QStringLiteral("/plans/stray.yaml")));
        QVERIFY(spy.wait(5000));
        QTRY_COMPARE(fromFile("plans/stray.yaml"), 0);
        QVERIFY(!hasUnnamed());
        QCOMPARE(int(m.workspace().resources().size()), resources - 1);
        QVERIFY(m.resource(kPlan));
        spy.clear();
        QVERIFY(QFile::remove(dir + QStringLiteral("/specs/pets.yaml")));
        QVERIFY(spy.wait(5000));
        QTRY_VERIFY(listedDocuments().isEmpty());
        QCOMPARE(fromFile("specs/pets.yaml"), 0);
        QCOMPARE(int(m.workspace().resources().size()), resources - 1);
    }

    // An OpenAPI document in the workspace (the README's own layout) is no manifest: no
    // "(unnamed)" resource with errors, and it is listed under Documents.
    void openApiDocumentsAreDocumentsNotResources()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        ConsoleTest::writeFile(dir + QStringLiteral("/specs/pets.yaml"),
                               "openapi: 3.0.3\ninfo: {title: Pets, version: '1'}\npaths:\n"
                               "  /pets:\n    get:\n      responses:\n        '200': "
                               "{$ref: 'parts/ok.yaml'}\n");
        QDir(dir).mkpath(QStringLiteral("specs/parts"));
        ConsoleTest::writeFile(dir + QStringLiteral("/specs/parts/ok.yaml"), "description: fine\n");
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        for (const Resource &r : m.workspace().resources())
            QVERIFY2(!r.source.file.startsWith(QLatin1StringView("specs/")),
                     qPrintable(r.source.file));
        ResourceTreeModel tree(&m);
        QModelIndex documents;
        for (int i = 0; i < tree.rowCount(); ++i)
            if (tree.index(i, 0).data().toString() == QLatin1StringView("Documents"))
                documents = tree.index(i, 0);
        QVERIFY(documents.isValid());
        QStringList listed;
        for (int i = 0; i < tree.rowCount(documents); ++i)
            listed << tree.index(i, 0, documents).data().toString();
        QCOMPARE(listed,
                 (QStringList {QStringLiteral("specs/parts/ok.yaml"),
                               QStringLiteral("specs/pets.yaml")}));
        for (int i = 0; i < tree.rowCount(); ++i)
            QVERIFY(tree.index(i, 0).data().toString() != QLatin1StringView("(no namespace)"));
    }

    void externalChangeWithLocalEditsAsks()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        m.setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Mine"));
        QSignalSpy spy(&m, &WorkspaceModel::externalChange);
        QByteArray text = ConsoleTest::readFile(dir + QStringLiteral("/plans/standard-plan.yaml"));
        text.replace("limit: 100\n", "limit: 42\n");
        ConsoleTest::writeFile(dir + QStringLiteral("/plans/standard-plan.yaml"), text);
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.first().at(1).toBool(), true);
        QCOMPARE(spy.first().at(0).toStringList(),
                 QStringList {QStringLiteral("plans/standard-plan.yaml")});
        // Nothing is taken away until the user answers.
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.title")).toString(), QStringLiteral("Mine"));
        m.keepMine(spy.first().at(0).toStringList());
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.title")).toString(), QStringLiteral("Mine"));
        QVERIFY(m.isDirty());
        m.reloadFromDisk(spy.first().at(0).toStringList());
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 42);
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.title")).toString(),
                 QStringLiteral("Standard Plan"));
    }

    void revertRestoresDiskText()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        m.setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Changed"));
        m.revertFile(QStringLiteral("plans/standard-plan.yaml"));
        QVERIFY(!m.isDirty());
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.title")).toString(),
                 QStringLiteral("Standard Plan"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceModel)
#include "tst_workspacemodel.moc"
