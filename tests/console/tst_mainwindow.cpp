// SPDX-License-Identifier: Apache-2.0
// The main window: tree with badges and filter, problem navigation to the field and the line,
// save/undo through the window, wizards' output, rename and delete, screenshots.
#include "consoletest.h"
#include "dialogs/wizards.h"
#include "editors/formeditor.h"
#include "editors/yamleditor.h"
#include "mainwindow.h"
#include "models/problemsmodel.h"
#include "models/resourcetreemodel.h"
#include "models/workspacemodel.h"
#include "services/secretstore.h"
#include "yaml/nodepath.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace Airgate;
using namespace Airgate::Console;

namespace {
const QString kPlan = QStringLiteral("APIPlan|apps|standard-plan");

int visibleResources(QTreeView *tree, const QModelIndex &parent = {})
{
    int n = 0;
    for (int r = 0; r < tree->model()->rowCount(parent); ++r) {
        const QModelIndex i = tree->model()->index(r, 0, parent);
        if (!i.data(ResourceTreeModel::KeyRole).toString().isEmpty())
            ++n;
        n += visibleResources(tree, i);
    }
    return n;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ConsoleTest::isolate(); }

    void problemNavigationGoesToFieldAndLine()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        QByteArray plan = ConsoleTest::readFile(dir + QStringLiteral("/plans/standard-plan.yaml"));
        plan.replace("period: 1s", "period: 2h");
        ConsoleTest::writeFile(dir + QStringLiteral("/plans/standard-plan.yaml"), plan);
        MemorySecretStore store;
        MainWindow w(&store);
        w.show();
        QVERIFY(w.openWorkspace(dir, false));
        QCOMPARE(w.problemsModel()->rowCount(), 1);
        QCOMPARE(w.problemsModel()->index(0, ProblemsModel::LocationColumn).data().toString(),
                 QStringLiteral("plans/standard-plan.yaml:12:13"));
        w.selectResource(QStringLiteral("API|apps|weather-api"));
        // Double-click (activated) on the problem.
        emit w.problemsView()->activated(w.problemsModel()->index(0, 0));
        QCOMPARE(w.currentResource(), kPlan);
        QCOMPARE(w.editorTabs()->currentWidget(), w.formEditor());
        QWidget *period = w.formEditor()->fieldWidget(QStringLiteral("spec.rateLimit.period"));
        QVERIFY(period);
        QTRY_VERIFY(period->hasFocus());
        QVERIFY(!w.formEditor()->problemText(QStringLiteral("spec.rateLimit.period")).isEmpty());
        // The YAML view's cursor is on the problem's line (file line 12 → the resource's line).
        const int yamlLine = w.yamlEditor()->editor()->textCursor().blockNumber() + 1;
        QCOMPARE(yamlLine + w.model()->yamlFirstLine(kPlan) - 1, 12);
        // The tree carries the error badge for the plan.
        const QModelIndex idx = w.tree()->currentIndex();
        QCOMPARE(idx.data(ResourceTreeModel::KeyRole).toString(), kPlan);
        QCOMPARE(idx.data(ResourceTreeModel::ErrorsRole).toInt(), 1);
        if (qEnvironmentVariableIsSet("AIRGATE_SCREENSHOTS"))
            w.grab().save(qEnvironmentVariable("AIRGATE_SCREENSHOTS")
                          + QStringLiteral("/editor-problem.png"));
    }

    void fileThatDoesNotParseIsFixedInTheConsole()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        ConsoleTest::writeFile(
            dir + QStringLiteral("/bad.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: "
            "apps\ndata:\n  a: [unclosed\n");
        MemorySecretStore store;
        MainWindow w(&store);
        w.show();
        QVERIFY(w.openWorkspace(dir, false));
        int row = -1;
        for (int i = 0; i < w.problemsModel()->rowCount(); ++i)
            if (w.problemsModel()->diagnostic(i).file == QStringLiteral("bad.yaml"))
                row = i;
        QVERIFY(row >= 0);
        QCOMPARE(w.problemsModel()->diagnostic(row).rule, QStringLiteral("yaml"));
        w.goToProblem(row);
        auto *dialog = w.findChild<QDialog *>(QStringLiteral("fileEditor"));
        QVERIFY(dialog);
        auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("fileText"));
        QVERIFY(text->toPlainText().contains(QStringLiteral("[unclosed")));
        text->setPlainText(
            text->toPlainText().replace(QStringLiteral("[unclosed"), QStringLiteral("fixed")));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply)->click();
        QTRY_VERIFY(!dialog->isVisible());
        for (const Diagnostic &d : w.model()->diagnostics())
            QVERIFY(d.file != QStringLiteral("bad.yaml"));
        QVERIFY(w.model()->resource(QStringLiteral("ConfigMap|apps|x")));
        QVERIFY(w.saveAll());
        QVERIFY(ConsoleTest::readFile(dir + QStringLiteral("/bad.yaml")).contains("a: fixed"));
    }

    void treeFilterAndTitleDirtyMarker()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        QCOMPARE(visibleResources(w.tree()), 13); // 12 resources and airgate.yaml
        QTest::keyClicks(w.filterBox(), QStringLiteral("plan"));
        QCOMPARE(visibleResources(w.tree()), 2); // the APIPlan and the catalog item named so
        w.filterBox()->clear();
        QCOMPARE(visibleResources(w.tree()), 13);
        QVERIFY(!w.isWindowModified());
        w.model()->setValue(kPlan, QStringLiteral("spec.title"), QStringLiteral("x"));
        QVERIFY(w.isWindowModified());
        QVERIFY(w.saveAll());
        QVERIFY(!w.isWindowModified());
        QVERIFY(MainWindow::recentWorkspaces().contains(w.model()->root()));
    }

    void apiWizardBuildsApiRouteAndOperationSets()
    {
        ApiParams p;
        p.name = QStringLiteral("weather2");
        p.ns = QStringLiteral("apps");
        p.openApiFile = ConsoleTest::exampleDir() + QStringLiteral("/specs/weather.json");
        p.host = QStringLiteral("w2.example.com");
        p.service = QStringLiteral("weather-app");
        p.port = 8080;
        QString error;
        const WizardResult r = buildApi(p, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(r.resources.size(), 2);
        const Yaml::Node *api = r.resources[0].second.get();
        QCOMPARE(QString::fromStdString(Yaml::Path::get(api, QStringLiteral("spec.title"))->value),
                 QStringLiteral("Weather API"));
        const Yaml::Node *sets
            = Yaml::Path::get(api, QStringLiteral("spec.openApiSpec.operationSets"));
        QVERIFY(sets && sets->isSequence());
        QVERIFY(sets->items.size() >= 1);
        // One exact matcher per operation: an anchored regex for a templated path (never a
        // prefix, which let a subscription reach every path below it), the path itself for a
        // literal one; methods upper case.
        QStringList matchers;
        for (const auto &s : sets->items)
            for (const auto &m : s->get("matchers")->items)
                matchers << QString::fromStdString(m->scalarAt("path").value_or("")) + u'|'
                        + QString::fromStdString(m->scalarAt("pathRegex").value_or("")) + u'|'
                        + QString::fromStdString(m->get("methods")->items.front()->value)
                        + QString::number(m->get("methods")->items.size())
                        + (m->get("pathPrefix") ? QStringLiteral("prefix!") : QString());
        QVERIFY2(matchers.contains(QStringLiteral("|^/forecast/[^/]+$|GET1")),
                 qPrintable(matchers.join(u' ')));
        QVERIFY2(matchers.contains(QStringLiteral("/weather||GET1")),
                 qPrintable(matchers.join(u' ')));
        const Yaml::Node *route = r.resources[1].second.get();
        QCOMPARE(
            QString::fromStdString(
                Yaml::Path::get(route, QStringLiteral("metadata.annotations[hub.traefik.io/api]"))
                    ->value),
            QStringLiteral("weather2"));

        // Added to the example, the result is valid (schema, CEL and static-analysis rules).
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        for (const auto &[file, node] : r.resources)
            m.addResource(file, node);
        for (const Diagnostic &d : m.diagnostics())
            QVERIFY2(!d.isError() || d.name != QStringLiteral("weather2"), qPrintable(d.message));
    }

    void otherWizardsProduceValidResources()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        QList<WizardResult> results {
            buildApplication({QStringLiteral("mobile"), QStringLiteral("apps"),
                              QStringLiteral("user-1"), true, QStringLiteral("first")}),
            buildPlan({QStringLiteral("gold"), QStringLiteral("apps"), QStringLiteral("Gold"), 50,
                       QStringLiteral("1s"), 10000, QStringLiteral("720h")}),
            buildPortal({QStringLiteral("partners"), QStringLiteral("apps"),
                         QStringLiteral("Partners"), QStringLiteral("https://partners.example.com"),
                         QStringLiteral("https://idp.example.com/"), QStringLiteral("partners")})};
        for (const WizardResult &r : results)
            for (const auto &[file, node] : r.resources)
                m.addResource(file, node);
        QVERIFY(m.resource(QStringLiteral("ManagedApplication|apps|mobile")));
        QCOMPARE(m.value(QStringLiteral("APIPlan|apps|gold"), QStringLiteral("spec.quota.limit"))
                     .toLongLong(),
                 10000);
        QCOMPARE(
            m.value(QStringLiteral("APIPortal|apps|partners"), QStringLiteral("spec.auth.name"))
                .toString(),
            QStringLiteral("partners-auth"));
        for (const Diagnostic &d : m.diagnostics())
            QVERIFY2(!d.isError(), qPrintable(d.file + u':' + d.message));
    }

    void renameAndDeleteThroughTheModelKeepReferencesRight()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        const QStringList deps = w.model()->dependents(kPlan);
        QVERIFY(deps.contains(QStringLiteral("ManagedSubscription|apps|partner-subscription")));
        QVERIFY(deps.contains(QStringLiteral("APICatalogItem|apps|standard-plan")));
        w.selectResource(kPlan);
        const QString renamed = w.model()->renameResource(kPlan, QStringLiteral("silver"));
        w.selectResource(renamed);
        QCOMPARE(w.currentResource(), QStringLiteral("APIPlan|apps|silver"));
        QCOMPARE(w.model()
                     ->value(QStringLiteral("APICatalogItem|apps|standard-plan"),
                             QStringLiteral("spec.apiPlan.name"))
                     .toString(),
                 QStringLiteral("silver"));
        w.model()->removeResource(renamed);
        // Dependents now dangle: the reference rule says so.
        bool dangling = false;
        for (const Diagnostic &d : w.model()->diagnostics())
            dangling = dangling || d.rule == QLatin1StringView("reference");
        QVERIFY(dangling);
        w.model()->undoStack()->undo();
        w.model()->undoStack()->undo();
        QVERIFY(w.model()->resource(kPlan));
    }

    void exportWritesKubectlReadyFiles()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        const QString out = tmp.path() + QStringLiteral("/out");
        w.exportWorkspace(out, QStringLiteral("namespaces"), false);
        QVERIFY(QFile::exists(out + QStringLiteral("/apps/apiplans.yaml")));
        QVERIFY(!QFile::exists(out + QStringLiteral("/airgate.yaml")));
    }

    void germanAndFrenchMenus()
    {
        for (const auto &[lang, file] :
             {std::pair {"de", "&Datei"}, std::pair {"fr", "&Fichier"}}) {
            QTranslator t;
            QVERIFY(t.load(QStringLiteral(":/i18n/airgate_%1.qm").arg(QLatin1StringView(lang))));
            QCoreApplication::installTranslator(&t);
            MemorySecretStore store;
            MainWindow w(&store);
            QCOMPARE(w.menuBar()->actions().first()->text(), QString::fromUtf8(file));
            QCoreApplication::removeTranslator(&t);
        }
    }

    void altLettersOfTheMenusAreNotTakenByTabs()
    {
        // Alt+F opens the File menu, Alt+R the Resource menu: no editor or gateway tab may
        // take a menu's letter (a tab's mnemonic wins over the menu bar's), in any language.
        const auto mnemonic = [](const QString &text) -> QChar {
            for (qsizetype i = 0; i + 1 < text.size(); ++i) {
                if (text.at(i) != u'&')
                    continue;
                if (text.at(i + 1) == u'&') {
                    ++i;
                    continue;
                }
                return text.at(i + 1).toLower();
            }
            return {};
        };
        for (const char *lang : {"", "de", "fr"}) {
            QTranslator t;
            if (*lang) {
                QVERIFY(
                    t.load(QStringLiteral(":/i18n/airgate_%1.qm").arg(QLatin1StringView(lang))));
                QCoreApplication::installTranslator(&t);
            }
            MemorySecretStore store;
            MainWindow w(&store);
            QHash<QChar, QString> menus;
            for (const QAction *a : w.menuBar()->actions())
                if (const QChar c = mnemonic(a->text()); !c.isNull())
                    menus.insert(c, a->text());
            QCOMPARE(menus.size(), 5);
            for (const QTabBar *bar : w.findChildren<QTabBar *>())
                for (int i = 0; i < bar->count(); ++i)
                    if (const QChar c = mnemonic(bar->tabText(i)); !c.isNull())
                        QVERIFY2(
                            !menus.contains(c),
                            qPrintable(QStringLiteral("%1: tab \"%2\" takes Alt+%3 of menu \"%4\"")
                                           .arg(QLatin1StringView(lang), bar->tabText(i), c,
                                                menus.value(c))));
            if (*lang)
                QCoreApplication::removeTranslator(&t);
        }
    }

    void screenshotOfTheMainWindow()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        MainWindow w(&store);
        w.resize(1280, 800);
        QVERIFY(w.openWorkspace(ConsoleTest::copyExample(tmp), false));
        w.selectResource(QStringLiteral("API|apps|weather-api"));
        w.show();
        const QImage img = w.grab().toImage();
        QCOMPARE(img.size(), QSize(1280, 800));
        // Not a blank image: the window drew something with several colours.
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 7)
            for (int x = 0; x < img.width(); x += 7)
                colours.insert(img.pixel(x, y));
        QVERIFY(colours.size() > 10);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
