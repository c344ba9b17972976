// SPDX-License-Identifier: Apache-2.0
// The GitOps round trip as an operator runs it: `airgatectl import` of a cluster dump, `diff`
// against folders, dumps, Git revisions and the running gateway, `export` → `import` identity.
#include "keys/apikey.h"
#include "model/workspace.h"
#include "yaml/yamlemitter.h"
#include "yaml/yamlparser.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Airgate;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &args, const QString &cwd = {})
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(AIRGATECTL_PATH), args);
    p.waitForStarted();
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Run runWithInput(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral(AIRGATECTL_PATH), args);
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

int git(const QStringList &args, const QString &cwd)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(QStringLiteral("git"),
            QStringList {QStringLiteral("-c"), QStringLiteral("user.name=Test"),
                         QStringLiteral("-c"), QStringLiteral("user.email=test@example.invalid")}
                + args);
    p.waitForFinished(30000);
    return p.exitCode();
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

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** Every file under a folder (relative path → bytes), dot files included. */
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

// ------------------------------------------------------------------ a cluster dump, generated

/// Resources beyond the example so the dump holds every kind and the lint finds something.
const char *const kExtraResources = R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIVersion
metadata:
  name: weather-api-v2
  namespace: apps
spec:
  release: v2.0.0
  title: Weather v2
---
apiVersion: hub.traefik.io/v1alpha1
kind: APIBundle
metadata:
  name: all-weather
  namespace: apps
spec:
  apis:
    - name: weather-api
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: strip-weather
  namespace: apps
spec:
  stripPrefix:
    prefixes: ["/weather"]
---
apiVersion: hub.traefik.io/v1alpha1
kind: APIRateLimit
metadata:
  name: legacy-limit
  namespace: apps
spec:
  limit: 10
  period: 1s
  everyone: true
---
apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata:
  name: too-slow
  namespace: apps
spec:
  title: Too slow
  rateLimit:
    limit: 5
    period: 2h
)";

Yaml::NodePtr sortedKeys(const Yaml::Node &n)
{
    auto out = std::make_shared<Yaml::Node>(n);
    for (auto &item : out->items)
        item = sortedKeys(*item);
    for (auto &e : out->entries)
        e.value = sortedKeys(*e.value);
    std::sort(out->entries.begin(), out->entries.end(),
              [](const auto &a, const auto &b) { return a.key < b.key; });
    return out;
}

QJsonValue toJson(const Yaml::Node &n)
{
    if (n.isMap()) {
        QJsonObject o;
        for (const auto &e : n.entries)
            o.insert(QString::fromStdString(e.key), toJson(*e.value));
        return o;
    }
    if (n.isSequence()) {
        QJsonArray a;
        for (const auto &i : n.items)
            a.append(toJson(*i));
        return a;
    }
    switch (n.scalarType) {
    case Yaml::ScalarType::Bool:
        return *n.asBool();
    case Yaml::ScalarType::Int:
        return static_cast<qint64>(*n.asInt());
    case Yaml::ScalarType::Float:
        return *n.asDouble();
    case Yaml::ScalarType::Null:
        return QJsonValue::Null;
    case Yaml::ScalarType::String:
        break;
    }
    return n.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromStdString(n.value));
}

Yaml::NodePtr str(const char *s)
{
    return Yaml::Node::makeString(s);
}

