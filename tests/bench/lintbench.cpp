// SPDX-License-Identifier: Apache-2.0
// Lint throughput: generates a workspace of N resources (default 10,000; every Hub kind, routes,
// Secrets), lints it on one thread, and runs ../shared/tools/crdcheck on the same files in the same
// run. Prints resources/s and peak RSS for both.
//   airgate-bench-lint [--resources N] [--keep DIR] [--crdcheck DIR]
#include "benchworkspace.h"
#include "keys/apikey.h"
#include "model/workspace.h"
#include "validation/validator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Airgate;
using namespace AirgateBench;

namespace {

long peakRssKb(int who)
{
    rusage u {};
    getrusage(who, &u);
    return u.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int resources = 10000;
    QString keep;
    QString crdcheck = qEnvironmentVariable("AIRGATE_CRDCHECK_DIR",
                                            QStringLiteral(AIRGATE_BINARY_DIR "/crdcheck"));
    for (int i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1StringView("--resources"))
            resources = args[i + 1].toInt();
        else if (args[i] == QLatin1StringView("--keep"))
            keep = args[i + 1];
        else if (args[i] == QLatin1StringView("--crdcheck"))
            crdcheck = args[i + 1];
    }
    QTextStream out(stdout);
    QTemporaryDir tmp;
    const QString dir = generate(keep.isEmpty() ? tmp.path() : keep, resources);

    // Fork so the peak RSS we report is the lint's own, not the generator's.
    int pipefd[2];
    if (pipe(pipefd) != 0)
        return 2;
    const pid_t pid = fork();
    if (pid == 0) {
        close(pipefd[0]);
        QElapsedTimer t;
        t.start();
        auto ws = Workspace::load(dir);
        const qint64 loadMs = t.elapsed();
        ValidationOptions o;
        o.offline = true;
        const Diagnostics ds = Validator::validate(*ws, o);
        const qint64 totalMs = t.elapsed();
        int errors = 0;
        for (const Diagnostic &d : ds)
            errors += d.isError();
        const QByteArray line = QByteArray::number(ws->resources().size()) + ' '
            + QByteArray::number(loadMs) + ' ' + QByteArray::number(totalMs) + ' '
            + QByteArray::number(errors) + ' ' + QByteArray::number(ds.size()) + ' '
            + QByteArray::number(peakRssKb(RUSAGE_SELF)) + '\n';
        if (write(pipefd[1], line.constData(), static_cast<size_t>(line.size())) < 0)
            _exit(2);
        _exit(0);
    }
    close(pipefd[1]);
    char buf[256] = {};
    const ssize_t n = read(pipefd[0], buf, sizeof buf - 1);
    int status = 0;
    waitpid(pid, &status, 0);
    const QList<QByteArray> f
        = QByteArray(buf, n > 0 ? static_cast<int>(n) : 0).trimmed().split(' ');
    if (f.size() < 6) {
        out << "lint run failed\n";
        return 2;
    }
    const double count = f[0].toDouble();
    const double secs = f[2].toDouble() / 1000.0;
    out << "workspace: " << dir << " (" << count << " resources)\n";
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("tool"), -12)
               .arg(QStringLiteral("seconds"), 9)
               .arg(QStringLiteral("resources/s"), 12)
               .arg(QStringLiteral("peak RSS MB"), 12);
    out << QStringLiteral("%1 %2 %3 %4   (load %5 s, %6 errors, %7 findings, all rules, --offline, "
                          "one thread)\n")
               .arg(QStringLiteral("airgate"), -12)
               .arg(secs, 9, 'f', 3)
               .arg(count / secs, 12, 'f', 0)
               .arg(f[5].toDouble() / 1024.0, 12, 'f', 1)
               .arg(f[1].toDouble() / 1000.0, 0, 'f', 3)
               .arg(QString::fromLatin1(f[3]), QString::fromLatin1(f[4]));
    out.flush();

    const QString crds = QStringLiteral(AIRGATE_SHARED_DIR "/crds");
    if (!QFile::exists(crdcheck + QStringLiteral("/node_modules/ajv/package.json"))
        || !QDir(crds).exists()) {
        out << "crdcheck     not run: needs ../shared/crds and " << crdcheck
            << " (./build.sh test installs it)\n";
        return 0;
    }
    QElapsedTimer t;
    t.start();
    QProcess node;
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QStringLiteral("node"),
               {crdcheck + QStringLiteral("/crdcheck.mjs"), QStringLiteral("--crds"), crds, dir});
    node.waitForFinished(-1);
    const double nodeSecs = t.elapsed() / 1000.0;
    const QByteArray last = node.readAllStandardOutput().trimmed().split('\n').last();
    out << QStringLiteral("%1 %2 %3 %4   (%5; schema + CEL only)\n")
               .arg(QStringLiteral("crdcheck"), -12)
               .arg(nodeSecs, 9, 'f', 3)
               .arg(count / nodeSecs, 12, 'f', 0)
               .arg(peakRssKb(RUSAGE_CHILDREN) / 1024.0, 12, 'f', 1)
               .arg(QString::fromUtf8(last));
    out << QStringLiteral("ratio        airgate is %1x faster\n").arg(nodeSecs / secs, 0, 'f', 1);
    return 0;
}
