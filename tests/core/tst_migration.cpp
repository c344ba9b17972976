// SPDX-License-Identifier: Apache-2.0
// core/gitops/migration: stale fields and kinds found, rewritten as byte edits of their lines only,
// and the ones that need a person listed without edits.
#include "gitops/migration.h"
#include "gitops/textdiff.h"
#include "testutil.h"

#include <QTest>

using namespace Airgate;
using namespace Airgate::GitOps;

namespace {

struct Migrated
{
    MigrationPlan plan;
    QByteArray after; ///< test.yaml once migrated (unchanged when nothing was automatic)
};

Migrated migrate(const char *text, bool offline = false)
{
    const Workspace ws = AirgateTest::workspace(text);
    MigrationOptions o;
    o.offline = offline;
    Migrated m {planMigration(ws, o), QByteArray(text)};
    if (m.plan.after.contains(QStringLiteral("test.yaml")))
        m.after = m.plan.after.value(QStringLiteral("test.yaml"));
    return m;
}

const MigrationFinding *findingOf(const MigrationPlan &plan, const QString &id)
{
    for (const MigrationFinding &f : plan.findings)
        if (f.id == id)
            return &f;
    return nullptr;
}

/** The lines removed and added going from @p a to @p b. */
QPair<QStringList, QStringList> changedLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> al = a.split('\n');
    const QList<QByteArray> bl = b.split('\n');
    QPair<QStringList, QStringList> out;
    for (const LineEdit &e : diffLines(a, b)) {
        if (e.op == LineEdit::Op::Remove)
            out.first << QString::fromUtf8(al.at(e.oldLine - 1));
        else if (e.op == LineEdit::Op::Add)
            out.second << QString::fromUtf8(bl.at(e.newLine - 1));
    }
    return out;
}

/** What lint says about the migrated text, by rule and field. */
QStringList findingsAfter(const QByteArray &text, bool offline = false)
{
    QStringList out;
    for (const Diagnostic &d :
         AirgateTest::lint(AirgateTest::workspace({{"test.yaml", text.constData()}}), offline))
        out << d.rule + u' ' + d.field + u' ' + d.message;
    return out;
}

} // namespace

class TestMigration final : public QObject
{
    Q_OBJECT

private slots:
    void planRequestsBecomesLimitOnItsLineOnly()
    {
        const char *text = "# the gold plan\n"
                           "apiVersion: hub.traefik.io/v1alpha1\n"
                           "kind: APIPlan\n"
                           "metadata: {name: gold, namespace: apps}\n"
                           "spec:\n"
                           "  title: 'Gold'   # quoted on purpose\n"
                           "  rateLimit:\n"
                           "    requests: 100 # per second\n"
                           "    period: 1s\n"
                           "  quota: {\"requests\": 5000, period: 24h}\n";
        const QStringList before = findingsAfter(text);
        QVERIFY(before.join(u'\n').contains(QStringLiteral("spec.rateLimit.requests")));
        const Migrated m = migrate(text);
        QCOMPARE(m.plan.automaticCount(), 2);
        QCOMPARE(m.plan.manualCount(), 0);
        QCOMPARE(m.after,
                 QByteArray("# the gold plan\n"
                            "apiVersion: hub.traefik.io/v1alpha1\n"
                            "kind: APIPlan\n"
                            "metadata: {name: gold, namespace: apps}\n"
                            "spec:\n"
                            "  title: 'Gold'   # quoted on purpose\n"
                            "  rateLimit:\n"
                            "    limit: 100 # per second\n"
                            "    period: 1s\n"
                            "  quota: {\"limit\": 5000, period: 24h}\n"));
        const MigrationFinding *f = findingOf(m.plan, QStringLiteral("plan-requests"));
        QVERIFY(f);
        QCOMPARE(f->field, QStringLiteral("spec.rateLimit.requests"));
        QCOMPARE(f->mark.line, 8);
        QCOMPARE(f->resource(), QStringLiteral("APIPlan apps/gold"));
        // The two stale fields (unknown, and the limit they leave missing) go; the rest stays.
        const QStringList after = findingsAfter(m.after);
        QVERIFY2(after.filter(QStringLiteral("requests")).isEmpty(), qPrintable(after.join(u'\n')));
        for (const QString &f : after)
            QVERIFY2(before.contains(f), qPrintable(f));
        QCOMPARE(after.size(), before.size() - 4);
        // The unified diff names the file and holds the two changed lines, nothing else.
        const QByteArray diff = m.plan.unifiedDiff();
        QVERIFY(diff.startsWith("--- a/test.yaml\n+++ b/test.yaml\n"));
        QVERIFY(diff.contains("\n-    requests: 100 # per second\n+    limit: 100 # per second\n"));
    }

