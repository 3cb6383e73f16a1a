#include "PostgresServer.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using rollcall::test::PostgresServer;

// The fixture the sync tests stand on: it must really start a server that
// checks passwords, stop and start again, and leave nothing behind.
class TestPostgresServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAndChecksPasswords();
    void stopsAndStartsAgain();
    void tlsServerWithOwnCa();
    void removesItsFolder();

private:
    static QString tryConnect(const PostgresServer &server, const QString &user, const QString &password,
                              const QString &options = {});
};

QString TestPostgresServer::tryConnect(const PostgresServer &server, const QString &user, const QString &password,
                                       const QString &options)
{
    static int counter = 0;
    const QString name = QStringLiteral("probe-%1").arg(++counter);
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(server.host());
        db.setPort(server.port());
        db.setDatabaseName(QStringLiteral("postgres"));
        db.setUserName(user);
        db.setPassword(password);
        db.setConnectOptions(options);
        if (!db.open())
            result = db.lastError().text();
        else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) || !q.next())
                result = q.lastError().text();
            else
                result = q.value(0).toBool() ? QStringLiteral("ok-ssl") : QStringLiteral("ok");
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void TestPostgresServer::startsAndChecksPasswords()
{
    PostgresServer server;
    QString error;
    QVERIFY2(server.init(&error), qPrintable(error));
    QVERIFY(server.isRunning());
    QVERIFY(server.port() > 0);
    QCOMPARE(tryConnect(server, PostgresServer::superUser(), server.superPassword()), QStringLiteral("ok"));
    const QString wrong = tryConnect(server, PostgresServer::superUser(), QStringLiteral("not-the-password"));
    QVERIFY2(wrong.contains(QLatin1String("password authentication failed")), qPrintable(wrong));
    QVERIFY2(server.queryValue(QStringLiteral("SHOW server_version_num")).toInt() >= 150000,
             qPrintable(server.logTail()));

    QVERIFY2(server.createUserAndDatabase(QStringLiteral("lab"), QStringLiteral("s3cret'pw"), QStringLiteral("dept"),
                                          &error),
             qPrintable(error));
    QCOMPARE(tryConnect(server, QStringLiteral("lab"), QStringLiteral("s3cret'pw")), QStringLiteral("ok"));
    QVERIFY(tryConnect(server, QStringLiteral("lab"), QStringLiteral("s3cret")).contains(QLatin1String("password")));
}

void TestPostgresServer::stopsAndStartsAgain()
{
    PostgresServer server;
    QString error;
    QVERIFY2(server.init(&error), qPrintable(error));
    QVERIFY2(server.execute(QStringLiteral("CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)"),
                            QStringLiteral("postgres"), &error),
             qPrintable(error));
    QVERIFY2(server.stop(&error), qPrintable(error));
    QVERIFY(!server.isRunning());
    const QString down = tryConnect(server, PostgresServer::superUser(), server.superPassword());
    QVERIFY2(down.contains(QLatin1String("refused")) || down.contains(QLatin1String("connect")), qPrintable(down));
    QVERIFY2(server.start(&error), qPrintable(error));
    QCOMPARE(server.queryValue(QStringLiteral("SELECT x FROM kept")).toInt(), 42);
}

void TestPostgresServer::tlsServerWithOwnCa()
{
    PostgresServer server;
    QString error;
    QVERIFY2(server.init(&error, true), qPrintable(error));
    QVERIFY(QFile::exists(server.caFile()));
    const QString verified = tryConnect(server, PostgresServer::superUser(), server.superPassword(),
                                        QStringLiteral("sslmode=verify-full;sslrootcert=") + server.caFile());
    QCOMPARE(verified, QStringLiteral("ok-ssl"));

    // A CA that did not sign the server's certificate is refused.
    PostgresServer other;
    QVERIFY2(other.init(&error, true), qPrintable(error));
    const QString refused = tryConnect(server, PostgresServer::superUser(), server.superPassword(),
                                       QStringLiteral("sslmode=verify-full;sslrootcert=") + other.caFile());
    QVERIFY2(refused.contains(QLatin1String("certificate")), qPrintable(refused));
}

void TestPostgresServer::removesItsFolder()
{
    QString folder;
    {
        PostgresServer server;
        QString error;
        QVERIFY2(server.init(&error), qPrintable(error));
        folder = server.socketDir();
        QVERIFY(QDir(folder).exists());
    }
    QVERIFY2(!QDir(folder).exists(), qPrintable(folder));
}

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "tst_postgresserver.moc"
