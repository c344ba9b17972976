// SPDX-License-Identifier: Apache-2.0
#include "schemavalidator.h"

#include "formats.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <set>

namespace Airgate::Schema {

using Yaml::NodeKind;
using Yaml::ScalarType;

std::string goQuote(const std::string &s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
    }
    return out + "\"";
}

std::string FieldError::text() const
{
    if (type == Type::UnknownField)
        return "unknown field " + goQuote(field);
    if (field.empty() && badValue.empty())
        return detail;
    std::string body;
    switch (type) {
    case Type::Required:
        body = "Required value";
        break;
    case Type::Invalid:
    case Type::TypeInvalid:
        body = "Invalid value";
        break;
    case Type::NotSupported:
        body = "Unsupported value";
        break;
    case Type::TooLong:
        body = "Too long";
        break;
    case Type::TooMany:
        body = "Too many";
        break;
    case Type::Duplicate:
        body = "Duplicate value";
        break;
    case Type::Forbidden:
        body = "Forbidden";
        break;
    case Type::UnknownField:
        break;
    }
    if (!badValue.empty() && type != Type::Required && type != Type::TooLong
        && type != Type::Forbidden)
        body += ": " + badValue;
    if (!detail.empty())
        body += ": " + detail;
    return field.empty() ? body : field + ": " + body;
}

namespace {

std::string renderScalar(const Yaml::Node &n)
{
    if (n.kind == NodeKind::Null)
        return "null";
    if (n.kind != NodeKind::Scalar)
        return goQuote(Yaml::jsonTypeName(n));
    if (n.scalarType == ScalarType::String)
        return goQuote(n.value);
    if (n.scalarType == ScalarType::Int)
        if (auto i = n.asInt())
            return std::to_string(*i);
    if (n.scalarType == ScalarType::Bool)
        return n.asBool().value_or(false) ? "true" : "false";
    return n.value;
}

std::size_t runeCount(const std::string &s)
{
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string formatNumber(double d)
{
    if (d == std::floor(d) && std::fabs(d) < 1e18)
        return std::to_string(static_cast<long long>(d));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

std::size_t editDistance(const std::string &a, const std::string &b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1]))
                == std::tolower(static_cast<unsigned char>(b[j - 1]));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string suggestField(const std::string &unknown, const Node &schema)
{
    std::string best;
    std::size_t bestScore = std::max<std::size_t>(2, unknown.size() / 3) + 1;
    for (const auto &p : schema.properties) {
        const std::size_t d = editDistance(unknown, p.first);
        if (d < bestScore) {
            bestScore = d;
            best = p.first;
        }
    }
    return best;
}

/** Whether a value has the schema's JSON type. @return the JSON type name to report when not. */
bool typeMatches(const Yaml::Node &v, const Node &s, std::string &actual)
{
    actual = Yaml::jsonTypeName(v);
    if (s.intOrString) {
        return v.kind == NodeKind::Scalar
            && (v.scalarType == ScalarType::Int || v.scalarType == ScalarType::String);
    }
    if (s.type.empty())
        return true;
    if (s.type == "object")
        return v.kind == NodeKind::Map;
    if (s.type == "array")
        return v.kind == NodeKind::Sequence;
    if (v.kind != NodeKind::Scalar)
        return false;
    if (s.type == "string")
        return v.scalarType == ScalarType::String;
    if (s.type == "boolean")
        return v.scalarType == ScalarType::Bool;
    if (s.type == "integer") {
        if (v.scalarType == ScalarType::Int)
            return true;
        if (v.scalarType == ScalarType::Float) {
            const double d = v.asDouble().value_or(NAN);
            return std::isfinite(d) && d == std::floor(d);
        }
        return false;
    }
    if (s.type == "number")
        return v.scalarType == ScalarType::Int || v.scalarType == ScalarType::Float;
    return true;
}

const char *yaml11TypeName(const std::string &text)
{
    static const std::set<std::string> bools {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no",
                                              "No", "NO", "on",  "On",  "ON",  "off", "Off", "OFF"};
    if (bools.count(text))
        return "boolean";
    if (text.find('.') != std::string::npos)
        return "number";
    return "integer";
}

class Walker
{
public:
    Walker(const ValidateOptions &o, std::vector<FieldError> &errors)
        : m_options(o)
        , m_errors(errors)
    {
    }

    bool blocked = false;

