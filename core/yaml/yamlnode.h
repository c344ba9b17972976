// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Airgate::Yaml {

/** @brief A position in a source file; line and column are 1-based, 0 means unknown. */
struct Mark
{
    int line = 0;
    int column = 0;
    bool isValid() const { return line > 0; }
    friend bool operator==(const Mark &, const Mark &) = default;
};

enum class NodeKind : std::uint8_t { Null, Scalar, Sequence, Map };

/**
 * @brief What a scalar means once resolved: the YAML 1.2 core schema (what the
 * `yaml` npm package and JSON-minded tools read), never the 1.1 `yes`/`no` booleans.
 */
enum class ScalarType : std::uint8_t { Null, Bool, Int, Float, String };

class Node;
using NodePtr = std::shared_ptr<Node>;

/**
 * @brief One node of a parsed YAML document, with its source mark.
 *
 * Aliases share the anchored node (so memory stays proportional to the input);
 * `Node` objects are mutable so editors can build new trees, but a tree held by a
 * loaded Workspace is treated as immutable and replaced, not modified, on edit.
 */
class Node
{
public:
    /** @brief One `key: value` of a map. Keys are strings (as Kubernetes reads them) with their own
     * mark. */
    struct Entry
    {
        std::string key;
        NodePtr value;
        Mark keyMark;
        bool keyQuoted = false;
    };

    NodeKind kind = NodeKind::Null;
    ScalarType scalarType = ScalarType::Null;
    bool quoted = false; ///< non-plain scalar: quoted or block; always a string
    bool flow = false; ///< written in flow style ({} or [])
    Mark mark;
    bool tagged = false; ///< had an explicit, non-core tag (ignored, as Kubernetes does)
    std::string value; ///< scalar text after unescaping
    std::vector<NodePtr> items;
    std::vector<Entry> entries;

    static NodePtr makeNull();
    static NodePtr makeScalar(std::string text, bool quoted = false);
    static NodePtr makeString(std::string text) { return makeScalar(std::move(text), true); }
    static NodePtr makeInt(std::int64_t v);
    static NodePtr makeBool(bool v);
    static NodePtr makeMap();
    static NodePtr makeSequence();

    bool isNull() const { return kind == NodeKind::Null; }
    bool isScalar() const { return kind == NodeKind::Scalar; }
    bool isMap() const { return kind == NodeKind::Map; }
    bool isSequence() const { return kind == NodeKind::Sequence; }
    bool isString() const { return kind == NodeKind::Scalar && scalarType == ScalarType::String; }

    /** @return the first value under @p key in a map, or nullptr. */
    const Node *get(std::string_view key) const;
    NodePtr getPtr(std::string_view key) const;
    const Entry *entry(std::string_view key) const;
    bool has(std::string_view key) const { return get(key) != nullptr; }
    /** @return the string value under @p key when it is a scalar of any type. */
    std::optional<std::string> scalarAt(std::string_view key) const;

    /** Sets (or replaces the first) @p key in a map, keeping its position. */
    void set(std::string_view key, NodePtr value);
    /** Removes every entry with @p key; @return true if something was removed. */
    bool remove(std::string_view key);

    std::optional<bool> asBool() const;
    std::optional<std::int64_t> asInt() const;
    std::optional<double> asDouble() const;
    /** Scalars of any resolved type as their text; empty for collections. */
    const std::string &text() const { return value; }

    /** Deep copy that keeps marks (aliases become independent copies). */
    NodePtr clone() const;

    /** Structural equality (kind, resolved scalar type and text, entries in order). */
    static bool equal(const Node *a, const Node *b);
};

/** Resolves a plain scalar under the YAML 1.2 core schema. */
ScalarType resolvePlainScalar(std::string_view text);
/** @return true if a YAML 1.1 reader (kubectl's sigs.k8s.io/yaml) reads this plain text as
 * non-string. */
bool isYaml11NonString(std::string_view text);
/** Human name of a resolved type as JSON/Kubernetes calls it ("string", "integer", "boolean" ...).
 */
const char *jsonTypeName(const Node &node);

} // namespace Airgate::Yaml
