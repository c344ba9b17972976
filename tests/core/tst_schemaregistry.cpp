// SPDX-License-Identifier: Apache-2.0
#include "schema/schema.h"
#include "yaml/yamlcbor.h"
#include "yaml/yamlparser.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Airgate::Schema;

class TestSchemaRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void everyKindIsEmbedded()
    {
        const Registry &r = Registry::builtin();
        QVERIFY2(r.problems().empty(), r.problems().empty() ? "" : r.problems().front().c_str());
        for (const char *kind :
             {"API", "APIVersion", "APIBundle", "APIAuth", "APIPortal", "APIPortalAuth", "APIPlan",
              "APICatalogItem", "ManagedApplication", "ManagedSubscription", "APIRateLimit"})
            QVERIFY2(r.find("hub.traefik.io/v1alpha1", kind), kind);
        QVERIFY(r.find("traefik.io/v1alpha1", "IngressRoute"));
        QVERIFY(r.find("traefik.io/v1alpha1", "Middleware"));
        QVERIFY(r.find("v1", "Secret"));
        QVERIFY(r.find("v1", "ConfigMap"));
        QVERIFY(r.find("v1", "Service"));
        QVERIFY(!r.find("hub.traefik.io/v1alpha1", "APIAccess"));
    }

    void everyCelRuleCompiles()
    {
        int rules = 0;
        std::function<void(const Node &)> walk = [&](const Node &n) {
            for (const Rule &rule : n.rules) {
                ++rules;
                QVERIFY2(rule.program && rule.program->ok(), rule.rule.c_str());
            }
            for (const auto &p : n.properties)
                walk(*p.second);
            if (n.items)
                walk(*n.items);
            if (n.additionalProperties)
                walk(*n.additionalProperties);
        };
        for (const KindSchema &k : Registry::builtin().kinds())
            walk(*k.root);
        // Every `rule:` of the CRDs (grep -c " rule:" ../shared/crds/*.yaml).
        QCOMPARE(rules, 54);
    }

    void trackedCrdsMatchTheSharedCopy()
    {
        const QString shared = QStringLiteral(AIRGATE_SHARED_DIR) + QStringLiteral("/crds");
        if (!QDir(shared).exists())
            QSKIP("../shared/crds is not beside the project; drift check skipped");
        const QDir tracked(QStringLiteral(AIRGATE_SOURCE_DIR) + QStringLiteral("/resources/crds"));
        const QStringList names
            = QDir(shared).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
        QCOMPARE(tracked.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name), names);
        for (const QString &n : names) {
            QFile a(QDir(shared).filePath(n));
            QFile b(tracked.filePath(n));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY2(a.readAll() == b.readAll(),
                     qPrintable(n + QStringLiteral(" differs from ../shared/crds")));
        }
    }

    void embeddedSnapshotIsTheTrackedYaml()
    {
        // What the build packed must be exactly what the YAML sources read as today.
        std::vector<Airgate::Yaml::NodePtr> parsed;
        const QDir tracked(QStringLiteral(AIRGATE_SOURCE_DIR) + QStringLiteral("/resources"));
        QStringList files;
        for (const QString &n : QDir(tracked.filePath(QStringLiteral("crds")))
                                    .entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
            files << tracked.filePath(QStringLiteral("crds/") + n);
        files << tracked.filePath(QStringLiteral("schemas/core-v1.yaml"));
        for (const QString &path : files) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray text = f.readAll();
            for (const auto &d :
                 Airgate::Yaml::parseYaml(std::string_view(text.constData(), size_t(text.size())))
                     .documents)
                if (d.root && !d.empty)
                    parsed.push_back(d.root);
        }
        QFile packed(QStringLiteral(":/airgate/schemas.cbor"));
        QVERIFY(packed.open(QIODevice::ReadOnly));
        std::string error;
        const auto embedded = Airgate::Yaml::documentsFromCbor(packed.readAll(), error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(embedded.size(), parsed.size());
        for (size_t i = 0; i < parsed.size(); ++i)
            QVERIFY2(Airgate::Yaml::Node::equal(embedded[i].get(), parsed[i].get()),
                     qPrintable(QStringLiteral("document %1 differs").arg(i)));
    }

    void snapshotRoundTripKeepsScalarTypesAndQuoting()
    {
        std::vector<Airgate::Yaml::Problem> problems;
        const auto doc = Airgate::Yaml::parseSingleDocument(
            "a: 1\nb: \"1\"\nc: 1.5\nd: true\ne: ~\nf: [x, 'y', null]\ng: {}\n\"h\": |\n  text\n",
            problems);
        QVERIFY(problems.empty());
        const QByteArray cbor = Airgate::Yaml::documentsToCbor({doc});
        std::string error;
        const auto back = Airgate::Yaml::documentsFromCbor(cbor, error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(back.size(), size_t(1));
        QVERIFY(Airgate::Yaml::Node::equal(back[0].get(), doc.get()));
        QVERIFY(back[0]->get("b")->quoted);
        QVERIFY(!back[0]->get("a")->quoted);
        QCOMPARE(back[0]->get("c")->scalarType, Airgate::Yaml::ScalarType::Float);
        QVERIFY(back[0]->get("e")->isNull());
        QCOMPARE(back[0]->get("h")->value, std::string("text\n"));
        // Not a snapshot, or a truncated one: an error, never a crash.
        QVERIFY(Airgate::Yaml::documentsFromCbor("not cbor", error).empty());
        QVERIFY(!error.empty());
        error.clear();
        QVERIFY(Airgate::Yaml::documentsFromCbor(cbor.left(cbor.size() / 2), error).empty());
        QVERIFY(!error.empty());
    }

    void keepsDescriptionsAndDefaults()
    {
        const KindSchema *plan = Registry::builtin().find("hub.traefik.io/v1alpha1", "APIPlan");
        const Node *bucket
            = plan->root->property("spec")->property("rateLimit")->property("bucket");
        QVERIFY(bucket);
        QCOMPARE(bucket->defaultValue->value, std::string("subscription"));
        QCOMPARE(bucket->enumValues.size(), size_t(3));
        QVERIFY(!plan->root->property("spec")->property("title")->description.empty());
    }
};

QTEST_GUILESS_MAIN(TestSchemaRegistry)
#include "tst_schemaregistry.moc"
