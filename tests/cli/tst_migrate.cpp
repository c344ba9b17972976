// SPDX-License-Identifier: Apache-2.0
// `airgatectl migrate` on the offline-mode guide's own complete example, whose APIPlan still uses
// `rateLimit.requests`: a unified diff of two lines, then --write changes that line only and lints.
#include "gitops/textdiff.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Airgate;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(AIRGATECTL_PATH), args);
    p.waitForStarted();
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    const QDir root(dir);
    std::function<void(const QString &)> walk = [&](const QString &d) {
        for (const QFileInfo &fi :
             QDir(d).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
            if (fi.isDir())
                walk(fi.filePath());
            else
                out.insert(root.relativeFilePath(fi.filePath()), read(fi.filePath()));
        }
    };
    walk(dir);
    return out;
}

/// The "Complete Configuration Examples" of Traefik Hub's API Management Offline Mode guide, as
/// published (its indentation restored): API and management tabs, one file each.
const QString kSeed = QStringLiteral(AIRGATE_TEST_DATA_DIR "/offline-mode-example");

QString seedWorkspace(const QTemporaryDir &dir)
{
    const QString ws = dir.filePath(QStringLiteral("seed"));
    for (const char *f : {"api.yaml", "management.yaml"})
        write(ws + u'/' + QLatin1StringView(f), read(kSeed + u'/' + QLatin1StringView(f)));
    return ws;
}

/** Lint findings as "rule field message" (JSON report). */
QSet<QString> lintFindings(const QString &ws)
{
    const Run r = run({QStringLiteral("lint"), QStringLiteral("--path"), ws,
                       QStringLiteral("--format"), QStringLiteral("json")});
    QSet<QString> out;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(r.out).object().value(QStringLiteral("diagnostics")).toArray()) {
        const QJsonObject d = v.toObject();
        out.insert(d.value(QStringLiteral("rule")).toString() + u' '
                   + d.value(QStringLiteral("field")).toString() + u' '
                   + d.value(QStringLiteral("message")).toString());
    }
    return out;
}

} // namespace

