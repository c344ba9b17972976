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
    // The admin API is plain HTTP with a bearer token: `--admin` off loopback used to be
    // accepted silently.
    void serveRefusesAnAdminApiOffLoopbackUnlessAsked()
    {
        QTemporaryDir tmp;
        const QString ws = tmp.filePath(QStringLiteral("ws"));
        copyDir(kExample, ws);
        write(ws + QStringLiteral("/airgate.yaml"),
              "entryPoints:\n  web: 127.0.0.1:0\nservices:\n"
              "  apps/weather-app:8080: {mock: specs/weather.json}\n");
        const QStringList base {QStringLiteral("serve"),
                                QStringLiteral("--path"),
                                ws,
                                QStringLiteral("--state"),
                                tmp.filePath(QStringLiteral("state")),
                                QStringLiteral("--no-watch")};
        for (const QString &addr : {QStringLiteral("0.0.0.0:0"), QStringLiteral(":0"),
                                    QStringLiteral("[::]:0"), QStringLiteral("192.0.2.1:0")}) {
            const Run r = run(base + QStringList {QStringLiteral("--admin"), addr});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("is not a loopback address: the admin API speaks plain HTTP"),
                     r.err.constData());
            QVERIFY(r.err.contains("--admin-insecure-remote"));
            QVERIFY(r.out.isEmpty());
        }
        // Loopback, and an explicit request: it serves.
        for (const QStringList &extra :
             {QStringList {QStringLiteral("--admin"), QStringLiteral("127.0.0.1:0")},
              QStringList {QStringLiteral("--admin"), QStringLiteral("0.0.0.0:0"),
                           QStringLiteral("--admin-insecure-remote")}}) {
            QProcess p;
            p.start(QStringLiteral(AIRGATECTL_PATH), base + extra);
            QVERIFY(p.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 20000);
            const QJsonObject ready = QJsonDocument::fromJson(p.readLine()).object();
            QVERIFY2(ready.contains(QStringLiteral("admin")), p.readAllStandardError().constData());
            p.terminate();
            QVERIFY(p.waitForFinished(15000));
            QCOMPARE(p.exitCode(), 0);
        }
        const Run help = run({QStringLiteral("serve"), QStringLiteral("--help")});
        QVERIFY(help.out.contains("--admin-insecure-remote"));
    }

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

    // The README's layout: OpenAPI files under specs/, named by airgate.yaml or not. They were
    // read as manifests ("Object 'Kind' is missing"), failed lint and went into the export.
    void openApiDocumentsAreNotManifests()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws"));
        copyDir(kExample, ws);
        write(ws + QStringLiteral("/specs/pets.yaml"),
              "openapi: 3.0.3\ninfo: {title: Pets, version: '1'}\npaths:\n  /pets:\n    get:\n"
              "      responses:\n        '200': {$ref: 'parts/ok.yaml'}\n");
        write(ws + QStringLiteral("/specs/parts/ok.yaml"), "description: fine\n");
        write(ws + QStringLiteral("/specs/legacy.yml"),
              "swagger: '2.0'\ninfo: {title: Legacy, version: '1'}\npaths: {}\n");
        write(ws + QStringLiteral("/specs/events.yaml"),
              "asyncapi: 2.6.0\ninfo: {title: Events, version: '1'}\nchannels: {}\n");
        // Named by airgate.yaml without an openapi key of its own: a document all the same (and
        // the openapi rule says what is wrong with it).
        write(ws + QStringLiteral("/specs/named.yaml"), "title: not a manifest\n");
        QByteArray settings = QByteArray("entryPoints:\n  web: 127.0.0.1:8800\nservices:\n"
                                         "  apps/weather-app:8080: {mock: specs/pets.yaml}\n"
                                         "specs:\n  apps/weather-api: specs/named.yaml\n");
        write(ws + QStringLiteral("/airgate.yaml"), settings);
        Run r = run(
            {QStringLiteral("lint"), QStringLiteral("--path"), ws, QStringLiteral("--offline")});
        QVERIFY2(r.out.contains("specs/named.yaml:0:0: error: no \"openapi\" or \"swagger\" field"),
                 r.out.constData());
        QVERIFY(!r.out.contains("Kind"));
        QVERIFY2(r.err.contains("info: not linted as manifests: specs/events.yaml (asyncapi 2.6.0 "
                                "document), specs/legacy.yml (swagger 2.0 document), "
                                "specs/named.yaml (named by airgate.yaml), specs/pets.yaml "
                                "(openapi 3.0.3 document), 1 file they refer to\n"),
                 r.err.constData());
        QVERIFY(r.err.contains("12 documents, 12 resources: 1 errors"));
        write(ws + QStringLiteral("/specs/named.yaml"),
              "openapi: 3.1.0\ninfo: {title: Named, version: '1'}\npaths: {}\n");
        r = run(
            {QStringLiteral("lint"), QStringLiteral("--path"), ws, QStringLiteral("--offline")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray());
        // Any other YAML without a kind is still a broken manifest.
        write(ws + QStringLiteral("/apps/stray.yaml"), "title: no kind here\n");
        r = run(
            {QStringLiteral("lint"), QStringLiteral("--path"), ws, QStringLiteral("--offline")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains("apps/stray.yaml:1:1: error:"));
        QFile::remove(ws + QStringLiteral("/apps/stray.yaml"));
        const QString out = dir.filePath(QStringLiteral("out"));
        r = run(
            {QStringLiteral("export"), QStringLiteral("--path"), ws, QStringLiteral("--out"), out});
        QCOMPARE(r.code, 0);
        const QByteArray bundle = [&] {
            QFile f(out + QStringLiteral("/bundle.yaml"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(bundle.contains("kind: API\n"));
        QVERIFY(!bundle.contains("openapi"));
        QVERIFY(!bundle.contains("swagger"));
        QVERIFY(!bundle.contains("description: fine"));
    }

    // References that leave the workspace, or point at the network, are refused where lint
    // can point at them.
    void refusedReferencesAreLintErrors()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws"));
        copyDir(kExample, ws);
        write(dir.filePath(QStringLiteral("outside.yaml")), "description: secret\n");
        write(ws + QStringLiteral("/specs/pets.yaml"),
              "openapi: 3.0.3\ninfo: {title: Pets, version: '1'}\npaths:\n  /pets:\n    get:\n"
              "      responses:\n        '200': {$ref: '../../outside.yaml'}\n"
              "        '404': {$ref: 'https://example.com/404.yaml'}\n");
        const Run r = run({QStringLiteral("lint"), QStringLiteral("--path"), ws});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("specs/pets.yaml:7:24: error: $ref \"../../outside.yaml\" "
                                "refused: it leaves the workspace"),
                 r.out.constData());
        QVERIFY2(r.out.contains("specs/pets.yaml:8:24: error: $ref "
                                "\"https://example.com/404.yaml\" refused: only files inside the "
                                "workspace are read"),
                 r.out.constData());
    }

    // Every real document of the shared corpus, put in a workspace as the README says, lints
    // clean (a skip says why when the corpus is absent).
    void realOpenApiDocumentsLintClean()
    {
        const QString corpus = QStringLiteral(AIRGATE_SHARED_DIR "/external/openapi-docs");
        if (!QFileInfo::exists(corpus))
            QSKIP("../shared/external/openapi-docs is absent");
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws"));
        copyDir(kExample, ws);
        copyDir(corpus, ws + QStringLiteral("/specs/real"));
        QByteArray settings = "entryPoints:\n  web: 127.0.0.1:8800\nservices:\n"
                              "  apps/weather-app:8080: {mock: specs/weather.json}\nspecs:\n";
        const char *docs[] = {"docker-engine-2.0.yaml",
                              "github-api-3.0.json",
                              "oai-petstore-3.0.yaml",
                              "oai-petstore-expanded-3.0.json",
                              "oai-petstore-separate-2.0/spec/swagger.yaml",
                              "oai-webhook-example-3.1.yaml",
                              "openai-3.1.yaml",
                              "redocly-cafe-3.1/openapi.yaml",
                              "redocly-museum-3.1.yaml",
                              "stripe-spec3-3.0.json"};
        int n = 0;
        for (const char *d : docs)
            settings += "  apps/doc-" + QByteArray::number(++n) + ": specs/real/" + d + "\n";
        write(ws + QStringLiteral("/airgate.yaml"), settings);
        const Run r = run(
            {QStringLiteral("lint"), QStringLiteral("--path"), ws, QStringLiteral("--offline")});
        QVERIFY2(!r.out.contains("error"), r.out.constData());
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains("12 documents, 12 resources: 0 errors"));
        QVERIFY(r.err.contains("specs/real/openai-3.1.yaml (openapi 3.1.0 document)"));
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
        QVERIFY(r.out.startsWith("airgatectl " AIRGATE_VERSION "\n"));
        for (const char *label :
             {"Git commit:", "Qt:", "OpenSSL:", "libyaml:", "Traefik Hub CRDs:", "Traefik CRDs:"})
            QVERIFY2(r.out.contains(QByteArray(QByteArray("\n") + label)), label);
        QVERIFY(r.out.contains("Traefik Hub CRDs: v1.33.0"));

        const Run j = run({QStringLiteral("version"), QStringLiteral("--json")});
        QCOMPARE(j.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(j.out).object();
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral(AIRGATE_VERSION));
        QCOMPARE(o.value(QStringLiteral("qt")).toString(), QString::fromLatin1(qVersion()));
        // The text and the JSON name the same commit.
        QVERIFY(r.out.contains(o.value(QStringLiteral("gitCommit")).toString().toUtf8()));

        QCOMPARE(run({QStringLiteral("version"), QStringLiteral("--bogus")}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestAirgatectl)
#include "tst_airgatectl.moc"
