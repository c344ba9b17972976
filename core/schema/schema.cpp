// SPDX-License-Identifier: Apache-2.0
#include "schema.h"

#include "yaml/yamlcbor.h"

#include "formats.h"
#include "yaml/yamlparser.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <mutex>

namespace Airgate::Schema {

using Yaml::NodeKind;

const Node *Node::property(std::string_view name) const
{
    const auto it = std::lower_bound(
        propertyOrder.begin(), propertyOrder.end(), name,
        [this](std::uint32_t i, std::string_view n) { return properties[i].first < n; });
    if (it != propertyOrder.end() && properties[*it].first == name)
        return properties[*it].second.get();
    return nullptr;
}

void Node::indexProperties()
{
    propertyOrder.resize(properties.size());
    for (std::uint32_t i = 0; i < propertyOrder.size(); ++i)
        propertyOrder[i] = i;
    std::stable_sort(propertyOrder.begin(), propertyOrder.end(),
                     [this](std::uint32_t a, std::uint32_t b) {
                         return properties[a].first < properties[b].first;
                     });
}

const Node *Node::child(std::string_view key) const
{
    if (const Node *p = property(key))
        return p;
    return additionalProperties.get();
}

namespace {

std::optional<std::int64_t> intAt(const Yaml::Node &n, std::string_view key)
{
    if (const Yaml::Node *v = n.get(key))
        return v->asInt();
    return std::nullopt;
}

std::shared_ptr<const Node> parseSchema(const Yaml::Node &y, const std::string &path,
                                        std::vector<std::string> &problems)
{
    auto s = std::make_shared<Node>();
    if (!y.isMap())
        return s;
    s->type = y.scalarAt("type").value_or("");
    s->format = y.scalarAt("format").value_or("");
    s->description = y.scalarAt("description").value_or("");
    if (const Yaml::Node *v = y.get("nullable"))
        s->nullable = v->asBool().value_or(false);
    if (const Yaml::Node *v = y.get("x-kubernetes-int-or-string"))
        s->intOrString = v->asBool().value_or(false);
    if (const Yaml::Node *v = y.get("x-kubernetes-preserve-unknown-fields"))
        s->preserveUnknownFields = v->asBool().value_or(false);
    if (const Yaml::Node *props = y.get("properties"); props && props->isMap()) {
        for (const auto &e : props->entries)
            s->properties.emplace_back(e.key, parseSchema(*e.value, path + "." + e.key, problems));
        s->indexProperties();
    }
    if (const Yaml::Node *ap = y.get("additionalProperties")) {
        if (ap->isMap())
            s->additionalProperties = parseSchema(*ap, path + "[*]", problems);
        else
            s->additionalPropertiesAllowed = ap->asBool().value_or(false);
    }
    if (const Yaml::Node *items = y.get("items"); items && items->isMap())
        s->items = parseSchema(*items, path + "[*]", problems);
    if (const Yaml::Node *req = y.get("required"); req && req->isSequence())
        for (const auto &r : req->items)
            s->required.push_back(r->value);
    if (const Yaml::Node *en = y.get("enum"); en && en->isSequence())
        s->enumValues = en->items;
    s->maxLength = intAt(y, "maxLength");
    s->minLength = intAt(y, "minLength");
    s->maxItems = intAt(y, "maxItems");
    s->minItems = intAt(y, "minItems");
    s->maxProperties = intAt(y, "maxProperties");
    s->minProperties = intAt(y, "minProperties");
    if (const Yaml::Node *v = y.get("minimum"))
        s->minimum = v->asDouble();
    if (const Yaml::Node *v = y.get("maximum"))
        s->maximum = v->asDouble();
    if (const Yaml::Node *v = y.get("exclusiveMinimum"))
        s->exclusiveMinimum = v->asBool().value_or(false);
    if (const Yaml::Node *v = y.get("exclusiveMaximum"))
        s->exclusiveMaximum = v->asBool().value_or(false);
    if (auto p = y.scalarAt("pattern")) {
        s->pattern = *p;
        auto re = std::make_shared<QRegularExpression>(QString::fromStdString(*p));
        if (!re->isValid())
            problems.push_back(path
                               + ": pattern does not compile: " + re->errorString().toStdString());
        s->patternRegex = std::move(re);
    }
    if (const Yaml::Node *d = y.get("default"))
        s->defaultValue = d->clone();
    s->listType = y.scalarAt("x-kubernetes-list-type").value_or("");
    if (const Yaml::Node *keys = y.get("x-kubernetes-list-map-keys"); keys && keys->isSequence())
        for (const auto &k : keys->items)
            s->listMapKeys.push_back(k->value);
    if (const Yaml::Node *rules = y.get("x-kubernetes-validations"); rules && rules->isSequence()) {
        for (const auto &r : rules->items) {
            Rule rule;
            rule.rule = r->scalarAt("rule").value_or("");
            rule.message = r->scalarAt("message").value_or("");
            rule.reason = r->scalarAt("reason").value_or("");
            auto program = std::make_shared<Cel::Program>(rule.rule);
            if (!program->ok())
                problems.push_back(path + ": rule `" + rule.rule
                                   + "` does not compile: " + program->error());
            rule.program = std::move(program);
            s->rules.push_back(std::move(rule));
        }
    }
    return s;
}

void readCrd(const Yaml::Node &doc, std::vector<KindSchema> &out,
             std::vector<std::string> &problems)
{
    if (doc.scalarAt("kind").value_or("") != "CustomResourceDefinition")
        return;
    const Yaml::Node *spec = doc.get("spec");
    if (!spec)
        return;
    const std::string group = spec->scalarAt("group").value_or("");
    const Yaml::Node *names = spec->get("names");
    const std::string kind = names ? names->scalarAt("kind").value_or("") : "";
    const std::string plural = names ? names->scalarAt("plural").value_or("") : "";
    const std::string scope = spec->scalarAt("scope").value_or("Namespaced");
    const Yaml::Node *versions = spec->get("versions");
    if (!versions || !versions->isSequence() || kind.empty()) {
        problems.push_back("CRD without versions or kind: " + group);
        return;
    }
    for (const auto &v : versions->items) {
        const Yaml::Node *schema = v->get("schema");
        const Yaml::Node *openApi = schema ? schema->get("openAPIV3Schema") : nullptr;
        if (!openApi)
            continue;
        KindSchema k;
        k.group = group;
        k.version = v->scalarAt("name").value_or("");
        k.kind = kind;
        k.plural = plural;
        k.scope = scope;
        if (const Yaml::Node *sub = v->get("subresources"))
            k.statusSubresource = sub->has("status");
        k.root = parseSchema(*openApi, kind, problems);
        out.push_back(std::move(k));
    }
}

} // namespace

Registry Registry::fromDocuments(const std::vector<Yaml::NodePtr> &documents,
                                 std::vector<std::string> &problems)
{
    Registry r;
    for (const auto &d : documents)
        if (d)
            readCrd(*d, r.m_kinds, problems);
    r.m_problems = problems;
    return r;
}

const Registry &Registry::builtin()
{
    static const Registry registry = [] {
        // The CRDs and core schemas as parsed at build time (airgate-schemapack).
        std::vector<std::string> problems;
        QFile f(QStringLiteral(":/airgate/schemas.cbor"));
        if (!f.open(QIODevice::ReadOnly)) {
            problems.push_back("cannot read the embedded schemas");
            return fromDocuments({}, problems);
        }
        std::string error;
        const std::vector<Yaml::NodePtr> docs = Yaml::documentsFromCbor(f.readAll(), error);
        if (!error.empty())
            problems.push_back("embedded schemas: " + error);
        return fromDocuments(docs, problems);
    }();
    return registry;
}

const KindSchema *Registry::find(std::string_view apiVersion, std::string_view kind) const
{
    for (const KindSchema &k : m_kinds)
        if (k.kind == kind && k.apiVersion() == apiVersion)
            return &k;
    return nullptr;
}

const KindSchema *Registry::findKind(std::string_view kind) const
{
    for (const KindSchema &k : m_kinds)
        if (k.kind == kind)
            return &k;
    return nullptr;
}

Cel::Value toCelValue(const Yaml::Node *node, const Node *schema)
{
    if (!node || node->kind == NodeKind::Null)
        return Cel::Value();
    switch (node->kind) {
    case NodeKind::Map: {
        Cel::Map m;
        m.reserve(node->entries.size());
        for (const auto &e : node->entries) {
            const Node *sub = schema ? schema->child(e.key) : nullptr;
            // The API server prunes null values of non-nullable fields before validation.
            if (e.value->isNull() && !(sub && sub->nullable))
                continue;
            m.emplace_back(e.key, toCelValue(e.value.get(), sub));
        }
        return Cel::Value(std::move(m));
    }
    case NodeKind::Sequence: {
        Cel::List l;
        l.reserve(node->items.size());
        const Node *sub = schema ? schema->items.get() : nullptr;
        for (const auto &i : node->items)
            l.push_back(toCelValue(i.get(), sub));
        return Cel::Value(std::move(l));
    }
    default:
        break;
    }
    switch (node->scalarType) {
    case Yaml::ScalarType::Bool:
        return Cel::Value(node->asBool().value_or(false));
    case Yaml::ScalarType::Int:
        if (auto i = node->asInt())
            return Cel::Value(*i);
        return Cel::Value(node->asDouble().value_or(0));
    case Yaml::ScalarType::Float:
        return Cel::Value(node->asDouble().value_or(0));
    case Yaml::ScalarType::Null:
        return Cel::Value();
    case Yaml::ScalarType::String:
        break;
    }
    if (schema && schema->format == "duration") {
        if (auto d = Formats::parseKubernetesDuration(node->value))
            return Cel::Value(Cel::Duration {*d});
    }
    return Cel::Value(node->value);
}

} // namespace Airgate::Schema
