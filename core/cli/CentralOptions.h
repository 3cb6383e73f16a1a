#pragma once

#include "common/Result.h"
#include "sync/PgConnectionSettings.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace rollcall {

class CliContext;

// The options every command that talks to the central database shares
// (`sync`, `server …`): --postgres CONNINFO and --password-env VAR.
class CentralOptions
{
public:
    CentralOptions();

    void addTo(QCommandLineParser &parser) const;
    bool hasConnection(const QCommandLineParser &parser) const { return parser.isSet(m_postgres); }
    // The connection string given with --postgres, else `fallback` (sync: the GUI's
    // settings); a warning about weak TLS goes to stderr either way.
    Result<PgConnectionSettings> connection(CliContext &context, const QCommandLineParser &parser,
                                            const std::optional<PgConnectionSettings> &fallback = {}) const;
    // --password-env VAR, else PGPASSWORD; nothing (Error::usage for a missing VAR) otherwise.
    // *found tells whether one was given, so a caller can try the OS keychain next.
    Result<QString> password(const QCommandLineParser &parser, bool *found) const;

private:
    QCommandLineOption m_postgres;
    QCommandLineOption m_passwordEnv;
};

} // namespace rollcall
