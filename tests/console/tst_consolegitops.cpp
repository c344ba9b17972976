// SPDX-License-Identifier: Apache-2.0
// GitOps in the console: the review (diff) dialog against the disk, git:HEAD, the running gateway
// and the export folder; "Migrate" as a quick fix in the problems panel; the Git status of each
// resource's file in the tree.
#include "consoletest.h"
#include "dialogs/diffdialog.h"
#include "mainwindow.h"
#include "models/problemsmodel.h"
#include "models/resourcetreemodel.h"
#include "models/workspacemodel.h"
#include "services/gatewaysupervisor.h"
#include "services/gitstatus.h"
#include "services/quickfixes.h"
#include "services/secretstore.h"
#include "yaml/yamlparser.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Airgate;
using namespace Airgate::Console;

namespace {

const QString kPlan = QStringLiteral("APIPlan|apps|standard-plan");

int git(const QStringList &args, const QString &cwd)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(QStringLiteral("git"),
            QStringList {QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                         QStringLiteral("user.email=t@example.invalid")}
                + args);
    p.waitForFinished(30000);
    return p.exitCode();
}

QAction *findAction(QWidget *w, const QString &name)
{
    for (QAction *a : w->findChildren<QAction *>())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

DiffDialog *openReview(MainWindow &w)
{
    QAction *review = findAction(&w, QStringLiteral("actionReviewChanges"));
    if (!review)
        return nullptr;
    review->trigger();
    return w.findChild<DiffDialog *>();
}

/** The row of the problems panel whose field is @p field, or -1. */
int problemRow(const ProblemsModel *m, const QString &field)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->diagnostic(r).field == field)
            return r;
    return -1;
}

/** The tree index of a resource. */
QModelIndex treeIndex(QTreeView *tree, const QString &key, const QModelIndex &parent = {})
{
    for (int r = 0; r < tree->model()->rowCount(parent); ++r) {
        const QModelIndex i = tree->model()->index(r, 0, parent);
        if (i.data(ResourceTreeModel::KeyRole).toString() == key)
            return i;
        if (const QModelIndex found = treeIndex(tree, key, i); found.isValid())
            return found;
    }
    return {};
}

} // namespace

