#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

namespace rollcall::test {

// A throw-away PostgreSQL 15 server for tests: initdb into a temporary folder,
// scram-sha-256 password authentication with a known superuser password,
// listening on 127.0.0.1 on a free port and on a Unix socket in the folder.
// As root (CI) the server runs as the unprivileged `postgres` user through
// runuser, because initdb refuses root. Destruction stops it and removes the folder.
//
// Missing binaries are an error (tests must QFAIL, never skip): check init()'s
// result with QVERIFY2(server.init(&error), qPrintable(error)).
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // initdb + start. withTls also makes a throw-away CA and server certificate
    // (openssl) and turns ssl on; caFile() then names the CA certificate.
    bool init(QString *error, bool withTls = false);
    bool start(QString *error = nullptr);
    bool stop(QString *error = nullptr);
    bool isRunning() const { return m_running; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    QString socketDir() const;
    QString caFile() const;
    static QString superUser() { return QStringLiteral("postgres"); }
    QString superPassword() const { return m_password; }

    // libpq-style "host=… port=… dbname=… user=… sslmode=…" (no password): verify-full with
    // caFile() for a TLS server, an explicit sslmode=disable otherwise.
    QString connectionString(const QString &database, const QString &user = superUser()) const;

    // Runs sql as the superuser in database; a fresh connection per call.
    bool execute(const QString &sql, const QString &database = QStringLiteral("postgres"), QString *error = nullptr);
    // First column of the first row, or an invalid QVariant on error.
    QVariant queryValue(const QString &sql, const QString &database = QStringLiteral("postgres"),
                        QString *error = nullptr);
    // A login role with a password and a database it owns (the department set-up).
    bool createUserAndDatabase(const QString &user, const QString &password, const QString &database,
                               QString *error = nullptr);

    // The server log, for failure messages.
    QString logTail(int maxChars = 4000) const;

    // Where the PostgreSQL binaries are: ROLLCALL_PG_BINDIR, else Debian's folder.
    static QString binDir();

private:
    bool runTool(const QString &tool, const QStringList &args, QString *error, int timeoutMs = 120000);
    bool makeTls(QString *error);
    QString dataDir() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_password;
    quint16 m_port = 0;
    bool m_running = false;
    bool m_tls = false;
    bool m_asRoot = false;
    int m_connectionCounter = 0;
};

} // namespace rollcall::test
