// SPDX-License-Identifier: Apache-2.0
// The mock: examples, schema-generated bodies, Prism's Prefer conventions, request validation,
// Swagger 2.0 and split documents.
#include "mock/mockapi.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Airgate;
using namespace Airgate::Runtime;

namespace {

const QString kData = QStringLiteral(AIRGATE_TEST_DATA_DIR "/openapi");

std::shared_ptr<const MockApi> mock(const QString &file, const QString &root = {})
{
    auto api = MockApi::load(file, root);
    if (!api) {
        qWarning() << api.error().message;
        return {};
    }
    return *api;
}

Http::Request req(const QByteArray &method, const QByteArray &target,
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                  const QByteArray &body = {})
{
    Http::Request r;
    r.method = method;
    r.target = target;
    const int q = target.indexOf('?');
    r.path = q < 0 ? target : target.left(q);
    r.query = q < 0 ? QByteArray() : target.mid(q + 1);
    for (const auto &[k, v] : headers)
        r.headers.add(k, v);
    r.body = body;
    return r;
}

Http::Response call(const MockApi &api, const Http::Request &r, const QList<QByteArray> &spec = {})
{
    return api.respond(r, Http::percentDecode(r.path), spec);
}

QJsonValue json(const Http::Response &r)
{
    const QJsonDocument d = QJsonDocument::fromJson(r.body);
    return d.isObject() ? QJsonValue(d.object()) : QJsonValue(d.array());
}

QStringList violations(const Http::Response &r)
{
    QStringList out;
    for (const QJsonValue &v : json(r).toObject().value(QStringLiteral("validation")).toArray())
        out << v.toObject().value(QStringLiteral("location")).toVariant().toStringList().join(u'.')
                + u' ' + v.toObject().value(QStringLiteral("message")).toString();
    return out;
}

const QList<std::pair<QByteArray, QByteArray>> kTenant {{"X-Tenant", "t1"}};

} // namespace

