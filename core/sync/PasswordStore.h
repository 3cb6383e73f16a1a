#pragma once

#include "common/Result.h"

#include <QString>

#include <functional>

class QObject;

namespace rollcall {

// The central database password in the OS keychain (QtKeychain: Secret Service /
// KWallet on Linux, Keychain on macOS, Credential Store on Windows). Never in
// plain-text settings: without a keychain the GUI asks each time, and scripts use
// an environment variable (rollcall-cli sync --password-env).
class PasswordStore
{
public:
    static QString service() { return QStringLiteral("RollCall"); }

    // Asynchronous (GUI thread): done is called on context's thread.
    static void read(const QString &key, QObject *context, std::function<void(Result<QString>)> done);
    static void write(const QString &key, const QString &password, QObject *context, std::function<void(Status)> done);
    static void remove(const QString &key, QObject *context, std::function<void(Status)> done);

    // Blocking (runs a local event loop), for the CLI.
    static Result<QString> readBlocking(const QString &key);
};

} // namespace rollcall