    void add(FieldError::Type t, const std::string &field, std::string bad, std::string detail,
             const Yaml::Mark &mark, std::string hint = {}, bool warning = false)
    {
        FieldError e;
        e.type = t;
        e.field = field;
        e.badValue = std::move(bad);
        e.detail = std::move(detail);
        e.mark = mark;
        e.hint = std::move(hint);
        e.warning = warning;
        if (t == FieldError::Type::TypeInvalid && !warning)
            blocked = true;
        m_errors.push_back(std::move(e));
    }

    void walk(const Yaml::Node &v, const Node &s, const std::string &path, const Yaml::Mark &anchor)
    {
        const Yaml::Mark at = v.mark.isValid() ? v.mark : anchor;
        std::string actual;
        if (v.kind == NodeKind::Null) {
            if (s.nullable)
                return;
            add(FieldError::Type::TypeInvalid, path, goQuote("null"),
                path + " in body must be of type " + expectedType(s) + ": \"null\"", at);
            return;
        }
        if (!typeMatches(v, s, actual)) {
            std::string hint;
            if (s.type == "string" && v.kind == NodeKind::Scalar)
                hint = "quote the value to make it a string: \"" + v.value + "\"";
            add(FieldError::Type::TypeInvalid, path, goQuote(actual),
                path + " in body must be of type " + expectedType(s) + ": " + goQuote(actual), at,
                hint);
            return;
        }
        if (m_options.checkYaml11Strings && v.kind == NodeKind::Scalar
            && v.scalarType == ScalarType::String && !v.quoted && !v.tagged && (s.type == "string")
            && Yaml::isYaml11NonString(v.value)) {
            const std::string t = yaml11TypeName(v.value);
            add(FieldError::Type::TypeInvalid, path, goQuote(t),
                path + " in body must be of type string: " + goQuote(t), at,
                "kubectl reads the unquoted " + v.value + " as a YAML 1.1 " + t + "; write \""
                    + v.value + "\"");
            return;
        }
        switch (v.kind) {
        case NodeKind::Map:
            walkObject(v, s, path, at);
            break;
        case NodeKind::Sequence:
            walkArray(v, s, path, at);
            break;
        default:
            walkScalar(v, s, path, at);
        }
        if (!s.enumValues.empty()) {
            const bool found = std::any_of(
                s.enumValues.begin(), s.enumValues.end(),
                [&](const Yaml::NodePtr &e) { return Yaml::Node::equal(e.get(), &v); });
            if (!found) {
                std::string supported;
                for (const auto &e : s.enumValues) {
                    if (!supported.empty())
                        supported += ", ";
                    supported += renderScalar(*e);
                }
                add(FieldError::Type::NotSupported, path, renderScalar(v),
                    "supported values: " + supported, at);
            }
        }
    }

private:
    static std::string expectedType(const Node &s)
    {
        if (s.intOrString)
            return "integer,string";
        return s.type.empty() ? "object" : s.type;
    }

    static std::string childPath(const std::string &base, const std::string &key, bool isProperty)
    {
        if (isProperty)
            return base.empty() ? key : base + "." + key;
        return base + "[" + key + "]";
    }

    void walkObject(const Yaml::Node &v, const Node &s, const std::string &path,
                    const Yaml::Mark &at)
    {
        std::size_t count = 0;
        // Keys seen, for `required`; objects have few keys, so a flat list beats a tree.
        std::vector<std::string_view> present;
        present.reserve(v.entries.size());
        for (const auto &e : v.entries) {
            const Yaml::Node &val = *e.value;
            const std::string &k = e.key;
            const Node *prop = s.property(k);
            const Node *sub = prop ? prop : s.additionalProperties.get();
            const std::string p = childPath(path, k, prop != nullptr || !s.additionalProperties);
            if (path.empty()
                && (k == "metadata" || k == "status" || k == "apiVersion" || k == "kind")) {
                if (!val.isNull())
                    present.push_back(k); // checked elsewhere, but present for `required`
                continue;
            }
            if (!sub) {
                if (s.preserveUnknownFields || s.additionalPropertiesAllowed) {
                    ++count;
                    present.push_back(k);
                    continue;
                }
                if (m_options.checkUnknownFields) {
                    const std::string guess = suggestField(k, s);
                    add(FieldError::Type::UnknownField, p, {}, {}, e.keyMark,
                        guess.empty() ? std::string() : "did you mean \"" + guess + "\"?");
                }
                continue;
            }
            if (val.kind == NodeKind::Null && !sub->nullable) {
                // Pruned by the API server before validation, so the field counts as absent.
                std::string hint;
                if (sub->type == "object")
                    hint = "write `" + k + ": {}` for an empty object";
                add(FieldError::Type::Invalid, p, {},
                    "null is dropped by the API server; the field counts as absent", e.keyMark,
                    hint, true);
                continue;
            }
            ++count;
            present.push_back(k);
            walk(val, *sub, p, e.keyMark);
        }
        for (const std::string &r : s.required) {
            if (std::find(present.begin(), present.end(), r) == present.end()) {
                add(FieldError::Type::Required, childPath(path, r, true), {}, {}, at);
            }
        }
        if (s.minProperties && static_cast<std::int64_t>(count) < *s.minProperties)
            add(FieldError::Type::Invalid, path, std::to_string(count),
                path + " in body should have at least " + std::to_string(*s.minProperties)
                    + " properties",
                at);
        if (s.maxProperties && static_cast<std::int64_t>(count) > *s.maxProperties)
            add(FieldError::Type::TooMany, path, std::to_string(count),
                "must have at most " + std::to_string(*s.maxProperties) + " items", at);
    }

