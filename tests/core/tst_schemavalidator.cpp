// SPDX-License-Identifier: Apache-2.0
// The resource rule renders errors as the API server does; these are its exact texts.
#include "schema/schema.h"
#include "schema/schemavalidator.h"
#include "yaml/yamlparser.h"

#include <QTest>

using namespace Airgate;

namespace {

QStringList errorsFor(const char *yaml, bool includeWarnings = false)
{
    std::vector<Yaml::Problem> problems;
    Yaml::NodePtr root = Yaml::parseSingleDocument(yaml, problems);
    const std::string apiVersion = root->scalarAt("apiVersion").value_or("");
    const std::string kind = root->scalarAt("kind").value_or("");
    const Schema::KindSchema *k = Schema::Registry::builtin().find(apiVersion, kind);
    if (!k)
        return {QStringLiteral("no schema")};
    QStringList out;
    for (const auto &e : Schema::validateObject(*root, *k))
        if (!e.warning || includeWarnings)
            out << QString::fromStdString(e.text());
    return out;
}

} // namespace

class TestSchemaValidator final : public QObject
{
    Q_OBJECT

private slots:
    void celRuleOnObject()
    {
        const QStringList e = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIAuth
metadata: {name: a, namespace: n}
spec:
  isDefault: true
  jwt: {appIdClaim: azp, publicKey: k, jwksFile: f}
)");
        QCOMPARE(
            e,
            QStringList {QStringLiteral(
                "spec.jwt: Invalid value: \"object\": exactly one of signingSecretName, publicKey, "
                "jwksFile, jwksUrl, or trustedIssuers must be specified")});
    }

    void requiredAndEnum()
    {
        const QStringList e = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata: {name: a, namespace: n}
spec:
  rateLimit: {limit: 1, bucket: everyone}
)");
        QVERIFY2(e.contains(QStringLiteral("spec.title: Required value")),
                 qPrintable(e.join(u'\n')));
        QVERIFY(e.contains(QStringLiteral(
            "spec.rateLimit.bucket: Unsupported value: \"everyone\": supported values: "
            "\"subscription\", \"application-api\", \"application\"")));
    }

    void itemCountsAndLengths()
    {
        const QStringList e = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIPortal
metadata: {name: a, namespace: n}
spec:
  trustedUrls: [https://a.example.com, https://b.example.com]
  auth: {name: x}
)");
        QCOMPARE(e,
                 QStringList {
                     QStringLiteral("spec.trustedUrls: Too many: 2: must have at most 1 items")});
        const QStringList empty = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIPortal
metadata: {name: a, namespace: n}
spec: {trustedUrls: []}
)");
        QVERIFY(
            empty.contains(QStringLiteral("spec.trustedUrls: Invalid value: 0: spec.trustedUrls in "
                                          "body should have at least 1 items")));
        const std::string longTitle = "apiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata: "
                                      "{name: a, namespace: n}\nspec: {title: "
            + std::string(254, 'x') + "}\n";
        QCOMPARE(
            errorsFor(longTitle.c_str()),
            QStringList {QStringLiteral("spec.title: Too long: may not be more than 253 bytes")});
    }

    void emptyTrustedIssuersGivesTwoErrors()
    {
        const QStringList e = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIAuth
metadata: {name: a, namespace: n}
spec:
  isDefault: true
  jwt: {appIdClaim: azp, trustedIssuers: []}
)");
        QCOMPARE(e.size(), 2);
        QVERIFY(e.contains(
            QStringLiteral("spec.jwt.trustedIssuers: Invalid value: 0: spec.jwt.trustedIssuers in "
                           "body should have at least 1 items")));
        QVERIFY(e.contains(QStringLiteral("spec.jwt: Invalid value: \"object\": trustedIssuers "
                                          "must not be empty when specified")));
    }

    void typesAndUnknownFields()
    {
        const QStringList e = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata: {name: a, namespace: n}
spec:
  title: 12
  rateLimit: {requests: 100, period: 1s}
)");
        QVERIFY2(e.contains(QStringLiteral("spec.title: Invalid value: \"integer\": spec.title in "
                                           "body must be of type string: \"integer\"")),
                 qPrintable(e.join(u'\n')));
        QVERIFY(e.contains(QStringLiteral("unknown field \"spec.rateLimit.requests\"")));
        QVERIFY(e.contains(QStringLiteral("spec.rateLimit.limit: Required value")));
        // A type error blocks CEL rules, as in the API server.
        QVERIFY(!e.join(u'\n').contains(QStringLiteral("must be between")));
    }

    void durationsAsTheApiServerParsesThem()
    {
        const char *ok = R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata: {name: a, namespace: n}
spec: {title: t, quota: {limit: 5, period: 1d}, rateLimit: {limit: 1, period: 1h}}
)";
        QCOMPARE(errorsFor(ok), QStringList());
        const QStringList e = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata: {name: a, namespace: n}
