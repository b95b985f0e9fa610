// SPDX-License-Identifier: MIT
// Result<T>: a value or an Error, shaped like std::expected (C++23) for C++20 code.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pianola {

/// What went wrong, for whom: `code` for programs, `message` for people (with the place:
/// byte offset, JSON path or line).
struct Error
{
    enum class Code {
        InvalidArgument,
        ParseError,
        ValidationError,
        IoError,
        TooLarge,
        Unsupported
    };
    Code code = Code::InvalidArgument;
    std::string message;
};

inline Error makeError(Error::Code code, std::string message)
{
    return Error{code, std::move(message)};
}

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace pianola
