#include "PostgresServer.h"

#include "sync/CentralConnection.h"
#include "sync/CentralSchema.h"

#include <QtTest>

using namespace rollcall;
using rollcall::test::PostgresServer;

// The central schema's own migrations and the mirroring of synced tables.
class TestCentralSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void migratesOnceAndIsIdempotent();
    void refusesNewerServerSchema();
    void mirrorsAndGrowsTables();
    void refusesOlderLocalSchema();

private:
    Status connect(CentralConnection &c, const QString &database);
    PostgresServer m_server;
};

void TestCentralSchema::initTestCase()
{
    QString error;
    QVERIFY2(m_server.init(&error), qPrintable(error));
    for (const char *db : { "one", "two", "three", "four" })
        QVERIFY2(m_server.execute(QStringLiteral("CREATE DATABASE %1").arg(QLatin1String(db)),
                                  QStringLiteral("postgres"), &error),
                 qPrintable(error));
}

Status TestCentralSchema::connect(CentralConnection &c, const QString &database)
{
    auto s = PgConnectionSettings::parse(m_server.connectionString(database));
    if (!s)
        return s.error();
    return c.open(*s, m_server.superPassword());
}

void TestCentralSchema::migratesOnceAndIsIdempotent()
{
    CentralConnection c;
    QVERIFY(connect(c, QStringLiteral("one")));
    QVERIFY(CentralSchema::migrate(c.database()));
    auto id = CentralSchema::serverId(c.database());
    QVERIFY(id);
    QCOMPARE(QUuid::fromString(*id).isNull(), false);
    QVERIFY(CentralSchema::migrate(c.database()));
    QCOMPARE(CentralSchema::serverId(c.database()).value(), *id);
    QCOMPARE(
        m_server.queryValue(QStringLiteral("SELECT max(version) FROM rollcall_schema_version"), QStringLiteral("one"))
            .toInt(),
        CentralSchema::latestVersion());
}

void TestCentralSchema::refusesNewerServerSchema()
{
    CentralConnection c;
    QVERIFY(connect(c, QStringLiteral("two")));
    QVERIFY(CentralSchema::migrate(c.database()));
    QVERIFY(m_server.execute(QStringLiteral("INSERT INTO rollcall_schema_version (version) VALUES (999)"),
                             QStringLiteral("two")));
    Status st = CentralSchema::migrate(c.database());
    QVERIFY(!st.ok());
    QVERIFY2(st.error().message().contains(QLatin1String("update RollCall")), qPrintable(st.error().message()));
}

void TestCentralSchema::mirrorsAndGrowsTables()
{
    CentralConnection c;
    QVERIFY(connect(c, QStringLiteral("three")));
    QVERIFY(CentralSchema::migrate(c.database()));
    SyncTable t;
    t.name = QStringLiteral("widgets");
    t.columns = { { QStringLiteral("id"), QStringLiteral("TEXT") },
                  { QStringLiteral("updated_at"), QStringLiteral("INTEGER") },
                  { QStringLiteral("deleted"), QStringLiteral("INTEGER") },
                  { QStringLiteral("origin_device"), QStringLiteral("TEXT") },
                  { QStringLiteral("score"), QStringLiteral("REAL") },
                  { QStringLiteral("data"), QStringLiteral("BLOB") } };
    QVERIFY(CentralSchema::mirrorTables(c.database(), { t }, 1));
    const QString typeOf = QStringLiteral("SELECT data_type FROM information_schema.columns WHERE table_name = "
                                          "'widgets' AND column_name = '%1'");
    QCOMPARE(m_server.queryValue(typeOf.arg(QStringLiteral("score")), QStringLiteral("three")).toString(),
             QStringLiteral("double precision"));
    QCOMPARE(m_server.queryValue(typeOf.arg(QStringLiteral("data")), QStringLiteral("three")).toString(),
             QStringLiteral("bytea"));
    QCOMPARE(m_server.queryValue(typeOf.arg(QStringLiteral("server_seq")), QStringLiteral("three")).toString(),
             QStringLiteral("bigint"));

    t.columns.append({ QStringLiteral("colour"), QStringLiteral("TEXT") });
    QVERIFY(CentralSchema::mirrorTables(c.database(), { t }, 2));
    QCOMPARE(m_server.queryValue(typeOf.arg(QStringLiteral("colour")), QStringLiteral("three")).toString(),
             QStringLiteral("text"));
    QCOMPARE(m_server
                 .queryValue(QStringLiteral("SELECT value FROM rollcall_meta WHERE key = 'local_schema_version'"),
                             QStringLiteral("three"))
                 .toString(),
             QStringLiteral("2"));
}

void TestCentralSchema::refusesOlderLocalSchema()
{
    CentralConnection c;
    QVERIFY(connect(c, QStringLiteral("four")));
    QVERIFY(CentralSchema::migrate(c.database()));
    QVERIFY(CentralSchema::mirrorTables(c.database(), {}, 5));
    Status st = CentralSchema::mirrorTables(c.database(), {}, 4);
    QVERIFY(!st.ok());
    QVERIFY2(st.error().message().contains(QLatin1String("newer RollCall")), qPrintable(st.error().message()));
}

QTEST_GUILESS_MAIN(TestCentralSchema)
#include "tst_centralschema.moc"