/** What `kubectl get -o yaml` prints for an object applied from @p r: server fields everywhere. */
Yaml::NodePtr liveObject(const Resource &r, int n)
{
    auto applied = std::make_shared<Yaml::Node>(*r.node);
    if (r.kind == Kind::Secret && applied->has("stringData")) {
        // The API server folds stringData into data.
        auto data = applied->get("data") ? std::make_shared<Yaml::Node>(*applied->get("data"))
                                         : Yaml::Node::makeMap();
        for (const auto &e : applied->get("stringData")->entries)
            data->set(e.key,
                      Yaml::Node::makeString(
                          QByteArray::fromStdString(e.value->text()).toBase64().toStdString()));
        applied->remove("stringData");
        applied->set("data", data);
    }
    auto live = sortedKeys(*applied);
    auto meta = std::make_shared<Yaml::Node>(*live->get("metadata"));
    auto annotations = meta->get("annotations")
        ? std::make_shared<Yaml::Node>(*meta->get("annotations"))
        : Yaml::Node::makeMap();
    annotations->set("kubectl.kubernetes.io/last-applied-configuration",
                     Yaml::Node::makeString(QJsonDocument(toJson(*sortedKeys(*r.node)).toObject())
                                                .toJson(QJsonDocument::Compact)
                                                .toStdString()
                                            + "\n"));
    meta->set("annotations", annotations);
    meta->set("creationTimestamp", str("2026-03-01T10:00:00Z"));
    if (r.kind != Kind::Secret && r.kind != Kind::ConfigMap)
        meta->set("generation", Yaml::Node::makeInt(n % 3 + 1));
    auto managed = Yaml::Node::makeMap();
    managed->set("apiVersion", str(r.apiVersion.toUtf8().constData()));
    managed->set("fieldsType", str("FieldsV1"));
    auto fields = Yaml::Node::makeMap();
    fields->set("f:metadata", Yaml::Node::makeMap());
    managed->set("fieldsV1", fields);
    managed->set("manager", str("kubectl-client-side-apply"));
    managed->set("operation", str("Update"));
    managed->set("time", str("2026-03-01T10:00:00Z"));
    auto managedFields = Yaml::Node::makeSequence();
    managedFields->items.push_back(managed);
    meta->set("managedFields", managedFields);
    meta->set("resourceVersion", str(std::to_string(48213 + n).c_str()));
    meta->set("uid",
              str(QStringLiteral("6b1f0c2e-0000-4000-8000-%1")
                      .arg(n, 12, 10, QLatin1Char('0'))
                      .toUtf8()
                      .constData()));
    live->set("metadata", sortedKeys(*meta));
    if (r.kind != Kind::Secret && r.kind != Kind::ConfigMap) {
        auto cond = Yaml::Node::makeMap();
        cond->set("lastTransitionTime", str("2026-03-01T10:00:01Z"));
        cond->set("message", str(""));
        cond->set("reason", str("Synced"));
        cond->set("status", str("True"));
        cond->set("type", str("Ready"));
        auto conditions = Yaml::Node::makeSequence();
        conditions->items.push_back(cond);
        auto status = Yaml::Node::makeMap();
        status->set("conditions", conditions);
        status->set("hash", str("aGFzaA=="));
        status->set("syncedAt", str("2026-03-01T10:00:01Z"));
        status->set("version", str("v1.33.0"));
        live->set("status", status);
    }
    return sortedKeys(*live);
}

Yaml::NodePtr parse(const char *text)
{
    std::vector<Yaml::Problem> problems;
    return Yaml::parseSingleDocument(text, problems);
}

/** Cluster objects nobody imports: a Deployment, a Service, the CA ConfigMap, a Helm release. */
QList<Yaml::NodePtr> clusterNoise()
{
    return {parse("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: weather-app, namespace: "
                  "apps, uid: 1, resourceVersion: '9'}\nspec: {replicas: 2}\nstatus: "
                  "{readyReplicas: 2}\n"),
            parse("apiVersion: v1\nkind: Service\nmetadata: {name: weather-app, namespace: apps}\n"
                  "spec: {ports: [{port: 8080}]}\n"),
            parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-root-ca.crt, namespace: "
                  "apps}\ndata: {ca.crt: x}\n"),
            parse("apiVersion: v1\nkind: Secret\nmetadata: {name: sh.helm.release.v1.hub.v1, "
                  "namespace: apps}\ntype: helm.sh/release.v1\ndata: {release: eA==}\n")};
}

/** `kubectl get …,… -A -o yaml|json`: one v1 List of every object. */
QByteArray clusterDump(const Workspace &ws, bool json)
{
    auto items = Yaml::Node::makeSequence();
    int n = 0;
    for (const Resource &r : ws.resources())
        items->items.push_back(liveObject(r, ++n));
    for (const auto &noise : clusterNoise())
        items->items.push_back(sortedKeys(*noise));
    auto list = Yaml::Node::makeMap();
    list->set("apiVersion", str("v1"));
    list->set("items", items);
    list->set("kind", str("List"));
    auto meta = Yaml::Node::makeMap();
    meta->set("resourceVersion", str(""));
    list->set("metadata", meta);
    if (json)
        return QJsonDocument(toJson(*list).toObject()).toJson(QJsonDocument::Indented);
    Yaml::EmitOptions o;
    o.kubernetesKeyOrder = false;
    return QByteArray::fromStdString(Yaml::emitDocument(*list, o));
}

/** Lint findings without where they are (files and lines differ between layouts). */
QSet<QString> findings(const QString &ws)
{
    const Run r
        = run({QStringLiteral("lint"), QStringLiteral("--path"), ws, QStringLiteral("--offline"),
               QStringLiteral("--format"), QStringLiteral("json")});
    QSet<QString> out;
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    for (const QJsonValue &v : o.value(QStringLiteral("diagnostics")).toArray()) {
        const QJsonObject d = v.toObject();
        QStringList parts;
        for (const char *k : {"severity", "rule", "kind", "namespace", "name", "field", "message"})
            parts << d.value(QLatin1StringView(k)).toVariant().toString();
        out.insert(parts.join(u'|'));
    }
    return out;
}

