// SPDX-License-Identifier: Apache-2.0
#include "mock/mockapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Airgate::Runtime;

class TestMockApi final : public QObject
{
    Q_OBJECT

private slots:
    void answersFromExamples()
    {
        auto api = MockApi::load(
            QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather/specs/weather.json"));
        QVERIFY2(api.ok(), qPrintable(api.ok() ? QString() : api.error().message));
        const auto r = (*api)->respond("GET", "/weather/Paris", {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("city")).toString(),
                 QStringLiteral("Lyon"));
        // `examples` (named) are used too.
        const auto f = (*api)->respond("GET", "/forecast/Lyon", {});
        QCOMPARE(QJsonDocument::fromJson(f.body).array().size(), 3);
        // No 2xx body: 204.
        QCOMPARE((*api)->respond("PUT", "/weather/Lyon", {}).status, 204);
        QCOMPARE((*api)->respond("DELETE", "/weather/Lyon", {}).status, 405);
        QCOMPARE((*api)->respond("GET", "/nope", {}).status, 404);
        QCOMPARE((*api)->respond("GET", "/spec.json", {"/spec.json"}).status, 200);
    }

    void yamlDocumentsAndSchemaExamples()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("pets.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("openapi: 3.0.0\ninfo: {title: Pets, version: '1'}\nservers: [{url: "
                "'https://pets.example.com/v1'}]\npaths:\n"
                "  /pets/{id}:\n    get:\n      responses:\n        '200':\n          description: "
                "a pet\n          content:\n"
                "            application/json:\n              schema:\n                type: "
                "object\n                properties:\n"
                "                  id: {type: integer, example: 7}\n                  name: {type: "
                "string}\n"
                "  /pets/mine:\n    get:\n      responses:\n        '201':\n          description: "
                "mine\n          content:\n"
                "            text/plain:\n              example: all mine\n");
        f.close();
        auto api = MockApi::load(f.fileName());
        QVERIFY(api.ok());
        const auto r = (*api)->respond("GET", "/v1/pets/3", {});
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("id")).toInt(), 7);
        const auto mine
            = (*api)->respond("GET", "/pets/mine", {}); // the most literal template wins
        QCOMPARE(mine.status, 201);
        QCOMPARE(mine.body, QByteArray("all mine"));
    }

    void refusesNonOpenApi()
    {
        QVERIFY(!MockApi::fromDocument(QJsonObject {{QStringLiteral("x"), 1}}, QStringLiteral("x"))
                     .ok());
    }
};

QTEST_GUILESS_MAIN(TestMockApi)
#include "tst_mockapi.moc"
