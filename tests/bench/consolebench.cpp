// SPDX-License-Identifier: Apache-2.0
// Console responsiveness: startup to an interactive main window on a generated workspace
// (default 1,000 resources), and keystroke-to-diagnostics latency in the form editor.
// The same run times `airgatectl lint` on the same files for reference.
//   airgate-bench-console [--resources N] [--keystrokes N]
// Runs on any Qt platform; under CI use QT_QPA_PLATFORM=offscreen (or xvfb-run).
#include "benchworkspace.h"
#include "editors/formeditor.h"
#include "mainwindow.h"
#include "models/workspacemodel.h"
#include "services/secretstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>

using namespace Airgate::Console;

int main(int argc, char **argv)
{
    QElapsedTimer process;
    process.start();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    int resources = 1000;
    int keystrokes = 50;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1StringView("--resources"))
            resources = args[i + 1].toInt();
        else if (args[i] == QLatin1StringView("--keystrokes"))
            keystrokes = args[i + 1].toInt();
    }
    QTextStream out(stdout);
    QTemporaryDir tmp;
    const QString dir = AirgateBench::generate(tmp.path() + QStringLiteral("/ws"), resources);

    // Startup: window construction, load, validation, first paint, event loop idle.
    QElapsedTimer t;
    t.start();
    MemorySecretStore store;
    MainWindow w(&store);
    w.resize(1280, 800);
    if (!w.openWorkspace(dir, false))
        return 2;
    w.show();
    QCoreApplication::processEvents();
    (void)w.grab(); // a full paint of every visible widget
    QCoreApplication::processEvents();
    const double startupMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    const int loaded = static_cast<int>(w.model()->resourceKeys().size());

    // Keystroke → diagnostics: type into a plan's title; validation is synchronous per edit, the
    // form shows the result before the next event.
    const QString plan = QStringLiteral("APIPlan|team-0|plan-0");
    w.selectResource(plan);
    QCoreApplication::processEvents();
    auto *title
        = qobject_cast<QLineEdit *>(w.formEditor()->fieldWidget(QStringLiteral("spec.title")));
    if (!title)
        return 2;
    title->setFocus();
    QList<double> lat;
    bool sawDiagnostics = false;
    QObject::connect(w.model(), &WorkspaceModel::diagnosticsChanged, &w,
                     [&] { sawDiagnostics = true; });
    for (int i = 0; i < keystrokes; ++i) {
        sawDiagnostics = false;
        QElapsedTimer k;
        k.start();
        QTest::keyClick(title, static_cast<char>('a' + i % 26));
        QCoreApplication::processEvents();
        if (!sawDiagnostics)
            return 3;
        lat.append(static_cast<double>(k.nsecsElapsed()) / 1e6);
    }
    std::sort(lat.begin(), lat.end());
    const double p50 = lat[lat.size() / 2];
    const double p95 = lat[std::min<qsizetype>(lat.size() - 1, lat.size() * 95 / 100)];
    const double validationMs = w.model()->lastValidationMs();

    // Reference from the same run: the CLI linting the same files.
    QElapsedTimer c;
    c.start();
    QProcess lint;
    lint.start(QStringLiteral(AIRGATECTL_PATH),
               {QStringLiteral("lint"), QStringLiteral("--path"), dir});
    lint.waitForFinished(120000);
    const double lintMs = static_cast<double>(c.nsecsElapsed()) / 1e6;

    out << "Airgate console benchmark (" << loaded << " resources, " << keystrokes
        << " keystrokes, platform " << QGuiApplication::platformName() << ")\n";
    out << QStringLiteral("  startup to interactive window   %1 ms   (target < 1500 ms) %2\n")
               .arg(startupMs, 0, 'f', 0)
               .arg(startupMs < 1500 ? QStringLiteral("ok") : QStringLiteral("MISSED"));
    out << QStringLiteral(
               "  keystroke -> diagnostics  p50   %1 ms   p95 %2 ms (target < 100 ms) %3\n")
               .arg(p50, 0, 'f', 1)
               .arg(p95, 0, 'f', 1)
               .arg(p95 < 100 ? QStringLiteral("ok") : QStringLiteral("MISSED"));
    out << QStringLiteral("  of which validation            %1 ms\n").arg(validationMs, 0, 'f', 1);
    out << QStringLiteral("  reference: airgatectl lint      %1 ms (process, same files)\n")
               .arg(lintMs, 0, 'f', 0);
    out.flush();
    return 0;
}