    void walkArray(const Yaml::Node &v, const Node &s, const std::string &path,
                   const Yaml::Mark &at)
    {
        const auto n = static_cast<std::int64_t>(v.items.size());
        if (s.minItems && n < *s.minItems)
            add(FieldError::Type::Invalid, path, std::to_string(n),
                path + " in body should have at least " + std::to_string(*s.minItems) + " items",
                at);
        if (s.maxItems && n > *s.maxItems)
            add(FieldError::Type::TooMany, path, std::to_string(n),
                "must have at most " + std::to_string(*s.maxItems) + " items", at);
        if (s.items) {
            for (std::size_t i = 0; i < v.items.size(); ++i)
                walk(*v.items[i], *s.items, path + "[" + std::to_string(i) + "]", at);
        }
        if (s.listType == "set") {
            for (std::size_t i = 1; i < v.items.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (Yaml::Node::equal(v.items[i].get(), v.items[j].get())) {
                        add(FieldError::Type::Duplicate, path + "[" + std::to_string(i) + "]",
                            renderScalar(*v.items[i]), {}, v.items[i]->mark);
                        break;
                    }
        } else if (s.listType == "map" && !s.listMapKeys.empty()) {
            for (std::size_t i = 1; i < v.items.size(); ++i)
                for (std::size_t j = 0; j < i; ++j) {
                    bool same = true;
                    for (const std::string &k : s.listMapKeys)
                        same = same && Yaml::Node::equal(v.items[i]->get(k), v.items[j]->get(k));
                    if (same) {
                        add(FieldError::Type::Duplicate, path + "[" + std::to_string(i) + "]",
                            goQuote("object"), {}, v.items[i]->mark);
                        break;
                    }
                }
        }
    }

    void walkScalar(const Yaml::Node &v, const Node &s, const std::string &path,
                    const Yaml::Mark &at)
    {
        if (v.scalarType == ScalarType::String) {
            const std::size_t len = runeCount(v.value);
            if (s.maxLength && static_cast<std::int64_t>(len) > *s.maxLength)
                add(FieldError::Type::TooLong, path, {},
                    "may not be more than " + std::to_string(*s.maxLength) + " bytes", at);
            if (s.minLength && static_cast<std::int64_t>(len) < *s.minLength)
                add(FieldError::Type::Invalid, path, goQuote(v.value),
                    path + " in body should be at least " + std::to_string(*s.minLength)
                        + " chars long",
                    at);
            if (s.patternRegex && s.patternRegex->isValid()
                && !s.patternRegex->match(QString::fromStdString(v.value)).hasMatch())
                add(FieldError::Type::Invalid, path, goQuote(v.value),
                    path + " in body should match '" + s.pattern + "'", at);
            if (s.format == "duration" && !Formats::parseKubernetesDuration(v.value))
                add(FieldError::Type::Invalid, path, goQuote(v.value),
                    path + " in body must be of type duration: " + goQuote(v.value), at,
                    "durations look like 30s, 5m, 1h30m or 1d");
            if (s.format == "byte") {
                if (const std::size_t bad = Formats::invalidBase64Offset(v.value);
                    bad != std::string::npos)
                    add(FieldError::Type::Invalid, path,
                        goQuote(v.value.size() > 40 ? v.value.substr(0, 40) + "..." : v.value),
                        "illegal base64 data at input byte " + std::to_string(bad), at,
                        "Secret data values are base64; put clear text under stringData instead");
            }
        }
        if (v.scalarType == ScalarType::Int || v.scalarType == ScalarType::Float) {
            const double d = v.asDouble().value_or(0);
            if (s.minimum && (s.exclusiveMinimum ? d <= *s.minimum : d < *s.minimum))
                add(FieldError::Type::Invalid, path, renderScalar(v),
                    path + " in body should be greater than "
                        + std::string(s.exclusiveMinimum ? "" : "or equal to ")
                        + formatNumber(*s.minimum),
                    at);
            if (s.maximum && (s.exclusiveMaximum ? d >= *s.maximum : d > *s.maximum))
                add(FieldError::Type::Invalid, path, renderScalar(v),
                    path + " in body should be less than "
                        + std::string(s.exclusiveMaximum ? "" : "or equal to ")
                        + formatNumber(*s.maximum),
                    at);
        }
    }

    const ValidateOptions &m_options;
    std::vector<FieldError> &m_errors;
};

/** Runs x-kubernetes-validations rules top-down over the pruned object. */
class RuleRunner
{
public:
    explicit RuleRunner(std::vector<FieldError> &errors)
        : m_errors(errors)
    {
    }

