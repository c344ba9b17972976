// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace Airgate::Cel {

struct Value;
using List = std::vector<Value>;
using Map = std::vector<std::pair<std::string, Value>>; ///< string-keyed, insertion ordered

/** @brief A CEL duration (google.protobuf.Duration), in nanoseconds. */
struct Duration
{
    std::int64_t nanos = 0;
};

/** @brief An evaluation error ("no such key: header"); errors propagate like values. */
struct ErrorValue
{
    std::string message;
};

/**
 * @brief A CEL value: null, bool, int, uint, double, string, list, map, duration or error.
 * Lists and maps are shared and immutable once built.
 */
struct Value
{
    using Storage = std::variant<std::monostate, bool, std::int64_t, std::uint64_t, double,
                                 std::string, std::shared_ptr<const List>,
                                 std::shared_ptr<const Map>, Duration, ErrorValue>;
    Storage v;

    Value() = default;
    Value(bool b)
        : v(b)
    {
    }
    Value(std::int64_t i)
        : v(i)
    {
    }
    Value(std::uint64_t u)
        : v(u)
    {
    }
    Value(double d)
        : v(d)
    {
    }
    Value(std::string s)
        : v(std::move(s))
    {
    }
    Value(const char *s)
        : v(std::string(s))
    {
    }
    Value(List l)
        : v(std::make_shared<const List>(std::move(l)))
    {
    }
    Value(Map m)
        : v(std::make_shared<const Map>(std::move(m)))
    {
    }
    Value(Duration d)
        : v(d)
    {
    }
    Value(ErrorValue e)
        : v(std::move(e))
    {
    }

    bool isError() const { return std::holds_alternative<ErrorValue>(v); }
    bool isNull() const { return std::holds_alternative<std::monostate>(v); }
    const ErrorValue &error() const { return std::get<ErrorValue>(v); }
    const char *typeName() const;
};

struct AstNode;

/**
 * @brief A compiled CEL expression: the subset that Kubernetes CRD validation rules use
 * (literals incl. raw and triple-quoted strings, `has()`, `all`/`exists`/`exists_one`/
 * `filter`/`map` macros, `size`, `startsWith`, `endsWith`, `contains`, `matches` (RE2-style),
 * `isURL`, `duration`, conversions, arithmetic, comparisons, `in`, `? :`).
 */
class Program
{
public:
    /** Compiles @p source; on failure ok() is false and error() says where and why. */
    explicit Program(std::string source);
    ~Program();
    Program(Program &&) noexcept;
    Program &operator=(Program &&) noexcept;

    bool ok() const { return m_root != nullptr; }
    const std::string &error() const { return m_error; }
    const std::string &source() const { return m_source; }

    /** Evaluates with `self` bound to @p self. */
    Value evaluate(const Value &self) const;

private:
    std::string m_source;
    std::string m_error;
    std::unique_ptr<AstNode> m_root;
};

/** Structural equality under CEL rules (numeric types compare across int/uint/double). */
bool equals(const Value &a, const Value &b);

} // namespace Airgate::Cel
