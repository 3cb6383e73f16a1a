#include "PostgresServer.h"
#include "TestPaths.h"

#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "sync/CanonicalDump.h"
#include "sync/SyncSettings.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::PostgresServer;

// The real rollcall-cli against a real PostgreSQL: counts on success; exit 6 and
// nothing changed when the server is down, refuses the password or TLS fails;
// exit 2 for a bad connection string.
class TestSyncCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void syncPrintsCounts();
    void jsonAndPasswordEnv();
    void failuresExitSixAndChangeNothing();
    void usageErrors();
    void usesTheGuiSettings();
    void serverCommands();
    void uninitialisedServerExitsSix();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run cli(const QString &dataDir, const QStringList &args, const QString &pgPassword = {},
            const QStringList &extraEnv = {});
    static QStringList dump(const QString &dataDir);
    static bool addClass(const QString &dataDir, const QString &code);
    // `rollcall-cli server …` as the administrator (the cluster's superuser).
    Run admin(const QStringList &args, const QString &database = QStringLiteral("rollcall"));
    // The connection string of a PC registered in initTestCase.
    QString pcConn(const QString &pc) const;

    QHash<QString, QString> m_passwords; // PC role → its password from `server add-pc --json`

    PostgresServer m_server;
    QTemporaryDir m_a;
    QTemporaryDir m_b;
};

void TestSyncCommand::initTestCase()
{
    QString error;
    QVERIFY2(m_server.init(&error), qPrintable(error));
    // docs/sync.md's set-up: a database, `server init`, one `server add-pc` per lab PC.
    QVERIFY2(m_server.execute(QStringLiteral("CREATE DATABASE rollcall"), QStringLiteral("postgres"), &error),
             qPrintable(error));
    const Run init = admin({ QStringLiteral("init") });
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    for (const QString &pc : { QStringLiteral("lab_a"), QStringLiteral("lab_b"), QStringLiteral("lab_c") }) {
        const Run added = admin({ QStringLiteral("add-pc"), pc, QStringLiteral("--department"), QStringLiteral("*"),
                                  QStringLiteral("--json") });
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QJsonObject o = QJsonDocument::fromJson(added.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("role")).toString(), pc);
        QVERIFY(o.value(QLatin1String("password")).toString().size() >= 24);
        m_passwords.insert(pc, o.value(QLatin1String("password")).toString());
    }
    QVERIFY(addClass(m_a.path(), QStringLiteral("CLI101")));
}

TestSyncCommand::Run TestSyncCommand::admin(const QStringList &args, const QString &database)
{
    QTemporaryDir none;
    return cli(none.path(),
               QStringList { QStringLiteral("server") } + args
                   + QStringList { QStringLiteral("--postgres"), m_server.connectionString(database) },
               m_server.superPassword());
}

QString TestSyncCommand::pcConn(const QString &pc) const
{
    return m_server.connectionString(QStringLiteral("rollcall"), pc);
}

TestSyncCommand::Run TestSyncCommand::cli(const QString &dataDir, const QStringList &args, const QString &pgPassword,
                                          const QStringList &extraEnv)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    if (!pgPassword.isNull())
        env.insert(QStringLiteral("PGPASSWORD"), pgPassword);
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    // No desktop session: the keychain must not be needed (or hang) when a password is given.
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(env);
    process.start(test::TestPaths::cliPath(), QStringList { QStringLiteral("--data-dir"), dataDir } + args);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList TestSyncCommand::dump(const QString &dataDir)
{
    Database db(QDir(dataDir).filePath(QStringLiteral("rollcall.sqlite")));
    if (!db.open())
        return { QStringLiteral("cannot open") };
    auto lines = CanonicalDump::ofLocal(db);
    return lines ? *lines : QStringList { lines.error().message() };
}

bool TestSyncCommand::addClass(const QString &dataDir, const QString &code)
{
    Database db(QDir(dataDir).filePath(QStringLiteral("rollcall.sqlite")));
    if (!db.open())
        return false;
    ClassInfo info;
    info.code = code;
    info.name = QStringLiteral("Class ") + code;
    info.department = QStringLiteral("Physics");
    return ClassRepository(db).create(info).ok();
}

void TestSyncCommand::syncPrintsCounts()
{
    const Run a
        = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), pcConn(QStringLiteral("lab_a")) },
              m_passwords.value(QStringLiteral("lab_a")));
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QVERIFY2(a.out.contains(QLatin1String("pushed: 2 rows")), qPrintable(a.out)); // department + class
    QVERIFY2(a.out.contains(QLatin1String("pulled: 0 rows")), qPrintable(a.out));

    const Run b
        = cli(m_b.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), pcConn(QStringLiteral("lab_b")) },
              m_passwords.value(QStringLiteral("lab_b")));
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    QVERIFY2(b.out.contains(QLatin1String("pulled: 2 rows")), qPrintable(b.out));
    QCOMPARE(dump(m_b.path()), dump(m_a.path()));
}

