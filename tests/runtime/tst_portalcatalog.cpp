// SPDX-License-Identifier: Apache-2.0
// Portal catalog resolution (everyone vs groups, names, selectors, bundles, plans, operation
// filters) and the OpenAPI document a user sees (operation sets, server overrides).
#include "model/workspace.h"
#include "portal/catalog.h"
#include "portal/openapi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Airgate;
using namespace Airgate::Runtime::Portal;

namespace {

QByteArray api(const char *name, const char *labels = "{}")
{
    return QByteArray("---\napiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata:\n  name: ")
        + name + "\n  namespace: apps\n  labels: " + labels + "\nspec:\n  title: " + name + "\n";
}

QByteArray item(const char *name, const QByteArray &spec)
{
    return QByteArray("---\napiVersion: hub.traefik.io/v1alpha1\nkind: APICatalogItem\nmetadata:\n "
                      " name: ")
        + name + "\n  namespace: apps\nspec:\n" + spec;
}

Workspace workspace(const QByteArray &items)
{
    QByteArray apis = api("alpha", "{team: a}") + api("beta", "{team: b}")
        + api("gamma", "{team: a}") + api("delta")
        + "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIBundle\nmetadata:\n  name: bundle\n"
          "  namespace: apps\nspec:\n  apis: [{name: delta}]\n"
        + "---\napiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata:\n  name: other-ns\n"
          "  namespace: elsewhere\nspec:\n  title: other\n";
    return Workspace::fromFiles(
        QStringLiteral("/ws"),
        {{QStringLiteral("apis.yaml"), apis}, {QStringLiteral("items.yaml"), items}});
}

PortalUser user(QStringList groups)
{
    PortalUser u;
    u.id = QStringLiteral("u1");
    u.groups = std::move(groups);
    u.signedIn = true;
    return u;
}

QJsonObject load(const char *name)
{
    QFile f(QStringLiteral(AIRGATE_TEST_DATA_DIR "/portal/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QStringList names(const QList<CatalogApi> &apis)
{
    QStringList out;
    for (const CatalogApi &c : apis)
        out << c.api->name;
    return out;
}

} // namespace

class TestPortalCatalog : public QObject
{
    Q_OBJECT

private slots:
    void everyoneVersusGroups()
    {
        const Workspace ws
            = workspace(item("public", "  everyone: true\n  apis: [{name: alpha}]\n")
                        + item("partners", "  groups: [partners]\n  apis: [{name: beta}]\n"));
        QCOMPARE(names(resolveCatalog(ws, QStringLiteral("apps"), user({}))),
                 QStringList {QStringLiteral("alpha")});
        QCOMPARE(
            names(resolveCatalog(ws, QStringLiteral("apps"), user({QStringLiteral("partners")}))),
            (QStringList {QStringLiteral("alpha"), QStringLiteral("beta")}));
        QCOMPARE(names(resolveCatalog(ws, QStringLiteral("apps"), user({QStringLiteral("other")}))),
                 QStringList {QStringLiteral("alpha")});
        // Not signed in: nothing.
        PortalUser anonymous;
        QVERIFY(resolveCatalog(ws, QStringLiteral("apps"), anonymous).isEmpty());
        // Another namespace's portal sees none of these items.
        QVERIFY(resolveCatalog(ws, QStringLiteral("elsewhere"), user({QStringLiteral("partners")}))
                    .isEmpty());
    }

    void selectorsAndBundles()
    {
        const Workspace ws = workspace(
            item("by-label", "  everyone: true\n  apiSelector:\n    matchLabels: {team: a}\n")
            + item("by-bundle", "  groups: [g]\n  apiBundles: [{name: bundle}]\n"));
        QCOMPARE(names(resolveCatalog(ws, QStringLiteral("apps"), user({}))),
                 (QStringList {QStringLiteral("alpha"), QStringLiteral("gamma")}));
        QCOMPARE(names(resolveCatalog(ws, QStringLiteral("apps"), user({QStringLiteral("g")}))),
                 (QStringList {QStringLiteral("alpha"), QStringLiteral("delta"),
                               QStringLiteral("gamma")}));
        // An empty selector selects every API of the namespace.
        const Workspace all = workspace(item("all", "  everyone: true\n  apiSelector: {}\n"));
        QCOMPARE(resolveCatalog(all, QStringLiteral("apps"), user({})).size(), 4);
    }

    void plansAndOperationFiltersAreUnions()
    {
        const Workspace ws
            = workspace(item("a",
                             "  everyone: true\n  apis: [{name: alpha}]\n  apiPlan: {name: gold}\n"
                             "  operationFilter: {include: [read]}\n")
                        + item("b",
                               "  groups: [g]\n  apis: [{name: alpha}]\n  apiPlan: {name: bronze}\n"
                               "  operationFilter: {include: [write]}\n")
                        + item("c", "  groups: [h]\n  apis: [{name: alpha}]\n"));
        const CatalogApi one = resolveCatalog(ws, QStringLiteral("apps"), user({})).first();
        QCOMPARE(one.plans, QStringList {QStringLiteral("gold")});
        QCOMPARE(*one.operationSets, QStringList {QStringLiteral("read")});
        const CatalogApi two
            = resolveCatalog(ws, QStringLiteral("apps"), user({QStringLiteral("g")})).first();
        QCOMPARE(two.plans, (QStringList {QStringLiteral("bronze"), QStringLiteral("gold")}));
        QCOMPARE(*two.operationSets,
                 (QStringList {QStringLiteral("read"), QStringLiteral("write")}));
        // An item without a filter shows every operation.
        const CatalogApi three
            = resolveCatalog(ws, QStringLiteral("apps"), user({QStringLiteral("h")})).first();
        QVERIFY(!three.operationSets.has_value());
        QVERIFY(findCatalogApi(ws, QStringLiteral("apps"), user({}), QStringLiteral("alpha")));
        QVERIFY(!findCatalogApi(ws, QStringLiteral("apps"), user({}), QStringLiteral("beta")));
    }

    void documentFilteredByOperationSetsWithServersOverridden()
    {
        const QJsonObject doc = load("filter.json");
        OperationSet read;
        read.name = QStringLiteral("read");
        read.matchers
            = {OperationMatcher {{QStringLiteral("GET")}, {}, QStringLiteral("/items"), {}}};
        OperationSet admin;
        admin.name = QStringLiteral("admin");
        admin.matchers = {OperationMatcher {{}, {}, {}, QStringLiteral("^/admin/.*")}};
        const QList<OperationSet> sets {read, admin};

        const QJsonObject r = filterDocument(doc, sets, QStringList {QStringLiteral("read")},
                                             {QStringLiteral("https://api.example.com")});
        QCOMPARE(operationCount(r), 2); // GET /items, GET /items/{id}
        QVERIFY(
            !r.value(QStringLiteral("paths")).toObject().contains(QStringLiteral("/admin/stats")));
        QVERIFY(!r.value(QStringLiteral("paths"))
                     .toObject()
                     .value(QStringLiteral("/items"))
                     .toObject()
                     .contains(QStringLiteral("post")));
        QCOMPARE(r.value(QStringLiteral("servers"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 QStringLiteral("https://api.example.com"));
        QCOMPARE(
            operationCount(filterDocument(doc, sets, QStringList {QStringLiteral("admin")}, {})),
            1);
        QCOMPARE(operationCount(filterDocument(doc, sets, std::nullopt, {})), 5);
        QCOMPARE(operationCount(filterDocument(doc, sets, QStringList(), {})), 0);
        // Without an override the document's servers stay.
        QCOMPARE(filterDocument(doc, sets, std::nullopt, {}).value(QStringLiteral("servers")),
                 doc.value(QStringLiteral("servers")));
    }

    void renderingEscapesAndShowsOperations()
    {
        const QJsonObject doc = load("render.json");
        RenderOptions o;
        o.apiKey = QStringLiteral("a");
        o.csrf = QStringLiteral("tok");
        const QString html
            = renderOperations(doc, o, [](const char *s) { return QString::fromUtf8(s); });
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
        QVERIFY(html.contains(QStringLiteral("<h2>things</h2>")));
        QVERIFY(html.contains(QStringLiteral("<code>id</code>"))); // $ref resolved
        QVERIFY(html.contains(QStringLiteral("&quot;id&quot;: 7"))); // schema example
        QVERIFY(html.contains(QStringLiteral("name=\"query:q\" required")));
        o.tryIt = false;
        QVERIFY(!renderOperations(doc, o, [](const char *s) {
                     return QString::fromUtf8(s);
                 }).contains(QStringLiteral("form")));
    }
};

QTEST_GUILESS_MAIN(TestPortalCatalog)
#include "tst_portalcatalog.moc"
