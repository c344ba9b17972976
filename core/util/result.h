// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Airgate {

/** @brief An error from an I/O or parse step: what failed and why, never thrown. */
struct Error
{
    enum class Code { NotFound, Io, Parse, Invalid, Unsupported, Refused };
    Code code = Code::Invalid;
    QString message;
};

/**
 * @brief Either a value or an Error. Used on every I/O path instead of exceptions
 * (qBittorrent's `expected<>` habit; Envoy's "no exceptions on the data plane").
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_v(std::move(value))
    {
    }
    Result(Error error)
        : m_v(std::move(error))
    {
    }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/** @brief Result of an operation that yields nothing but can fail. */
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    {
    }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(Error::Code code, QString message)
{
    return Error {code, std::move(message)};
}

} // namespace Airgate
