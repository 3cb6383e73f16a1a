#pragma once

#include "common/Result.h"

#include <QString>

class QSettings;

namespace rollcall {

// Where the department's central PostgreSQL is: host, port, database, user and
// TLS settings. Parsed from a libpq-style "host=… dbname=… user=…" string (the
// CLI) or kept in QSettings (the GUI). The password is never part of it: it
// lives in the OS keychain (PasswordStore) or, for scripts, in an environment variable.
class PgConnectionSettings
{
public:
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user;
    // libpq's sslmode: disable, allow, prefer, require, verify-ca, verify-full. The default
    // checks the server's certificate and name: the password never goes to a server that
    // merely claims to be the department's. Weaker modes only when chosen, with a warning.
    QString sslMode = QStringLiteral("verify-full");
    QString caFile; // sslrootcert; empty: libpq's ~/.postgresql/root.crt
    int connectTimeoutSeconds = 10;

    // Parses "host=db.example.org port=5432 dbname=rollcall user=lab1 sslmode=verify-full
    // sslrootcert=/etc/rollcall/ca.crt connect_timeout=5"; values may be single-quoted.
    // A password in the string is refused (it would end up in shell history and ps).
    static Result<PgConnectionSettings> parse(const QString &conninfo);
    Status validate() const;

    // The canonical libpq string (no password).
    QString toConnInfo() const;
    // Options for QSqlDatabase::setConnectOptions (QPSQL).
    QString qpsqlConnectOptions() const;
    // "user@host:port/database", for messages and the status bar.
    QString displayName() const;
    // The keychain entry that holds this server's password.
    QString keychainKey() const;

    bool isConfigured() const { return !host.isEmpty() && !database.isEmpty() && !user.isEmpty(); }

    static PgConnectionSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    static bool isValidSslMode(const QString &mode);
    // Empty for verify-full; else one line saying what the chosen mode gives up, shown on
    // the CLI's stderr and in the GUI's status bar.
    QString tlsWarning() const;

    friend bool operator==(const PgConnectionSettings &, const PgConnectionSettings &) = default;
};

} // namespace rollcall
