// SPDX-License-Identifier: Apache-2.0
// An OpenAPI (3.x or Swagger 2.0) document from arbitrary bytes, then everything that reads it:
// the mock answers a request for each operation (request validation, examples, bodies generated
// from schemas) and the portal renders its API page (schemas, examples, recursive references).
#include "fuzzcommon.h"

#include "http/httpmessage.h"
#include "mock/mockapi.h"
#include "openapi/openapidocument.h"
#include "portal/openapi.h"

#include <QRegularExpression>

using namespace Airgate;
using namespace Airgate::Runtime;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    AirgateFuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto loaded
        = OpenApi::Document::fromBytes(AirgateFuzz::bytes(data, size), QStringLiteral("fuzz.yaml"));
    if (!loaded) {
        FUZZ_CHECK(!loaded.error().message.isEmpty());
        return 0;
    }
    const std::shared_ptr<const OpenApi::Document> doc = loaded.value();
    (void)doc->title();
    (void)doc->json();

    std::vector<const OpenApi::Operation *> operations;
    for (const OpenApi::Operation &op : doc->operations())
        operations.push_back(&op);
    const Portal::RenderOptions options;
    const auto t = [](const char *s) { return QString::fromUtf8(s); };
    const QString page = Portal::renderOperations(*doc, operations, options, t);
    (void)Portal::operationCount(doc->root());

    const auto mock = MockApi::fromDocument(doc);
    if (!mock)
        return 0;
    static const QRegularExpression param(QStringLiteral("\\{[^}/]*\\}"));
    int n = 0;
    for (const OpenApi::Operation *op : operations) {
        if (++n > 8)
            break;
        Http::Request r;
        r.method = op->method.toUtf8();
        QString path = op->path;
        path.replace(param, QStringLiteral("1"));
        r.path = doc->basePath().toUtf8() + path.toUtf8();
        r.query = n % 2 ? QByteArray("limit=1&x=") : QByteArray();
        r.target = r.query.isEmpty() ? r.path : r.path + '?' + r.query;
        r.headers.add("Host", "example.com");
        r.headers.add("Accept", n % 3 ? "*/*" : "application/xml, application/json;q=0.5");
        r.headers.add("Content-Type", "application/json");
        if (n % 4 == 0)
            r.headers.add("Prefer", "code=404, dynamic=true");
        r.body = n % 2 ? QByteArray("{\"id\": 1, \"name\": \"x\", \"tags\": [\"a\"]}")
                       : QByteArray("[]");
        const Http::Response answer = mock->respond(r, Http::percentDecode(r.path), {});
        (void)answer;
    }
    Http::Request unknown;
    unknown.method = "GET";
    unknown.path = unknown.target = "/no/such/path";
    (void)mock->respond(unknown, unknown.path, {});
    return 0;
}
