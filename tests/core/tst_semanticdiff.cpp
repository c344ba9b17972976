// SPDX-License-Identifier: Apache-2.0
// core/gitops: the dump reader, the line diff, the semantic diff and Git status.
#include "gitops/diffreport.h"
#include "gitops/dumpreader.h"
#include "gitops/gitrepository.h"
#include "gitops/normalize.h"
#include "gitops/semanticdiff.h"
#include "gitops/textdiff.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Airgate;
using namespace Airgate::GitOps;

namespace {

std::vector<DumpObject> objects(const char *yaml)
{
    auto d = readDump(QByteArray(yaml), QStringLiteral("t.yaml"));
    if (!d)
        qFatal("%s", qPrintable(d.error().message));
    return d->objects;
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

int git(const QStringList &args, const QString &cwd)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(QStringLiteral("git"),
            QStringList {QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                         QStringLiteral("user.email=t@example.invalid")}
                + args);
    p.waitForFinished(30000);
    return p.exitCode();
}

} // namespace

class TestSemanticDiff final : public QObject
{
    Q_OBJECT

private slots:
    void readsListsTypedListsAndDocuments()
    {
        auto d = readDump(QByteArray("apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlanList\n"
                                     "items:\n- metadata: {name: a, namespace: n}\n  spec: {title: "
                                     "A}\n---\n{\"apiVersion\": \"v1\", \"kind\": \"Secret\", "
                                     "\"metadata\": {\"name\": \"s\", \"namespace\": \"n\"}, "
                                     "\"data\": {\"u\": \"a\\/b\"}}\n---\nopenapi: 3.0.3\ninfo: "
                                     "{title: x, version: '1'}\npaths: {}\n---\n# empty\n"),
                          QStringLiteral("d.yaml"));
        QVERIFY(d);
        QCOMPARE(d->objects.size(), size_t(2));
        // A typed list's items get the list's apiVersion and the item kind.
        QCOMPARE(d->objects[0].node->scalarAt("kind").value(), std::string("APIPlan"));
        QCOMPARE(d->objects[0].node->scalarAt("apiVersion").value(),
                 std::string("hub.traefik.io/v1alpha1"));
        QCOMPARE(d->objects[0].item, 0);
        QCOMPARE(d->objects[0].mark.line, 4);
        QCOMPARE(d->objects[1].node->get("data")->scalarAt("u").value(), std::string("a/b"));
        QCOMPARE(d->objects[1].document, 1);
        QCOMPARE(d->notes.size(), 1);
        QVERIFY(d->notes.first().startsWith(QStringLiteral("d.yaml:9:1: skipped: openapi 3.0.3")));
    }

