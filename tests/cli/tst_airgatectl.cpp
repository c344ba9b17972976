// SPDX-License-Identifier: Apache-2.0
// airgatectl as a user runs it: real processes, real files, exit codes and output.
#include "keys/apikey.h"
#include "model/specs.h"
#include "model/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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

Run run(const QStringList &args, const QByteArray &stdinData = {}, const QString &cwd = {})
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(AIRGATECTL_PATH), args);
    p.waitForStarted();
    if (!stdinData.isNull())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

const QString kExample = QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather");

void copyDir(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir src(from);
    for (const QFileInfo &fi :
         src.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (fi.isDir())
            copyDir(fi.filePath(), to + u'/' + fi.fileName());
        else
            QFile::copy(fi.filePath(), to + u'/' + fi.fileName());
    }
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestAirgatectl final : public QObject
{
    Q_OBJECT

private slots:
    void exampleLintsClean()
    {
        const Run r = run({QStringLiteral("lint"), QStringLiteral("--path"), kExample,
                           QStringLiteral("--offline")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray());
        QVERIFY(r.err.contains("12 documents, 12 resources: 0 errors, 0 warnings"));
    }

    void timingsGoToStderrPerPhaseAndRule()
    {
        const Run plain = run({QStringLiteral("lint"), QStringLiteral("--path"), kExample,
                               QStringLiteral("--offline")});
        const Run r = run({QStringLiteral("lint"), QStringLiteral("--path"), kExample,
                           QStringLiteral("--offline"), QStringLiteral("--timings"),
                           QStringLiteral("--rule.regex=false")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, plain.out); // the report itself is unchanged
        QStringList named;
        const QList<QByteArray> lines = r.err.split('\n');
        for (const QByteArray &l : lines) {
            if (!l.startsWith("timing: "))
                continue;
            const QList<QByteArray> f = l.mid(8).split(' ');
            QCOMPARE(f.size(), 3);
            QCOMPARE(f[2], QByteArray("ms"));
            bool ok = false;
            QVERIFY(f[1].toDouble(&ok) >= 0 && ok);
            named << QString::fromLatin1(f[0]);
        }
        for (const char *phase : {"read", "parse", "index", "load", "schemas", "resource",
                                  "reference", "duplicate", "orphan", "offline-auth"})
            QVERIFY2(named.contains(QLatin1StringView(phase)), phase);
        QVERIFY(!named.contains(QStringLiteral("regex"))); // a rule switched off is not run
        QVERIFY(!plain.err.contains("timing: "));
    }

    void unixOutputAndExitCodeOnErrors()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("bad.yaml")),
              "apiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\nmetadata: {name: a, namespace: "
              "apps}\nspec:\n  isDefault: true\n  jwt:\n    appIdClaim: azp\n    publicKey: k\n    "
              "jwksFile: f\n");
        const Run r = run({QStringLiteral("lint"), QStringLiteral("--path"), dir.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QByteArray(
                     dir.path().toUtf8()
                     + "/bad.yaml:7:5: error: spec.jwt: Invalid value: \"object\": exactly one of "
                       "signingSecretName, publicKey, jwksFile, jwksUrl, or trustedIssuers must be "
                       "specified [resource]\n")),
                 r.out.constData());
    }

    void jsonOutput()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.yaml")),
              "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: p, namespace: "
              "apps}\nspec: {}\n");
        const Run r = run({QStringLiteral("lint"), QStringLiteral("--path"), dir.path(),
                           QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("documents")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("resources")).toInt(), 1);
        bool found = false;
        for (const QJsonValue &v : o.value(QStringLiteral("diagnostics")).toArray()) {
            const QJsonObject d = v.toObject();
            if (d.value(QStringLiteral("message")).toString()
                == QLatin1StringView("spec.title: Required value")) {
                found = true;
                QCOMPARE(d.value(QStringLiteral("kind")).toString(), QStringLiteral("APIPlan"));
                QCOMPARE(d.value(QStringLiteral("namespace")).toString(), QStringLiteral("apps"));
                QCOMPARE(d.value(QStringLiteral("field")).toString(), QStringLiteral("spec.title"));
                QCOMPARE(d.value(QStringLiteral("line")).toInt(), 4);
            }
        }
        QVERIFY(found);
    }

    void otherFormatsAndRuleSwitches()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.yaml")),
              "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: p, namespace: "
              "apps}\nspec: {title: t}\n");
        // Only an orphan warning: exit 0.
        Run r = run({QStringLiteral("lint"), QStringLiteral("--path"), dir.path()});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("[orphan]"));
        r = run({QStringLiteral("lint"), QStringLiteral("--path"), dir.path(),
                 QStringLiteral("--rule.orphan=false")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray());
        for (const char *f : {"checkstyle", "sarif", "junit"}) {
            r = run({QStringLiteral("lint"), QStringLiteral("--path"), dir.path(),
                     QStringLiteral("--format"), QLatin1StringView(f).toString()});
            QCOMPARE(r.code, 0);
            QVERIFY2(!r.out.isEmpty(), f);
        }
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(
            run({QStringLiteral("lint"), QStringLiteral("--path"), QStringLiteral("/nonexistent")})
                .code,
            2);
        QCOMPARE(
            run({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("xml")}).code,
            2);
        const Run r = run({QStringLiteral("lint"), QStringLiteral("--rule.nosuch=false")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown rule \"nosuch\""));
        QCOMPARE(run({QStringLiteral("frobnicate")}).code, 2);
        QCOMPARE(run({}).code, 2);
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--path"), kExample}).code, 2);
    }

    void keyHashMatchesTheDocumentation()
    {
        const QByteArray expected
            = "NzJiZjE2ZGRlY2I3YTNlYzA0YjVjZTAyOTZmODVhMGFiOWQwNDkxMDUyNDNiNGI3OTI0YTM0MGYyNjUyM2U3"
              "ZDc0M2Uy"
              "NDEyNmNlZDkzZTlkZGU2M2QxYjRmNzNjMjQyYzVmMGVkOTdjY2UzOTRhNWFlZTNlY2RiMzg2NmQ4NGY=\n";
        QCOMPARE(
            run({QStringLiteral("key"), QStringLiteral("hash"), QStringLiteral("secret-api-key")})
                .out,
            expected);
        QCOMPARE(run({QStringLiteral("key"), QStringLiteral("hash")}, "secret-api-key\n").out,
                 expected);
        QCOMPARE(run({QStringLiteral("key"), QStringLiteral("hash")}, "secret-api-key").out,
                 expected);
        QCOMPARE(run({QStringLiteral("key"), QStringLiteral("hash")}, "").code, 2);
    }

    void keyNewStoresOnlyTheDigest()
    {
        QTemporaryDir dir;
        copyDir(kExample, dir.path());
        const Run r = run({QStringLiteral("key"), QStringLiteral("new"), QStringLiteral("--path"),
                           dir.path(), QStringLiteral("-n"), QStringLiteral("apps"),
                           QStringLiteral("--app"), QStringLiteral("partner-app"),
                           QStringLiteral("--title"), QStringLiteral("CI key")});
        QCOMPARE(r.code, 0);
        const QByteArray key = r.out.trimmed();
        QCOMPARE(key.size(), 43);
        // The plaintext is nowhere in the workspace.
        const QByteArray file = [&] {
            QFile f(dir.filePath(QStringLiteral("consumers/partner-app.yaml")));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(!file.contains(key));
        QVERIFY(file.contains("title: CI key"));
        QVERIFY(file.contains("secretName: partner-app-key-2"));
        // The old key document stays byte-identical (with its comment).
        QVERIFY(file.contains("  # echo -n \"secret-api-key\" | openssl dgst"));
        auto ws = Workspace::load(dir.path());
        const Resource *secret
            = ws->find(Kind::Secret, QStringLiteral("apps"), QStringLiteral("partner-app-key-2"));
        QVERIFY(secret);
        QVERIFY(
            Keys::verify(key, readSecret(secret->node.get()).data.value(QStringLiteral("key"))));
        // And the workspace still lints clean.
        QCOMPARE(run({QStringLiteral("lint"), QStringLiteral("--path"), dir.path(),
                      QStringLiteral("--offline")})
                     .code,
                 0);
        QCOMPARE(run({QStringLiteral("key"), QStringLiteral("new"), QStringLiteral("--path"),
                      dir.path(), QStringLiteral("-n"), QStringLiteral("apps"),
                      QStringLiteral("--app"), QStringLiteral("nobody")})
                     .code,
                 2);
    }

    void exportRefusesErrorsUnlessForced()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("ws/a.yaml")),
              "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: p, namespace: "
              "apps}\nspec: {}\n");
        const QString out = dir.filePath(QStringLiteral("out"));
        Run r = run({QStringLiteral("export"), QStringLiteral("--path"),
                     dir.filePath(QStringLiteral("ws")), QStringLiteral("--out"), out});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("refused"));
        QVERIFY(!QDir(out).exists());
        r = run({QStringLiteral("export"), QStringLiteral("--path"),
                 dir.filePath(QStringLiteral("ws")), QStringLiteral("--out"), out,
                 QStringLiteral("--force")});
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(out + QStringLiteral("/bundle.yaml")));
    }

    void exampleExportPassesCrdcheck_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::newRow("bundle") << "bundle";
        QTest::newRow("namespaces") << "namespaces";
        QTest::newRow("kustomize") << "kustomize";
    }

    void exampleExportPassesCrdcheck()
    {
        QFETCH(QString, layout);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("export"));
        const Run r = run({QStringLiteral("export"), QStringLiteral("--path"), kExample,
                           QStringLiteral("--out"), out, QStringLiteral("--layout"), layout,
                           QStringLiteral("--offline")});
        QCOMPARE(r.code, 0);
        QVERIFY(!QFile::exists(out + QStringLiteral("/airgate.yaml")));
        // Re-linting the export finds nothing either.
        QCOMPARE(run({QStringLiteral("lint"), QStringLiteral("--path"), out,
                      QStringLiteral("--offline")})
                     .code,
                 0);
        const QString crdcheck = qEnvironmentVariable(
            "AIRGATE_CRDCHECK_DIR", QStringLiteral(AIRGATE_BINARY_DIR "/crdcheck"));
        if (!QFile::exists(crdcheck + QStringLiteral("/node_modules/ajv/package.json"))
            || !QDir(QStringLiteral(AIRGATE_SHARED_DIR "/crds")).exists())
            QSKIP("crdcheck or ../shared/crds not available (./build.sh test installs crdcheck)");
        QProcess node;
        node.start(QStringLiteral("node"),
                   {crdcheck + QStringLiteral("/crdcheck.mjs"), QStringLiteral("--crds"),
                    QStringLiteral(AIRGATE_SHARED_DIR "/crds"), out});
        QVERIFY(node.waitForFinished(60000));
        const QByteArray text = node.readAllStandardOutput();
        QVERIFY2(node.exitCode() == 0, text.constData());
        QVERIFY(text.contains("crdcheck: 12/12 documents valid"));
    }

    void version()
    {
        const Run r = run({QStringLiteral("version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("airgatectl " AIRGATE_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestAirgatectl)
#include "tst_airgatectl.moc"