QString sourceWorkspace(const QTemporaryDir &dir)
{
    const QString src = dir.filePath(QStringLiteral("source"));
    copyDir(kExample, src);
    write(src + QStringLiteral("/more/extra.yaml"), kExtraResources);
    return src;
}

/** A fresh workspace holding only what the workstation knows (airgate.yaml, the OpenAPI copy). */
QString emptyWorkspace(const QTemporaryDir &dir, const QString &name)
{
    const QString ws = dir.filePath(name);
    QDir().mkpath(ws + QStringLiteral("/specs"));
    QFile::copy(kExample + QStringLiteral("/airgate.yaml"), ws + QStringLiteral("/airgate.yaml"));
    QFile::copy(kExample + QStringLiteral("/specs/weather.json"),
                ws + QStringLiteral("/specs/weather.json"));
    return ws;
}

} // namespace

class TestGitOps final : public QObject
{
    Q_OBJECT

private slots:
    void realisticDumpImportsAndLintsAsTheSource_data()
    {
        QTest::addColumn<bool>("json");
        QTest::addColumn<bool>("lastApplied");
        QTest::newRow("kubectl -o yaml") << false << false;
        QTest::newRow("kubectl -o json") << true << false;
        QTest::newRow("-o yaml --prefer-last-applied") << false << true;
    }

    void realisticDumpImportsAndLintsAsTheSource()
    {
        QFETCH(bool, json);
        QFETCH(bool, lastApplied);
        QTemporaryDir dir;
        const QString src = sourceWorkspace(dir);
        auto source = Workspace::load(src);
        QVERIFY(source);
        QCOMPARE(source->resources().size(), size_t(17));
        const QString dumpFile
            = dir.filePath(json ? QStringLiteral("dump.json") : QStringLiteral("dump.yaml"));
        const QByteArray dump = clusterDump(*source, json);
        write(dumpFile, dump);
        QVERIFY(dump.contains("managedFields") && dump.contains("resourceVersion")
                && dump.contains("last-applied-configuration") && dump.contains("status"));

        const QString ws = emptyWorkspace(dir, QStringLiteral("imported"));
        QStringList args {QStringLiteral("import"), QStringLiteral("--from"), dumpFile,
                          QStringLiteral("--path"), ws};
        if (lastApplied)
            args << QStringLiteral("--prefer-last-applied");
        const Run r = run(args);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("17 added, 0 replaced, 0 unchanged, 4 skipped"), r.err.constData());
        QVERIFY(r.err.contains("skipped: Deployment apps/weather-app (apps/v1,"));
        QVERIFY(r.err.contains("skipped: Service apps/weather-app (v1,"));
        QVERIFY(r.err.contains("skipped: ConfigMap apps/kube-root-ca.crt ("));
        QVERIFY(r.err.contains("skipped: Secret apps/sh.helm.release.v1.hub.v1 ("));
        if (lastApplied)
            QVERIFY(r.err.contains("17 from their last-applied configuration"));
        QVERIFY(QFile::exists(ws + QStringLiteral("/apps/apiplans.yaml")));