void TestSyncCommand::jsonAndPasswordEnv()
{
    QVERIFY(addClass(m_b.path(), QStringLiteral("CLI202")));
    const Run b
        = cli(m_b.path(),
              { QStringLiteral("sync"), QStringLiteral("--postgres"), pcConn(QStringLiteral("lab_b")),
                QStringLiteral("--password-env"), QStringLiteral("LAB_PW"), QStringLiteral("--json") },
              QStringLiteral("not-used"), { QStringLiteral("LAB_PW=") + m_passwords.value(QStringLiteral("lab_b")) });
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    const QJsonObject o = QJsonDocument::fromJson(b.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("pushed")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("pulled")).toInt(), 0);
    QVERIFY(o.value(QLatin1String("tables")).toObject().contains(QLatin1String("classes")));

    const Run a = cli(m_a.path(),
                      { QStringLiteral("sync"), QStringLiteral("--postgres"), pcConn(QStringLiteral("lab_a")),
                        QStringLiteral("--json") },
                      m_passwords.value(QStringLiteral("lab_a")));
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QCOMPARE(QJsonDocument::fromJson(a.out.toUtf8()).object().value(QLatin1String("pulled")).toInt(), 1);
    QCOMPARE(dump(m_b.path()), dump(m_a.path()));
}

void TestSyncCommand::failuresExitSixAndChangeNothing()
{
    QVERIFY(addClass(m_a.path(), QStringLiteral("CLI303")));
    const QStringList before = dump(m_a.path());
    const QString conn = pcConn(QStringLiteral("lab_a"));
    const QString secret = m_passwords.value(QStringLiteral("lab_a"));

    const Run wrong = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn },
                          QStringLiteral("wrong-secret-but-long-enough"));
    QCOMPARE(wrong.exitCode, 6);
    QVERIFY2(wrong.err.contains(QLatin1String("refused the password")), qPrintable(wrong.err));

    const Run tls = cli(
        m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn + QStringLiteral(" sslmode=require") },
        secret);
    QCOMPARE(tls.exitCode, 6);
    QVERIFY2(tls.err.contains(QLatin1String("TLS failure")), qPrintable(tls.err));

    // No sslmode at all: RollCall's default verifies the server, so a plaintext server (or
    // one whose certificate cannot be checked) is refused before any password is sent.
    const QString bare
        = QStringLiteral("host=%1 port=%2 dbname=rollcall user=lab_a").arg(m_server.host()).arg(m_server.port());
    const Run unverified = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), bare }, secret);
    QCOMPARE(unverified.exitCode, 6);
    QVERIFY2(unverified.err.contains(QLatin1String("TLS failure")), qPrintable(unverified.err));
    QVERIFY(!unverified.err.contains(QLatin1String("warning")));
    QVERIFY2(tls.err.contains(QLatin1String("warning: sslmode=require")), qPrintable(tls.err));

    QString error;
    QVERIFY2(m_server.stop(&error), qPrintable(error));
    const Run down = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn }, secret);
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QCOMPARE(down.exitCode, 6);
    QVERIFY2(down.err.contains(QLatin1String("cannot reach the central database")), qPrintable(down.err));

    QCOMPARE(dump(m_a.path()), before);
    const Run again = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn }, secret);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(again.out.contains(QLatin1String("pushed: 1 rows")), qPrintable(again.out));
}

void TestSyncCommand::usageErrors()
{
    QCOMPARE(cli(m_a.path(), { QStringLiteral("sync") }).exitCode, 2);
    const Run password = cli(m_a.path(),
                             { QStringLiteral("sync"), QStringLiteral("--postgres"),
                               QStringLiteral("host=x dbname=y user=z password=secret") });
    QCOMPARE(password.exitCode, 2);
    QVERIFY(password.err.contains(QLatin1String("do not put the password")));
    QCOMPARE(cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), QStringLiteral("host=x user=z") })
                 .exitCode,
             2);
    QCOMPARE(cli(m_a.path(),
                 { QStringLiteral("sync"), QStringLiteral("--postgres"),
                   QStringLiteral("host=x dbname=y user=z sslmode=maybe") })
                 .exitCode,
             2);
    const Run env
        = cli(m_a.path(),
              { QStringLiteral("sync"), QStringLiteral("--postgres"), QStringLiteral("host=x dbname=y user=z"),
                QStringLiteral("--password-env"), QStringLiteral("NO_SUCH_VARIABLE_SET") });
    QCOMPARE(env.exitCode, 2);
}

