// SPDX-License-Identifier: Apache-2.0
// Traefik v3 router rules: the lint parser (core) and the gateway's compiled matcher (runtime)
// on arbitrary text; a rule both accept is matched against a few requests.
#include "fuzzcommon.h"

#include "http/httpmessage.h"
#include "routing/routematcher.h"
#include "routing/routerule.h"

using namespace Airgate;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    AirgateFuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString rule = QString::fromUtf8(AirgateFuzz::bytes(data, size));
    const Routing::RuleParseResult parsed = Routing::parseRule(rule);
    if (!parsed.ok()) {
        FUZZ_CHECK(!parsed.error.isEmpty());
        FUZZ_CHECK(parsed.errorOffset >= -1 && parsed.errorOffset <= rule.size());
    }
    (void)Routing::defaultPriority(rule);

    Runtime::RouteMatcher matcher(rule);
    if (!matcher.ok())
        return 0;
    static const struct
    {
        const char *method, *target, *host;
    } requests[] = {
        {"GET", "/", "example.com"},
        {"POST", "/api/v1/items?x=1&y=%20z", "api.example.com"},
        {"DELETE", "/%2e%2e/a//b?", "127.0.0.1"},
    };
    for (const auto &r : requests) {
        Http::Request req;
        req.method = r.method;
        req.target = r.target;
        const int q = req.target.indexOf('?');
        req.path = q < 0 ? req.target : req.target.left(q);
        req.query = q < 0 ? QByteArray() : req.target.mid(q + 1);
        req.headers.add("Host", r.host);
        req.headers.add("X-Tenant", "a, b");
        req.peer = QHostAddress(QStringLiteral("192.168.1.10"));
        (void)matcher.matches(req, Http::percentDecode(req.path), r.host);
    }
    return 0;
}
