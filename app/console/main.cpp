// SPDX-License-Identifier: Apache-2.0
// airgate [--select KEY] [WORKSPACE]
// airgate --screenshot FILE [--size WxH] [--select KEY] [--tab form|yaml] [--problem N]
//         [--dock problems|gateway] [--gateway] [--wait MS] [WORKSPACE]
#include "consoletr.h"
#include "mainwindow.h"
#include "models/workspacemodel.h"
#include "services/gatewaysupervisor.h"
#include "services/secretstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace Airgate::Console;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Airgate"));
    QApplication::setOrganizationName(QStringLiteral("Airgate"));
    QApplication::setApplicationVersion(QStringLiteral(AIRGATE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.airgate.Airgate"));
    QApplication::setWindowIcon(MainWindow::appIcon());

    installTranslations(QLocale());

    QCommandLineParser cli;
    cli.setApplicationDescription(
        Tr::tr("Airgate console: author, validate and run Traefik Hub API resources offline."));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        Tr::tr("Render the main window to a PNG and exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), Tr::tr("Window size for --screenshot."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    Tr::tr("Resource to select, as Kind|namespace|name."),
                                    QStringLiteral("KEY"));
    const QCommandLineOption tab(QStringLiteral("tab"), Tr::tr("Editor tab: form or yaml."),
                                 QStringLiteral("TAB"), QStringLiteral("form"));
    const QCommandLineOption problem(QStringLiteral("problem"),
                                     Tr::tr("Go to problem N (0-based) as a double-click would."),
                                     QStringLiteral("N"));
    const QCommandLineOption dock(QStringLiteral("dock"),
                                  Tr::tr("Bottom panel to show: problems or gateway."),
                                  QStringLiteral("DOCK"), QStringLiteral("problems"));
    const QCommandLineOption gateway(
        QStringLiteral("gateway"),
        Tr::tr("With --screenshot: start the gateway (as F5 does) and wait until it runs."));
    const QCommandLineOption wait(
        QStringLiteral("wait"),
        Tr::tr("With --screenshot: milliseconds to wait before the picture is taken."),
        QStringLiteral("MS"), QStringLiteral("300"));
    cli.addOption(problem);
    cli.addOption(dock);
    cli.addOption(gateway);
    cli.addOption(wait);
    cli.addOption(screenshot);
    cli.addOption(size);
    cli.addOption(select);
    cli.addOption(tab);
    cli.addPositionalArgument(QStringLiteral("workspace"), Tr::tr("Workspace folder to open."),
                              QStringLiteral("[WORKSPACE]"));
    cli.process(app);

    const bool shot = cli.isSet(screenshot);
    QSettings settings;
    if (!shot)
        MainWindow::applyAppearance(settings.value(QStringLiteral("appearance/theme")).toString(),
                                    settings.value(QStringLiteral("appearance/fontSize")).toInt());

    // Screenshots never touch the user's keychain.
    MemorySecretStore *memory = shot ? new MemorySecretStore(&app) : nullptr;
    MainWindow window(memory);
    QString dir = cli.positionalArguments().value(0);
    if (dir.isEmpty() && shot) {
#ifdef AIRGATE_SOURCE_EXAMPLE
        dir = QStringLiteral(AIRGATE_SOURCE_EXAMPLE);
#endif
    }
    if (dir.isEmpty() && !MainWindow::recentWorkspaces().isEmpty())
        dir = MainWindow::recentWorkspaces().first();
    if (!dir.isEmpty() && !QDir(dir).exists()) {
        std::fprintf(stderr, "airgate: %s: no such folder\n", qPrintable(dir));
        if (shot)
            return 2;
        dir.clear();
    }
    if (!dir.isEmpty())
        window.openWorkspace(dir, !shot);
    if (cli.isSet(select) && window.model()->isOpen())
        window.selectResource(cli.value(select));

    if (shot) {
        const QStringList wh = cli.value(size).split(u'x');
        window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1280,
                      wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 800);
        window.editorTabs()->setCurrentIndex(cli.value(tab) == QLatin1StringView("yaml") ? 1 : 0);
        window.show();
        if (cli.isSet(problem))
            window.goToProblem(cli.value(problem).toInt());
        if (cli.value(dock) == QLatin1StringView("gateway"))
            window.gatewayDock()->raise();
        if (cli.isSet(gateway)) {
            window.showGatewayLog();
            window.gateway()->start();
        }
        const QString file = cli.value(screenshot);
        const int delay = std::max(0, cli.value(wait).toInt());
        QTimer::singleShot(delay, &app, [&window, file] {
            // On a real display the picture is taken from the screen, window frame included
            // (what the user sees); offscreen, the window renders itself.
            QPixmap picture;
            if (QGuiApplication::platformName() == QLatin1StringView("xcb") && window.screen())
                picture = window.screen()->grabWindow(
                    0, window.frameGeometry().x(), window.frameGeometry().y(),
                    window.frameGeometry().width(), window.frameGeometry().height());
            if (picture.isNull())
                picture = window.grab();
            const bool ok = picture.save(file, "PNG");
            if (!ok)
                std::fprintf(stderr, "airgate: cannot write %s\n", qPrintable(file));
            window.gateway()->stop();
            QApplication::exit(ok ? 0 : 2);
        });
        return QApplication::exec();
    }
    window.show();
    if (!window.model()->isOpen())
        QTimer::singleShot(0, &window, [&window] {
            // First start: the welcome is the File menu's "Open example" and "Open workspace…".
            QMessageBox box(QMessageBox::Information, Tr::tr("Welcome to Airgate"),
                            Tr::tr("Open a folder of Traefik Hub manifests, or start with the "
                                   "bundled example."),
                            QMessageBox::NoButton, &window);
            QPushButton *example = box.addButton(Tr::tr("Open &example"), QMessageBox::AcceptRole);
            QPushButton *open = box.addButton(Tr::tr("&Open workspace…"), QMessageBox::ActionRole);
            box.addButton(QMessageBox::Close);
            box.exec();
            if (box.clickedButton() == example || box.clickedButton() == open) {
                const auto actions = window.menuBar()->actions().first()->menu()->actions();
                actions.value(box.clickedButton() == example ? 1 : 0)->trigger();
            }
        });
    return QApplication::exec();
}