class TestConsoleGitOps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ConsoleTest::isolate(); }

    void reviewShowsUnsavedEditsAgainstDiskAndGitHead()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        QCOMPARE(git({QStringLiteral("init"), QStringLiteral("-q")}, dir), 0);
        QCOMPARE(git({QStringLiteral("add"), QStringLiteral(".")}, dir), 0);
        QCOMPARE(
            git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("first")}, dir),
            0);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));

        // Nothing edited: the same as on disk and as committed.
        DiffDialog *d = openReview(w);
        QVERIFY(d);
        QCOMPARE(d->against(), DiffDialog::Against::GitHead); // clean: the last commit
        QVERIFY(d->isAvailable(DiffDialog::Against::GitHead));
        QVERIFY(!d->isAvailable(DiffDialog::Against::Gateway)); // not running
        QVERIFY2(d->error().isEmpty(), qPrintable(d->error()));
        QVERIFY(d->diff().isEmpty());
        QVERIFY(d->summary().contains(QStringLiteral("No differences with git:HEAD")));
        d->close();

        // An unsaved edit: the review defaults to the disk and names the field and both values.
        w.model()->setValue(kPlan, QStringLiteral("spec.rateLimit.limit"), qint64(250));
        QVERIFY(w.model()->isDirty());
        QTRY_VERIFY(!w.findChild<DiffDialog *>()); // the first one is gone
        d = openReview(w);
        QVERIFY(d);
        QCOMPARE(d->against(), DiffDialog::Against::Disk);
        QCOMPARE(d->diff().changes.size(), size_t(1));
        QCOMPARE(d->changesView()->topLevelItemCount(), 1);
        QTreeWidgetItem *top = d->changesView()->topLevelItem(0);
        QCOMPARE(top->text(0), QStringLiteral("changed APIPlan apps/standard-plan"));
        QCOMPARE(top->text(1), QStringLiteral("plans/standard-plan.yaml"));
        QCOMPARE(top->child(0)->text(0), QStringLiteral("spec.rateLimit.limit"));
        QCOMPARE(top->child(0)->text(1), QStringLiteral("100 → 250"));
        QVERIFY(d->textView()->toPlainText().contains(
            QStringLiteral("-    limit: 100\n+    limit: 250")));
        QVERIFY(
            d->summary().contains(QStringLiteral("1 changed, 0 added, 0 removed, 11 unchanged")));

        // Saved: the disk has it, HEAD does not; switching the combo compares again.
        QVERIFY(w.saveAll());
        QSignalSpy compared(d, &DiffDialog::compared);
        d->compareWith(DiffDialog::Against::Disk);
        QCOMPARE(compared.size(), 1);
        QVERIFY(d->diff().isEmpty());
        d->againstBox()->setCurrentIndex(
            d->againstBox()->findData(int(DiffDialog::Against::GitHead)));
        QCOMPARE(compared.size(), 2);
        QCOMPARE(d->beforeLabel(), QStringLiteral("git:HEAD"));
        QCOMPARE(d->diff().changes.size(), size_t(1));
        QCOMPARE(d->diff().changes[0].fields.at(0).path, QStringLiteral("spec.rateLimit.limit"));
        d->close();
    }

    void gitChoiceIsOffWithoutARepository()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        DiffDialog d(w.model(), w.gateway());
        if (d.isAvailable(DiffDialog::Against::GitHead))
            QSKIP("the temporary folder is inside a Git repository");
        auto *items = qobject_cast<QStandardItemModel *>(d.againstBox()->model());
        const int git = d.againstBox()->findData(int(DiffDialog::Against::GitHead));
        QVERIFY(!items->item(git)->isEnabled());
        QVERIFY(items->item(git)->toolTip().startsWith(QStringLiteral("Not in a Git repository")));
        d.compareWith(DiffDialog::Against::GitHead);
        QVERIFY(d.error().startsWith(QStringLiteral("Not in a Git repository")));
    }

    void reviewAgainstTheRunningGatewayAndTheExportFolder()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        QByteArray settings = ConsoleTest::readFile(dir + QStringLiteral("/airgate.yaml"));
        settings.replace("127.0.0.1:8800", "127.0.0.1:0");
        settings.replace("127.0.0.1:8890", "127.0.0.1:0");
        ConsoleTest::writeFile(dir + QStringLiteral("/airgate.yaml"), settings);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        w.gateway()->setExecutable(QStringLiteral(AIRGATECTL_PATH));
        QSignalSpy ready(w.gateway(), &GatewaySupervisor::ready);
        w.gateway()->start();
        QVERIFY(ready.wait(20000));

        // An unsaved edit is drift from what the gateway serves.
        w.model()->setValue(kPlan, QStringLiteral("spec.quota.period"), QStringLiteral("2h"));
        DiffDialog d(w.model(), w.gateway());
        QVERIFY(d.isAvailable(DiffDialog::Against::Gateway));
        QSignalSpy compared(&d, &DiffDialog::compared);
        d.compareWith(DiffDialog::Against::Gateway);
        QVERIFY(compared.wait(10000));
        QVERIFY2(d.error().isEmpty(), qPrintable(d.error()));
        QCOMPARE(d.beforeLabel(), QStringLiteral("gateway"));
        QVERIFY(d.summary().contains(QStringLiteral("The gateway serves generation 1")));
        QCOMPARE(d.diff().changes.size(), size_t(1));
        QCOMPARE(d.diff().changes[0].fields.at(0).path, QStringLiteral("spec.quota.period"));
        w.gateway()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(w.gateway()->state(), GatewaySupervisor::State::Stopped, 20000);

        // Before export: the export dialog's review compares with the export folder.
        const QString out = tmp.filePath(QStringLiteral("export"));
        QVERIFY(w.exportTo(out, QStringLiteral("namespaces"), true).isEmpty());
        w.model()->setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Gold"));
        DiffDialog *e = DiffDialog::open(w.model(), w.gateway(), &w, out, true);
        QCOMPARE(e->against(), DiffDialog::Against::Folder);
        QVERIFY2(e->error().isEmpty(), qPrintable(e->error()));
        QCOMPARE(e->diff().changes.size(), size_t(1));
        QCOMPARE(e->diff().changes[0].fields.at(0).path, QStringLiteral("spec.title"));
        e->close();
    }

    void exportDialogOffersTheReview()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        bool seen = false;
        ConsoleTest::onModal([&](QWidget *m) {
            if (m->objectName() != QLatin1StringView("exportDialog"))
                return false;
            auto *review = m->findChild<QPushButton *>(QStringLiteral("exportReview"));
            if (!review)
                return false;
            review->click();
            auto *d = m->findChild<DiffDialog *>();
            seen = d && d->error().isEmpty();
            if (d)
                d->close();
            qobject_cast<QDialog *>(m)->reject();
            return true;
        });
        QMetaObject::invokeMethod(
            &w,
            [&] {
                for (QAction *a : w.menuBar()->findChildren<QAction *>())
                    if (a->text().remove(u'&').startsWith(QStringLiteral("Export"))) {
                        a->trigger();
                        return;
                    }
            },
            Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(seen, 10000);
    }

    void reviewBeforeAnsweringTheUnsavedEditsQuestion()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        w.show();
        w.model()->setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Gold"));
        int reviewed = -1;
        bool askedAgain = false;
        // The question → Review → the diff against the disk → the question again → Cancel.
        ConsoleTest::onModal([&](QWidget *m) {
            auto *review = m->findChild<QPushButton *>(QStringLiteral("unsavedReview"));
            if (!review)
                return false;
            ConsoleTest::onModal([&](QWidget *m2) {
                auto *d = qobject_cast<DiffDialog *>(m2);
                if (!d)
                    return false;
                reviewed = int(d->diff().changes.size());
                ConsoleTest::onModal([&](QWidget *m3) {
                    if (!m3->findChild<QPushButton *>(QStringLiteral("unsavedReview")))
                        return false;
                    askedAgain = true;
                    for (QAbstractButton *b : m3->findChildren<QAbstractButton *>())
                        if (b->text().remove(u'&') == QStringLiteral("Cancel"))
                            b->click();
                    return true;
                });
                d->reject();
                return true;
            });
            review->click();
            return true;
        });
        QVERIFY(!w.close()); // cancelled
        QCOMPARE(reviewed, 1);
        QVERIFY(askedAgain);
        QVERIFY(w.model()->isDirty());
        QVERIFY(w.isVisible());
    }

    void migrateIsAQuickFixOnStaleFields()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        const QString planFile = dir + QStringLiteral("/plans/standard-plan.yaml");
        QByteArray stale = ConsoleTest::readFile(planFile);
        QVERIFY(stale.contains("    limit: 100\n"));
        stale.replace("    limit: 100\n", "    requests: 100   # from the old guide\n");
        stale.replace("    period: 1s\n", "    period: 2h\n"); // another problem, not a migration
        ConsoleTest::writeFile(planFile, stale);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        auto *fixes = w.findChild<QuickFixes *>();
        QVERIFY(fixes);

        const int row = problemRow(w.problemsModel(), QStringLiteral("spec.rateLimit.requests"));
        QVERIFY(row >= 0);
        QCOMPARE(w.problemsModel()->diagnostic(row).rule, QStringLiteral("resource"));
        const QList<QuickFix> offered = fixes->fixesFor(row);
        QCOMPARE(offered.size(), 1);
        QCOMPARE(offered[0].label, QStringLiteral("Migrate: rateLimit.requests → rateLimit.limit"));
        // The limit the stale field leaves missing is reported on the same line: same fix.
        const int required = problemRow(w.problemsModel(), QStringLiteral("spec.rateLimit.limit"));
        QVERIFY(required >= 0);
        QVERIFY(w.problemsModel()->diagnostic(required).message.contains(
            QStringLiteral("Required value")));
        QCOMPARE(fixes->fixesFor(required).size(), 1);
        QCOMPARE(fixes->fixesFor(required)[0].label, offered[0].label);
        // A problem in the same resource that no migration fixes gets nothing.
        const int other = problemRow(w.problemsModel(), QStringLiteral("spec.rateLimit.period"));
        QVERIFY(other >= 0);
        QVERIFY(fixes->fixesFor(other).isEmpty());

        QVERIFY(fixes->apply(offered[0]));
        // One line changed, its comment kept; the problem is gone; one undo step takes it back.
        const QByteArray fixed = w.model()->fileText(QStringLiteral("plans/standard-plan.yaml"));
        QCOMPARE(fixed,
                 QByteArray(stale).replace("    requests: 100   # from the old guide\n",
                                           "    limit: 100   # from the old guide\n"));
        QCOMPARE(problemRow(w.problemsModel(), QStringLiteral("spec.rateLimit.requests")), -1);
        QVERIFY(w.model()->isDirty());
        QCOMPARE(w.model()->value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 100);
        w.model()->undoStack()->undo();
        QCOMPARE(w.model()->fileText(QStringLiteral("plans/standard-plan.yaml")), stale);
        QVERIFY(problemRow(w.problemsModel(), QStringLiteral("spec.rateLimit.requests")) >= 0);

        // The context menu of the problems panel offers it too.
        bool menuSeen = false;
        QTimer::singleShot(0, &w, [&] {
            QTRY_VERIFY(QApplication::activePopupWidget());
            QWidget *menu = QApplication::activePopupWidget();
            for (QAction *a : menu->actions())
                menuSeen = menuSeen || a->text().startsWith(QStringLiteral("Migrate: "));
            menu->close();
        });
        w.show();
        w.problemsView()->setCurrentIndex(w.problemsModel()->index(
            problemRow(w.problemsModel(), QStringLiteral("spec.rateLimit.requests")), 0));
        fixes->action()->trigger();
        QVERIFY(menuSeen);
    }

    void treeShowsGitStatusPerFile()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        QCOMPARE(git({QStringLiteral("init"), QStringLiteral("-q")}, dir), 0);
        QCOMPARE(git({QStringLiteral("add"), QStringLiteral(".")}, dir), 0);
        QCOMPARE(
            git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("first")}, dir),
            0);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        auto *tracker = w.findChild<GitStatusTracker *>();
        QVERIFY(tracker);
        QVERIFY(tracker->isRepository());
        auto *delegate = qobject_cast<GitStatusDelegate *>(w.tree()->itemDelegateForColumn(0));
        QVERIFY(delegate);
        QCOMPARE(delegate->marker(treeIndex(w.tree(), kPlan)), QString());

        // Saved changes are "M"; a new file is "N"; the others stay clean.
        w.model()->setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("Gold"));
        QVERIFY(w.saveAll());
        QSignalSpy refreshed(tracker, &GitStatusTracker::refreshed);
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(tracker->status(QStringLiteral("plans/standard-plan.yaml")),
                 GitOps::GitFileStatus::Modified);
        QCOMPARE(delegate->marker(treeIndex(w.tree(), kPlan)), QStringLiteral("M"));
        QCOMPARE(delegate->marker(treeIndex(w.tree(), QStringLiteral("API|apps|weather-api"))),
                 QString());
        std::vector<Yaml::Problem> problems;
        w.model()->addResource(QStringLiteral("plans/gold.yaml"),
                               Yaml::parseSingleDocument(
                                   "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\n"
                                   "metadata: {name: gold, namespace: apps}\nspec: {title: Gold}\n",
                                   problems));
        QVERIFY(w.saveAll());
        QTRY_COMPARE_WITH_TIMEOUT(
            delegate->marker(treeIndex(w.tree(), QStringLiteral("APIPlan|apps|gold"))),
            QStringLiteral("N"), 5000);

        // Committed elsewhere: clean again once the status is read.
        QCOMPARE(git({QStringLiteral("add"), QStringLiteral(".")}, dir), 0);
        QCOMPARE(
            git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("second")}, dir),
            0);
        tracker->refresh();
        QCOMPARE(delegate->marker(treeIndex(w.tree(), kPlan)), QString());
        QCOMPARE(delegate->marker(treeIndex(w.tree(), QStringLiteral("APIPlan|apps|gold"))),
                 QString());
    }
};

QTEST_MAIN(TestConsoleGitOps)
#include "tst_consolegitops.moc"
