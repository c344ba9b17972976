// SPDX-License-Identifier: Apache-2.0
// API pages of real documents in the portal, signed in through a real OpenID provider: sizes,
// the index, schemas once, per-user form tokens in a page rendered once, operation filters,
// API traffic served while big pages render.
#include "gatewaytest.h"
#include "portalsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace AirgateTest;

namespace {

Reply page(quint16 port, const QByteArray &path, const QByteArray &cookie)
{
    return request(port, "GET", path, {{"Host", "127.0.0.1"}, {"Cookie", cookie}});
}

QSet<QByteArray> formTokens(const QByteArray &html)
{
    QSet<QByteArray> out;
    static const QRegularExpression re(QStringLiteral("name=\"csrf\" value=\"([^\"]*)\""));
    for (auto it = re.globalMatch(QString::fromUtf8(html)); it.hasNext();)
        out.insert(it.next().captured(1).toUtf8());
    return out;
}

} // namespace

class TestPortalOpenApi final : public QObject
{
    Q_OBJECT

private slots:
    void realDocumentPages()
    {
        if (!OidcTestProvider::available())
            QSKIP("npm oidc-provider is not installed in tests/node (./build.sh test does)");
        const quint16 preview = freeLoopbackPort();
        OidcTestProvider idp;
        QString why;
        QVERIFY2(idp.start(preview, &why), qPrintable(why));
        GatewayProcess gw;
        if (!writeCorpusPortal(
                gw, idp.issuer(), preview,
                {{QStringLiteral("stripe"), QStringLiteral("stripe-spec3-3.0.json"), {}, {}},
                 {QStringLiteral("github"),
                  QStringLiteral("github-api-3.0.json"),
                  QStringLiteral("group-a"),
                  {}},
                 {QStringLiteral("github-reactions"), QStringLiteral("github-api-3.0.json"),
                  QStringLiteral("group-b"), QStringLiteral("reactions")},
                 {QStringLiteral("cafe"), QStringLiteral("redocly-cafe-3.1/openapi.yaml"), {}, {}},
                 {QStringLiteral("docker"), QStringLiteral("docker-engine-2.0.yaml"), {}, {}}}))
            QSKIP("../shared/external/openapi-docs is absent");
        QVERIFY2(gw.start(), qPrintable(gw.error()));
        const QByteArray alice = portalSignIn(preview, QStringLiteral("alice"), &why);
        QVERIFY2(!alice.isEmpty(), qPrintable(why));
        const QByteArray bob = portalSignIn(preview, QStringLiteral("bob"), &why);
        QVERIFY2(!bob.isEmpty(), qPrintable(why));

        // Stripe: ≤ 3 MB (it was 21 MB), an index, each schema once.
        const Reply stripe = page(preview, "/apis/stripe", alice);
        QCOMPARE(stripe.status, 200);
        QVERIFY2(stripe.body.size() <= 3'000'000,
                 QByteArray::number(stripe.body.size()).constData());
        QVERIFY(stripe.body.contains("<nav class=\"toc\""));
        QCOMPARE(stripe.body.count("id=\"schema-error\""), 1);
        QVERIFY(stripe.body.count("href=\"#schema-error\"") > 400);
        // Rendered once, served to each user with their own form token.
        const QSet<QByteArray> aliceTokens = formTokens(stripe.body);
        QCOMPARE(aliceTokens.size(), 1);
        const Reply again = page(preview, "/apis/stripe", bob);
        QCOMPARE(again.status, 200);
        const QSet<QByteArray> bobTokens = formTokens(again.body);
        QCOMPARE(bobTokens.size(), 1);
        QVERIFY(*bobTokens.begin() != *aliceTokens.begin());
        QVERIFY(!again.body.contains(*aliceTokens.begin()));
        // The JSON document too.
        const Reply json = page(preview, "/apis/stripe/openapi.json", alice);
        QCOMPARE(json.status, 200);
        QCOMPARE(QJsonDocument::fromJson(json.body)
                     .object()
                     .value(QStringLiteral("paths"))
                     .toObject()
                     .size(),
                 QJsonDocument::fromJson(json.body)
                     .object()
                     .value(QStringLiteral("paths"))
                     .toObject()
                     .size());
        QVERIFY(json.body.size() > 1'000'000);

        // An operation filter shows only its tag's operations (bob: reactions).
        const Reply reactions = page(preview, "/apis/github-reactions", bob);
        QCOMPARE(reactions.status, 200);
        const int reactionOps = int(reactions.body.count("<details class=\"op\""));
        QVERIFY2(reactionOps > 10 && reactionOps < 40, QByteArray::number(reactionOps).constData());
        QVERIFY(reactions.body.contains("id=\"tag-reactions\""));
        QVERIFY(!reactions.body.contains("id=\"tag-repos\""));
        const Reply github = page(preview, "/apis/github", alice);
        QCOMPARE(github.status, 200);
        QCOMPARE(int(github.body.count("<details class=\"op\"")), 623);
        QCOMPARE(page(preview, "/apis/github", bob).status, 404); // not published to group-b
        // Split and Swagger 2.0 documents render too.
        const Reply cafe = page(preview, "/apis/cafe", alice);
        QCOMPARE(cafe.status, 200);
        QCOMPARE(int(cafe.body.count("<details class=\"op\"")), 12);
        const Reply docker = page(preview, "/apis/docker", alice);
        QCOMPARE(docker.status, 200);
        QVERIFY(docker.body.contains("<code>http://localhost/v1.56</code>")
                || docker.body.contains("/v1.56"));
        QVERIFY(docker.body.contains("id=\"schema-containersummary\""));
        QVERIFY(gw.status().value(QStringLiteral("portalProblems")).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPortalOpenApi)
#include "tst_portal_openapi.moc"