spec: {title: t, rateLimit: {limit: 1, period: 2h}, quota: {limit: 1, period: soon}}
)");
        QVERIFY(e.contains(QStringLiteral(
            "spec.rateLimit.period: Invalid value: \"string\": must be between 1s and 1h")));
        QVERIFY(e.contains(
            QStringLiteral("spec.quota.period: Invalid value: \"soon\": spec.quota.period in body "
                           "must be of type duration: \"soon\"")));
        // A string that is no duration has no CEL value: its rule is not run (as crdcheck and
        // the API server do), so no "no such overload: string < google.protobuf.Duration".
        QCOMPARE(e.size(), 2);
    }

    void nullIsPrunedNotAnObject()
    {
        // `apiKey:` with nothing after it is null: the API server drops it, then CEL sees no
        // method.
        const char *yaml = R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIAuth
metadata: {name: a, namespace: n}
spec:
  isDefault: true
  apiKey:
)";
        QCOMPARE(errorsFor(yaml),
                 QStringList {QStringLiteral("spec: Invalid value: \"object\": exactly one "
                                             "authentication method must be specified")});
        QVERIFY(errorsFor(yaml, true).join(u'\n').contains(QStringLiteral("null is dropped")));
    }

    void celEvaluationErrorsAreReported()
    {
        const QStringList e = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIAuth
metadata: {name: a, namespace: n}
spec:
  isDefault: true
  apiKey: {keySource: {headerAuthScheme: Bearer}}
)");
        QCOMPARE(e,
                 QStringList {QStringLiteral(
                     "spec.apiKey.keySource: Invalid value: \"object\": no such key: header "
                     "evaluating rule: "
                     "headerAuthScheme can only be used when header is 'Authorization'")});
    }

    void yaml11BooleansInStringFields()
    {
        const QStringList e = errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata: {name: a, namespace: n}
spec: {title: yes}
)");
        QCOMPARE(e,
                 QStringList {QStringLiteral("spec.title: Invalid value: \"boolean\": spec.title "
                                             "in body must be of type string: \"boolean\"")});
        QCOMPARE(errorsFor(R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata: {name: a, namespace: n}
spec: {title: "yes"}
)"),
                 QStringList());
    }

    void secretDataIsBase64()
    {
        const QStringList e = errorsFor(R"(apiVersion: v1
kind: Secret
metadata: {name: a, namespace: n}
data: {clientId: <base64-encoded-client-id>}
)");
        QCOMPARE(e.size(), 1);
        QVERIFY(e.first().startsWith(
            QStringLiteral("data[clientId]: Invalid value: \"<base64-encoded-client-id>\": illegal "
                           "base64 data at input byte 0")));
    }

    void intOrStringAndPatterns()
    {
        QCOMPARE(errorsFor(R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: a, namespace: n}
spec:
  routes:
  - match: Host(`a`)
    services: [{name: s, port: http}, {name: t, port: 80}]
)"),
                 QStringList());
        const QStringList e = errorsFor(R"(apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: a, namespace: n}
spec:
  routes:
  - match: Host(`a`)
    services: [{name: s, port: [80]}]
)");
        QCOMPARE(e,
                 QStringList {QStringLiteral("spec.routes[0].services[0].port: Invalid value: "
                                             "\"array\": spec.routes[0].services[0].port "
                                             "in body must be of type integer,string: \"array\"")});
    }
};

QTEST_GUILESS_MAIN(TestSchemaValidator)
#include "tst_schemavalidator.moc"
