#include "PostgresServer.h"
#include "TestPaths.h"

#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "sync/CanonicalDump.h"
#include "sync/SyncSettings.h"

#include <QDir>
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

    PostgresServer m_server;
    QTemporaryDir m_a;
    QTemporaryDir m_b;
};

void TestSyncCommand::initTestCase()
{
    QString error;
    QVERIFY2(m_server.init(&error), qPrintable(error));
    QVERIFY2(m_server.createUserAndDatabase(QStringLiteral("lab"), QStringLiteral("lab-secret"),
                                            QStringLiteral("rollcall"), &error),
             qPrintable(error));
    QVERIFY(addClass(m_a.path(), QStringLiteral("CLI101")));
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
    const QString conn = m_server.connectionString(QStringLiteral("rollcall"), QStringLiteral("lab"));
    const Run a
        = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn }, QStringLiteral("lab-secret"));
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QVERIFY2(a.out.contains(QLatin1String("pushed: 2 rows")), qPrintable(a.out)); // department + class
    QVERIFY2(a.out.contains(QLatin1String("pulled: 0 rows")), qPrintable(a.out));

    const Run b
        = cli(m_b.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn }, QStringLiteral("lab-secret"));
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    QVERIFY2(b.out.contains(QLatin1String("pulled: 2 rows")), qPrintable(b.out));
    QCOMPARE(dump(m_b.path()), dump(m_a.path()));
}

void TestSyncCommand::jsonAndPasswordEnv()
{
    QVERIFY(addClass(m_b.path(), QStringLiteral("CLI202")));
    const QString conn = m_server.connectionString(QStringLiteral("rollcall"), QStringLiteral("lab"));
    const Run b = cli(m_b.path(),
                      { QStringLiteral("sync"), QStringLiteral("--postgres"), conn, QStringLiteral("--password-env"),
                        QStringLiteral("LAB_PW"), QStringLiteral("--json") },
                      QStringLiteral("not-used"), { QStringLiteral("LAB_PW=lab-secret") });
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    const QJsonObject o = QJsonDocument::fromJson(b.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("pushed")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("pulled")).toInt(), 0);
    QVERIFY(o.value(QLatin1String("tables")).toObject().contains(QLatin1String("classes")));

    const Run a
        = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn, QStringLiteral("--json") },
              QStringLiteral("lab-secret"));
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QCOMPARE(QJsonDocument::fromJson(a.out.toUtf8()).object().value(QLatin1String("pulled")).toInt(), 1);
    QCOMPARE(dump(m_b.path()), dump(m_a.path()));
}

void TestSyncCommand::failuresExitSixAndChangeNothing()
{
    QVERIFY(addClass(m_a.path(), QStringLiteral("CLI303")));
    const QStringList before = dump(m_a.path());
    const QString conn = m_server.connectionString(QStringLiteral("rollcall"), QStringLiteral("lab"));

    const Run wrong = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn },
                          QStringLiteral("wrong-secret"));
    QCOMPARE(wrong.exitCode, 6);
    QVERIFY2(wrong.err.contains(QLatin1String("refused the password")), qPrintable(wrong.err));

    const Run tls = cli(
        m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn + QStringLiteral(" sslmode=require") },
        QStringLiteral("lab-secret"));
    QCOMPARE(tls.exitCode, 6);
    QVERIFY2(tls.err.contains(QLatin1String("TLS failure")), qPrintable(tls.err));

    // No sslmode at all: RollCall's default verifies the server, so a plaintext server (or
    // one whose certificate cannot be checked) is refused before any password is sent.
    const QString bare
        = QStringLiteral("host=%1 port=%2 dbname=rollcall user=lab").arg(m_server.host()).arg(m_server.port());
    const Run unverified
        = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), bare }, QStringLiteral("lab-secret"));
    QCOMPARE(unverified.exitCode, 6);
    QVERIFY2(unverified.err.contains(QLatin1String("TLS failure")), qPrintable(unverified.err));
    QVERIFY(!unverified.err.contains(QLatin1String("warning")));
    QVERIFY2(tls.err.contains(QLatin1String("warning: sslmode=require")), qPrintable(tls.err));

    QString error;
    QVERIFY2(m_server.stop(&error), qPrintable(error));
    const Run down
        = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn }, QStringLiteral("lab-secret"));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QCOMPARE(down.exitCode, 6);
    QVERIFY2(down.err.contains(QLatin1String("cannot reach the central database")), qPrintable(down.err));

    QCOMPARE(dump(m_a.path()), before);
    const Run again
        = cli(m_a.path(), { QStringLiteral("sync"), QStringLiteral("--postgres"), conn }, QStringLiteral("lab-secret"));
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
    saved.connection
        = PgConnectionSettings::parse(m_server.connectionString(QStringLiteral("rollcall"), QStringLiteral("lab")))
              .value();
    {
        QSettings settings(QDir(c.path()).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        saved.save(settings);
    }
    const Run run = cli(c.path(), { QStringLiteral("sync"), QStringLiteral("--json") }, QStringLiteral("lab-secret"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("pulled")).toInt() > 0);
    QCOMPARE(dump(c.path()), dump(m_a.path()));
}

QTEST_GUILESS_MAIN(TestSyncCommand)
#include "tst_synccommand.moc"
