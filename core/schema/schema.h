// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cel.h"
#include "yaml/yamlnode.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QRegularExpression;

namespace Airgate::Schema {

/** @brief One `x-kubernetes-validations` entry with its compiled CEL program. */
struct Rule
{
    std::string rule;
    std::string message;
    std::string reason;
    std::shared_ptr<const Cel::Program> program;
};

/** @brief A structural OpenAPI v3 schema node as Kubernetes CRDs use it. */
struct Node
{
    std::string type; ///< "object", "array", "string", "integer", "number", "boolean" or empty
    std::string format;
    std::string description;
    bool nullable = false;
    bool intOrString = false;
    bool preserveUnknownFields = false;
    bool additionalPropertiesAllowed = false; ///< `additionalProperties: true`
    std::vector<std::pair<std::string, std::shared_ptr<const Node>>> properties;
    /// Positions in `properties` sorted by name, for property(); set by indexProperties().
    std::vector<std::uint32_t> propertyOrder;
    std::shared_ptr<const Node> additionalProperties;
    std::shared_ptr<const Node> items;
    std::vector<std::string> required;
    std::vector<Yaml::NodePtr> enumValues;
    std::optional<std::int64_t> maxLength, minLength, maxItems, minItems, maxProperties,
        minProperties;
    std::optional<double> minimum, maximum;
    bool exclusiveMinimum = false;
    bool exclusiveMaximum = false;
    std::string pattern;
    std::shared_ptr<const QRegularExpression> patternRegex;
    std::vector<Rule> rules;
    Yaml::NodePtr defaultValue;
    std::string listType;
    std::vector<std::string> listMapKeys;

    const Node *property(std::string_view name) const;
    /** Builds propertyOrder once `properties` is complete. */
    void indexProperties();
    /** The schema for a child key of an object: a property, additionalProperties, or null. */
    const Node *child(std::string_view key) const;
};

/** @brief The schema of one kind (group/version/kind) with what the console needs to know about it.
 */
struct KindSchema
{
    std::string group;
    std::string version;
    std::string kind;
    std::string plural;
    std::string scope = "Namespaced";
    bool statusSubresource = false;
    std::shared_ptr<const Node> root;

    std::string apiVersion() const { return group.empty() ? version : group + "/" + version; }
};

/**
 * @brief Every kind Airgate validates: the Traefik Hub and Traefik CRDs embedded in the
 * binary (resources/crds), plus hand-written schemas for the core `v1` kinds it reads.
 */
class Registry
{
public:
    /** The registry built from the embedded CRDs; built once, immutable, thread-safe to read. */
    static const Registry &builtin();

    /** Builds a registry from CRD (or schema) documents; @p problems collects what could not be
     * read. */
    static Registry fromDocuments(const std::vector<Yaml::NodePtr> &documents,
                                  std::vector<std::string> &problems);

    const KindSchema *find(std::string_view apiVersion, std::string_view kind) const;
    const KindSchema *findKind(std::string_view kind) const;
    const std::vector<KindSchema> &kinds() const { return m_kinds; }
    /** Problems found while building (rules that did not compile, unreadable files). */
    const std::vector<std::string> &problems() const { return m_problems; }

private:
    std::vector<KindSchema> m_kinds;
    std::vector<std::string> m_problems;
};

/** Converts a manifest value to a CEL value the way the API server types it under @p schema. */
Cel::Value toCelValue(const Yaml::Node *node, const Node *schema);

} // namespace Airgate::Schema
