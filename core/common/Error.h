#pragma once

#include <QMetaType>
#include <QString>

namespace rollcall {

// An error as a value: a user-facing message plus a code that the CLI maps to its
// exit status, so nothing has to throw across Qt event handlers.
class Error
{
public:
    enum class Code {
        Generic = 1,
        Usage = 2,
        BadInput = 3,
        ModelMissing = 4,
        Storage = 5,
        Network = 6,
        Cancelled = 7,
        OutOfMemory = 8,
    };

    Error() = default;
    Error(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    { }

    static Error badInput(const QString &message) { return { Code::BadInput, message }; }
    static Error usage(const QString &message) { return { Code::Usage, message }; }
    static Error modelMissing(const QString &message) { return { Code::ModelMissing, message }; }
    static Error storage(const QString &message) { return { Code::Storage, message }; }
    static Error network(const QString &message) { return { Code::Network, message }; }
    static Error outOfMemory(const QString &message) { return { Code::OutOfMemory, message }; }
    static Error cancelled() { return { Code::Cancelled, QStringLiteral("Cancelled") }; }
    static Error generic(const QString &message) { return { Code::Generic, message }; }

    Code code() const { return m_code; }
    const QString &message() const { return m_message; }
    int exitCode() const { return static_cast<int>(m_code); }

private:
    Code m_code = Code::Generic;
    QString m_message;
};

} // namespace rollcall

// Errors travel through queued signals (jobs on worker threads).
Q_DECLARE_METATYPE(rollcall::Error)
