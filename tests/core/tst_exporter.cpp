// SPDX-License-Identifier: Apache-2.0
#include "export/exporter.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Airgate;

class TestExporter final : public QObject
{
    Q_OBJECT

private slots:
    void bundleIsInApplyOrderWithoutStatus()
    {
        const Workspace ws = AirgateTest::workspace(
            QByteArray(QByteArray(AirgateTest::kCleanBase)
                       + "---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: "
                         "ConfigMap\n  metadata: {name: from-list, namespace: apps}\n"
                         "  status: {x: 1}\n")
                .constData());
        const auto files = Exporter::render(ws, ExportLayout::Bundle);
        QCOMPARE(files.keys(), QStringList {QStringLiteral("bundle.yaml")});
        const QByteArray b = files.value(QStringLiteral("bundle.yaml"));
        QVERIFY(b.indexOf("kind: Secret") < b.indexOf("kind: APIAuth"));
        QVERIFY(b.indexOf("kind: API\n") < b.indexOf("kind: IngressRoute"));
        QVERIFY(b.indexOf("kind: APIPlan") < b.indexOf("kind: ManagedSubscription"));
        QVERIFY(b.contains("name: from-list"));
        QVERIFY(!b.contains("kind: List"));
        QVERIFY(!b.contains("status"));
        QCOMPARE(b.count("---\n"), qsizetype(ws.resources().size()));
    }

    void namespacesAndKustomizeLayouts()
    {
        const Workspace ws = AirgateTest::workspace(AirgateTest::kCleanBase);
        const auto ns = Exporter::render(ws, ExportLayout::Namespaces);
        QVERIFY(ns.contains(QStringLiteral("apps/apis.yaml")));
        QVERIFY(ns.contains(QStringLiteral("apps/apipolicies.yaml")) == false);
        QVERIFY(ns.contains(QStringLiteral("apps/apicatalogitems.yaml")));
        QVERIFY(ns.contains(QStringLiteral("apps/secrets.yaml")));
        const auto k = Exporter::render(ws, ExportLayout::Kustomize);
        QVERIFY(k.contains(QStringLiteral("Kustomization")));
        QVERIFY(k.value(QStringLiteral("Kustomization")).contains("- apps/api-weather-api.yaml\n"));
        QCOMPARE(k.size(), static_cast<qsizetype>(ws.resources().size()) + 1);
    }

    void writeReplacesOnlyItsOwnExports()
    {
        QTemporaryDir dir;
        const Workspace ws = AirgateTest::workspace(AirgateTest::kCleanBase);
        const QString out = dir.filePath(QStringLiteral("out"));
        QVERIFY(Exporter::write(ws, ExportLayout::Namespaces, out).ok());
        QVERIFY(QFile::exists(out + QStringLiteral("/apps/apis.yaml")));
        QVERIFY(QFile::exists(out + QStringLiteral("/.airgate-export")));
        // A second export replaces the first completely.
        QVERIFY(Exporter::write(ws, ExportLayout::Bundle, out).ok());
        QVERIFY(!QFile::exists(out + QStringLiteral("/apps/apis.yaml")));
        QVERIFY(QFile::exists(out + QStringLiteral("/bundle.yaml")));
        // A folder with someone else's files is refused and left alone.
        const QString other = dir.filePath(QStringLiteral("other"));
        QDir().mkpath(other);
        QFile f(other + QStringLiteral("/keep.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const Status st = Exporter::write(ws, ExportLayout::Bundle, other);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, Error::Code::Refused);
        QVERIFY(QFile::exists(other + QStringLiteral("/keep.txt")));
        // No staging folders are left behind.
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