    void conflictingValuesAreForAPerson()
    {
        const Migrated m = migrate("apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\n"
                                   "metadata: {name: p, namespace: apps}\nspec:\n  title: P\n"
                                   "  rateLimit:\n    requests: 10\n    limit: 20\n"
                                   "    bucket: user\n  quota:\n    limit: 1\n"
                                   "    bucket: \"access\"\n");
        QCOMPARE(m.plan.manualCount(), 2);
        const MigrationFinding *both = findingOf(m.plan, QStringLiteral("plan-requests"));
        QVERIFY(both && !both->automatic && both->edits.empty());
        QVERIFY(both->message.contains(QStringLiteral("both requests (10) and limit (20)")));
        const MigrationFinding *user = findingOf(m.plan, QStringLiteral("plan-bucket-user"));
        QVERIFY(user && !user->automatic);
        QCOMPARE(user->mark.line, 9);
        // access → subscription keeps its quotes.
        QCOMPARE(
            changedLines(QByteArray(m.plan.before.value(QStringLiteral("test.yaml"))), m.after),
            qMakePair(QStringList {QStringLiteral("    bucket: \"access\"")},
                      QStringList {QStringLiteral("    bucket: \"subscription\"")}));
    }

    void subscriptionAppIdsBecomeApplicationNames()
    {
        const char *apps = "apiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication\n"
                           "metadata: {name: partner-app, namespace: apps}\n"
                           "spec: {appId: partner-app-id, owner: me}\n---\n"
                           "apiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication\n"
                           "metadata: {name: same, namespace: apps}\n"
                           "spec: {appId: same, owner: me}\n---\n";
        const QByteArray good = QByteArray(apps)
            + "apiVersion: hub.traefik.io/v1alpha1\nkind: ManagedSubscription\n"
              "metadata: {name: s, namespace: apps}\nspec:\n  applications:\n"
              "    - appId: partner-app-id  # the partner\n    - appId: same\n"
              "  apis:\n    - name: weather-api\n";
        const Migrated m = migrate(good.constData());
        QCOMPARE(m.plan.automaticCount(), 1);
        QVERIFY(findingOf(m.plan, QStringLiteral("subscription-appid"))
                    ->message.contains(QStringLiteral("partner-app-id → partner-app")));
        QCOMPARE(
            changedLines(good, m.after),
            qMakePair(QStringList {QStringLiteral("  applications:"),
                                   QStringLiteral("    - appId: partner-app-id  # the partner"),
                                   QStringLiteral("    - appId: same")},
                      QStringList {QStringLiteral("  managedApplications:"),
                                   QStringLiteral("    - name: partner-app  # the partner"),
                                   QStringLiteral("    - name: same")}));
        QVERIFY2(!findingsAfter(m.after).join(u'\n').contains(QStringLiteral("appId")),
                 qPrintable(findingsAfter(m.after).join(u'\n')));

        // An appId no application has: nothing guessed.
        QByteArray unknown = good;
        unknown.replace("- appId: same", "- appId: nobody");
        const Migrated u = migrate(unknown.constData());
        QCOMPARE(u.plan.automaticCount(), 0);
        const MigrationFinding *f = findingOf(u.plan, QStringLiteral("subscription-appid"));
        QVERIFY(f && !f->automatic);
        QVERIFY(f->message.contains(
            QStringLiteral("no ManagedApplication in namespace apps has appId \"nobody\"")));
        QCOMPARE(u.after, unknown);
    }

    void jwksUrlMovesUnderTrustedIssuers()
    {
        const char *block = "apiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\n"
                            "metadata: {name: jwt, namespace: apps}\nspec:\n  isDefault: true\n"
                            "  jwt:\n    appIdClaim: azp\n"
                            "    jwksUrl: https://idp.example.com/jwks.json\n";
        const QStringList before = findingsAfter(block);
        QVERIFY(before.join(u'\n').contains(QStringLiteral("jwt.jwksUrl is deprecated")));
        const Migrated m = migrate(block);
        QCOMPARE(m.plan.automaticCount(), 1);
        QVERIFY(m.after.endsWith("    appIdClaim: azp\n    trustedIssuers:\n"
                                 "      - jwksUrl: https://idp.example.com/jwks.json\n"));
        QVERIFY2(findingsAfter(m.after).isEmpty(), qPrintable(findingsAfter(m.after).join(u'\n')));

        const char *flow = "apiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\n"
                           "metadata: {name: jwt, namespace: apps}\nspec:\n  isDefault: true\n"
                           "  jwt: {appIdClaim: azp, jwksUrl: \"https://idp.example.com/k\"}\n";
        const Migrated f = migrate(flow);
        QVERIFY(f.after.endsWith("  jwt: {appIdClaim: azp, trustedIssuers: [{jwksUrl: "
                                 "\"https://idp.example.com/k\"}]}\n"));
        QVERIFY(findingsAfter(f.after).isEmpty());

        // A file with CRLF line breaks gets CRLF in the lines added.
        QByteArray crlf(block);
        crlf.replace("\n", "\r\n");
        const Migrated c = migrate(crlf.constData());
        QCOMPARE(c.plan.automaticCount(), 1);
        QVERIFY(c.after.endsWith("    appIdClaim: azp\r\n    trustedIssuers:\r\n"
                                 "      - jwksUrl: https://idp.example.com/jwks.json\r\n"));

        // Offline, a URL is still a URL: the JWKS content is a person's to provide.
        const Migrated off = migrate(block, true);
        QCOMPARE(off.plan.automaticCount(), 0);
        const MigrationFinding *o = findingOf(off.plan, QStringLiteral("jwt-jwksurl-offline"));
        QVERIFY(o && !o->automatic);
        QVERIFY(o->message.contains(QStringLiteral("jwt.jwksFile")));
        QCOMPARE(off.after, QByteArray(block));
    }

