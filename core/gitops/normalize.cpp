// SPDX-License-Identifier: Apache-2.0
#include "normalize.h"

#include "yaml/yamlemitter.h"
#include "yaml/yamlparser.h"

#include <QByteArray>

#include <algorithm>
#include <array>
#include <cmath>

namespace Airgate::GitOps {

namespace {

constexpr std::array<std::string_view, 8> kServerSetMetadata {
    "uid",           "resourceVersion", "generation",        "creationTimestamp",
    "managedFields", "selfLink",        "deletionTimestamp", "deletionGracePeriodSeconds",
};

bool isEmptyCollection(const Yaml::Node &n)
{
    return (n.isMap() && n.entries.empty()) || (n.isSequence() && n.items.empty());
}

Yaml::NodePtr canonicalNode(const Yaml::Node &n, int depth, bool inMetadata)
{
    auto out = std::make_shared<Yaml::Node>();
    out->kind = n.kind;
    out->mark = n.mark;
    switch (n.kind) {
    case Yaml::NodeKind::Null:
        out->scalarType = Yaml::ScalarType::Null;
        return out;
    case Yaml::NodeKind::Scalar:
        out->scalarType = n.scalarType;
        out->quoted = n.scalarType == Yaml::ScalarType::String;
        switch (n.scalarType) {
        case Yaml::ScalarType::Null:
            out->kind = Yaml::NodeKind::Null;
            break;
        case Yaml::ScalarType::Bool:
            out->value = n.asBool().value_or(false) ? "true" : "false";
            break;
        case Yaml::ScalarType::Int:
            if (auto i = n.asInt())
                out->value = std::to_string(*i);
            else
                out->value = n.value;
            break;
        default:
            out->value = n.value;
        }
        return out;
    case Yaml::NodeKind::Sequence:
        out->items.reserve(n.items.size());
        for (const Yaml::NodePtr &item : n.items)
            out->items.push_back(canonicalNode(*item, depth + 1, false));
        return out;
    case Yaml::NodeKind::Map:
        break;
    }
    for (const Yaml::Node::Entry &e : n.entries) {
        if (!e.value || e.value->isNull()
            || (e.value->isScalar() && e.value->scalarType == Yaml::ScalarType::Null))
            continue; // `key: null` and an absent key apply the same
        if (depth == 0 && e.key == "status")
            continue;
        if (inMetadata && isServerSetMetadata(e.key))
            continue;
        Yaml::NodePtr v = canonicalNode(*e.value, depth + 1, depth == 0 && e.key == "metadata");
        if (inMetadata && e.key == "annotations" && v->isMap())
            v->remove(std::string(kLastAppliedAnnotation));
        if (inMetadata && (e.key == "labels" || e.key == "annotations") && isEmptyCollection(*v))
            continue;
        // First occurrence wins, as the reader reports later duplicates.
        if (out->has(e.key))
            continue;
        out->entries.push_back({e.key, v, e.keyMark, false});
    }
    std::sort(out->entries.begin(), out->entries.end(),
              [](const Yaml::Node::Entry &a, const Yaml::Node::Entry &b) { return a.key < b.key; });
    return out;
}

void flowText(const Yaml::Node &n, std::string &out, std::size_t budget)
{
    if (out.size() > budget)
        return;
    switch (n.kind) {
    case Yaml::NodeKind::Null:
        out += "null";
        return;
    case Yaml::NodeKind::Scalar:
        if (n.scalarType == Yaml::ScalarType::String) {
            // Quoted whenever a plain scalar would read as another type: `"100"` ≠ `100` shows.
            out += Yaml::emitScalarString(n.value);
        } else if (n.scalarType == Yaml::ScalarType::Null) {
            out += "null";
        } else {
            out += n.value;
        }
        return;
    case Yaml::NodeKind::Sequence:
        out += '[';
        for (std::size_t i = 0; i < n.items.size(); ++i) {
            if (i)
                out += ", ";
            flowText(*n.items[i], out, budget);
        }
        out += ']';
        return;
    case Yaml::NodeKind::Map:
        out += '{';
        for (std::size_t i = 0; i < n.entries.size(); ++i) {
            if (i)
                out += ", ";
            out += Yaml::emitScalarString(n.entries[i].key);
            out += ": ";
            flowText(*n.entries[i].value, out, budget);
        }
        out += '}';
        return;
    }
}

} // namespace

bool isServerSetMetadata(std::string_view key)
{
    return std::find(kServerSetMetadata.begin(), kServerSetMetadata.end(), key)
        != kServerSetMetadata.end();
}

Yaml::NodePtr stripServerFields(const Yaml::NodePtr &object, bool preferLastApplied, QString *note)
{
    if (!object || !object->isMap())
        return object;
    const Yaml::Node *meta = object->get("metadata");
    const Yaml::Node *annotations = meta ? meta->get("annotations") : nullptr;
    const Yaml::Node *lastApplied
        = annotations && annotations->isMap() ? annotations->get(kLastAppliedAnnotation) : nullptr;
    if (preferLastApplied && lastApplied && lastApplied->isScalar()) {
        std::vector<Yaml::Problem> problems;
        Yaml::NodePtr applied = Yaml::parseSingleDocument(lastApplied->text(), problems);
        const bool broken = std::any_of(problems.begin(), problems.end(), [](const auto &p) {
            return p.severity == Yaml::Problem::Severity::Error;
        });
        if (!broken && applied && applied->isMap() && applied->has("kind")) {
            // The annotation's marks count from its own first line; point at the live object.
            applied->mark = object->mark;
            const Yaml::Node *appliedMeta = applied->get("metadata");
            const Yaml::Node *liveNs = meta ? meta->get("namespace") : nullptr;
            if (liveNs && (!appliedMeta || !appliedMeta->has("namespace"))) {
                auto m = appliedMeta && appliedMeta->isMap()
                    ? std::make_shared<Yaml::Node>(*appliedMeta)
                    : Yaml::Node::makeMap();
                // After the name, where kubectl writes it.
                Yaml::Node::Entry ns {
                    "namespace", Yaml::Node::makeString(liveNs->text()), {}, false};
                auto at = std::find_if(m->entries.begin(), m->entries.end(),
                                       [](const auto &e) { return e.key == "name"; });
                m->entries.insert(at == m->entries.end() ? m->entries.begin() : at + 1, ns);
                applied->set("metadata", m);
            }
            if (note)
                *note = QStringLiteral("taken from its last-applied configuration");
            return stripServerFields(applied, false, nullptr);
        }
        if (note)
            *note = QStringLiteral("its last-applied annotation does not parse; the live object "
                                   "is used");
    }
    auto out = std::make_shared<Yaml::Node>(*object);
    out->remove("status");
    if (meta && meta->isMap()) {
        auto m = std::make_shared<Yaml::Node>(*meta);
        for (std::string_view key : kServerSetMetadata)
            m->remove(key);
        if (annotations && annotations->isMap()) {
            auto a = std::make_shared<Yaml::Node>(*annotations);
            a->remove(kLastAppliedAnnotation);
            if (a->entries.empty())
                m->remove("annotations");
            else
                m->set("annotations", a);
        }
        out->set("metadata", m);
    }
    return out;
}

Yaml::NodePtr canonical(const Yaml::Node &object)
{
    // The API server folds a Secret's stringData into data (base64) on write: a manifest with
    // stringData and the dump of what it created are the same Secret.
    const Yaml::Node *stringData = object.get("stringData");
    if (stringData && stringData->isMap() && object.scalarAt("kind").value_or("") == "Secret"
        && object.scalarAt("apiVersion").value_or("") == "v1") {
        Yaml::Node folded(object);
        const Yaml::Node *data = object.get("data");
        auto merged
            = data && data->isMap() ? std::make_shared<Yaml::Node>(*data) : Yaml::Node::makeMap();
        for (const Yaml::Node::Entry &e : stringData->entries)
            if (e.value->isScalar())
                merged->set(
                    e.key,
                    Yaml::Node::makeString(
                        QByteArray::fromStdString(e.value->text()).toBase64().toStdString()));
        folded.set("data", merged);
        folded.remove("stringData");
        return canonicalNode(folded, 0, false);
    }
    return canonicalNode(object, 0, false);
}

bool sameScalar(const Yaml::Node &a, const Yaml::Node &b)
{
    const bool aNull = a.isNull() || (a.isScalar() && a.scalarType == Yaml::ScalarType::Null);
    const bool bNull = b.isNull() || (b.isScalar() && b.scalarType == Yaml::ScalarType::Null);
    if (aNull || bNull)
        return aNull == bNull;
    if (a.scalarType != b.scalarType)
        return false;
    switch (a.scalarType) {
    case Yaml::ScalarType::Bool:
        return a.asBool() == b.asBool();
    case Yaml::ScalarType::Int:
        return a.asInt() && b.asInt() ? *a.asInt() == *b.asInt() : a.value == b.value;
    case Yaml::ScalarType::Float: {
        const auto x = a.asDouble();
        const auto y = b.asDouble();
        return x && y ? (*x == *y || (std::isnan(*x) && std::isnan(*y))) : a.value == b.value;
    }
    default:
        return a.value == b.value;
    }
}

QString shortText(const Yaml::Node *node, int maxChars)
{
    if (!node)
        return QStringLiteral("(absent)");
    std::string out;
    flowText(*node, out, static_cast<std::size_t>(maxChars) * 4);
    QString s = QString::fromStdString(out);
    if (s.size() > maxChars)
        s = s.left(maxChars - 1) + QChar(0x2026);
    return s;
}

} // namespace Airgate::GitOps
