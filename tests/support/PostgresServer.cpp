#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rollcall::test {
namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// uid/gid of the unprivileged user the server runs as when we are root.
bool postgresAccount(uid_t *uid, gid_t *gid)
{
    const passwd *pw = ::getpwnam("postgres");
    if (!pw)
        return false;
    *uid = pw->pw_uid;
    *gid = pw->pw_gid;
    return true;
}

bool chownToPostgres(const QString &path)
{
    uid_t uid = 0;
    gid_t gid = 0;
    if (!postgresAccount(&uid, &gid))
        return false;
    return ::chown(QFile::encodeName(path).constData(), uid, gid) == 0;
}

bool runProcess(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted(timeoutMs)) {
        *output = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        *output = QStringLiteral("%1 timed out").arg(program);
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

PostgresServer::PostgresServer()
    : m_asRoot(::geteuid() == 0)
{ }

PostgresServer::~PostgresServer()
{
    if (m_running)
        runTool(QStringLiteral("pg_ctl"),
                { QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("immediate"),
                  QStringLiteral("-w"), QStringLiteral("stop") },
                nullptr, 60000);
}

QString PostgresServer::binDir()
{
    const QString env = qEnvironmentVariable("ROLLCALL_PG_BINDIR");
    return env.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : env;
}

QString PostgresServer::dataDir() const
{
    return m_dir ? QDir(m_dir->path()).filePath(QStringLiteral("data")) : QString();
}

QString PostgresServer::socketDir() const
{
    return m_dir ? m_dir->path() : QString();
}

QString PostgresServer::caFile() const
{
    return m_tls ? QDir(m_dir->path()).filePath(QStringLiteral("ca.crt")) : QString();
}

bool PostgresServer::runTool(const QString &tool, const QStringList &args, QString *error, int timeoutMs)
{
    const QString path = QDir(binDir()).filePath(tool);
    QString program = path;
    QStringList fullArgs = args;
    if (m_asRoot) {
        program = QStringLiteral("runuser");
        fullArgs = QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), path } + args;
    }
    QString output;
    if (!runProcess(program, fullArgs, &output, timeoutMs)) {
        setError(error, QStringLiteral("%1 %2 failed: %3").arg(tool, args.join(QLatin1Char(' ')), output.trimmed()));
        return false;
    }
    return true;
}

bool PostgresServer::init(QString *error, bool withTls)
{
    if (m_dir) {
        setError(error, QStringLiteral("PostgresServer::init called twice"));
        return false;
    }
    const QString initdb = QDir(binDir()).filePath(QStringLiteral("initdb"));
    if (!QFileInfo(initdb).isExecutable()) {
        setError(error,
                 QStringLiteral("PostgreSQL 15 is not installed: %1 is missing. Install the Debian package "
                                "`postgresql` (scripts/install-deps.sh) or set ROLLCALL_PG_BINDIR.")
                     .arg(initdb));
        return false;
    }
    if (m_asRoot) {
        uid_t uid = 0;
        gid_t gid = 0;
        if (!postgresAccount(&uid, &gid)) {
            setError(error,
                     QStringLiteral("running as root but there is no `postgres` user to run the server as "
                                    "(initdb refuses root); install the Debian package `postgresql`"));
            return false;
        }
    }

    // The unprivileged user must be able to reach the folder: as root use /tmp,
    // which every user can traverse, whatever TMPDIR says.
    const QString base = m_asRoot ? QStringLiteral("/tmp") : QDir::tempPath();
    m_dir = std::make_unique<QTemporaryDir>(QDir(base).filePath(QStringLiteral("rollcall-pg-XXXXXX")));
    if (!m_dir->isValid()) {
        setError(error,
                 QStringLiteral("cannot create a temporary folder under %1: %2").arg(base, m_dir->errorString()));
        return false;
    }
    if (m_asRoot && !chownToPostgres(m_dir->path())) {
        setError(error, QStringLiteral("cannot give %1 to the postgres user").arg(m_dir->path()));
        return false;
    }

    // A fresh random password per server, known to the test.
    m_password = QStringLiteral("pw-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    const QString pwFile = QDir(m_dir->path()).filePath(QStringLiteral("pwfile"));
    {
        QFile f(pwFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_password.toUtf8() + '\n') < 0) {
            setError(error, QStringLiteral("cannot write %1").arg(pwFile));
            return false;
        }
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (m_asRoot)
        chownToPostgres(pwFile);

    if (!runTool(QStringLiteral("initdb"),
                 { QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), superUser(),
                   QStringLiteral("--auth=scram-sha-256"), QStringLiteral("--pwfile=") + pwFile, QStringLiteral("-E"),
                   QStringLiteral("UTF8"), QStringLiteral("--no-locale"), QStringLiteral("--no-sync") },
                 error))
        return false;
    QFile::remove(pwFile);

    m_port = freePort();
    if (m_port == 0) {
        setError(error, QStringLiteral("no free TCP port on 127.0.0.1"));
        return false;
    }

    if (withTls && !makeTls(error))
        return false;

    // Throw-away server: durability off for speed; small memory footprint.
    QString conf = QStringLiteral("\n# rollcall test fixture\n"
                                  "listen_addresses = '127.0.0.1'\n"
                                  "port = %1\n"
                                  "unix_socket_directories = '%2'\n"
                                  "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                                  "shared_buffers = 32MB\nmax_connections = 40\n"
                                  "password_encryption = 'scram-sha-256'\n")
                       .arg(m_port)
                       .arg(m_dir->path());
    if (m_tls) {
        conf += QStringLiteral("ssl = on\nssl_cert_file = '%1'\nssl_key_file = '%2'\n")
                    .arg(QDir(m_dir->path()).filePath(QStringLiteral("server.crt")),
                         QDir(m_dir->path()).filePath(QStringLiteral("server.key")));
    }
    QFile confFile(QDir(dataDir()).filePath(QStringLiteral("postgresql.conf")));
    if (!confFile.open(QIODevice::Append) || confFile.write(conf.toUtf8()) < 0) {
        setError(error, QStringLiteral("cannot append to %1").arg(confFile.fileName()));
        return false;
    }
    confFile.close();

    // The free port was only free when we looked: tests running in parallel may
    // take it first. Then pick another one (the last "port =" line wins).
    for (int attempt = 0;; ++attempt) {
        QString startError;
        if (start(&startError))
            return true;
        if (attempt == 3 || !logTail().contains(QLatin1String("could not bind"))) {
            setError(error, startError);
            return false;
        }
        m_port = freePort();
        if (!confFile.open(QIODevice::Append)
            || confFile.write(QStringLiteral("port = %1\n").arg(m_port).toUtf8()) < 0) {
            setError(error, QStringLiteral("cannot append to %1").arg(confFile.fileName()));
            return false;
        }
        confFile.close();
    }
}

