// SPDX-License-Identifier: Apache-2.0
// The YAML reader on arbitrary bytes: never crashes, honours its limits, every mark and document
// range lies inside the text, and whenever what the emitter writes from a tree reads back cleanly,
// it reads back as the same tree.
#include "fuzzcommon.h"

#include "yaml/yamlemitter.h"
#include "yaml/yamlparser.h"

#include <cmath>
#include <string_view>

using namespace Airgate::Yaml;

namespace {

struct Bounds
{
    int lines = 1;
    int depth = 0;
};

void checkMarks(const Node *n, const Bounds &b, int depth, int maxDepth)
{
    if (!n)
        return;
    FUZZ_CHECK(depth <= maxDepth + 1);
    if (n->mark.isValid()) {
        FUZZ_CHECK(n->mark.line <= b.lines);
        FUZZ_CHECK(n->mark.column >= 1);
    }
    if (n->isMap()) {
        for (const auto &e : n->entries) {
            if (e.keyMark.isValid())
                FUZZ_CHECK(e.keyMark.line <= b.lines && e.keyMark.column >= 1);
            checkMarks(e.value.get(), b, depth + 1, maxDepth);
        }
    } else if (n->isSequence()) {
        for (const auto &item : n->items)
            checkMarks(item.get(), b, depth + 1, maxDepth);
    }
}

/** Equal as data: the emitter writes scalars canonically (`0x1F` as `31`) and may reorder keys. */
bool sameValue(const Node *a, const Node *b, std::string &where)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind || (a->isScalar() && a->scalarType != b->scalarType)) {
        where = "(" + a->text() + " | " + b->text() + ")";
        return false;
    }
    switch (a->kind) {
    case NodeKind::Null:
        return true;
    case NodeKind::Scalar:
        if (a->scalarType != b->scalarType)
            return false;
        switch (a->scalarType) {
        case ScalarType::Null:
            return true;
        case ScalarType::Bool:
            return a->asBool() == b->asBool();
        case ScalarType::Int:
            return a->asInt() == b->asInt() && (a->asInt() || a->text() == b->text());
        case ScalarType::Float: {
            const auto x = a->asDouble(), y = b->asDouble();
            if (x && y && std::isnan(*x) && std::isnan(*y))
                return true;
            return x == y && (x || a->text() == b->text());
        }
        case ScalarType::String:
            if (a->text() != b->text()) {
                where = "(" + a->text() + " | " + b->text() + ")";
                return false;
            }
            return true;
        }
        return false;
    case NodeKind::Sequence:
        if (a->items.size() != b->items.size()) {
            where = "(item count)";
            return false;
        }
        for (std::size_t i = 0; i < a->items.size(); ++i)
            if (!sameValue(a->items[i].get(), b->items[i].get(), where)) {
                where = "[" + std::to_string(i) + "]." + where;
                return false;
            }
        return true;
    case NodeKind::Map:
        if (a->entries.size() != b->entries.size()) {
            where = "(entry count)";
            return false;
        }
        // The emitter may reorder keys (metadata's name and namespace first).
        for (const Node::Entry &e : a->entries) {
            const Node::Entry *other = b->entry(e.key);
            if (!other) {
                where = e.key + " (missing)";
                return false;
            }
            if (!sameValue(e.value.get(), other->value.get(), where)) {
                where = e.key + "." + where;
                return false;
            }
        }
        return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    ParseLimits limits;
    limits.maxDepth = 64;
    limits.maxExpandedNodes = 50'000;
    limits.aliasRatioFloor = 5'000;

    Bounds b;
    for (char c : text)
        b.lines += c == '\n';

    const ParsedText parsed = parseYaml(text, limits);
    std::size_t previousEnd = 0;
    for (const Document &d : parsed.documents) {
        FUZZ_CHECK(d.begin <= d.end && d.end <= size);
        FUZZ_CHECK(d.contentBegin >= d.begin && d.contentBegin <= d.end);
        FUZZ_CHECK(d.begin >= previousEnd);
        previousEnd = d.end;
        FUZZ_CHECK(d.firstLine >= 1 && d.firstLine <= b.lines);
        for (const Problem &p : d.problems) {
            if (p.mark.isValid() && (p.mark.line > b.lines || p.mark.column < 1)) {
                std::fprintf(stderr, "%d:%d: %s (the text has %d lines)\n", p.mark.line,
                             p.mark.column, p.message.c_str(), b.lines);
                FUZZ_CHECK(!"a problem's mark lies outside the text");
            }
        }
        if (d.failed) {
            FUZZ_CHECK(!d.root);
            continue;
        }
        if (!d.root)
            continue;
        checkMarks(d.root.get(), b, 0, limits.maxDepth);

        // Round trip: the emitter's text is valid YAML holding an equal tree.
        const std::string emitted = emitDocument(*d.root);
        std::vector<Problem> problems;
        const NodePtr again = parseSingleDocument(emitted, problems, limits);
        bool errors = false;
        for (const Problem &p : problems)
            errors |= p.severity == Problem::Severity::Error;
        if (!errors && again) {
            std::string where;
            if (!sameValue(d.root.get(), again.get(), where)) {
                std::fprintf(stderr, "emitted:\n%s\ndiffers at %s\n", emitted.c_str(),
                             where.c_str());
                FUZZ_CHECK(!"round trip changed the tree");
            }
        }
    }
    findInvalidUtf8(text);
    return 0;
}
