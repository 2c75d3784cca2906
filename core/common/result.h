#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace cv {

// Error categories are stored in logs and used by callers to decide what to tell a
// person; the numbers are stable.
enum class ErrorCode : int {
    None = 0,
    Io = 1,              // a file or device could not be read or written
    Format = 2,          // bytes are not what the format says they must be
    Tampered = 3,        // authentication failed: modified, truncated or spliced data
    Crypto = 4,          // the crypto library failed (not the data's fault)
    NotFound = 5,
    Unsupported = 6,     // valid input we do not handle (e.g. 24-bit WAV)
    Database = 7,
    PermissionDenied = 8,
    InvalidArgument = 9,
    DiskFull = 10,
    Cancelled = 11,
    KeyUnavailable = 12, // the site private key is not available here
    WrongPassphrase = 13,
    Conflict = 14,       // e.g. a site already exists
    Codec = 15,          // the audio codec library failed (not the data's fault)
};

struct Error
{
    ErrorCode code = ErrorCode::None;
    QString message;
};

// A value or an Error. Errors cross module boundaries as values, never as exceptions.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(Error error) : m_error(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T takeValue() { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const Error &error() const { return m_error; }
    QString errorMessage() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    QString errorMessage() const { return m_error.message; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, const QString &message)
{
    return Error{code, message};
}

} // namespace cv
