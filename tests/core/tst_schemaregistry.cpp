// SPDX-License-Identifier: Apache-2.0
#include "schema/schema.h"

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

    void embeddedCrdsMatchTheTrackedCopy()
    {
        const QString shared = QStringLiteral(AIRGATE_SHARED_DIR) + QStringLiteral("/crds");
        if (!QDir(shared).exists())
            QSKIP("../shared/crds is not beside the project; drift check skipped");
        const QDir embedded(QStringLiteral(":/airgate/crds"));
        const QStringList names
            = QDir(shared).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
        QCOMPARE(embedded.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name), names);
        for (const QString &n : names) {
            QFile a(QDir(shared).filePath(n));
            QFile b(embedded.filePath(n));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY2(a.readAll() == b.readAll(),
                     qPrintable(n + QStringLiteral(" differs from ../shared/crds")));
        }
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
