// SPDX-License-Identifier: Apache-2.0
// CEL: the first byte picks a mode.
//  - expression: the rest is a CEL expression, compiled and evaluated against several `self`
//    values shaped like the CRD fields the embedded rules read;
//  - manifest: the rest is a YAML manifest validated against the embedded CRD schemas, so every
//    `x-kubernetes-validations` rule of the kind runs on hostile values.
#include "fuzzcommon.h"

#include "schema/cel.h"
#include "schema/schema.h"
#include "schema/schemavalidator.h"
#include "yaml/yamlparser.h"

#include <string>

using namespace Airgate;

namespace {

const std::vector<Cel::Value> &selves()
{
    static const std::vector<Cel::Value> values = [] {
        using Cel::List;
        using Cel::Map;
        using Cel::Value;
        std::vector<Value> v;
        v.emplace_back();
        v.emplace_back(std::int64_t {-3});
        v.emplace_back(std::uint64_t {7});
        v.emplace_back(1.5);
        v.emplace_back(std::string("https://example.com/a?b=c"));
        v.emplace_back(Cel::Duration {1'000'000'000});
        v.emplace_back(List {Value(std::int64_t {1}), Value(std::string("x")), Value(true)});
        Map group {{"name", Value(std::string("a"))}, {"weight", Value(std::int64_t {2})}};
        Map plan {{"name", Value(std::string("b"))},
                  {"everyone", Value(true)},
                  {"groups", Value(List {Value(std::string("g1")), Value(std::string("g2"))})},
                  {"limit", Value(std::int64_t {10})},
                  {"period", Value(Cel::Duration {60'000'000'000})},
                  {"nested", Value(Map {{"k", Value(std::string("v"))}})}};
        v.emplace_back(plan);
        v.emplace_back(List {Value(group), Value(plan), Value(group)});
        return v;
    }();
    return values;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    AirgateFuzz::initQt();
    selves();
    Schema::Registry::builtin();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const std::string rest(reinterpret_cast<const char *>(data) + 1, size - 1);
    if (data[0] & 1) {
        std::vector<Yaml::Problem> problems;
        Yaml::ParseLimits limits;
        limits.maxDepth = 48;
        limits.maxExpandedNodes = 20'000;
        limits.aliasRatioFloor = 2'000;
        const Yaml::NodePtr root = Yaml::parseSingleDocument(rest, problems, limits);
        if (!root || !root->isMap())
            return 0;
        const std::string apiVersion = root->scalarAt("apiVersion").value_or("");
        const std::string kindName = root->scalarAt("kind").value_or("");
        const Schema::Registry &registry = Schema::Registry::builtin();
        const Schema::KindSchema *kind = registry.find(apiVersion, kindName);
        if (!kind)
            kind = registry.findKind(kindName);
        if (!kind) {
            // Still validate: pick a kind from the first byte so every schema gets exercised.
            const auto &kinds = registry.kinds();
            if (kinds.empty())
                return 0;
            kind = &kinds[(data[0] >> 1) % kinds.size()];
        }
        for (const Schema::FieldError &e : Schema::validateObject(*root, *kind))
            (void)e.text();
        return 0;
    }
    Cel::Program program(rest);
    if (!program.ok()) {
        FUZZ_CHECK(!program.error().empty());
        return 0;
    }
    for (const Cel::Value &self : selves()) {
        const Cel::Value result = program.evaluate(self);
        (void)result.typeName();
        (void)Cel::equals(result, result);
    }
    return 0;
}
