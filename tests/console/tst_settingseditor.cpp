// SPDX-License-Identifier: Apache-2.0
// airgate.yaml in the console: in the tree, a form and a YAML view, validated as typed with
// airgate.yaml:line:col problems in the problems panel, saved, undone and reloaded like a file.
#include "consoletest.h"
#include "editors/formeditor.h"
#include "editors/settingsform.h"
#include "editors/yamleditor.h"
#include "mainwindow.h"
#include "models/problemsmodel.h"
#include "models/resourcetreemodel.h"
#include "models/workspacemodel.h"
#include "services/secretstore.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using namespace Airgate;
using namespace Airgate::Console;

namespace {
const QString kSettings = WorkspaceModel::kSettingsKey;

/** Problems of airgate.yaml as the problems panel lists them: "location|message". */
QStringList settingsProblems(ProblemsModel *p)
{
    QStringList out;
    for (int r = 0; r < p->rowCount(); ++r)
        if (p->keyFor(r) == kSettings)
            out << p->index(r, ProblemsModel::LocationColumn).data().toString() + u'|'
                    + p->index(r, ProblemsModel::MessageColumn).data().toString();
    return out;
}
} // namespace

class TestSettingsEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ConsoleTest::isolate(); }

    void settingsAreInTheTreeWithAFormAndAYamlView()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        // In the tree, and selecting it there shows it.
        const QModelIndex item
            = w.tree()
                  ->model()
                  ->match(w.tree()->model()->index(0, 0), ResourceTreeModel::KeyRole, kSettings, 1,
                          Qt::MatchRecursive | Qt::MatchExactly)
                  .value(0);
        QVERIFY(item.isValid());
        QVERIFY(item.data().toString().contains(QStringLiteral("airgate.yaml")));
        w.tree()->setCurrentIndex(item);
        QCOMPARE(w.currentResource(), kSettings);
        SettingsForm *form = w.formEditor()->settingsForm();
        QVERIFY(form);
        QCOMPARE(form->valueEdit(QStringLiteral("entryPoints"), QStringLiteral("web"))->text(),
                 QStringLiteral("127.0.0.1:8800"));
        QCOMPARE(
            form->valueEdit(QStringLiteral("services"), QStringLiteral("apps/weather-app:8080"))
                ->text(),
            QStringLiteral("{mock: specs/weather.json}"));
        QCOMPARE(form->valueEdit(QStringLiteral("portalPreview"), QStringLiteral("apps/api-portal"))
                     ->text(),
                 QStringLiteral("127.0.0.1:8890"));
        // The YAML view holds the file as it is, comments and all, numbered from line 1.
        QCOMPARE(w.yamlEditor()->editor()->toPlainText().toUtf8(),
                 ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml")));
        QCOMPARE(w.yamlEditor()->codeEdit()->firstLineNumber(), 1);
        QVERIFY(form->problemsText().isEmpty());
        // Keys are shown whole, the longest one included.
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QLineEdit *service
            = form->keyEdit(QStringLiteral("services"), QStringLiteral("apps/weather-app:8080"));
        QVERIFY(service->width() - 8 >= service->fontMetrics().horizontalAdvance(service->text()));
    }

    void typingInTheFormIsValidatedWithFileLineColumn()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.selectResource(kSettings);
        SettingsForm *form = w.formEditor()->settingsForm();
        QLineEdit *web = form->valueEdit(QStringLiteral("entryPoints"), QStringLiteral("web"));
        web->setFocus();
        web->selectAll();
        QTest::keyClicks(web, QStringLiteral("127.0.0.1")); // no port yet
        // Validated as typed (after the short typing pause), without leaving the field.
        QTRY_VERIFY_WITH_TIMEOUT(!settingsProblems(w.problemsModel()).isEmpty(), 3000);
        const QStringList problems = settingsProblems(w.problemsModel());
        QVERIFY2(problems.first().startsWith(QStringLiteral("airgate.yaml:3:8|")),
                 qPrintable(problems.join(u'\n')));
        QVERIFY2(problems.first().contains(QStringLiteral("no port")),
                 qPrintable(problems.join(u'\n')));
        QVERIFY(web->hasFocus());
        QCOMPARE(web->text(), QStringLiteral("127.0.0.1"));
        QTRY_VERIFY(
            !form->rowProblem(QStringLiteral("entryPoints"), QStringLiteral("web")).isEmpty());
        QVERIFY2(form->problemsText().contains(QStringLiteral("airgate.yaml:3:8: ")),
                 qPrintable(form->problemsText()));
        QVERIFY(w.model()->isDirty(kSettings));
        QVERIFY(w.isWindowModified());
        QVERIFY(w.model()->errorCount(kSettings) > 0);
        // Finished, then saved at once with Ctrl+S: what was typed is on disk.
        QTest::keyClicks(web, QStringLiteral(":8811"));
        QVERIFY(w.saveCurrentFile());
        QVERIFY2(ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml"))
                     .contains("web: 127.0.0.1:8811"),
                 ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml")).constData());
        QVERIFY(settingsProblems(w.problemsModel()).isEmpty());
        QVERIFY(!w.model()->isDirty(kSettings));
        // The heading comment survives a form edit.
        QVERIFY(ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml"))
                    .startsWith("# Local settings"));
        // And it is an undoable edit like any other.
        w.model()->undoStack()->undo();
        QVERIFY(QString::fromUtf8(w.model()->settingsText())
                    .contains(QStringLiteral("127.0.0.1:8800")));
    }

    void addAndRemoveRows()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        SettingsForm form(&m);
        const QString key = form.addRow(QStringLiteral("entryPoints"));
        QCOMPARE(key, QStringLiteral("new"));
        QLineEdit *k = form.keyEdit(QStringLiteral("entryPoints"), key);
        QVERIFY(k);
        k->setText(QStringLiteral("admin"));
        emit k->editingFinished();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QLineEdit *v = form.valueEdit(QStringLiteral("entryPoints"), QStringLiteral("admin"));
        QVERIFY(v);
        v->setText(QStringLiteral("127.0.0.1:8801"));
        emit v->editingFinished();
        QVERIFY(m.settingsText().contains("admin: 127.0.0.1:8801"));
        Diagnostics ds;
        QCOMPARE(LocalSettings::parse(m.settingsText(), dir, ds).entryPoints.size(), 2);
        QVERIFY(ds.isEmpty());
        QVERIFY(m.diagnosticsFor(WorkspaceModel::kSettingsKey).isEmpty());
        form.removeRow(QStringLiteral("entryPoints"), QStringLiteral("admin"));
        QVERIFY(!m.settingsText().contains("admin"));
        QCOMPARE(LocalSettings::parse(m.settingsText(), dir, ds).entryPoints.size(), 1);
        // Saved, it is what the workspace (and the gateway) read.
        QVERIFY(m.save());
        QCOMPARE(m.workspace().settings().entryPoints.size(), 1);
    }

    void formEditsChangeOnlyTheEditedEntry()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        const QByteArray commented = "# Local settings for this workstation.\n"
                                     "\n"
                                     "# Where the gateway listens.\n"
                                     "entryPoints:\n"
                                     "  web: 127.0.0.1:8800   # the routes' entry point\n"
                                     "\n"
                                     "services:\n"
                                     "  # No backend here: the document's examples answer.\n"
                                     "  apps/weather-app:8080: {mock: specs/weather.json}\n"
                                     "specs:\n"
                                     "  apps/weather-api: 'specs/weather.json'   # quoted\n"
                                     "portalPreview:\n"
                                     "  apps/api-portal: 127.0.0.1:8890\n"
                                     "limits:\n"
                                     "  maxConnections: 512\n"
                                     "  # idleTimeout: 90s\n"
                                     "# end of the settings\n";
        ConsoleTest::writeFile(dir + QStringLiteral("/airgate.yaml"), commented);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.selectResource(kSettings);
        SettingsForm *form = w.formEditor()->settingsForm();
        QVERIFY(form);
        // A value typed in the form, saved at once.
        QLineEdit *web = form->valueEdit(QStringLiteral("entryPoints"), QStringLiteral("web"));
        web->setFocus();
        web->selectAll();
        QTest::keyClicks(web, QStringLiteral("127.0.0.1:8811"));
        QVERIFY(w.saveCurrentFile());
        QByteArray want = commented;
        want.replace("web: 127.0.0.1:8800 ", "web: 127.0.0.1:8811 ");
        QCOMPARE(ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml")), want);
        // A quoted value keeps its quotes, the others their bytes.
        QLineEdit *spec
            = form->valueEdit(QStringLiteral("specs"), QStringLiteral("apps/weather-api"));
        spec->setText(QStringLiteral("specs/weather-v2.json"));
        emit spec->editingFinished();
        want.replace("'specs/weather.json'", "'specs/weather-v2.json'");
        QCOMPARE(w.model()->settingsText(), want);
        // A number stays a number.
        QLineEdit *max
            = form->valueEdit(QStringLiteral("limits"), QStringLiteral("maxConnections"));
        max->setText(QStringLiteral("1024"));
        emit max->editingFinished();
        want.replace("maxConnections: 512", "maxConnections: 1024");
        QCOMPARE(w.model()->settingsText(), want);
        // A renamed key, in place.
        QLineEdit *key
            = form->keyEdit(QStringLiteral("portalPreview"), QStringLiteral("apps/api-portal"));
        key->setText(QStringLiteral("apps/portal"));
        emit key->editingFinished();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        want.replace("  apps/api-portal: ", "  apps/portal: ");
        QCOMPARE(w.model()->settingsText(), want);
        // A row added after its section's last entry, then removed again: the file as before.
        const QByteArray beforeAdd = want;
        const QString added = form->addRow(QStringLiteral("entryPoints"));
        want.replace("   # the routes' entry point\n",
                     "   # the routes' entry point\n  new: null\n");
        QCOMPARE(w.model()->settingsText(), want);
        form->removeRow(QStringLiteral("entryPoints"), added);
        QCOMPARE(w.model()->settingsText(), beforeAdd);
        // The flow value re-typed: only its own line is written anew.
        QLineEdit *svc
            = form->valueEdit(QStringLiteral("services"), QStringLiteral("apps/weather-app:8080"));
        svc->setText(QStringLiteral("http://127.0.0.1:9000"));
        emit svc->editingFinished();
        want = beforeAdd;
        want.replace("{mock: specs/weather.json}", "http://127.0.0.1:9000");
        QCOMPARE(w.model()->settingsText(), want);
        QVERIFY(w.model()->save());
        QCOMPARE(ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml")), want);
    }

    void typingInTheYamlViewIsValidatedAndGoesToTheLine()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.selectResource(kSettings);
        w.editorTabs()->setCurrentWidget(w.yamlEditor());
        QPlainTextEdit *edit = w.yamlEditor()->editor();
        edit->setFocus();
        // A misspelt setting on line 7.
        QString text = edit->toPlainText();
        text.replace(QStringLiteral("specs:"), QStringLiteral("spec:"));
        edit->setPlainText(text);
        QTRY_VERIFY_WITH_TIMEOUT(!settingsProblems(w.problemsModel()).isEmpty(), 3000);
        const QStringList problems = settingsProblems(w.problemsModel());
        QVERIFY2(problems.first().startsWith(QStringLiteral("airgate.yaml:7:1|unknown setting")),
                 qPrintable(problems.join(u'\n')));
        QVERIFY(w.yamlEditor()->problemLines().contains(7));
        // The problems panel goes to its line in the YAML view.
        w.editorTabs()->setCurrentIndex(0);
        int row = -1;
        for (int r = 0; r < w.problemsModel()->rowCount(); ++r)
            if (w.problemsModel()->keyFor(r) == kSettings)
                row = r;
        w.selectResource(QStringLiteral("API|apps|weather-api"));
        w.goToProblem(row);
        QCOMPARE(w.currentResource(), kSettings);
        QCOMPARE(w.editorTabs()->currentWidget(), w.yamlEditor());
        QCOMPARE(edit->textCursor().blockNumber() + 1, 7);
        // YAML that does not parse: a problem at its line, and the form waits for the fix.
        edit->setPlainText(QStringLiteral("entryPoints: [\n"));
        QTRY_VERIFY_WITH_TIMEOUT(settingsProblems(w.problemsModel())
                                     .join(u'\n')
                                     .contains(QStringLiteral("airgate.yaml:")),
                                 3000);
        w.editorTabs()->setCurrentIndex(0);
        QTRY_VERIFY(w.formEditor()
                        ->settingsForm()
                        ->findChild<QLabel *>(QStringLiteral("settingsBroken"))
                        ->isVisible());
    }

    void outsideChangeOfTheSettingsIsReloaded()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        QByteArray text = ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml"));
        text.replace("127.0.0.1:8800", "127.0.0.1:8802");
        ConsoleTest::writeFile(dir + QStringLiteral("/airgate.yaml"), text);
        QTRY_VERIFY_WITH_TIMEOUT(m.settingsText().contains("127.0.0.1:8802"), 5000);
        QCOMPARE(m.workspace().settings().entryPoints.value(0).address.port, 8802);
        QVERIFY(!m.isDirty());
    }
};

QTEST_MAIN(TestSettingsEditor)
#include "tst_settingseditor.moc"