    void readerErrorsAreLocated_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("syntax") << QByteArray("apiVersion: v1\nkind: List\nitems:\n- a: [1, 2\n")
                                << "t.yaml:5:1: ";
        QTest::newRow("scalar item") << QByteArray("apiVersion: v1\nkind: List\nitems:\n- 3\n")
                                     << "t.yaml:4:3: List item 0 is a integer, not an object";
        QTest::newRow("no apiVersion")
            << QByteArray("kind: Secret\nmetadata: {name: s}\n")
            << "t.yaml:1:1: not a Kubernetes object: apiVersion is missing";
        QTest::newRow("items not a list")
            << QByteArray("apiVersion: v1\nkind: List\nitems: {a: 1}\n")
            << "t.yaml:3:8: List items must be a list";
        QTest::newRow("invalid utf-8") << QByteArray("apiVersion: v1\nkind: \xff\n") << "t.yaml:2:";
    }

    void readerErrorsAreLocated()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        auto d = readDump(text, QStringLiteral("t.yaml"));
        QVERIFY(!d);
        QVERIFY2(d.error().message.startsWith(error), qPrintable(d.error().message));
    }

    void unifiedDiffAppliesWithGit()
    {
        // Random texts; the diff must apply with `git apply` and be as short as GNU diff's minimal.
        QTemporaryDir dir;
        QRandomGenerator rng(15);
        for (int round = 0; round < 40; ++round) {
            QByteArray a;
            QByteArray b;
            const int n = 1 + static_cast<int>(rng.bounded(40));
            for (int i = 0; i < n; ++i) {
                const QByteArray line = "line " + QByteArray::number(rng.bounded(8)) + '\n';
                const quint32 r = rng.bounded(10);
                if (r != 0)
                    a += line;
                if (r != 1)
                    b += r == 2 ? QByteArray("changed\n") : line;
            }
            if (round % 5 == 0)
                b.chop(1); // no newline at end of file
            write(dir.filePath(QStringLiteral("f")), a);
            write(dir.filePath(QStringLiteral("b")), b);
            const QByteArray patch = unifiedDiff(a, b, "a/f", "b/f");
            if (a == b) {
                QVERIFY(patch.isEmpty());
                continue;
            }
            // GNU diff --minimal finds a shortest script too: the same number of lines.
            write(dir.filePath(QStringLiteral("old")), a);
            QProcess gnu;
            gnu.start(QStringLiteral("diff"),
                      {QStringLiteral("--minimal"), QStringLiteral("-u"),
                       dir.filePath(QStringLiteral("old")), dir.filePath(QStringLiteral("b"))});
            QVERIFY(gnu.waitForFinished(10000));
            int gnuRemoved = 0;
            int gnuAdded = 0;
            for (const QByteArray &line : gnu.readAllStandardOutput().split('\n')) {
                if (line.startsWith("---") || line.startsWith("+++"))
                    continue;
                gnuRemoved += line.startsWith('-');
                gnuAdded += line.startsWith('+');
            }
            const DiffStat s = diffStat(a, b);
            QCOMPARE(s.removed, gnuRemoved);
            QCOMPARE(s.added, gnuAdded);
            write(dir.filePath(QStringLiteral("p.diff")), patch);
            QProcess apply;
            apply.setWorkingDirectory(dir.path());
            apply.start(QStringLiteral("git"), {QStringLiteral("apply"), QStringLiteral("p.diff")});
            QVERIFY(apply.waitForFinished(10000));
            QVERIFY2(apply.exitCode() == 0,
                     QByteArray(patch + apply.readAllStandardError()).constData());
            QFile f(dir.filePath(QStringLiteral("f")));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), b);
        }
    }

    void semanticDiffIgnoresFormattingAndServerFields()
    {
        const auto before = objects(
            "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata:\n  name: p\n  "
            "namespace: apps\n  uid: 1\n  resourceVersion: '2'\n  annotations:\n    "
            "kubectl.kubernetes.io/last-applied-configuration: '{}'\nspec:\n  title: 'P'\n  "
            "rateLimit: {period: 1s, limit: 0x10}\nstatus: {hash: x}\n");
        const auto after = objects("# comment\nkind: APIPlan\napiVersion: "
                                   "hub.traefik.io/v1alpha1\nmetadata: {namespace: apps, name: "
                                   "p, labels: {}}\nspec:\n  rateLimit:\n    limit: 16\n    "
                                   "period: \"1s\"\n  title: P\n  description: null\n");
        const SemanticDiff d = diffObjects(before, after);
        QVERIFY(d.isEmpty());
        QCOMPARE(d.unchanged, 1);
    }

    void semanticDiffNamesPathsAndValues()
    {
        const auto before = objects(
            "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: r\n  "
            "namespace: apps\n  annotations: {hub.traefik.io/api: a@apps}\nspec:\n  entryPoints: "
            "[web, websecure]\n  routes:\n  - match: Host(`a`)\n    priority: 10\n---\napiVersion: "
            "v1\nkind: Secret\nmetadata: {name: gone, namespace: apps}\n---\napiVersion: "
            "hub.traefik.io/v1alpha1\nkind: API\nmetadata: {name: a, namespace: apps}\nspec: {}\n");
        const auto after = objects(
            "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: r\n  "
            "namespace: apps\n  annotations: {hub.traefik.io/api: b@apps}\nspec:\n  entryPoints: "
            "[web]\n  routes:\n  - match: Host(`a`)\n    priority: \"10\"\n---\napiVersion: "
            "hub.traefik.io/v1alpha1\nkind: API\nmetadata: {name: a, namespace: apps}\nspec: "
            "{}\n---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: new, "
            "namespace: apps}\nspec: {title: N}\n");
        const SemanticDiff d = diffObjects(before, after);
        QCOMPARE(d.count(ResourceChange::Type::Changed), 1);
        QCOMPARE(d.count(ResourceChange::Type::Added), 1);
        // Nothing among the compared objects names the Secret: a cluster's own, left out.
        QCOMPARE(d.count(ResourceChange::Type::Removed), 0);
        QVERIFY(d.notes.join(u'\n').contains(
            QStringLiteral("Secret apps/gone (v1) left out: nothing names it")));
        const ResourceChange *route = nullptr;
        for (const auto &c : d.changes)
            if (c.kind == QLatin1StringView("IngressRoute"))
                route = &c;
        QVERIFY(route);
        QStringList described;
        for (const FieldChange &f : route->fields)
            described << describe(f);
        QCOMPARE(
            described,
            (QStringList {
                QStringLiteral("changed metadata.annotations[hub.traefik.io/api]: a@apps → b@apps"),
                QStringLiteral("removed spec.entryPoints[1]: websecure"),
                QStringLiteral("changed spec.routes[0].priority: 10 → \"10\"")}));
        QCOMPARE(route->fields[0].mark.line, 6);
        QCOMPARE(route->kubectlName(), QStringLiteral("traefik.io.v1alpha1.IngressRoute.apps.r"));
        // Without the filter, the Secret is a removal.
        DiffOptions all;
        all.ignoreUnrelatedKinds = false;
        QCOMPARE(diffObjects(before, after, all).count(ResourceChange::Type::Removed), 1);
    }

    void secretStringDataEqualsItsData()
    {
        const auto manifest = objects("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"
                                      "stringData: {clientId: weather-portal}\n");
        const auto live = objects("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"
                                  "data: {clientId: d2VhdGhlci1wb3J0YWw=}\n");
        QVERIFY(diffObjects(live, manifest).isEmpty());
        const auto other = objects("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"
                                   "data: {clientId: b3RoZXI=}\n");
        QCOMPARE(diffObjects(other, manifest).count(ResourceChange::Type::Changed), 1);
    }

    void lastAppliedIsWhatTheOperatorWrote()
    {
        const auto live = objects(
            "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata:\n  name: p\n  "
            "namespace: apps\n  annotations:\n    "
            "kubectl.kubernetes.io/last-applied-configuration: "
            "|\n      "
            "{\"apiVersion\":\"hub.traefik.io/v1alpha1\",\"kind\":\"APIPlan\",\"metadata\":"
            "{\"name\":\"p\"},\"spec\":{\"title\":\"P\"}}\nspec:\n  title: P\n  rateLimit: "
            "{bucket: subscription, limit: 1}\n");
        QString note;
        const Yaml::NodePtr applied = stripServerFields(live[0].node, true, &note);
        QCOMPARE(note, QStringLiteral("taken from its last-applied configuration"));
        QVERIFY(!applied->get("spec")->has("rateLimit"));
        QCOMPARE(applied->get("metadata")->scalarAt("namespace").value(), std::string("apps"));
        const Yaml::NodePtr plain = stripServerFields(live[0].node, false, &note);
        QVERIFY(plain->get("spec")->has("rateLimit"));
        QVERIFY(!plain->get("metadata")->has("annotations"));
    }

    void gitStatusOfTheWorkTree()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws"));
        write(ws + QStringLiteral("/a.yaml"), "kind: A\n");
        write(ws + QStringLiteral("/b.yaml"), "kind: B\n");
        write(dir.filePath(QStringLiteral("outside.yaml")), "kind: O\n");
        QCOMPARE(git({QStringLiteral("init"), QStringLiteral("-q")}, dir.path()), 0);
        QCOMPARE(git({QStringLiteral("add"), QStringLiteral(".")}, dir.path()), 0);
        QCOMPARE(
            git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("c")}, dir.path()),
            0);
        write(ws + QStringLiteral("/a.yaml"), "kind: A2\n");
        write(ws + QStringLiteral("/sub/c.yaml"), "kind: C\n");
        write(dir.filePath(QStringLiteral("outside.yaml")), "kind: O2\n");
        auto repo = GitRepository::discover(ws);
        QVERIFY(repo);
        QCOMPARE(repo->workdir(), QFileInfo(dir.path()).canonicalFilePath());
        auto status = repo->status(ws);
        QVERIFY(status);
        QCOMPARE(status->size(), 2);
        QCOMPARE(status->value(QStringLiteral("a.yaml")), GitFileStatus::Modified);
        QCOMPARE(status->value(QStringLiteral("sub/c.yaml")), GitFileStatus::New);
        auto files = repo->manifestsAt(QStringLiteral("HEAD"), ws);
        QVERIFY(files);
        QCOMPARE(files->size(), 2);
        QCOMPARE(files->at(0).first, QStringLiteral("a.yaml"));
        QCOMPARE(files->at(0).second, QByteArray("kind: A\n"));
        QVERIFY(!GitRepository::discover(QDir::rootPath() + QStringLiteral("proc")));
    }
};

QTEST_GUILESS_MAIN(TestSemanticDiff)
#include "tst_semanticdiff.moc"
