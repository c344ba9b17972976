// SPDX-License-Identifier: Apache-2.0
// Lint throughput: generates a workspace of N resources (default 10,000; every Hub kind, routes,
// Secrets) and, pinned to one CPU, measures in the same run:
//   * airgate     — a fresh process that loads the CRD schemas, reads, parses and indexes the
//                   workspace and runs every rule (--offline), timed from inside (min and median of
//                   --runs runs), with its peak RSS;
//   * airgatectl  — `airgatectl lint --path DIR --offline` end to end, as a user or CI job runs it
//                   (process start and exit included);
//   * crdcheck    — ../shared/tools/crdcheck (schema + CEL only) on the same files, once.
//   airgate-bench-lint [--resources N] [--runs N] [--keep DIR] [--crdcheck DIR] [--cpu N]
#include "benchworkspace.h"
#include "model/workspace.h"
#include "schema/schema.h"
#include "validation/validator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

extern char **environ;

using namespace Airgate;
using namespace AirgateBench;

namespace {

/** The child: one lint as airgatectl does it, figures on stdout. */
int lintChild(const QString &dir)
{
    QElapsedTimer t;
    t.start();
    Schema::Registry::builtin();
    auto ws = Workspace::load(dir);
    const qint64 loadNs = t.nsecsElapsed();
    ValidationOptions o;
    o.offline = true;
    const Diagnostics ds = Validator::validate(*ws, o);
    const qint64 totalNs = t.nsecsElapsed();
    int errors = 0;
    for (const Diagnostic &d : ds)
        errors += d.isError();
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    std::printf("%lld %lld %lld %d %lld %ld\n", static_cast<long long>(ws->resources().size()),
                static_cast<long long>(loadNs), static_cast<long long>(totalNs), errors,
                static_cast<long long>(ds.size()), u.ru_maxrss);
    return 0;
}

struct Run
{
    bool ok = false;
    double wallSeconds = 0;
    double peakRssMb = 0;
    QByteArray out;
};

/** Runs @p argv to completion, with its own wall time, peak RSS and stdout. */
Run spawn(const QStringList &argv, bool quiet = false)
{
    Run r;
    std::vector<QByteArray> store;
    std::vector<char *> args;
    for (const QString &a : argv)
        store.push_back(a.toLocal8Bit());
    for (QByteArray &a : store)
        args.push_back(a.data());
    args.push_back(nullptr);
    int fds[2];
    if (pipe(fds) != 0)
        return r;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    if (quiet)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    QElapsedTimer t;
    t.start();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        return r;
    }
    char buf[4096];
    ssize_t n = 0;
    while ((n = read(fds[0], buf, sizeof buf)) > 0)
        r.out.append(buf, static_cast<qsizetype>(n));
    close(fds[0]);
    int status = 0;
    rusage u {};
    wait4(pid, &status, 0, &u);
    r.wallSeconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
    r.peakRssMb = static_cast<double>(u.ru_maxrss) / 1024.0;
    // airgatectl exits 1 when lint finds errors; the generated workspace has none.
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return r;
}

