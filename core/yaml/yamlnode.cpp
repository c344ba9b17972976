// SPDX-License-Identifier: Apache-2.0
#include "yamlnode.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <regex>

namespace Airgate::Yaml {

namespace {

bool allOf(std::string_view s, size_t from, bool (*pred)(char))
{
    if (from >= s.size())
        return false;
    for (size_t i = from; i < s.size(); ++i)
        if (!pred(s[i]))
            return false;
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isOctal(char c)
{
    return c >= '0' && c <= '7';
}
bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isCoreFloat(std::string_view s)
{
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    size_t digits = 0;
    while (i < s.size() && isDigit(s[i])) {
        ++i;
        ++digits;
    }
    bool dot = false;
    size_t fracDigits = 0;
    if (i < s.size() && s[i] == '.') {
        dot = true;
        ++i;
        while (i < s.size() && isDigit(s[i])) {
            ++i;
            ++fracDigits;
        }
    }
    if (digits == 0 && fracDigits == 0)
        return false;
    if (digits == 0 && !dot)
        return false;
    bool exp = false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        exp = true;
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+'))
            ++i;
        size_t expDigits = 0;
        while (i < s.size() && isDigit(s[i])) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return false;
    }
    return i == s.size() && (dot || exp);
}

} // namespace

ScalarType resolvePlainScalar(std::string_view s)
{
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return ScalarType::Null;
    if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
        return ScalarType::Bool;
    {
        size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
        if (allOf(s, i, isDigit))
            return ScalarType::Int;
    }
    if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && allOf(s, 2, isOctal))
        return ScalarType::Int;
    if (s.size() > 2 && s[0] == '0' && s[1] == 'x' && allOf(s, 2, isHex))
        return ScalarType::Int;
    if (isCoreFloat(s))
        return ScalarType::Float;
    static constexpr std::string_view specials[]
        = {".inf",  ".Inf",  ".INF",  "+.inf", "+.Inf", "+.INF",
           "-.inf", "-.Inf", "-.INF", ".nan",  ".NaN",  ".NAN"};
    if (std::find(std::begin(specials), std::end(specials), s) != std::end(specials))
        return ScalarType::Float;
    return ScalarType::String;
}

bool isYaml11NonString(std::string_view s)
{
    if (resolvePlainScalar(s) != ScalarType::String)
        return true;
    // YAML 1.1 booleans (go-yaml v2, used by kubectl through sigs.k8s.io/yaml).
    static constexpr std::string_view bools[]
        = {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no",
           "No", "NO", "on",  "On",  "ON",  "off", "Off", "OFF"};
    if (std::find(std::begin(bools), std::end(bools), s) != std::end(bools))
        return true;
    // YAML 1.1 integers with underscores, binary, sexagesimal (1:20), and 1.1 floats like 1_000.5.
    static const std::regex yaml11Number(
        R"(^[-+]?(0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+|[0-9][0-9_]*|([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[0-9][0-9_]*(:[0-5]?[0-9])*\.[0-9_]*)$)");
    // Only digits, signs, separators and the letters of 0b/0x/exponents can form such a number;
    // most strings fail this cheap test and never reach the regular expression.
    if (s.find_first_of("0123456789") != std::string_view::npos
        && s.find_first_not_of("0123456789+-_:.eEbxXabcdefABCDEF") == std::string_view::npos
        && std::regex_match(s.begin(), s.end(), yaml11Number))
        return true;
    return false;
}

const char *jsonTypeName(const Node &node)
{
    switch (node.kind) {
    case NodeKind::Null:
        return "null";
    case NodeKind::Map:
        return "object";
    case NodeKind::Sequence:
        return "array";
    case NodeKind::Scalar:
        switch (node.scalarType) {
        case ScalarType::Null:
            return "null";
        case ScalarType::Bool:
            return "boolean";
        case ScalarType::Int:
            return "integer";
        case ScalarType::Float:
            return "number";
        case ScalarType::String:
            return "string";
        }
    }
    return "string";
}

NodePtr Node::makeNull()
{
    return std::make_shared<Node>();
}

NodePtr Node::makeScalar(std::string text, bool isQuoted)
{
    auto n = std::make_shared<Node>();
    n->kind = NodeKind::Scalar;
    n->quoted = isQuoted;
    n->scalarType = isQuoted ? ScalarType::String : resolvePlainScalar(text);
    n->value = std::move(text);
    if (n->scalarType == ScalarType::Null && !isQuoted)
        n->kind = NodeKind::Null;
    return n;
}

NodePtr Node::makeInt(std::int64_t v)
{
    return makeScalar(std::to_string(v));
}

NodePtr Node::makeBool(bool v)
{
    return makeScalar(v ? "true" : "false");
}