class TestMockApi final : public QObject
{
    Q_OBJECT

private slots:
    void answersFromExamples()
    {
        auto api = mock(
            QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather/specs/weather.json"));
        QVERIFY(api);
        const auto r = call(*api, req("GET", "/weather/Paris"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(json(r).toObject().value(QStringLiteral("city")).toString(),
                 QStringLiteral("Lyon"));
        // `examples` (named) are used too.
        QCOMPARE(json(call(*api, req("GET", "/forecast/Lyon"))).toArray().size(), 3);
        // No 2xx body: 204 (once the required body is there).
        QCOMPARE(
            call(*api, req("PUT", "/weather/Lyon", {{"Content-Type", "application/json"}}, r.body))
                .status,
            204);
        QCOMPARE(call(*api, req("PUT", "/weather/Lyon")).status, 422);
        const auto wrongMethod = call(*api, req("DELETE", "/weather/Lyon"));
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(wrongMethod.headers.value("Allow").contains("GET"));
        QCOMPARE(call(*api, req("GET", "/nope")).status, 404);
        QCOMPARE(call(*api, req("GET", "/nope")).headers.value("Content-Type"),
                 QByteArray("application/problem+json"));
        QCOMPARE(call(*api, req("GET", "/spec.json"), {"/spec.json"}).status, 200);
    }

    // allOf, oneOf and anyOf gave `null` (petstore-expanded, Stripe's customer): bodies are
    // generated from the schema, every branch merged or chosen.
    void bodiesFromSchemas()
    {
        auto api = mock(kData + QStringLiteral("/mock.yaml"));
        QVERIFY(api);
        auto r = call(*api, req("GET", "/v1/pets", kTenant));
        QCOMPARE(r.status, 200);
        const QJsonObject pet = json(r).toArray().first().toObject();
        QCOMPARE(pet.value(QStringLiteral("id")).toInteger(), 1); // minimum
        QCOMPARE(pet.value(QStringLiteral("name")).toString(), QStringLiteral("string"));
        QVERIFY(pet.contains(QStringLiteral("tag")));
        // The discriminator's first mapping, its name in the property.
        r = call(*api, req("GET", "/shapes/3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("circle"));
        QCOMPARE(json(r).toObject().value(QStringLiteral("radius")).toDouble(), 1.0);
        const QJsonObject f = json(call(*api, req("GET", "/formats"))).toObject();
        QCOMPARE(f.value(QStringLiteral("when")).toString(),
                 QStringLiteral("2024-01-01T00:00:00Z"));
        QCOMPARE(f.value(QStringLiteral("id")).toString().size(), 36);
        QVERIFY(f.value(QStringLiteral("mail")).toString().contains(u'@'));
        QCOMPARE(f.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QCOMPARE(f.value(QStringLiteral("count")).toInt(), 5);
        QVERIFY(f.value(QStringLiteral("ratio")).toDouble() > 1);
        QCOMPARE(f.value(QStringLiteral("tags")).toArray().size(), 3);
        QVERIFY(f.value(QStringLiteral("tags")).toArray().first().toString().size() >= 8);
        QVERIFY(f.value(QStringLiteral("labels"))
                    .toObject()
                    .value(QStringLiteral("additionalProp1"))
                    .isDouble());
        QVERIFY(!f.contains(QStringLiteral("secret"))); // writeOnly: not in responses
        QCOMPARE(f.value(QStringLiteral("flag")).toBool(), true);
        QCOMPARE(f.value(QStringLiteral("nothing")).toString(), QStringLiteral("str"));
        // A plain-text response, chosen by Accept.
        r = call(*api, req("GET", "/text", {{"Accept", "text/plain"}}));
        QCOMPARE(r.body, QByteArray("hello"));
        QCOMPARE(r.headers.value("Content-Type"), QByteArray("text/plain"));
        r = call(*api, req("GET", "/text", {{"Accept", "application/xml"}}));
        QCOMPARE(r.body, QByteArray("<a/>"));
    }

    // Recursive schemas (an array of itself reached through a property; a tree whose parent is
    // a tree) and schemas whose expansion would be enormous give bounded bodies.
    void recursionAndSizeAreBounded()
    {
        auto api = mock(kData + QStringLiteral("/mock.yaml"));
        QVERIFY(api);
        auto r = call(*api, req("GET", "/trees"));
        QCOMPARE(r.status, 200);
        const QJsonObject tree = json(r).toObject();
        QCOMPARE(tree.value(QStringLiteral("name")).toString(), QStringLiteral("string"));
        QVERIFY(!tree.contains(QStringLiteral("parent"))); // the cycle is cut
        QElapsedTimer t;
        t.start();
        r = call(*api, req("GET", "/huge"));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.size() <= 1024 * 1024, QByteArray::number(r.body.size()).constData());
        QVERIFY(r.body.size() > 100 * 1024);
        QVERIFY(!json(r).toArray().isEmpty()); // valid JSON even when cut
        // Made once: the same bytes again.
        QCOMPARE(call(*api, req("GET", "/huge")).body, r.body);
    }

    // A schema whose k properties all refer back to itself was expanded at load (k = 6: 36 s,
    // 1.1 GB). Loading no longer expands anything, and an answer stays small.
    void wideRecursionLoadsAndAnswersAtOnce()
    {
        QTemporaryDir tmp;
        QByteArray props;
        for (int i = 0; i < 8; ++i)
            props
                += "        p" + QByteArray::number(i) + ": {$ref: '#/components/schemas/Node'}\n";
        QFile f(tmp.filePath(QStringLiteral("wide.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /nodes:\n    get:\n"
                "      responses:\n        '200':\n          description: ok\n          content:\n"
                "            application/json:\n              schema: {$ref: "
                "'#/components/schemas/Node'}\ncomponents:\n  schemas:\n    Node:\n"
                "      type: object\n      properties:\n        id: {type: integer}\n"
                + props);
        f.close();
        auto api = mock(f.fileName());
        QVERIFY(api);
        const auto r = call(*api, req("GET", "/nodes"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"id\":0}"));
    }

    // Stoplight Prism's conventions: Prefer: code=…, Prefer: example=….
    void preferCodeAndExample()
    {
        auto api = mock(kData + QStringLiteral("/mock.yaml"));
        QVERIFY(api);
        auto h = kTenant;
        h.append(std::pair<QByteArray, QByteArray>("Prefer", "code=404"));
        auto r = call(*api, req("GET", "/v1/pets", h));
        QCOMPARE(r.status, 404);
        QCOMPARE(json(r).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("gone"));
        h.last() = {"Prefer", "code=404, example=never"};
        r = call(*api, req("GET", "/v1/pets", h));
        QCOMPARE(json(r).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("never existed"));
        h.last() = {"Prefer", "code=418"};
        r = call(*api, req("GET", "/v1/pets", h));
        QCOMPARE(r.status, 404);
        QVERIFY(json(r)
                    .toObject()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("code=418")));
        h.last() = {"Prefer", "code=404, example=nosuch"};
        r = call(*api, req("GET", "/v1/pets", h));
        QCOMPARE(r.status, 404);
        QVERIFY(json(r)
                    .toObject()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("example=nosuch")));
    }

    // The request is checked against the operation: 422 problem+json naming each violation.
    void requestsAreValidated()
    {
        auto api = mock(kData + QStringLiteral("/mock.yaml"));
        QVERIFY(api);
        auto r = call(*api, req("GET", "/v1/pets?limit=500"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.headers.value("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(violations(r),
                 (QStringList {QStringLiteral("query.limit must be <= 100"),
                               QStringLiteral("header.X-Tenant must have required "
                                              "property 'X-Tenant'")}));
        QCOMPARE(json(r).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY"));
        QCOMPARE(violations(call(*api, req("GET", "/v1/pets?limit=abc", kTenant))),
                 QStringList {QStringLiteral("query.limit must be integer")});
        QCOMPARE(call(*api, req("GET", "/v1/pets?limit=5", kTenant)).status, 200);
        // Body: required, JSON, schema (readOnly id is not required of a request).
        const QList<std::pair<QByteArray, QByteArray>> ct {{"Content-Type", "application/json"}};
        QCOMPARE(violations(call(*api, req("POST", "/v1/pets", ct))),
                 QStringList {QStringLiteral("body a request body is required")});
        QCOMPARE(violations(call(*api, req("POST", "/v1/pets", ct, "{\"tag\": 3}"))),
                 (QStringList {QStringLiteral("body.name must have required property 'name'"),
                               QStringLiteral("body.tag must be string")}));
        QVERIFY(violations(call(*api, req("POST", "/v1/pets", ct, "{oops")))
                    .first()
                    .startsWith(QStringLiteral("body is not JSON")));
        r = call(*api, req("POST", "/v1/pets", ct, "{\"name\": \"Rex\"}"));
        QCOMPARE(r.status, 201);
        QCOMPARE(call(*api, req("POST", "/v1/pets", {{"Content-Type", "text/csv"}}, "a,b")).status,
                 415);
        // Path parameters too.
        QCOMPARE(violations(call(*api, req("GET", "/shapes/not-a-uuid"))),
                 QStringList {QStringLiteral("path.id must match format \"uuid\"")});
    }

    // Swagger 2.0: basePath was ignored (every Docker /v1.56/… request got 404) and response
    // examples too (200, empty body, no Content-Type).
    void swagger2BasePathAndExamples()
    {
        auto api = mock(kData + QStringLiteral("/swagger2.yaml"));
        QVERIFY(api);
        for (const QByteArray &path : {QByteArray("/v1.2/items"), QByteArray("/items")}) {
            const auto r = call(*api, req("GET", path));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("Content-Type"), QByteArray("application/json"));
            QCOMPARE(json(r).toArray().at(1).toObject().value(QStringLiteral("name")).toString(),
                     QStringLiteral("second"));
        }
        auto r = call(*api, req("GET", "/v1.2/items/7", {{"Prefer", "code=404"}}));
        QCOMPARE(r.status, 404);
        QCOMPARE(json(r).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("no such item"));
        QCOMPARE(
            violations(call(
                *api, req("POST", "/v1.2/items", {{"Content-Type", "application/json"}}, "{}"))),
            QStringList {QStringLiteral("body.name must have required property 'name'")});
        QCOMPARE(call(*api, req("GET", "/v1.2/items?limit=0")).status, 422);
    }

    // External $refs were dropped: Redocly's cafe answered 404, a response $ref to another
    // file an empty 200.
    void splitDocuments()
    {
        auto api = mock(kData + QStringLiteral("/split/openapi.yaml"));
        QVERIFY(api);
        const auto r = call(*api, req("GET", "/v2/pets"));
        QCOMPARE(r.status, 200);
        const QJsonObject pet = json(r).toArray().first().toObject();
        QCOMPARE(pet.value(QStringLiteral("id")).toInt(), 0);
        QCOMPARE(pet.value(QStringLiteral("name")).toString(), QStringLiteral("string"));
        QCOMPARE(call(*api, req("GET", "/pets/4")).status, 200);
    }

    // Routes were one regular expression per operation, tried one after another (GitHub: 623).
    // They are a tree of path segments now, with the same answers: literal segments before
    // templates, a parameter is one or more characters of one segment, text around a parameter
    // in a segment, 405 naming the methods of every template that fits.
    void pathSegmentsMatchAsTemplates()
    {
        QTemporaryDir dir;
        const QByteArray ok = "{\"responses\": {\"200\": {\"description\": \"ok\"}}}";
        const QByteArray named = "{\"parameters\": [{\"name\": \"name\", \"in\": \"path\", "
                                 "\"required\": true, \"schema\": {\"type\": \"string\", "
                                 "\"enum\": [\"abc\"]}}], \"responses\": {\"200\": "
                                 "{\"description\": \"ok\"}}}";
        QFile f(dir.filePath(QStringLiteral("api.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, "
                "\"paths\": {"
                "\"/users/{id}\": {\"get\": "
                + ok + ", \"delete\": " + ok
                + "},"
                  "\"/users/me\": {\"get\": "
                + ok
                + "},"
                  "\"/users/{id}/repos/{repo}\": {\"get\": "
                + ok
                + "},"
                  "\"/files/{name}.json\": {\"get\": "
                + named
                + "},"
                  "\"/files/{name}\": {\"put\": "
                + ok
                + "},"
                  "\"/a//b\": {\"get\": "
                + ok + "}}}");
        f.close();
        auto api = mock(f.fileName(), dir.path());
        QVERIFY(api);
        auto chosen = [&api](const QByteArray &method, const QByteArray &path) -> QByteArray {
            const Http::Response r = call(*api, req(method, path));
            return QByteArray::number(r.status) + ' ' + r.headers.value("X-Airgate-Mock");
        };
        QCOMPARE(chosen("GET", "/users/me"), QByteArray("200 /users/me"));
        QCOMPARE(chosen("GET", "/users/42"), QByteArray("200 /users/{id}"));
        QCOMPARE(chosen("DELETE", "/users/me"), QByteArray("200 /users/{id}"));
        QCOMPARE(chosen("GET", "/users/42/repos/r"), QByteArray("200 /users/{id}/repos/{repo}"));
        QCOMPARE(chosen("GET", "/users/42/repos/").left(4), QByteArray("404 "));
        QCOMPARE(chosen("GET", "/users//repos/r").left(4), QByteArray("404 "));
        QCOMPARE(chosen("GET", "/users").left(4), QByteArray("404 "));
        QCOMPARE(chosen("GET", "/users/42/").left(4), QByteArray("404 "));
        // Text around a parameter: the parameter's value is what is between ("abc", in its enum).
        QCOMPARE(chosen("GET", "/files/abc.json"), QByteArray("200 /files/{name}.json"));
        QCOMPARE(chosen("GET", "/files/abd.json"), QByteArray("422 /files/{name}.json"));
        QCOMPARE(chosen("PUT", "/files/abc.json"), QByteArray("200 /files/{name}"));
        QCOMPARE(chosen("GET", "/a//b"), QByteArray("200 /a//b"));
        // A path every template of which lacks the method: 405 with each method once.
        const Http::Response r = call(*api, req("PATCH", "/users/me"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.headers.value("Allow"), QByteArray("GET, DELETE"));
        QCOMPARE(call(*api, req("GET", "/files/x")).headers.value("Allow"), QByteArray("PUT"));
    }

    // The same route for every operation of the GitHub document as the regular expressions it
    // replaced (the reference below is the old matcher), and a lookup that does not grow with
    // the number of operations.
    void pathSegmentsAgreeWithTemplatesOnGitHub()
    {
        const QString corpus = QStringLiteral(AIRGATE_SHARED_DIR "/external/openapi-docs");
        const QString file = corpus + QStringLiteral("/github-api-3.0.json");
        if (!QFileInfo::exists(file))
            QSKIP("../shared/external/openapi-docs is absent");
        auto api = mock(file, corpus);
        QVERIFY(api);
        struct Reference
        {
            const OpenApi::Operation *op;
            QRegularExpression re;
            int literal = 0;
        };
        std::vector<Reference> refs;
        for (const OpenApi::Operation &op : api->document()->operations()) {
            Reference r {&op, {}, 0};
            QString pattern = QStringLiteral("^");
            for (qsizetype i = 0; i < op.path.size(); ++i) {
                const qsizetype close = op.path[i] == u'{' ? op.path.indexOf(u'}', i) : -1;
                if (close > i) {
                    pattern += QStringLiteral("([^/]+)");
                    i = close;
                    continue;
                }
                pattern += QRegularExpression::escape(QString(op.path[i]));
                ++r.literal;
            }
            r.re = QRegularExpression(pattern + QStringLiteral("$"));
            refs.push_back(std::move(r));
        }
        std::stable_sort(refs.begin(), refs.end(),
                         [](const auto &a, const auto &b) { return a.literal > b.literal; });
        QCOMPARE(refs.size(), size_t(623));
        int compared = 0;
        const QStringList values {QStringLiteral("x1"), QStringLiteral("actions"),
                                  QStringLiteral("issues")};
        for (const QString &value : values)
            for (const OpenApi::Operation &op : api->document()->operations()) {
                QString path = op.path;
                path.replace(QRegularExpression(QStringLiteral("\\{[^}/]*\\}")), value);
                QString expected;
                for (const Reference &r : refs)
                    if (r.re.match(path).hasMatch() && r.op->method == op.method) {
                        expected = r.op->path;
                        break;
                    }
                const Http::Response got = call(*api, req(op.method.toLatin1(), path.toUtf8()));
                QCOMPARE(QString::fromUtf8(got.headers.value("X-Airgate-Mock")), expected);
                ++compared;
            }
        QCOMPARE(compared, 3 * 623);
    }
};

QTEST_GUILESS_MAIN(TestMockApi)
#include "tst_mockapi.moc"