class TestMigrate final : public QObject
{
    Q_OBJECT

private slots:
    void seedExamplePlanIsATwoLineChange()
    {
        QTemporaryDir dir;
        const QString ws = seedWorkspace(dir);
        const QSet<QString> before = lintFindings(ws);
        const QStringList beforeList(before.values());
        QVERIFY2(beforeList.filter(QStringLiteral("spec.rateLimit.requests")).size() == 1,
                 qPrintable(beforeList.join(u'\n')));
        const auto files = snapshot(ws);

        // Without --write: the diff, exit 0, nothing written.
        const Run dry = run({QStringLiteral("migrate"), QStringLiteral("--path"), ws});
        QVERIFY2(dry.code == 0, dry.err.constData());
        QCOMPARE(dry.out,
                 QByteArray("--- a/management.yaml\n+++ b/management.yaml\n@@ -7,7 +7,7 @@\n"
                            "   title: Standard Plan\n   description: Standard access to APIs\n"
                            "   rateLimit:\n-    requests: 100\n+    limit: 100\n"
                            "     period: 1s\n   quota:\n     limit: 1000\n"));
        QVERIFY2(dry.err.contains("1 migration in 1 file, 0 to decide; --write applies them"),
                 dry.err.constData());
        QCOMPARE(snapshot(ws), files);

        // With --write: that one line and nothing else, then lint — which still finds what the
        // guide's example gets wrong besides (its key Secret has no namespace): exit 1.
        const Run written = run(
            {QStringLiteral("migrate"), QStringLiteral("--path"), ws, QStringLiteral("--write")});
        QVERIFY2(written.code == 1, QByteArray(written.out + written.err).constData());
        QVERIFY(written.err.contains(
            QByteArray("migrated " + ws.toUtf8() + "/management.yaml (1 change)")));
        QVERIFY2(written.err.contains("lint: 8 documents, 8 resources: 1 errors, 1 warnings"),
                 written.err.constData());
        QVERIFY(written.out.contains("Secret \"partner-app-key\" in namespace \"apps\" not found"));
        QVERIFY(!written.out.contains("requests"));
        const auto after = snapshot(ws);
        QCOMPARE(after.value(QStringLiteral("api.yaml")), files.value(QStringLiteral("api.yaml")));
        const QByteArray oldText = files.value(QStringLiteral("management.yaml"));
        const QByteArray newText = after.value(QStringLiteral("management.yaml"));
        const GitOps::DiffStat stat = GitOps::diffStat(oldText, newText);
        QCOMPARE(stat.removed, 1);
        QCOMPARE(stat.added, 1);
        QCOMPARE(QByteArray(newText).replace("    limit: 100\n", "    requests: 100\n"), oldText);
        QCOMPARE(newText.size(), oldText.size() - 3);

        // Lint: the stale field (unknown, and the limit it left missing) is gone, nothing new.
        QSet<QString> gone = before;
        gone.subtract(lintFindings(ws));
        QVERIFY(lintFindings(ws).subtract(before).isEmpty());
        QCOMPARE(gone.size(), 2);
        for (const QString &g : gone)
            QVERIFY2(g.contains(QStringLiteral("spec.rateLimit.")), qPrintable(g));

        // Once migrated there is nothing left to do.
        const Run again = run({QStringLiteral("migrate"), QStringLiteral("--path"), ws});
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.isEmpty());
        QVERIFY(again.err.contains("0 migrations in 0 files, 0 to decide"));
    }

    void decisionsAreListedWithWhere()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws"));
        write(ws + QStringLiteral("/legacy.yaml"),
              "# kept as is\napiVersion: hub.traefik.io/v1alpha1\nkind: APIRateLimit\n"
              "metadata: {name: old, namespace: apps}\nspec: {limit: 1, period: 1s, everyone: "
              "true}\n---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\n"
              "metadata: {name: jwt, namespace: apps}\nspec:\n  isDefault: true\n  jwt:\n"
              "    appIdClaim: azp\n    jwksUrl: https://idp.example.com/jwks\n");
        const auto files = snapshot(ws);
        const Run dry = run({QStringLiteral("migrate"), QStringLiteral("--path"), ws});
        QCOMPARE(dry.code, 0);
        QVERIFY(dry.err.contains(
            QByteArray(ws.toUtf8()
                       + "/legacy.yaml:2:1: needs a decision: APIRateLimit apps/old: "
                         "APIRateLimit is deprecated")));
        QVERIFY(dry.out.contains(
            "+    trustedIssuers:\n+      - jwksUrl: https://idp.example.com/jwks\n"));
        QVERIFY(dry.err.contains("1 migration in 1 file, 1 to decide"));

        // Offline the JWKS URL is a decision too, and nothing is rewritten.
        const Run offline = run({QStringLiteral("migrate"), QStringLiteral("--path"), ws,
                                 QStringLiteral("--offline"), QStringLiteral("--write")});
        QVERIFY(offline.err.contains("needs a decision: APIAuth apps/jwt: an offline cluster "
                                     "cannot fetch https://idp.example.com/jwks"));
        QVERIFY(offline.err.contains("0 migrations written, 2 to decide"));
        QCOMPARE(snapshot(ws), files);

        // Bad input is exit 2.
        QCOMPARE(run({QStringLiteral("migrate"), QStringLiteral("--path"),
                      dir.filePath(QStringLiteral("none"))})
                     .code,
                 2);
    }

    void catalogueIsListed()
    {
        const Run r = run({QStringLiteral("migrate"), QStringLiteral("--list")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("plan-requests\tAPIPlan\tspec.rateLimit.requests -> "
                                 "spec.rateLimit.limit\tautomatic\t"));
        QVERIFY(r.out.contains("apiratelimit\tAPIRateLimit\t"));
        QVERIFY(r.out.contains("\tneeds a decision\t"));
    }
};

QTEST_GUILESS_MAIN(TestMigrate)
#include "tst_migrate.moc"