double minOf(std::vector<double> v)
{
    return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::string_view(argv[1]) == "--lint-child") {
        QCoreApplication app(argc, argv);
        return lintChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int resources = 10000;
    int runs = 5;
    QString keep;
    QString crdcheck = qEnvironmentVariable("AIRGATE_CRDCHECK_DIR",
                                            QStringLiteral(AIRGATE_BINARY_DIR "/crdcheck"));
    int cpu = -1;
    for (int i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1StringView("--resources"))
            resources = args[i + 1].toInt();
        else if (args[i] == QLatin1StringView("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1StringView("--keep"))
            keep = args[i + 1];
        else if (args[i] == QLatin1StringView("--crdcheck"))
            crdcheck = args[i + 1];
        else if (args[i] == QLatin1StringView("--cpu"))
            cpu = args[i + 1].toInt();
    }
    QTextStream out(stdout);

    // One core for everything measured: the last CPU this process may use unless told otherwise.
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    sched_getaffinity(0, sizeof allowed, &allowed);
    if (cpu < 0)
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &allowed))
                cpu = c;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    const bool pinned = sched_setaffinity(0, sizeof one, &one) == 0;

    QTemporaryDir tmp;
    const QString dir = generate(keep.isEmpty() ? tmp.path() : keep, resources);

    std::vector<double> inSecs, loadSecs, rss, ctlSecs, ctlRss;
    double count = 0;
    QByteArray findings;
    for (int i = 0; i < runs; ++i) {
        const Run child
            = spawn({QCoreApplication::applicationFilePath(), QStringLiteral("--lint-child"), dir});
        const QList<QByteArray> f = child.out.trimmed().split(' ');
        if (!child.ok || f.size() < 6) {
            out << "lint run failed\n";
            return 2;
        }
        count = f[0].toDouble();
        loadSecs.push_back(f[1].toDouble() / 1e9);
        inSecs.push_back(f[2].toDouble() / 1e9);
        rss.push_back(f[5].toDouble() / 1024.0);
        findings = f[3] + " errors, " + f[4] + " findings";
        const Run ctl = spawn({QStringLiteral(AIRGATECTL_PATH), QStringLiteral("lint"),
                               QStringLiteral("--path"), dir, QStringLiteral("--offline")},
                              true);
        if (!ctl.ok) {
            out << "airgatectl lint failed\n";
            return 2;
        }
        ctlSecs.push_back(ctl.wallSeconds);
        ctlRss.push_back(ctl.peakRssMb);
    }

    out << "workspace: " << dir << " (" << count << " resources, " << runs << " runs each";
    if (pinned)
        out << ", pinned to CPU " << cpu;
    out << ")\n";
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("tool"), -12)
               .arg(QStringLiteral("seconds"), 9)
               .arg(QStringLiteral("resources/s"), 12)
               .arg(QStringLiteral("median r/s"), 11)
               .arg(QStringLiteral("peak RSS MB"), 12);
    out << QStringLiteral("%1 %2 %3 %4 %5   (schemas + read + parse + index %6 s; all rules, "
                          "--offline; %7)\n")
               .arg(QStringLiteral("airgate"), -12)
               .arg(minOf(inSecs), 9, 'f', 3)
               .arg(count / minOf(inSecs), 12, 'f', 0)
               .arg(count / medianOf(inSecs), 11, 'f', 0)
               .arg(*std::max_element(rss.begin(), rss.end()), 12, 'f', 1)
               .arg(minOf(loadSecs), 0, 'f', 3)
               .arg(QString::fromLatin1(findings));
    out << QStringLiteral("%1 %2 %3 %4 %5   (end to end: process start, lint, output, exit)\n")
               .arg(QStringLiteral("airgatectl"), -12)
               .arg(minOf(ctlSecs), 9, 'f', 3)
               .arg(count / minOf(ctlSecs), 12, 'f', 0)
               .arg(count / medianOf(ctlSecs), 11, 'f', 0)
               .arg(*std::max_element(ctlRss.begin(), ctlRss.end()), 12, 'f', 1);
    out.flush();

    const QString crds = QStringLiteral(AIRGATE_SHARED_DIR "/crds");
    if (!QFile::exists(crdcheck + QStringLiteral("/node_modules/ajv/package.json"))
        || !QDir(crds).exists()) {
        out << "crdcheck     not run: needs ../shared/crds and " << crdcheck
            << " (./build.sh test installs it)\n";
        return 0;
    }
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const Run c = spawn(
        {node, crdcheck + QStringLiteral("/crdcheck.mjs"), QStringLiteral("--crds"), crds, dir});
    const QByteArray last = c.out.trimmed().split('\n').last();
    out << QStringLiteral("%1 %2 %3 %4 %5   (%6; schema + CEL only; one run)\n")
               .arg(QStringLiteral("crdcheck"), -12)
               .arg(c.wallSeconds, 9, 'f', 3)
               .arg(count / c.wallSeconds, 12, 'f', 0)
               .arg(QString(), 11)
               .arg(c.peakRssMb, 12, 'f', 1)
               .arg(QString::fromUtf8(last));
    out << QStringLiteral(
               "ratio        airgate is %1x faster in process, airgatectl %2x end to end\n")
               .arg(c.wallSeconds / minOf(inSecs), 0, 'f', 1)
               .arg(c.wallSeconds / minOf(ctlSecs), 0, 'f', 1);
    out << QStringLiteral("target       20,000 resources/s on one core under 150 MB: %1\n")
               .arg(count / medianOf(inSecs) >= 20000
                            && *std::max_element(rss.begin(), rss.end()) < 150
                        ? QStringLiteral("met (median run)\n")
                        : QStringLiteral("NOT met\n"));
    return 0;
}
