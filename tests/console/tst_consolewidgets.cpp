// SPDX-License-Identifier: Apache-2.0
// Widgets that behave: the wheel never changes an unfocused combo or spin box; the console
// opens on the first resource of the tree; counts are plural-aware; the Help menu lists the
// shortcuts and opens the manual; the layout (geometry, docks, splitters, tabs) is remembered;
// the export dialog remembers its layout and stays open on error with the reason; "Open portal"
// says something when there is nothing to open.
#include "consoletest.h"
#include "consoletr.h"
#include "editors/formeditor.h"
#include "editors/wheelguard.h"
#include "mainwindow.h"
#include "models/resourcetreemodel.h"
#include "models/templates.h"
#include "models/workspacemodel.h"
#include "panels/gatewaypanel.h"
#include "services/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPixmap>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

using namespace Airgate;
using namespace Airgate::Console;

namespace {
const QString kSubscription = QStringLiteral("ManagedSubscription|apps|partner-subscription");

void wheel(QWidget *w, int delta)
{
    QWheelEvent e(QPointF(5, 5), w->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, delta),
                  Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

QAction *findAction(QMenuBar *bar, const QString &objectName)
{
    for (QAction *m : bar->actions())
        if (m->menu())
            for (QAction *a : m->menu()->actions())
                if (a->objectName() == objectName)
                    return a;
    return nullptr;
}
} // namespace

class TestConsoleWidgets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        ConsoleTest::isolate();
        installTranslations(QLocale(QLocale::English)); // as main() does
    }
    void init()
    {
        // Every test starts from no remembered layout.
        QSettings().clear();
    }

    void wheelOverAnUnfocusedReferenceComboChangesNothing()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        // A second plan, so the wheel has somewhere to go.
        w.model()->addResource(
            QStringLiteral("plans/other.yaml"),
            newResource(Kind::APIPlan, QStringLiteral("apps"), QStringLiteral("aaa-plan")));
        w.show();
        w.selectResource(kSubscription);
        auto *combo = qobject_cast<QComboBox *>(
            w.formEditor()->fieldWidget(QStringLiteral("spec.apiPlan.name")));
        QVERIFY(combo);
        QCOMPARE(combo->focusPolicy(), Qt::StrongFocus);
        const QString before = combo->currentText();
        const int undoIndex = w.model()->undoStack()->index();
        for (int i = 0; i < 6; ++i) { // down past "Create APIPlan…" and back
            wheel(combo, -120);
            wheel(combo, 120);
            wheel(combo, -120);
        }
        QCOMPARE(combo->currentText(), before);
        QCOMPARE(w.model()->undoStack()->index(), undoIndex);
        QCOMPARE(w.model()->value(kSubscription, QStringLiteral("spec.apiPlan.name")).toString(),
                 QStringLiteral("standard-plan"));
        QVERIFY(!QApplication::activeModalWidget()); // no "New APIPlan" dialog
        // Focused (clicked or tabbed into), the wheel is the user's intent.
        combo->setFocus();
        QTRY_VERIFY(combo->hasFocus());
        const int index = combo->currentIndex();
        wheel(combo, -120);
        QVERIFY(combo->currentIndex() != index);
    }

    void spinBoxesAreGuardedToo()
    {
        WheelGuard::install();
        QSpinBox spin;
        spin.setRange(0, 100);
        spin.setValue(50);
        spin.show();
        QCOMPARE(spin.focusPolicy(), Qt::StrongFocus);
        wheel(&spin, 120);
        QCOMPARE(spin.value(), 50);
    }

    void opensOnTheFirstResourceOfTheTree()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        QModelIndex i = w.tree()->model()->index(0, 0);
        QString first;
        while (i.isValid() && first.isEmpty()) {
            first = i.data(ResourceTreeModel::KeyRole).toString();
            i = w.tree()->model()->index(0, 0, i);
        }
        QCOMPARE(w.currentResource(), first);
        QVERIFY(!w.currentResource().startsWith(QStringLiteral("APIPortalAuth")));
    }

    void emptiedRequiredSpecFieldShowsItsError()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        w.show();
        const QString route = QStringLiteral("IngressRoute|apps|weather-ingress");
        w.selectResource(route);
        const QString path = QStringLiteral("spec.routes[0].match");
        auto *match = qobject_cast<QLineEdit *>(w.formEditor()->fieldWidget(path));
        QVERIFY(match);
        QVERIFY(w.formEditor()->problemText(path).isEmpty());
        match->setFocus();
        match->selectAll();
        QTest::keyClick(match, Qt::Key_Delete);
        QTest::keyClick(match, Qt::Key_Tab);
        QVERIFY(w.model()->isDirty());
        QTRY_VERIFY2(w.formEditor()->problemText(path).contains(QStringLiteral("Required")),
                     qPrintable(w.formEditor()->problemText(path)));
    }

    void countsArePluralAware()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        QByteArray plan = ConsoleTest::readFile(dir + QStringLiteral("/plans/standard-plan.yaml"));
        plan.replace("period: 1s", "period: 2h"); // exactly one error
        ConsoleTest::writeFile(dir + QStringLiteral("/plans/standard-plan.yaml"), plan);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        const QString text = w.statusBar()->findChildren<QLabel *>().first()->text();
        QVERIFY2(text.contains(QStringLiteral("1 error ·")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("1 errors")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("12 resources")), qPrintable(text));
    }

    void helpMenuListsTheShortcutsAndFindsTheManual()
    {
        MemorySecretStore store;
        MainWindow w(&store);
        QAction *manual = findAction(w.menuBar(), QStringLiteral("manualAction"));
        QVERIFY(manual);
        QCOMPARE(manual->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QVERIFY(!MainWindow::manualCandidates().isEmpty());
        // The shortcuts dialog reads the menus: Save and Start gateway are there.
        QStringList rows;
        ConsoleTest::onModal([&rows](QWidget *m) {
            if (m->objectName() != QStringLiteral("shortcutsDialog"))
                return false;
            auto *t = m->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
            for (int r = 0; t && r < t->rowCount(); ++r)
                rows << t->item(r, 0)->text() + u'=' + t->item(r, 1)->text();
            static_cast<QDialog *>(m)->reject();
            return true;
        });
        w.showShortcuts();
        QVERIFY2(
            rows.contains(QStringLiteral("File ▸ Save file=")
                          + QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)),
            qPrintable(rows.join(u'\n')));
        QVERIFY(rows.contains(QStringLiteral("Gateway ▸ Start=F5")));
        QVERIFY(rows.contains(QStringLiteral("Help ▸ Manual=F1")));
    }

    void theManualTheBuildMadeIsFound()
    {
        // From the build tree (build/tests/console like build/app/console): build/doc/manual.
        const QString built
            = QDir::cleanPath(QStringLiteral(AIRGATE_BINARY_DIR "/doc/manual/index.html"));
        QVERIFY2(MainWindow::manualCandidates().contains(built),
                 qPrintable(MainWindow::manualCandidates().join(u'\n')));
        QCOMPARE(MainWindow::manualPath(), built);
        QFile f(built);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray html = f.readAll();
        // The README's sections, its screenshots beside it, and the command reference.
        QVERIFY(html.contains("Running the gateway"));
        QVERIFY(html.contains("<img src=\"docs/screenshots/main-window.png\""));
        QVERIFY(QFileInfo::exists(
            QFileInfo(built).dir().filePath(QStringLiteral("docs/screenshots/main-window.png"))));
        QVERIFY(html.contains("id=\"command-reference\""));
        QVERIFY(html.contains("airgatectl serve"));
    }

    void aboutSaysWhatAirgatectlVersionSays()
    {
        QProcess p;
        p.start(QStringLiteral(AIRGATECTL_PATH), {QStringLiteral("version")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QStringList lines
            = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 7, qPrintable(lines.join(u'\n'))); // version and 6 facts
        const QString about = MainWindow::aboutText();
        // "airgatectl 0.1.0", then "label:  value" lines: every value is in the About box.
        QVERIFY2(about.contains(lines.first().section(u' ', 1)), qPrintable(about));
        for (const QString &line : lines.mid(1)) {
            const QString label = line.section(u':', 0, 0);
            const QString value = line.section(u':', 1).trimmed();
            QVERIFY2(about.contains(QStringLiteral("<td>%1</td><td>%2</td>")
                                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped())),
                     qPrintable(line + u'\n' + about));
        }
    }

    void windowIconFromTheOneSvg()
    {
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(!w.windowIcon().isNull());
        const QIcon icon = MainWindow::appIcon();
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
            const QPixmap px = icon.pixmap(QSize(size, size));
            QVERIFY2(!px.isNull(), qPrintable(QString::number(size)));
            QCOMPARE(px.size(), QSize(size, size));
        }
    }

    void layoutIsRemembered()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        QList<int> sizes;
        int dockHeight = 0;
        {
            MainWindow w(&store);
            w.resize(1200, 900);
            QVERIFY(w.openWorkspace(dir, false));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            auto *split = w.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
            split->setSizes({420, 700});
            sizes = split->sizes();
            w.gatewayDock()->raise();
            w.resizeDocks({w.gatewayDock()}, {420}, Qt::Vertical);
            w.editorTabs()->setCurrentIndex(1);
            w.gatewayPanel()->tabs()->setCurrentIndex(2);
            QTRY_VERIFY(w.gatewayDock()->height() > 380);
            dockHeight = w.gatewayDock()->height();
            // Saved as it changes (no clean close needed: a crash keeps it too).
            QTRY_VERIFY_WITH_TIMEOUT(QSettings().contains(QStringLiteral("window/splitter")),
                                     MainWindow::kLayoutSaveDelayMs * 3);
            w.saveLayout();
        }
        MainWindow again(&store);
        QVERIFY(again.openWorkspace(dir, false));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
        QCOMPARE(again.editorTabs()->currentIndex(), 1);
        QCOMPARE(again.gatewayPanel()->tabs()->currentIndex(), 2);
        QVERIFY(!again.gatewayDock()->visibleRegion().isEmpty());
        QTRY_VERIFY2(
            qAbs(again.gatewayDock()->height() - dockHeight) <= 8,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(again.gatewayDock()->height()).arg(dockHeight)));
        QCOMPARE(MainWindow::recentWorkspaces().value(0), again.model()->root());
    }

    void fileDialogsStartInTheWorkspace()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        // Not the process's current folder: the workspace, or a folder chosen before.
        QVERIFY(QDir::currentPath() != w.model()->root());
        QCOMPARE(w.startFolder(QString()), w.model()->root());
        QCOMPARE(w.startFolder(tmp.path() + QStringLiteral("/gone")), w.model()->root());
        QCOMPARE(w.startFolder(tmp.path()), tmp.path());
    }

    void f5MakesTheGatewayDockTallEnoughForTheLog()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        MemorySecretStore store;
        int height = 0;
        {
            MainWindow w(&store);
            w.resize(1280, 800);
            QVERIFY(w.openWorkspace(dir, false));
            w.gateway()->setExecutable(QStringLiteral("/nonexistent/airgatectl"));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QAction *start = nullptr;
            for (QAction *m : w.menuBar()->actions())
                if (m->menu())
                    for (QAction *a : m->menu()->actions())
                        if (a->shortcut() == QKeySequence(Qt::Key_F5))
                            start = a;
            QVERIFY(start);
            start->trigger();
            QTRY_VERIFY(!w.gatewayDock()->visibleRegion().isEmpty());
            // The charts and several rows of the access log, not a sliver.
            QTRY_VERIFY2(w.gatewayPanel()->visibleLogRows() >= MainWindow::kGatewayLogRows,
                         qPrintable(QStringLiteral("%1 rows in a %2 px dock")
                                        .arg(w.gatewayPanel()->visibleLogRows())
                                        .arg(w.gatewayDock()->height())));
            QVERIFY(w.gatewayDock()->height() <= w.height() * 3 / 5);
            // The user's own taller size is kept by F5 and remembered.
            const int fitted = w.gatewayDock()->height();
            w.resizeDocks({w.gatewayDock()}, {fitted + 60}, Qt::Vertical);
            QTRY_VERIFY(w.gatewayDock()->height() > fitted);
            QTest::qWait(200);
            height = w.gatewayDock()->height();
            start->trigger();
            QTest::qWait(100);
            QCOMPARE(w.gatewayDock()->height(), height);
            w.saveLayout();
        }
        MainWindow again(&store);
        QVERIFY(again.openWorkspace(dir, false));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QTRY_VERIFY2(
            qAbs(again.gatewayDock()->height() - height) <= 8,
            qPrintable(QStringLiteral("%1 vs %2").arg(again.gatewayDock()->height()).arg(height)));
    }

    void exportDialogRemembersAndStaysOpenOnError()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        QByteArray plan = ConsoleTest::readFile(dir + QStringLiteral("/plans/standard-plan.yaml"));
        plan.replace("period: 1s", "period: 2h");
        ConsoleTest::writeFile(dir + QStringLiteral("/plans/standard-plan.yaml"), plan);
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(dir, false));
        const QString out = tmp.path() + QStringLiteral("/out");
        QString firstError;
        bool done = false;
        ConsoleTest::onModal([&](QWidget *m) {
            if (m->objectName() != QStringLiteral("exportDialog"))
                return false;
            auto *layout = m->findChild<QComboBox *>(QStringLiteral("exportLayout"));
            layout->setCurrentIndex(layout->findData(QStringLiteral("kustomize")));
            m->findChild<QLineEdit *>(QStringLiteral("exportFolder"))->setText(out);
            auto *ok = m->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            ok->click(); // refused: the plan has an error
            auto *error = m->findChild<QLabel *>(QStringLiteral("exportError"));
            firstError = error->isVisible() ? error->text() : QString();
            if (!m->isVisible())
                return true; // closed: the test fails below
            m->findChild<QCheckBox *>(QStringLiteral("exportForce"))->setChecked(true);
            ok->click();
            done = !m->isVisible();
            if (!done)
                static_cast<QDialog *>(m)->reject();
            return true;
        });
        // As a user does: File ▸ Export… (Ctrl+E).
        for (QAction *m : w.menuBar()->actions())
            for (QAction *a : m->menu()->actions())
                if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E))
                    a->trigger();
        QVERIFY2(firstError.contains(QStringLiteral("1 error")), qPrintable(firstError));
        QVERIFY(done);
        QVERIFY(QFile::exists(out + QStringLiteral("/Kustomization")));
        // Remembered: the layout and the folder.
        QCOMPARE(QSettings().value(QStringLiteral("export/layout")).toString(),
                 QStringLiteral("kustomize"));
        QCOMPARE(QSettings().value(QStringLiteral("export/dir")).toString(), out);
    }

    void openPortalSaysWhyWhenThereIsNothingToOpen()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        w.gatewayPanel()->openPortal();
        QVERIFY2(w.gatewayPanel()->bannerText().contains(QStringLiteral("No portal preview")),
                 qPrintable(w.gatewayPanel()->bannerText()));
    }
};

QTEST_MAIN(TestConsoleWidgets)
#include "tst_consolewidgets.moc"