bool PostgresServer::makeTls(QString *error)
{
    const QDir dir(m_dir->path());
    const QString ext = dir.filePath(QStringLiteral("server.ext"));
    {
        QFile f(ext);
        if (!f.open(QIODevice::WriteOnly) || f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n") < 0) {
            setError(error, QStringLiteral("cannot write %1").arg(ext));
            return false;
        }
    }
    const QString openssl = QStringLiteral("openssl");
    const QList<QStringList> steps {
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
          QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
          QStringLiteral("/CN=RollCall Test CA"), QStringLiteral("-keyout"), dir.filePath(QStringLiteral("ca.key")),
          QStringLiteral("-out"), dir.filePath(QStringLiteral("ca.crt")) },
        { QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
          QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"),
          dir.filePath(QStringLiteral("server.key")), QStringLiteral("-out"),
          dir.filePath(QStringLiteral("server.csr")) },
        { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
          dir.filePath(QStringLiteral("server.csr")), QStringLiteral("-CA"), dir.filePath(QStringLiteral("ca.crt")),
          QStringLiteral("-CAkey"), dir.filePath(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"),
          QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
          dir.filePath(QStringLiteral("server.crt")) },
    };
    for (const QStringList &args : steps) {
        QString output;
        if (!runProcess(openssl, args, &output, 60000)) {
            setError(error,
                     QStringLiteral("openssl %1 failed (is the `openssl` package installed?): %2")
                         .arg(args.first(), output.trimmed()));
            return false;
        }
    }
    // The server refuses a key readable by others, and must own it.
    const QString key = dir.filePath(QStringLiteral("server.key"));
    QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (m_asRoot) {
        chownToPostgres(key);
        chownToPostgres(dir.filePath(QStringLiteral("server.crt")));
    }
    ::chmod(QFile::encodeName(dir.filePath(QStringLiteral("ca.crt"))).constData(), 0644);
    m_tls = true;
    return true;
}

bool PostgresServer::start(QString *error)
{
    if (!m_dir) {
        setError(error, QStringLiteral("PostgresServer::start before init"));
        return false;
    }
    if (m_running)
        return true;
    if (!runTool(QStringLiteral("pg_ctl"),
                 { QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                   QDir(m_dir->path()).filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                   QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start") },
                 error)) {
        if (error)
            *error += QStringLiteral("\nserver log:\n") + logTail();
        return false;
    }
    m_running = true;
    return true;
}

bool PostgresServer::stop(QString *error)
{
    if (!m_running)
        return true;
    if (!runTool(QStringLiteral("pg_ctl"),
                 { QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                   QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("stop") },
                 error))
        return false;
    m_running = false;
    return true;
}

QString PostgresServer::connectionString(const QString &database, const QString &user) const
{
    // Verified TLS against the server's own CA when it has one; a plaintext test server
    // has to be chosen explicitly, as RollCall's default (verify-full) would refuse it.
    const QString tls = caFile().isEmpty() ? QStringLiteral("sslmode=disable")
                                           : QStringLiteral("sslmode=verify-full sslrootcert=") + caFile();
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 %5").arg(host()).arg(m_port).arg(database, user, tls);
}

QVariant PostgresServer::queryValue(const QString &sql, const QString &database, QString *error)
{
    const QString name = QStringLiteral("rollcall-test-pg-%1").arg(++m_connectionCounter);
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(host());
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(superUser());
        db.setPassword(m_password);
        if (!db.open()) {
            setError(error, QStringLiteral("cannot connect as superuser: %1").arg(db.lastError().text()));
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql)) {
                setError(error, QStringLiteral("%1: %2").arg(sql, query.lastError().text()));
            } else {
                result = query.next() ? query.value(0) : QVariant(QString());
                if (!result.isValid())
                    result = QVariant(QString());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool PostgresServer::execute(const QString &sql, const QString &database, QString *error)
{
    return queryValue(sql, database, error).isValid();
}

bool PostgresServer::createUserAndDatabase(const QString &user, const QString &password, const QString &database,
                                           QString *error)
{
    QString escaped = password;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return execute(QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD '%2'").arg(user, escaped),
                   QStringLiteral("postgres"), error)
        && execute(QStringLiteral("CREATE DATABASE \"%1\" OWNER \"%2\"").arg(database, user),
                   QStringLiteral("postgres"), error);
}

QString PostgresServer::logTail(int maxChars) const
{
    if (!m_dir)
        return {};
    QFile f(QDir(m_dir->path()).filePath(QStringLiteral("server.log")));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("(no server log)");
    const QByteArray all = f.readAll();
    return QString::fromUtf8(all.right(maxChars));
}

} // namespace rollcall::test