    void run(const Yaml::Node &v, const Node &s, const std::string &path, const Yaml::Mark &anchor)
    {
        const Yaml::Mark at = v.mark.isValid() ? v.mark : anchor;
        // A `format: duration` string that is no duration has no CEL value: its format error
        // is the one problem, as the API server reports it (no "no such overload" besides).
        const bool badDuration = s.format == "duration" && v.kind == NodeKind::Scalar
            && !Formats::parseKubernetesDuration(v.value);
        if (!s.rules.empty() && !badDuration) {
            const Cel::Value self = toCelValue(&v, &s);
            const std::string typeName = s.intOrString
                ? std::string(Yaml::jsonTypeName(v))
                : (s.type.empty() ? std::string("object") : s.type);
            for (const Rule &r : s.rules) {
                const Cel::Value result = r.program->evaluate(self);
                const bool *b = std::get_if<bool>(&result.v);
                if (b && *b)
                    continue;
                FieldError e;
                e.type = FieldError::Type::Invalid;
                e.field = path;
                e.badValue = goQuote(typeName);
                e.mark = at;
                const std::string message
                    = r.message.empty() ? "failed rule: " + r.rule : r.message;
                if (result.isError())
                    e.detail = result.error().message + " evaluating rule: " + message;
                else if (!b)
                    e.detail = "rule did not evaluate to a bool: " + message;
                else
                    e.detail = message;
                m_errors.push_back(std::move(e));
            }
        }
        if (v.kind == NodeKind::Map) {
            for (const auto &e : v.entries) {
                if (path.empty() && (e.key == "metadata" || e.key == "status"))
                    continue;
                const Node *prop = s.property(e.key);
                const Node *sub = prop ? prop : s.additionalProperties.get();
                if (!sub || (e.value->isNull() && !sub->nullable))
                    continue;
                run(*e.value, *sub,
                    prop ? (path.empty() ? e.key : path + "." + e.key) : path + "[" + e.key + "]",
                    e.keyMark);
            }
        } else if (v.kind == NodeKind::Sequence && s.items) {
            for (std::size_t i = 0; i < v.items.size(); ++i)
                run(*v.items[i], *s.items, path + "[" + std::to_string(i) + "]", at);
        }
    }

private:
    std::vector<FieldError> &m_errors;
};

} // namespace

std::vector<FieldError> validateObject(const Yaml::Node &object, const KindSchema &kind,
                                       const ValidateOptions &options)
{
    std::vector<FieldError> errors;
    if (!kind.root)
        return errors;
    Walker walker(options, errors);
    walker.walk(object, *kind.root, std::string(), object.mark);
    if (walker.blocked) {
        FieldError e;
        e.type = FieldError::Type::Invalid;
        e.detail = "some validation rules were not checked because the object was invalid; "
                   "correct the existing errors to complete validation";
        e.badValue.clear();
        e.mark = object.mark;
        e.warning = true;
        errors.push_back(std::move(e));
        return errors;
    }
    RuleRunner rules(errors);
    rules.run(object, *kind.root, std::string(), object.mark);
    return errors;
}

} // namespace Airgate::Schema
