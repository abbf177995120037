#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace magellan {

// The outcome of a core operation: ok, or a code with a message that names the file and the
// problem. Returned, never thrown. A value type: any thread.
class Status {
public:
    enum class Code {
        Ok,
        InvalidInput,       // bad source, destination or arguments: the user can fix it
        Busy,               // locked by another process
        Corrupt,            // the file is damaged
        IoError,            // the system refused a read or write
        Cancelled,          // the caller asked to stop
        VerificationFailed, // the store does not match its source
        Internal,           // a bug
    };

    Status() = default;
    static Status ok() { return {}; }
    static Status invalidInput(QString message) { return {Code::InvalidInput, std::move(message)}; }
    static Status busy(QString message) { return {Code::Busy, std::move(message)}; }
    static Status corrupt(QString message) { return {Code::Corrupt, std::move(message)}; }
    static Status ioError(QString message) { return {Code::IoError, std::move(message)}; }
    static Status cancelled(QString message) { return {Code::Cancelled, std::move(message)}; }
    static Status verificationFailed(QString message) {
        return {Code::VerificationFailed, std::move(message)};
    }
    static Status internal(QString message) { return {Code::Internal, std::move(message)}; }

    // The same code with another message.
    Status withMessage(QString message) const { return {m_code, std::move(message)}; }

    bool isOk() const { return m_code == Code::Ok; }
    Code code() const { return m_code; }
    const QString &message() const { return m_message; }

private:
    Status(Code code, QString message) : m_code(code), m_message(std::move(message)) {}

    Code m_code = Code::Ok;
    QString m_message;
};

// A value or the status that explains why there is none. A value type: any thread.
template <typename T> class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    // REQUIRES: !status.isOk() (a result without a value must say why; in a release build an OK
    // status becomes an Internal one rather than a result that is neither).
    Result(Status status) : m_status(std::move(status)) {
        Q_ASSERT_X(!m_status.isOk(), "Result", "given an OK status and no value");
        if (m_status.isOk())
            m_status =
                Status::internal(QStringLiteral("a result with neither a value nor an error"));
    }

    bool isOk() const { return m_value.has_value(); }
    const Status &status() const { return m_status; }
    // REQUIRES: isOk()
    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace magellan
