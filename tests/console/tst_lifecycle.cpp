// SPDX-License-Identifier: Apache-2.0
// No lost edits: what is being typed (YAML view, a form field applied when left) is committed
// before save, save all, export and close; a required field emptied is an edit with its error;
// a save over a file changed on disk since it was loaded asks again; the crash journal names its
// files, its restore is undoable, and it is private to the user (0700 folder, 0600 files).
#include "consoletest.h"
#include "editors/formeditor.h"
#include "editors/yamleditor.h"
#include "mainwindow.h"
#include "models/workspacemodel.h"
#include "services/editjournal.h"
#include "services/secretstore.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace Airgate;
using namespace Airgate::Console;

namespace {
const QString kPlan = QStringLiteral("APIPlan|apps|standard-plan");
const QString kPlanFile = QStringLiteral("/plans/standard-plan.yaml");

/** Types @p text over the whole YAML view's line that contains @p find, as a user would. */
void retypeYamlLine(QPlainTextEdit *edit, const QString &find, const QString &replacement)
{
    QTextCursor c = edit->document()->find(find);
    QVERIFY(!c.isNull());
    edit->setTextCursor(c); // the found text is selected
    QTest::keyClicks(edit, replacement);
}

int unixMode(const QFileInfo &f)
{
    const QFile::Permissions p = f.permissions();
    int mode = 0;
    const std::pair<QFile::Permission, int> bits[]
        = {{QFile::ReadOwner, 0400}, {QFile::WriteOwner, 0200}, {QFile::ExeOwner, 0100},
           {QFile::ReadGroup, 040},  {QFile::WriteGroup, 020},  {QFile::ExeGroup, 010},
           {QFile::ReadOther, 04},   {QFile::WriteOther, 02},   {QFile::ExeOther, 01}};
    for (const auto &[perm, bit] : bits)
        if (p.testFlag(perm))
            mode |= bit;
    return mode;
}

QAction *menuAction(MainWindow &w, const QString &menu, const QString &text)
{
    for (QAction *m : w.menuBar()->actions())
        if (m->text().remove(u'&') == menu)
            for (QAction *a : m->menu()->actions())
                if (a->text().remove(u'&').startsWith(text))
                    return a;
    return nullptr;
}
} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ConsoleTest::isolate(); }

    void yamlTypedThenCtrlSSavesTheTypedValue()
    {
        // Type 600 over 100 in the YAML view and press Ctrl+S at once (before the apply delay).
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.selectResource(kPlan);
        w.editorTabs()->setCurrentWidget(w.yamlEditor());
        QPlainTextEdit *edit = w.yamlEditor()->editor();
        edit->setFocus();
        retypeYamlLine(edit, QStringLiteral("limit: 100"), QStringLiteral("limit: 600"));
        QTest::keySequence(&w, QKeySequence::Save);
        QVERIFY(ConsoleTest::readFile(dir + kPlanFile).contains("limit: 600"));
        QVERIFY(!w.model()->isDirty());
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.model()->value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 600);
    }

    void yamlTypedIsInTheExportAndSaveAll()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        w.selectResource(kPlan);
        w.editorTabs()->setCurrentWidget(w.yamlEditor());
        QPlainTextEdit *edit = w.yamlEditor()->editor();
        edit->setFocus();
        retypeYamlLine(edit, QStringLiteral("Standard Plan"), QStringLiteral("Exported Plan"));
        w.exportWorkspace(tmp.path() + QStringLiteral("/out"), QStringLiteral("bundle"), false);
        QVERIFY(ConsoleTest::readFile(tmp.path() + QStringLiteral("/out/bundle.yaml"))
                    .contains("title: Exported Plan"));
        retypeYamlLine(edit, QStringLiteral("limit: 100"), QStringLiteral("limit: 700"));
        QVERIFY(w.saveAll());
        QVERIFY(ConsoleTest::readFile(dir + kPlanFile).contains("limit: 700"));
    }

    void yamlThatDoesNotParseIsNotSilentlyDropped()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        w.selectResource(kPlan);
        QPlainTextEdit *edit = w.yamlEditor()->editor();
        edit->setFocus();
        retypeYamlLine(edit, QStringLiteral("limit: 100"), QStringLiteral("limit: [100"));
        QString seen;
        ConsoleTest::clickInModal(QStringLiteral("Cancel"), &seen);
        QVERIFY(!w.saveAll());
        QVERIFY2(seen.contains(QStringLiteral("does not parse")), qPrintable(seen));
        QVERIFY(edit->toPlainText().contains(QStringLiteral("limit: [100"))); // still there
    }

    void formNameTypedThenSavedIsRenamedEverywhere()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        w.selectResource(QStringLiteral("APIPlan|apps|standard-plan"));
        auto *name = qobject_cast<QLineEdit *>(
            w.formEditor()->fieldWidget(QStringLiteral("metadata.name")));
        QVERIFY(name);
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("gold-plan"));
        QVERIFY(w.saveAll()); // no Tab: the field still has the focus
        QVERIFY(ConsoleTest::readFile(dir + kPlanFile).contains("name: gold-plan"));
        // The references followed (rename, not a plain edit).
        QVERIFY(ConsoleTest::readFile(dir + QStringLiteral("/consumers/partner-app.yaml"))
                    .contains("name: gold-plan"));
    }

    void emptiedRequiredNameIsAnEditWithItsError()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.show();
        QApplication::setActiveWindow(&w);
        w.selectResource(kPlan);
        auto *name = qobject_cast<QLineEdit *>(
            w.formEditor()->fieldWidget(QStringLiteral("metadata.name")));
        name->setFocus();
        name->selectAll();
        QTest::keyClick(name, Qt::Key_Delete);
        QTest::keyClick(name, Qt::Key_Tab);
        QTRY_VERIFY(w.isWindowModified());
        QVERIFY(w.model()->isDirty());
        QVERIFY2(!w.formEditor()->problemText(QStringLiteral("metadata.name")).isEmpty(),
                 "no error under the emptied name");
        // A new name: the references that named the old one follow it.
        name = qobject_cast<QLineEdit *>(
            w.formEditor()->fieldWidget(QStringLiteral("metadata.name")));
        QVERIFY(name);
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("silver-plan"));
        QTest::keyClick(name, Qt::Key_Tab);
        QTRY_VERIFY(w.model()->resource(QStringLiteral("APIPlan|apps|silver-plan")));
        QVERIFY(w.formEditor()->problemText(QStringLiteral("metadata.name")).isEmpty());
        QCOMPARE(w.model()
                     ->value(QStringLiteral("ManagedSubscription|apps|partner-subscription"),
                             QStringLiteral("spec.apiPlan.name"))
                     .toString(),
                 QStringLiteral("silver-plan"));
    }

    void saveOverAFileChangedOnDiskAsksAgain()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.model()->setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Mine"));
        // Someone else changes the file; the console asks, the user keeps their edits.
        QByteArray theirs = ConsoleTest::readFile(dir + kPlanFile);
        theirs.replace("limit: 1000", "limit: 5000");
        QString seen;
        ConsoleTest::clickInModal(QStringLiteral("Keep my edits"), &seen);
        ConsoleTest::writeFile(dir + kPlanFile, theirs);
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(QStringLiteral("plans/standard-plan.yaml")), 5000);
        QVERIFY(w.model()->isDirty());
        // Save: asked again, naming the file; Cancel leaves their bytes on disk.
        seen.clear();
        ConsoleTest::clickInModal(QStringLiteral("Cancel"), &seen);
        QVERIFY(!w.saveAll());
        QVERIFY2(seen.contains(QStringLiteral("changed on disk")), qPrintable(seen));
        QVERIFY(seen.contains(QStringLiteral("plans/standard-plan.yaml")));
        QCOMPARE(ConsoleTest::readFile(dir + kPlanFile), theirs);
        // Overwrite: mine is written, and the next save does not ask (nothing changed since).
        ConsoleTest::clickInModal(QStringLiteral("Overwrite"));
        QVERIFY(w.saveAll());
        QVERIFY(ConsoleTest::readFile(dir + kPlanFile).contains("title: Mine"));
        w.model()->setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Mine again"));
        QVERIFY(w.model()->changedOnDisk(w.model()->dirtyFiles()).isEmpty());
        QVERIFY(w.saveCurrentFile());
        // Also a change the watcher has not reported yet (written just before the save).
        w.model()->setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Third"));
        ConsoleTest::writeFile(dir + kPlanFile, theirs);
        QCOMPARE(w.model()->changedOnDisk({QStringLiteral("plans/standard-plan.yaml")}),
                 QStringList {QStringLiteral("plans/standard-plan.yaml")});
    }

    void journalNamesItsFilesAndItsRestoreIsUndoable()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        const QByteArray onDisk = ConsoleTest::readFile(dir + kPlanFile);
        {
            // A session that ends without saving (the journal is written after every edit).
            WorkspaceModel crashed;
            QVERIFY(crashed.open(dir));
            crashed.setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Unsaved"));
            // The journal is the user's alone.
            EditJournal j(crashed.root());
            const QFileInfo folder(j.folder());
            QCOMPARE(unixMode(folder), 0700);
            QCOMPARE(unixMode(QFileInfo(folder.absolutePath())), 0700);
            const QFileInfoList files = QDir(j.folder()).entryInfoList(QDir::Files);
            QVERIFY(files.size() >= 2); // index and one file
            for (const QFileInfo &f : files)
                QCOMPARE(unixMode(f), 0600);
        }
        MemorySecretStore store;
        MainWindow w(&store);
        QString seen;
        ConsoleTest::clickInModal(QStringLiteral("Yes"), &seen);
        QVERIFY(w.openWorkspace(dir, true));
        QVERIFY2(seen.contains(QStringLiteral("plans/standard-plan.yaml")), qPrintable(seen));
        QCOMPARE(w.model()->value(kPlan, QStringLiteral("spec.title")).toString(),
                 QStringLiteral("Unsaved"));
        QVERIFY(
            w.statusBar()->currentMessage().contains(QStringLiteral("plans/standard-plan.yaml")));
        // Shown after the question (the window appears then), the message is not drawn over
        // the status bar's resource count.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(
            w.statusBar()->currentMessage().contains(QStringLiteral("plans/standard-plan.yaml")));
        for (const QLabel *l : w.statusBar()->findChildren<QLabel *>())
            QVERIFY2(!l->isVisible() || !l->text().contains(QStringLiteral("resource")),
                     qPrintable(l->text()));
        // Edit ▸ Undo takes the restore back.
        QAction *undo = menuAction(w, QStringLiteral("Edit"), QStringLiteral("Undo"));
        QVERIFY(undo);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(w.model()->value(kPlan, QStringLiteral("spec.title")).toString(),
                 QStringLiteral("Standard Plan"));
        QVERIFY(!w.model()->isDirty());
        QCOMPARE(w.model()->fileText(QStringLiteral("plans/standard-plan.yaml")), onDisk);
    }
};

QTEST_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