void TestSyncCommand::usesTheGuiSettings()
{
    QTemporaryDir c;
    SyncSettings saved;
    saved.connection = PgConnectionSettings::parse(pcConn(QStringLiteral("lab_c"))).value();
    {
        QSettings settings(QDir(c.path()).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        saved.save(settings);
    }
    const Run run = cli(c.path(), { QStringLiteral("sync"), QStringLiteral("--json") },
                        m_passwords.value(QStringLiteral("lab_c")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("pulled")).toInt() > 0);
    QCOMPARE(dump(c.path()), dump(m_a.path()));
}

void TestSyncCommand::serverCommands()
{
    // What the administrator sees: every PC, its departments, its last sync and its rows.
    const Run listed = admin({ QStringLiteral("list-pcs"), QStringLiteral("--json") });
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    const QJsonArray pcs = QJsonDocument::fromJson(listed.out.toUtf8()).object().value(QLatin1String("pcs")).toArray();
    QCOMPARE(pcs.size(), 3);
    const QJsonObject a = pcs.at(0).toObject();
    QCOMPARE(a.value(QLatin1String("role")).toString(), QStringLiteral("lab_a"));
    QCOMPARE(a.value(QLatin1String("departments")).toArray(), QJsonArray { QStringLiteral("*") });
    QVERIFY(a.value(QLatin1String("last_sync")).isString());
    QVERIFY(a.value(QLatin1String("rows_written")).toInt() >= 3);
    QVERIFY(a.value(QLatin1String("revoked_at")).isNull());
    const Run text = admin({ QStringLiteral("list-pcs") });
    QVERIFY2(text.out.contains(QLatin1String("lab_b")) && text.out.contains(QLatin1String("last sync")),
             qPrintable(text.out));

    // Refusals: bad or used names, no department, no connection; a PC cannot administer.
    QCOMPARE(admin({ QStringLiteral("add-pc"), QStringLiteral("Lab-Bad"), QStringLiteral("--department"),
                     QStringLiteral("*") })
                 .exitCode,
             2);
    QCOMPARE(admin({ QStringLiteral("add-pc"), QStringLiteral("lab_d") }).exitCode, 2);
    QCOMPARE(admin({ QStringLiteral("add-pc"), QStringLiteral("lab_a"), QStringLiteral("--department"),
                     QStringLiteral("Physics") })
                 .exitCode,
             3);
    QCOMPARE(cli(m_a.path(), { QStringLiteral("server"), QStringLiteral("list-pcs") }).exitCode, 2);
    const Run asPc = cli(m_a.path(),
                         { QStringLiteral("server"), QStringLiteral("add-pc"), QStringLiteral("lab_x"),
                           QStringLiteral("--department"), QStringLiteral("*"), QStringLiteral("--postgres"),
                           pcConn(QStringLiteral("lab_a")) },
                         m_passwords.value(QStringLiteral("lab_a")));
    QCOMPARE(asPc.exitCode, 6);

    // Removing one PC stops it, and only it.
    const Run removed = admin({ QStringLiteral("remove-pc"), QStringLiteral("lab_b") });
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
    QCOMPARE(admin({ QStringLiteral("remove-pc"), QStringLiteral("lab_b") }).exitCode, 3);
    const Run b
        = cli(m_b.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), pcConn(QStringLiteral("lab_b")) },
              m_passwords.value(QStringLiteral("lab_b")));
    QCOMPARE(b.exitCode, 6);
    const Run stillA
        = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), pcConn(QStringLiteral("lab_a")) },
              m_passwords.value(QStringLiteral("lab_a")));
    QVERIFY2(stillA.exitCode == 0, qPrintable(stillA.err));
    const QJsonArray after
        = QJsonDocument::fromJson(admin({ QStringLiteral("list-pcs"), QStringLiteral("--json") }).out.toUtf8())
              .object()
              .value(QLatin1String("pcs"))
              .toArray();
    QVERIFY(after.at(1).toObject().value(QLatin1String("revoked_at")).isString());
    QVERIFY(after.at(0).toObject().value(QLatin1String("revoked_at")).isNull());
}

void TestSyncCommand::uninitialisedServerExitsSix()
{
    // A database nobody ran `server init` on: the PC says so and creates nothing there.
    QString error;
    QVERIFY2(m_server.execute(QStringLiteral("CREATE DATABASE bare"), QStringLiteral("postgres"), &error),
             qPrintable(error));
    const Run run = cli(
        m_a.path(),
        { QStringLiteral("sync"), QStringLiteral("--postgres"), m_server.connectionString(QStringLiteral("bare")) },
        m_server.superPassword());
    QCOMPARE(run.exitCode, 6);
    QVERIFY2(run.err.contains(QLatin1String("server init")), qPrintable(run.err));
    QCOMPARE(m_server
                 .queryValue(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
                             QStringLiteral("bare"))
                 .toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestSyncCommand)
#include "tst_synccommand.moc"