    void apiKeySourceAndPlanReferences()
    {
        const char *text = "apiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\n"
                           "metadata: {name: keys, namespace: apps}\nspec:\n  isDefault: true\n"
                           "  apiKey:\n    header: X-Api-Key\n    query: api_key\n---\n"
                           "apiVersion: hub.traefik.io/v1alpha1\nkind: APICatalogItem\n"
                           "metadata: {name: c, namespace: apps}\nspec:\n  everyone: true\n"
                           "  plan: gold\n";
        const Migrated m = migrate(text);
        QCOMPARE(m.plan.automaticCount(), 2);
        QVERIFY(m.after.contains("  apiKey:\n    keySource:\n      header: X-Api-Key\n"
                                 "      query: api_key\n---\n"));
        QVERIFY(m.after.endsWith("  apiPlan: {name: gold}\n"));
        const QString after = findingsAfter(m.after).join(u'\n');
        QVERIFY2(!after.contains(QStringLiteral("unknown field")), qPrintable(after));
    }

    void traefikTwoGroupBecomesTraefikIo()
    {
        const char *text = "apiVersion: traefik.containo.us/v1alpha1\nkind: Middleware\n"
                           "metadata: {name: strip, namespace: apps}\n"
                           "spec: {stripPrefix: {prefixes: [/a]}}\n";
        QVERIFY(findingsAfter(text).join(u'\n').contains(QStringLiteral("no matches for kind")));
        const Migrated m = migrate(text);
        QVERIFY(m.after.startsWith("apiVersion: traefik.io/v1alpha1\nkind: Middleware\n"));
        QVERIFY(findingsAfter(m.after).isEmpty());
    }

    void kindsThatNeedADecisionAreListedOnly()
    {
        const char *text = "apiVersion: hub.traefik.io/v1alpha1\nkind: APIRateLimit\n"
                           "metadata: {name: old, namespace: apps}\n"
                           "spec: {limit: 1, period: 1s, everyone: true}\n---\n"
                           "apiVersion: hub.traefik.io/v1alpha1\nkind: APIAccess\n"
                           "metadata: {name: acc, namespace: apps}\nspec: {everyone: true}\n---\n"
                           "apiVersion: hub.traefik.io/v1alpha1\nkind: API\n"
                           "metadata: {name: a, namespace: apps}\nspec:\n  pathPrefix: /a\n";
        const Migrated m = migrate(text);
        QCOMPARE(m.plan.automaticCount(), 0);
        QVERIFY(m.plan.after.isEmpty());
        QVERIFY(m.plan.unifiedDiff().isEmpty());
        QStringList ids;
        for (const MigrationFinding &f : m.plan.findings) {
            QVERIFY(f.edits.empty());
            ids << f.id + u'@' + QString::number(f.mark.line);
        }
        QCOMPARE(ids,
                 (QStringList {QStringLiteral("apiratelimit@1"), QStringLiteral("retired-kind@6"),
                               QStringLiteral("api-exposure@15")}));
    }

    void migratingTwiceFindsNothingMore()
    {
        const char *text = "apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\n"
                           "metadata: {name: p, namespace: apps}\nspec:\n  title: P\n"
                           "  rateLimit: {requests: 5, period: 1s, bucket: access}\n";
        const Migrated m = migrate(text);
        QCOMPARE(m.plan.automaticCount(), 2);
        QCOMPARE(m.after,
                 QByteArray("apiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\n"
                            "metadata: {name: p, namespace: apps}\nspec:\n  title: P\n"
                            "  rateLimit: {limit: 5, period: 1s, bucket: "
                            "subscription}\n"));
        const Migrated again = migrate(m.after.constData());
        QVERIFY(again.plan.findings.empty());
    }

    void catalogueIdsAreUnique()
    {
        QSet<QString> ids;
        for (const MigrationInfo &i : migrationCatalogue()) {
            QVERIFY2(!ids.contains(QLatin1StringView(i.id)), i.id);
            ids.insert(QLatin1StringView(i.id).toString());
        }
        QVERIFY(ids.contains(QStringLiteral("plan-requests")));
        QVERIFY(ids.size() >= 12);
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