NodePtr Node::makeMap()
{
    auto n = std::make_shared<Node>();
    n->kind = NodeKind::Map;
    return n;
}

NodePtr Node::makeSequence()
{
    auto n = std::make_shared<Node>();
    n->kind = NodeKind::Sequence;
    return n;
}

const Node::Entry *Node::entry(std::string_view key) const
{
    if (kind != NodeKind::Map)
        return nullptr;
    for (const Entry &e : entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

const Node *Node::get(std::string_view key) const
{
    const Entry *e = entry(key);
    return e ? e->value.get() : nullptr;
}

NodePtr Node::getPtr(std::string_view key) const
{
    const Entry *e = entry(key);
    return e ? e->value : nullptr;
}

std::optional<std::string> Node::scalarAt(std::string_view key) const
{
    const Node *n = get(key);
    if (!n || n->kind != NodeKind::Scalar)
        return std::nullopt;
    return n->value;
}

void Node::set(std::string_view key, NodePtr v)
{
    if (kind == NodeKind::Null) {
        kind = NodeKind::Map;
        scalarType = ScalarType::Null;
    }
    for (Entry &e : entries) {
        if (e.key == key) {
            e.value = std::move(v);
            return;
        }
    }
    Entry e;
    e.key = std::string(key);
    e.value = std::move(v);
    entries.push_back(std::move(e));
}

bool Node::remove(std::string_view key)
{
    const auto before = entries.size();
    std::erase_if(entries, [key](const Entry &e) { return e.key == key; });
    return entries.size() != before;
}

std::optional<bool> Node::asBool() const
{
    if (kind != NodeKind::Scalar || scalarType != ScalarType::Bool)
        return std::nullopt;
    return value == "true" || value == "True" || value == "TRUE";
}

std::optional<std::int64_t> Node::asInt() const
{
    if (kind != NodeKind::Scalar || scalarType != ScalarType::Int)
        return std::nullopt;
    std::string_view s = value;
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
        base = s[1] == 'o' ? 8 : 16;
        s.remove_prefix(2);
    }
    std::uint64_t u = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), u, base);
    if (ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    if (negative) {
        if (u > static_cast<std::uint64_t>(INT64_MAX) + 1)
            return std::nullopt;
        return static_cast<std::int64_t>(0 - u);
    }
    if (u > static_cast<std::uint64_t>(INT64_MAX))
        return std::nullopt;
    return static_cast<std::int64_t>(u);
}

std::optional<double> Node::asDouble() const
{
    if (kind != NodeKind::Scalar)
        return std::nullopt;
    if (scalarType == ScalarType::Int) {
        if (auto i = asInt())
            return static_cast<double>(*i);
        return std::nullopt;
    }
    if (scalarType != ScalarType::Float)
        return std::nullopt;
    std::string_view s = value;
    if (s.ends_with("inf") || s.ends_with("Inf") || s.ends_with("INF"))
        return s.starts_with('-') ? -INFINITY : INFINITY;
    if (s.ends_with("nan") || s.ends_with("NaN") || s.ends_with("NAN"))
        return NAN;
    return std::strtod(value.c_str(), nullptr);
}

NodePtr Node::clone() const
{
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->scalarType = scalarType;
    n->quoted = quoted;
    n->flow = flow;
    n->mark = mark;
    n->tagged = tagged;
    n->value = value;
    n->items.reserve(items.size());
    for (const NodePtr &i : items)
        n->items.push_back(i ? i->clone() : nullptr);
    n->entries.reserve(entries.size());
    for (const Entry &e : entries)
        n->entries.push_back({e.key, e.value ? e.value->clone() : nullptr, e.keyMark, e.keyQuoted});
    return n;
}

bool Node::equal(const Node *a, const Node *b)
{
    if (a == b)
        return true;
    const bool aNull = !a || a->kind == NodeKind::Null;
    const bool bNull = !b || b->kind == NodeKind::Null;
    if (aNull || bNull)
        return aNull && bNull;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case NodeKind::Null:
        return true;
    case NodeKind::Scalar:
        return a->scalarType == b->scalarType && a->value == b->value;
    case NodeKind::Sequence:
        if (a->items.size() != b->items.size())
            return false;
        for (size_t i = 0; i < a->items.size(); ++i)
            if (!equal(a->items[i].get(), b->items[i].get()))
                return false;
        return true;
    case NodeKind::Map:
        if (a->entries.size() != b->entries.size())
            return false;
        for (size_t i = 0; i < a->entries.size(); ++i) {
            if (a->entries[i].key != b->entries[i].key
                || !equal(a->entries[i].value.get(), b->entries[i].value.get()))
                return false;
        }
        return true;
    }
    return false;
}

} // namespace Airgate::Yaml