        // Nothing the server set is left.
        for (const QByteArray &bytes : snapshot(ws)) {
            for (const char *field : {"resourceVersion", "managedFields", "creationTimestamp",
                                      "uid:", "generation", "last-applied", "\nstatus:"})
                QVERIFY2(!bytes.contains(field), field);
        }
        // The same findings, and nothing new.
        const QSet<QString> before = findings(src);
        QVERIFY(before.size() >= 3); // a CEL error, the deprecated kind, an orphan version…
        QCOMPARE(findings(ws), before);
        // Semantically the source, whatever the layout.
        QCOMPARE(run({QStringLiteral("diff"), QStringLiteral("--path"), ws,
                      QStringLiteral("--against"), src})
                     .code,
                 0);
        // The dump itself diffs clean: server fields and unrelated kinds are not differences.
        const Run d = run({QStringLiteral("diff"), QStringLiteral("--path"), ws,
                           QStringLiteral("--against"), dumpFile});
        QVERIFY2(d.code == 0, d.out.constData());
        QVERIFY(d.err.contains("Deployment apps/weather-app (apps/v1) left out"));
    }

    void importingTwiceChangesNothing()
    {
        QTemporaryDir dir;
        auto source = Workspace::load(sourceWorkspace(dir));
        QVERIFY(source);
        const QString dumpFile = dir.filePath(QStringLiteral("dump.yaml"));
        write(dumpFile, clusterDump(*source, false));
        const QString ws = emptyWorkspace(dir, QStringLiteral("ws"));
        const QStringList args {QStringLiteral("import"), QStringLiteral("--from"), dumpFile,
                                QStringLiteral("--path"), ws};
        QCOMPARE(run(args).code, 0);
        const auto first = snapshot(ws);
        const Run again = run(args);
        QCOMPARE(again.code, 0);
        QVERIFY2(again.err.contains("0 added, 0 replaced, 17 unchanged"), again.err.constData());
        QVERIFY(!again.err.contains("created") && !again.err.contains("updated"));
        QCOMPARE(snapshot(ws), first);
        // The kinds layout into a workspace laid out otherwise finds the same resources there.
        const Run other
            = run(args + QStringList {QStringLiteral("--layout"), QStringLiteral("kinds")});
        QCOMPARE(other.code, 0);
        QCOMPARE(snapshot(ws), first);
    }

    void exportThenImportIsTheIdentity()
    {
        QTemporaryDir dir;
        const QString src = sourceWorkspace(dir);
        const QString exported = dir.filePath(QStringLiteral("export"));
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--path"), src,
                      QStringLiteral("--out"), exported, QStringLiteral("--layout"),
                      QStringLiteral("namespaces"), QStringLiteral("--force")})
                     .code,
                 0);
        const QString ws = dir.filePath(QStringLiteral("ws"));
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--from"), exported,
                      QStringLiteral("--path"), ws})
                     .code,
                 0);
        auto expected = snapshot(exported);
        expected.remove(QStringLiteral(".airgate-export"));
        QCOMPARE(snapshot(ws), expected); // byte for byte

        // From a bundle, the files are the same too (export sorts into apply order).
        const QString bundle = dir.filePath(QStringLiteral("bundle"));
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--path"), src,
                      QStringLiteral("--out"), bundle, QStringLiteral("--force")})
                     .code,
                 0);
        const QString ws2 = dir.filePath(QStringLiteral("ws2"));
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--from"),
                      bundle + QStringLiteral("/bundle.yaml"), QStringLiteral("--path"), ws2})
                     .code,
                 0);
        QCOMPARE(snapshot(ws2), expected);
        QCOMPARE(run({QStringLiteral("diff"), QStringLiteral("--path"), ws2,
                      QStringLiteral("--against"), src})
                     .code,
                 0);
    }

    void importNeverOverwritesWithoutForce()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws"));
        copyDir(kExample, ws);
        const auto before = snapshot(ws);
        const QString dumpFile = dir.filePath(QStringLiteral("dump.yaml"));
        write(dumpFile,
              "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata:\n  name: "
              "standard-plan\n  namespace: apps\n  resourceVersion: \"7\"\nspec:\n  "
              "title: Standard Plan\n  description: Standard access to APIs\n  "
              "rateLimit: {limit: 250, period: 1s}\n  quota: {limit: 1000, period: "
              "1h}\nstatus: {version: x}\n");
        const QStringList args {QStringLiteral("import"), QStringLiteral("--from"), dumpFile,
                                QStringLiteral("--path"), ws};
        const Run refused = run(args);
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QByteArray("conflict: APIPlan apps/standard-plan ("
                                                 + dumpFile.toUtf8()
                                                 + ":1) differs from plans/standard-plan.yaml:")),
                 refused.err.constData());
        QVERIFY(refused.err.contains("changed spec.rateLimit.limit: 100 → 250"));
        QVERIFY(refused.err.contains("nothing was written"));
        QCOMPARE(snapshot(ws), before);

        const Run forced = run(args + QStringList {QStringLiteral("--force")});
        QVERIFY2(forced.code == 0, forced.err.constData());
        QVERIFY(forced.err.contains("updated plans/standard-plan.yaml"));
        QVERIFY(forced.err.contains("0 added, 1 replaced, 0 unchanged"));
        auto after = snapshot(ws);
        QVERIFY(after.value(QStringLiteral("plans/standard-plan.yaml")).contains("limit: 250"));
        // Only that file changed; its leading comment stays.
        after.remove(QStringLiteral("plans/standard-plan.yaml"));
        auto rest = before;
        const QByteArray oldPlan = rest.take(QStringLiteral("plans/standard-plan.yaml"));
        QCOMPARE(after, rest);
        if (oldPlan.startsWith('#'))
            QVERIFY(snapshot(ws)
                        .value(QStringLiteral("plans/standard-plan.yaml"))
                        .startsWith(oldPlan.left(oldPlan.indexOf('\n'))));
    }

    void lastAppliedLeavesServerDefaultsOut()
    {
        // What the API server stores: the applied plan plus the CRD's defaults (bucket), with
        // the applied manifest in the annotation.
        const QByteArray live
            = "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata:\n  annotations:\n"
              "    kubectl.kubernetes.io/last-applied-configuration: |\n"
              "      {\"apiVersion\":\"hub.traefik.io/v1alpha1\",\"kind\":\"APIPlan\",\"metadata\":"
              "{\"annotations\":{},\"name\":\"gold\",\"namespace\":\"apps\"},\"spec\":{"
              "\"rateLimit\":"
              "{\"limit\":5,\"period\":\"1s\"},\"title\":\"Gold\"}}\n"
              "  creationTimestamp: \"2026-03-01T10:00:00Z\"\n  generation: 1\n  name: gold\n"
              "  namespace: apps\n  resourceVersion: \"4711\"\n"
              "  uid: 0b4e8a52-8d5c-4f57-9a3e-2f1c0c0e0001\nspec:\n  rateLimit:\n"
              "    bucket: subscription\n    limit: 5\n    period: 1s\n  title: Gold\n"
              "status:\n  version: v1.33.0\n";
        QTemporaryDir dir;
        const QString dumpFile = dir.filePath(QStringLiteral("live.yaml"));
        write(dumpFile, live);
        const QString plain = dir.filePath(QStringLiteral("plain"));
        const Run r1 = run({QStringLiteral("import"), QStringLiteral("--from"), dumpFile,
                            QStringLiteral("--path"), plain});
        QVERIFY2(r1.code == 0, r1.err.constData());
        const QByteArray asServed = read(plain + QStringLiteral("/apps/apiplans.yaml"));
        QVERIFY(asServed.contains("bucket: subscription"));
        const QString applied = dir.filePath(QStringLiteral("applied"));
        const Run r2
            = run({QStringLiteral("import"), QStringLiteral("--from"), dumpFile,
                   QStringLiteral("--path"), applied, QStringLiteral("--prefer-last-applied")});
        QVERIFY2(r2.code == 0, r2.err.constData());
        QVERIFY(r2.err.contains("1 from their last-applied configuration"));
        const QByteArray asApplied = read(applied + QStringLiteral("/apps/apiplans.yaml"));
        QVERIFY2(!asApplied.contains("bucket"), asApplied.constData());
        QVERIFY(asApplied.contains("limit: 5"));
        for (const QByteArray &b : {asServed, asApplied})
            for (const char *f : {"uid", "resourceVersion", "generation", "creationTimestamp",
                                  "last-applied", "status:"})
                QVERIFY2(!b.contains(f), f);
        // The two differ exactly by the default, and diff says so.
        const Run d = run({QStringLiteral("diff"), QStringLiteral("--path"), applied,
                           QStringLiteral("--against"), plain});
        QCOMPARE(d.code, 1);
        QVERIFY2(d.out.contains("# removed spec.rateLimit.bucket: subscription"),
                 d.out.constData());
    }

    void kindsLayoutFromStandardInput()
    {
        QTemporaryDir dir;
        auto source = Workspace::load(sourceWorkspace(dir));
        QVERIFY(source);
        const QString ws = dir.filePath(QStringLiteral("ws"));
        const Run r = runWithInput({QStringLiteral("import"), QStringLiteral("--from"),
                                    QStringLiteral("-"), QStringLiteral("--path"), ws,
                                    QStringLiteral("--layout"), QStringLiteral("kinds")},
                                   clusterDump(*source, true));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.contains("17 added"));
        const auto files = snapshot(ws);
        QVERIFY2(files.contains(QStringLiteral("apiplans.yaml"))
                     && files.contains(QStringLiteral("ingressroutes.yaml"))
                     && files.contains(QStringLiteral("secrets.yaml")),
                 qPrintable(QStringList(files.keys()).join(u' ')));
        for (const QString &f : files.keys())
            QVERIFY2(!f.contains(u'/'), qPrintable(f)); // every kind at the root
        // Both APIPlans of the two namespaces' worth of resources in one file.
        const QByteArray plans = files.value(QStringLiteral("apiplans.yaml"));
        QCOMPARE(plans.count("kind: APIPlan\n"), 2);
        QCOMPARE(run({QStringLiteral("diff"), QStringLiteral("--path"), ws,
                      QStringLiteral("--against"), dir.filePath(QStringLiteral("source"))})
                     .code,
                 0);
    }

    void brokenDumpIsALocatedErrorAndWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("dump");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("where");
        // Cut inside a JSON string: the reader's own syntax error with line and column.
        QTest::newRow("json cut short")
            << QByteArray("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n      "
                          "      \"apiVersion\": \"hub.traefik.io/v1alpha1\",\n            "
                          "\"kind\": \"APIPl")
            << "dump.json"
            << "dump.json:6:";
        // A YAML List that lost its tail (`kind: List` is printed last): no kind.
        QTest::newRow("yaml list without its tail")
            << QByteArray("apiVersion: v1\nitems:\n- apiVersion: hub.traefik.io/v1alpha1\n  "
                          "kind: APIPlan\n  metadata:\n    name: p\n    namespace: apps\n  spec:\n "
                          "   title: P\n")
            << "dump.yaml"
            << "dump.yaml:1:1: not a Kubernetes object: kind is missing";
        QTest::newRow("item cut before its name")
            << QByteArray("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: "
                          "Secret\n  metadata:\n    namespace: apps\n")
            << "dump.yaml"
            << "dump.yaml:4:3: List item 0: Secret has no metadata.name";
        QTest::newRow("not an object") << QByteArray("- a\n- b\n") << "dump.yaml"
                                       << "dump.yaml:1:1: a document must be a Kubernetes object";
    }

    void brokenDumpIsALocatedErrorAndWritesNothing()
    {
        QFETCH(QByteArray, dump);
        QFETCH(QString, fileName);
        QFETCH(QString, where);
        QTemporaryDir dir;
        // A good file beside the broken one: all or nothing.
        const QString from = dir.filePath(QStringLiteral("dump"));
        write(from + QStringLiteral("/a-good.yaml"),
              "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: good, "
              "namespace: apps}\nspec: {title: Good}\n");
        write(from + u'/' + fileName, dump);
        const QString ws = dir.filePath(QStringLiteral("ws"));
        const Run r = run({QStringLiteral("import"), QStringLiteral("--from"), from,
                           QStringLiteral("--path"), ws});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(where.toUtf8()), r.err.constData());
        QVERIFY(r.err.contains("nothing was written"));
        QVERIFY(!QFileInfo::exists(ws));
        const Run missing
            = run({QStringLiteral("import"), QStringLiteral("--from"),
                   dir.filePath(QStringLiteral("nope.yaml")), QStringLiteral("--path"), ws});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("nope.yaml: no such file"));
    }

    void plaintextKeySecretsAreImportedAsDigests()
    {
        QTemporaryDir dir;
        const QString dumpFile = dir.filePath(QStringLiteral("dump.yaml"));
        write(dumpFile,
              "apiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication\nmetadata: {name: "
              "app, namespace: apps}\nspec:\n  appId: app\n  owner: me\n  apiKeys:\n  - "
              "secretName: app-key\n  - value: inline-plaintext\n---\napiVersion: v1\nkind: "
              "Secret\nmetadata: {name: app-key, namespace: apps}\ntype: Opaque\ndata:\n  key: "
                  + QByteArray("secret-api-key").toBase64() + "\n");
        const QString ws = dir.filePath(QStringLiteral("ws"));
        const Run r = run({QStringLiteral("import"), QStringLiteral("--from"), dumpFile,
                           QStringLiteral("--path"), ws});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.contains(QByteArray("warning: Secret apps/app-key (" + dumpFile.toUtf8()
                                          + ":11): data.key held a plaintext API key; imported "
                                            "as its SHAKE256 digest")));
        QVERIFY(r.err.contains("spec.apiKeys[1].value held a plaintext API key"));
        const QByteArray secrets = read(ws + QStringLiteral("/apps/secrets.yaml"));
        QVERIFY(secrets.contains(QByteArray("key: " + Keys::secretDataValue("secret-api-key"))));
        QVERIFY(!secrets.contains(QByteArray("secret-api-key").toBase64()));
        QVERIFY(read(ws + QStringLiteral("/apps/managedapplications.yaml"))
                    .contains(QByteArray("value: " + Keys::digestHex("inline-plaintext"))));
    }

    void diffOfReformattedCopiesIsEmpty()
    {
        QTemporaryDir dir;
        // Everything in one file as a List, flow style, sorted keys, other quoting and comments.
        const QString copy = dir.filePath(QStringLiteral("copy"));
        auto ws = Workspace::load(kExample);
        QVERIFY(ws);
        QByteArray text = "# all in one List\napiVersion: v1\nkind: List\nitems:\n";
        for (const Resource &r : ws->resources())
            text += "- "
                + QJsonDocument(toJson(*sortedKeys(*r.node)).toObject())
                      .toJson(QJsonDocument::Compact)
                + "  # flow\n";
        write(copy + QStringLiteral("/all.yaml"), text);
        const Run r = run({QStringLiteral("diff"), QStringLiteral("--path"), kExample,
                           QStringLiteral("--against"), copy});
        QVERIFY2(r.code == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("0 changed, 0 added, 0 removed, 12 unchanged"));

        // Block style with sorted keys, single quotes and comments, in other files.
        const QString copy2 = dir.filePath(QStringLiteral("copy2"));
        int i = 0;
        for (const Resource &r : ws->resources()) {
            Yaml::EmitOptions o;
            o.kubernetesKeyOrder = false;
            QByteArray doc = QByteArray::fromStdString(Yaml::emitDocument(*sortedKeys(*r.node), o));
            doc.replace(QByteArray("name: " + r.name.toUtf8() + '\n'),
                        QByteArray("name: '" + r.name.toUtf8() + "'   # quoted\n"));
            write(copy2 + QStringLiteral("/f%1.yml").arg(i++), "# reformatted\n" + doc);
        }
        const Run r2 = run({QStringLiteral("diff"), QStringLiteral("--path"), kExample,
                            QStringLiteral("--against"), copy2});
        QVERIFY2(r2.code == 0, QByteArray(r2.out + r2.err).constData());
    }

    void aChangedFieldIsExitOneWithPathAndBothValues()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws"));
        copyDir(kExample, ws);
        QByteArray plan = read(ws + QStringLiteral("/plans/standard-plan.yaml"));
        QVERIFY(plan.contains("limit: 100\n"));
        plan.replace("limit: 100\n", "limit: 200\n");
        write(ws + QStringLiteral("/plans/standard-plan.yaml"), plan);

        const QStringList base {QStringLiteral("diff"), QStringLiteral("--path"), ws,
                                QStringLiteral("--against"), kExample};
        const Run unified = run(base);
        QCOMPARE(unified.code, 1);
        QVERIFY(unified.out.contains("# changed spec.rateLimit.limit: 100 → 200\n"));
        QVERIFY(unified.out.contains("\n-    limit: 100\n+    limit: 200\n"));
        QVERIFY(unified.out.startsWith("diff -u -N "));
        QVERIFY(unified.out.contains("hub.traefik.io.v1alpha1.APIPlan.apps.standard-plan"));
        QVERIFY(unified.err.contains("1 changed, 0 added, 0 removed, 11 unchanged"));

        const Run json
            = run(base + QStringList {QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(json.out).object();
        const QJsonObject res = o.value(QStringLiteral("resources")).toArray().at(0).toObject();
        QCOMPARE(res.value(QStringLiteral("kind")).toString(), QStringLiteral("APIPlan"));
        QCOMPARE(res.value(QStringLiteral("file")).toString(),
                 QStringLiteral("plans/standard-plan.yaml"));
        const QJsonObject change = res.value(QStringLiteral("changes")).toArray().at(0).toObject();
        QCOMPARE(change.value(QStringLiteral("path")).toString(),
                 QStringLiteral("spec.rateLimit.limit"));
        QCOMPARE(change.value(QStringLiteral("old")).toInt(), 100);
        QCOMPARE(change.value(QStringLiteral("new")).toInt(), 200);

        const Run md
            = run(base + QStringList {QStringLiteral("--format"), QStringLiteral("markdown")});
        QCOMPARE(md.code, 1);
        QVERIFY(md.out.contains("| `spec.rateLimit.limit` | `100` | `200` |"));

        // A quoted number is another value: "100" is a string to the API server.
        plan.replace("limit: 200\n", "limit: \"100\"\n");
        write(ws + QStringLiteral("/plans/standard-plan.yaml"), plan);
        const Run typed = run(base);
        QCOMPARE(typed.code, 1);
        QVERIFY(typed.out.contains("# changed spec.rateLimit.limit: 100 → \"100\""));

        // Bad input is exit 2.
        QCOMPARE(run({QStringLiteral("diff"), QStringLiteral("--path"), ws,
                      QStringLiteral("--against"), dir.filePath(QStringLiteral("none"))})
                     .code,
                 2);
        QCOMPARE(run({QStringLiteral("diff"), QStringLiteral("--path"), ws}).code, 2);
    }

    void diffAgainstGitRevisions()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("repo"));
        const QString ws = repo + QStringLiteral("/manifests");
        copyDir(kExample, ws);
        write(repo + QStringLiteral("/README"), "not a manifest\n");
        QCOMPARE(git({QStringLiteral("init"), QStringLiteral("-q")}, repo), 0);
        // No commit yet: HEAD does not exist, and Git says why.
        const Run unborn = run({QStringLiteral("diff"), QStringLiteral("--path"), ws,
                                QStringLiteral("--against"), QStringLiteral("git:HEAD")});
        QCOMPARE(unborn.code, 2);
        QVERIFY2(unborn.err.contains("git:HEAD: "), unborn.err.constData());
        QCOMPARE(git({QStringLiteral("add"), QStringLiteral(".")}, repo), 0);
        QCOMPARE(
            git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("first")}, repo),
            0);

        const QStringList head {QStringLiteral("diff"), QStringLiteral("--path"), ws,
                                QStringLiteral("--against"), QStringLiteral("git:HEAD")};
        QCOMPARE(run(head).code, 0);
        // A comment and a reordering are no difference; a changed value and a new file are.
        QByteArray plan = read(ws + QStringLiteral("/plans/standard-plan.yaml"));
        write(ws + QStringLiteral("/plans/standard-plan.yaml"), "# reviewed\n" + plan);
        QCOMPARE(run(head).code, 0);
        plan.replace("period: 1h", "period: 2h");
        write(ws + QStringLiteral("/plans/standard-plan.yaml"), plan);
        write(ws + QStringLiteral("/plans/gold.yaml"),
              "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: gold, "
              "namespace: apps}\nspec: {title: Gold}\n");
        const Run changed
            = run(head + QStringList {QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(changed.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(changed.out).object();
        QCOMPARE(o.value(QStringLiteral("against")).toString(), QStringLiteral("git:HEAD"));
        QCOMPARE(
            o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("added")).toInt(),
            1);
        QCOMPARE(
            o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("changed")).toInt(),
            1);
        QVERIFY(changed.out.contains("\"path\": \"spec.quota.period\""));

        QCOMPARE(
            git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("second")}, repo),
            0);
        // HEAD~1 still has the old period; HEAD has it but not the untracked gold plan.
        const Run older = run({QStringLiteral("diff"), QStringLiteral("--path"), ws,
                               QStringLiteral("--against"), QStringLiteral("git:HEAD~1")});
        QCOMPARE(older.code, 1);
        QVERIFY(older.out.contains("# changed spec.quota.period: 1h → 2h"));

        const Run nope = run({QStringLiteral("diff"), QStringLiteral("--path"), ws,
                              QStringLiteral("--against"), QStringLiteral("git:no-such-branch")});
        QCOMPARE(nope.code, 2);
        QVERIFY2(nope.err.contains("git:no-such-branch: revspec 'no-such-branch' not found"),
                 nope.err.constData());
        const Run outside = run({QStringLiteral("diff"), QStringLiteral("--path"), kExample,
                                 QStringLiteral("--against"), QStringLiteral("git:HEAD")},
                                dir.path());
        Q_UNUSED(outside); // the source tree may itself be a Git checkout: nothing to assert
    }

    void diffAgainstTheRunningGateway()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws"));
        copyDir(kExample, ws);
        write(ws + QStringLiteral("/airgate.yaml"),
              "entryPoints:\n  web: 127.0.0.1:0\nservices:\n  apps/weather-app:8080: {mock: "
              "specs/weather.json}\nspecs:\n  apps/weather-api: specs/weather.json\n");
        const QString state = dir.filePath(QStringLiteral("state"));
        QProcess serve;
        serve.start(QStringLiteral(AIRGATECTL_PATH),
                    {QStringLiteral("serve"), QStringLiteral("--path"), ws,
                     QStringLiteral("--admin"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--state"), state, QStringLiteral("--no-watch"),
                     QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY(serve.waitForReadyRead(20000));
        const QJsonObject ready = QJsonDocument::fromJson(serve.readLine()).object();
        QCOMPARE(ready.value(QStringLiteral("event")).toString(), QStringLiteral("ready"));
        QVERIFY(QFile::exists(state + QStringLiteral("/admin.json")));

        const QStringList base {
            QStringLiteral("diff"),    QStringLiteral("--path"),  ws,   QStringLiteral("--against"),
            QStringLiteral("gateway"), QStringLiteral("--state"), state};
        const Run same = run(base);
        QVERIFY2(same.code == 0, same.err.constData());
        QVERIFY(same.err.contains("serves generation 1 (from the workspace)"));
        // Edited on disk, not reloaded (--no-watch): the gateway still serves the old plan.
        QByteArray plan = read(ws + QStringLiteral("/plans/standard-plan.yaml"));
        plan.replace("limit: 100\n", "limit: 150\n");
        write(ws + QStringLiteral("/plans/standard-plan.yaml"), plan);
        const Run drift = run(base);
        QCOMPARE(drift.code, 1);
        QVERIFY(drift.out.contains("# changed spec.rateLimit.limit: 100 → 150"));
        QVERIFY(drift.out.contains("gateway/hub.traefik.io.v1alpha1.APIPlan.apps.standard-plan"));

        // The admin API wants its token.
        write(dir.filePath(QStringLiteral("wrong.token")), "nope\n");
        const Run wrong
            = run({QStringLiteral("diff"), QStringLiteral("--path"), ws,
                   QStringLiteral("--against"), QStringLiteral("gateway"),
                   QStringLiteral("--admin"), ready.value(QStringLiteral("admin")).toString(),
                   QStringLiteral("--token-file"), dir.filePath(QStringLiteral("wrong.token"))});
        QCOMPARE(wrong.code, 2);
        QVERIFY(wrong.err.contains("answered 401 (wrong admin token)"));

        serve.terminate();
        QVERIFY(serve.waitForFinished(20000));
        QVERIFY(!QFile::exists(state + QStringLiteral("/admin.json")));
        const Run gone = run(base);
        QCOMPARE(gone.code, 2);
        QVERIFY(gone.err.contains("no running gateway"));
    }
};

QTEST_GUILESS_MAIN(TestGitOps)
#include "tst_gitops.moc"
