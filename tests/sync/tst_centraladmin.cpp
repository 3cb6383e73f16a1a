#include "PostgresServer.h"
#include "ResultAsserts.h"
#include "TestCentral.h"
#include "TestDatabase.h"

#include "storage/ClassRepository.h"
#include "storage/HybridLogicalClock.h"
#include "storage/Schema.h"
#include "storage/StudentRepository.h"
#include "sync/CanonicalDump.h"
#include "sync/CentralAdmin.h"
#include "sync/CentralConnection.h"
#include "sync/CentralSchema.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace rollcall;
using rollcall::test::LabPc;
using rollcall::test::PostgresServer;
using rollcall::test::TestCentral;
using rollcall::test::TestDatabase;

// The administrator's side of the central database (server init, add-pc, remove-pc,
// list-pcs) and what it leaves a PC able to do: the threat model of docs/sync.md,
// tried with a PC's own credentials in raw SQL (the same libpq a psql user has).
class TestCentralAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initLeavesPcsNoWriteAccess();
    void addListRemove();
    void roguePcRawSqlIsRefused();
    void migratesACentralDatabaseOfTheFirstVersion();

private:
    Status sync(TestCentral &central, LabPc &pc);
    // Every synced row on the server plus its bookkeeping that PCs must not touch.
    QStringList serverState(TestCentral &central);

    PostgresServer m_server;
};

void TestCentralAdmin::initTestCase()
{
    QString error;
    QVERIFY2(m_server.init(&error), qPrintable(error));
}

Status TestCentralAdmin::sync(TestCentral &central, LabPc &pc)
{
    SyncEngine::Options o;
    o.server = central.settings(pc.central.role);
    o.password = pc.central.password;
    o.photoStoreDir = pc.data.photos().dir();
    auto report = SyncEngine(pc.data.db(), o).run();
    if (!report)
        return report.error();
    return {};
}

QStringList TestCentralAdmin::serverState(TestCentral &central)
{
    QStringList lines = central.dump();
    CentralConnection admin;
    if (Status st = admin.open(central.settings(), m_server.superPassword()); !st.ok())
        return { st.error().message() };
    QSqlQuery q(admin.database());
    q.exec(QStringLiteral("SELECT string_agg(role || ':' || array_to_string(departments, ',') || ':' || "
                          "coalesce(device_id, '') || ':' || coalesce(revoked_at::text, ''), ';' ORDER BY role), "
                          "(SELECT count(*) FROM rollcall_blobs), (SELECT string_agg(tablename || '/' || tableowner, "
                          "',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'), "
                          "(SELECT count(*) FROM rollcall_change_log WHERE operation <> 'refused') FROM rollcall_pcs"));
    if (q.next())
        lines << q.value(0).toString() << q.value(1).toString() << q.value(2).toString() << q.value(3).toString();
    return lines;
}

void TestCentralAdmin::initLeavesPcsNoWriteAccess()
{
    TestCentral central(m_server);
    QString error;
    QVERIFY2(central.create(QStringLiteral("least"), &error), qPrintable(error));
    QVERIFY2(central.init(&error), qPrintable(error)); // idempotent
    TestCentral::Pc pc;
    QVERIFY2(central.addPc(&pc, &error), qPrintable(error));

    // Everything belongs to the NOLOGIN owner role; the PC can only read and call four functions.
    QCOMPARE(m_server
                 .queryValue(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND "
                                            "tableowner <> 'least_rollcall_owner'"),
                             QStringLiteral("least"))
                 .toInt(),
             0);
    QCOMPARE(m_server
                 .queryValue(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = "
                                            "'least_rollcall_owner'"))
                 .toBool(),
             false);
    const QString writable
        = QStringLiteral("SELECT count(*) FROM pg_tables t, "
                         "unnest(ARRAY['INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p "
                         "WHERE t.schemaname = 'public' AND has_table_privilege('%1', t.tablename, p)");
    QCOMPARE(m_server.queryValue(writable.arg(pc.role), QStringLiteral("least")).toInt(), 0);
    QCOMPARE(m_server.queryValue(writable.arg(QStringLiteral("least_rollcall_pc")), QStringLiteral("least")).toInt(),
             0);
    QCOMPARE(m_server
                 .queryValue(QStringLiteral("SELECT has_schema_privilege('%1', 'public', 'CREATE')").arg(pc.role),
                             QStringLiteral("least"))
                 .toBool(),
             false);
    QCOMPARE(m_server
                 .queryValue(QStringLiteral("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace "
                                            "AND has_function_privilege('%1', oid, 'EXECUTE')")
                                 .arg(pc.role),
                             QStringLiteral("least"))
                 .toInt(),
             4);
    // PUBLIC (any other role of the cluster) cannot even connect.
    QVERIFY(m_server.execute(QStringLiteral("CREATE ROLE stranger LOGIN PASSWORD 'stranger-pass'")));
    QCOMPARE(
        m_server.queryValue(QStringLiteral("SELECT has_database_privilege('stranger', 'least', 'CONNECT')")).toBool(),
        false);
}

void TestCentralAdmin::addListRemove()
{
    TestCentral central(m_server);
    QString error;
    QVERIFY2(central.create(QStringLiteral("lists"), &error), qPrintable(error));
    CentralConnection connection;
    VERIFY_OK(connection.open(central.settings(), m_server.superPassword()));
    CentralAdmin admin(connection.database());

    auto one = admin.addPc(QStringLiteral("lists_one"),
                           { QStringLiteral("Biology"), QStringLiteral("Biology"), QStringLiteral("Chemistry") });
    VERIFY_OK(one);
    QVERIFY(one->password.size() >= 24);
    // Only a SCRAM verifier reaches the server, never the password.
    const QString stored
        = m_server.queryValue(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = 'lists_one'"))
              .toString();
    QVERIFY2(stored.startsWith(QLatin1String("SCRAM-SHA-256$4096:")), qPrintable(stored));
    QVERIFY(!stored.contains(one->password));

    QCOMPARE(admin.addPc(QStringLiteral("lists_one"), { QStringLiteral("*") }).error().code(), Error::Code::BadInput);
    QCOMPARE(admin.addPc(QStringLiteral("postgres"), { QStringLiteral("*") }).error().code(), Error::Code::BadInput);
    QCOMPARE(admin.addPc(QStringLiteral("Bad Name"), { QStringLiteral("*") }).error().code(), Error::Code::Usage);
    QCOMPARE(admin.addPc(QStringLiteral("lists_two"), {}).error().code(), Error::Code::Usage);
    QCOMPARE(admin.addPc(QStringLiteral("lists_two\"; DROP"), { QStringLiteral("*") }).error().code(),
             Error::Code::Usage);

    LabPc pc;
    QVERIFY2(pc.data.ok(), pc.data.errorText());
    pc.central = { one->role, one->password };
    VERIFY_OK(sync(central, pc));

    auto listed = admin.listPcs();
    VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    const CentralAdmin::PcInfo info = listed->first();
    QCOMPARE(info.departments, (QStringList { QStringLiteral("Biology"), QStringLiteral("Chemistry") }));
    QCOMPARE(info.deviceId, pc.data.db().deviceId());
    QVERIFY(info.lastSync.isValid());
    QVERIFY(!info.revokedAt.isValid());
    const QJsonObject json = info.toJson();
    for (const char *key : { "role", "departments", "device_id", "created_at", "revoked_at", "last_sync",
                             "rollcall_version", "rows_written", "rows_refused" })
        QVERIFY2(json.contains(QLatin1String(key)), key);

    // A second data folder cannot take over a role that is bound to another.
    LabPc impostor;
    QVERIFY2(impostor.data.ok(), impostor.data.errorText());
    impostor.central = pc.central;
    const Status taken = sync(central, impostor);
    QVERIFY(!taken.ok());
    QVERIFY2(taken.error().message().contains(QLatin1String("another data folder")),
             qPrintable(taken.error().message()));

    VERIFY_OK(admin.removePc(QStringLiteral("lists_one")));
    QCOMPARE(admin.removePc(QStringLiteral("lists_one")).error().code(), Error::Code::BadInput);
    listed = admin.listPcs();
    QVERIFY(listed->first().revokedAt.isValid());
    const Status removed = sync(central, pc);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().code(), Error::Code::Network);
    // Its name is not handed out again: the change log keeps meaning what it says.
    QCOMPARE(admin.addPc(QStringLiteral("lists_one"), { QStringLiteral("*") }).error().code(), Error::Code::BadInput);
}

void TestCentralAdmin::roguePcRawSqlIsRefused()
{
    TestCentral central(m_server);
    QString error;
    QVERIFY2(central.create(QStringLiteral("rogue"), &error), qPrintable(error));
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    QVERIFY2(central.addPc(&a.central, &error, { QStringLiteral("Chemistry") }), qPrintable(error));
    QVERIFY2(central.addPc(&b.central, &error, { QStringLiteral("Biology") }), qPrintable(error));

    ClassInfo chem;
    chem.code = QStringLiteral("CHEM1");
    chem.name = QStringLiteral("Chemistry 1");
    chem.department = QStringLiteral("Chemistry");
    auto chemClass = ClassRepository(a.data.db()).create(chem);
    VERIFY_OK(chemClass);
    Student alice;
    alice.studentId = QStringLiteral("C001");
    alice.name = QStringLiteral("Alice");
    auto victim = StudentRepository(a.data.db()).add(alice, chemClass->id);
    VERIFY_OK(victim);
    StudentRepository::Changes rename;
    rename.name = QStringLiteral("Alice Smith"); // leaves an audit entry of A's
    VERIFY_OK(StudentRepository(a.data.db()).edit(victim->studentUuid, rename, QStringLiteral("staff")));
    VERIFY_OK(sync(central, a));
    VERIFY_OK(sync(central, b));
    const QStringList serverBefore = serverState(central);
    const QStringList aBefore = CanonicalDump::ofLocal(a.data.db()).value();

    CentralConnection pcB;
    VERIFY_OK(pcB.open(central.settings(b.central.role), b.central.password));
    QSqlDatabase &pg = pcB.database();
    const QString deviceA = a.data.db().deviceId();
    const QString deviceB = b.data.db().deviceId();
    const qint64 now = HybridLogicalClock::make(QDateTime::currentMSecsSinceEpoch(), 0);
    const qint64 yearAhead
        = HybridLogicalClock::make(QDateTime::currentMSecsSinceEpoch() + 365LL * 24 * 3600 * 1000, 0);
    const QString chemId = m_server
                               .queryValue(QStringLiteral("SELECT id FROM departments WHERE name = 'Chemistry'"),
                                           QStringLiteral("rogue"))
                               .toString();
    QVERIFY(!chemId.isEmpty());

    // The server's row for the victim, as JSON with every value as text (what rollcall_push takes).
    const auto studentRow = [&](const QString &id, const QString &origin, qint64 stamp, const QString &department) {
        QJsonObject row { { QStringLiteral("id"), id },
                          { QStringLiteral("created_at"), QString::number(now) },
                          { QStringLiteral("updated_at"), QString::number(stamp) },
                          { QStringLiteral("deleted"), QStringLiteral("0") },
                          { QStringLiteral("origin_device"), origin },
                          { QStringLiteral("student_id"), QStringLiteral("C001") },
                          { QStringLiteral("name"), QStringLiteral("Mallory") },
                          { QStringLiteral("email"), QString() },
                          { QStringLiteral("department_id"), department },
                          { QStringLiteral("active"), QStringLiteral("1") },
                          { QStringLiteral("consent"), QStringLiteral("1") } };
        return QString::fromUtf8(QJsonDocument(QJsonArray { row }).toJson(QJsonDocument::Compact));
    };
    const auto push = [&](const QString &table, const QString &rows) -> std::pair<qint64, qint64> {
        QSqlQuery q(pg);
        q.prepare(QStringLiteral("SELECT accepted, refused FROM rollcall_push(?, CAST(? AS jsonb))"));
        q.addBindValue(table);
        q.addBindValue(rows);
        if (!q.exec() || !q.next())
            return { -1, -1 };
        return { q.value(0).toLongLong(), q.value(1).toLongLong() };
    };
    using Outcome = std::pair<qint64, qint64>;

    // (a) a row claiming A as its origin, even in B's own department.
    const QString newStudent = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(push(QStringLiteral("students"), studentRow(newStudent, deviceA, now, QString())), Outcome(0, 1));
    QCOMPARE(push(QStringLiteral("students"), studentRow(victim->studentUuid, deviceA, now + 1, chemId)),
             Outcome(0, 1));
    // (b) a student of Chemistry, overwritten or moved to a department B has, or made new there.
    QCOMPARE(push(QStringLiteral("students"), studentRow(victim->studentUuid, deviceB, now + 2, chemId)),
             Outcome(0, 1));
    QCOMPARE(push(QStringLiteral("students"), studentRow(victim->studentUuid, deviceB, now + 3, QString())),
             Outcome(0, 1));
    QCOMPARE(push(QStringLiteral("students"), studentRow(newStudent, deviceB, now, chemId)), Outcome(0, 1));
    // … or a new department-less row (a PC bound to departments writes only inside them).
    QCOMPARE(push(QStringLiteral("students"), studentRow(newStudent, deviceB, now, QString())), Outcome(0, 1));
    // (d) stamped a year ahead (it would win every conflict for a year), or past INT64.
    QCOMPARE(push(QStringLiteral("students"), studentRow(victim->studentUuid, deviceB, yearAhead, chemId)),
             Outcome(0, 1));
    QCOMPARE(push(QStringLiteral("students"),
                  studentRow(victim->studentUuid, deviceB, 0, chemId)
                      .replace(QLatin1String("\"updated_at\":\"0\""),
                               QLatin1String("\"updated_at\":\"9223372036854775807\""))),
             Outcome(0, 1));
    // Another PC's audit entry cannot be rewritten; the server's own tables are not synced tables.
    const QString auditId
        = m_server.queryValue(QStringLiteral("SELECT id FROM audit_log LIMIT 1"), QStringLiteral("rogue")).toString();
    QVERIFY(!auditId.isEmpty());
    {
        QJsonObject audit { { QStringLiteral("id"), auditId },
                            { QStringLiteral("updated_at"), QString::number(now + 5) },
                            { QStringLiteral("origin_device"), deviceB },
                            { QStringLiteral("deleted"), QStringLiteral("1") } };
        QCOMPARE(push(QStringLiteral("audit_log"),
                      QString::fromUtf8(QJsonDocument(QJsonArray { audit }).toJson(QJsonDocument::Compact))),
                 Outcome(0, 1));
    }
    const int refusedPushes = 9;
    QCOMPARE(push(QStringLiteral("rollcall_pcs"), QStringLiteral("[]")), Outcome(-1, -1));
    QCOMPARE(push(QStringLiteral("pg_authid"), QStringLiteral("[]")), Outcome(-1, -1));

    // (c) DDL and direct writes, and the owner's own functions: all refused by PostgreSQL.
    const QStringList attacks {
        QStringLiteral("CREATE TABLE evil (x int)"),
        QStringLiteral("CREATE TEMP TABLE evil (x int)"),
        QStringLiteral("DROP TABLE students"),
        QStringLiteral("TRUNCATE students"),
        QStringLiteral("TRUNCATE rollcall_change_log"),
        QStringLiteral("DELETE FROM students"),
        QStringLiteral("DELETE FROM rollcall_change_log"),
        QStringLiteral("DELETE FROM rollcall_blobs"),
        QStringLiteral("UPDATE students SET name = 'Mallory'"),
        QStringLiteral("UPDATE rollcall_pcs SET departments = '{*}'"),
        QStringLiteral("INSERT INTO students (id, created_at, updated_at, deleted, origin_device, student_id, name, "
                       "server_seq) VALUES ('x', 0, 0, 0, 'x', 'x', 'x', 0)"),
        QStringLiteral("INSERT INTO rollcall_blobs (sha256, data, size) VALUES ('x', 'x', 1)"),
        QStringLiteral("ALTER TABLE students ADD COLUMN evil int"),
        QStringLiteral("ALTER TABLE students DISABLE TRIGGER ALL"),
        QStringLiteral("CREATE FUNCTION evil() RETURNS int LANGUAGE sql AS 'SELECT 1'"),
        QStringLiteral("CREATE OR REPLACE FUNCTION rollcall_stamp_horizon() RETURNS bigint LANGUAGE sql AS "
                       "'SELECT 9223372036854775807'"),
        QStringLiteral("SELECT rollcall_apply_erasure('student', '%1')").arg(victim->studentUuid),
        QStringLiteral("SELECT rollcall_drop_unused_blobs(ARRAY['x'])"),
        QStringLiteral("SELECT nextval('rollcall_change_seq')"),
        QStringLiteral("SET ROLE rogue_rollcall_owner"),
        QStringLiteral("GRANT rogue_rollcall_pc TO PUBLIC"),
        QStringLiteral("ALTER ROLE %1 SUPERUSER").arg(b.central.role),
        QStringLiteral("ALTER ROLE %1 PASSWORD 'x'").arg(a.central.role),
        QStringLiteral("CREATE ROLE evil LOGIN"),
        QStringLiteral("COPY students FROM STDIN"),
        QStringLiteral("SELECT lo_import('/etc/passwd')"),
        QStringLiteral("SELECT pg_read_file('postgresql.conf')"),
    };
    for (const QString &sql : attacks) {
        QSqlQuery q(pg);
        QVERIFY2(!q.exec(sql), qPrintable(QStringLiteral("accepted: ") + sql));
    }

    // PostgreSQL answers a GRANT without the grant option with a warning only: it grants nothing.
    {
        QSqlQuery grant(pg);
        grant.exec(QStringLiteral("GRANT INSERT, UPDATE, DELETE ON students TO %1").arg(b.central.role));
        QCOMPARE(m_server
                     .queryValue(QStringLiteral("SELECT has_table_privilege('%1', 'students', 'INSERT') OR "
                                                "has_table_privilege('%1', 'students', 'UPDATE')")
                                     .arg(b.central.role),
                                 QStringLiteral("rogue"))
                     .toBool(),
                 false);
    }

    QCOMPARE(serverState(central), serverBefore);
    QCOMPARE(
        m_server
            .queryValue(QStringLiteral("SELECT count(*) FROM rollcall_change_log WHERE role = '%1' AND operation = "
                                       "'refused'")
                            .arg(b.central.role),
                        QStringLiteral("rogue"))
            .toInt(),
        refusedPushes);

    // (e) removed: the open session is ended and no new one starts.
    QVERIFY2(central.removePc(b.central.role, &error), qPrintable(error));
    QSqlQuery after(pg);
    QVERIFY(!after.exec(QStringLiteral("SELECT * FROM rollcall_push('students', '[]'::jsonb)")));
    CentralConnection again;
    QVERIFY(!again.open(central.settings(b.central.role), b.central.password).ok());

    // A syncs as before and nothing it holds changed.
    VERIFY_OK(sync(central, a));
    QCOMPARE(CanonicalDump::ofLocal(a.data.db()).value(), aBefore);
    QCOMPARE(StudentRepository(a.data.db()).find(victim->studentUuid)->name, QStringLiteral("Alice Smith"));
}

void TestCentralAdmin::migratesACentralDatabaseOfTheFirstVersion()
{
    // What the previous RollCall left: central schema 1 made by the PCs themselves,
    // tables owned by the one shared login role, no written_by, no PC registry.
    QString error;
    QVERIFY(m_server.createUserAndDatabase(QStringLiteral("oldlab"), QStringLiteral("old-lab-pass"),
                                           QStringLiteral("old"), &error));
    {
        CentralConnection lab;
        VERIFY_OK(lab.open(
            PgConnectionSettings::parse(m_server.connectionString(QStringLiteral("old"), QStringLiteral("oldlab")))
                .value(),
            QStringLiteral("old-lab-pass")));
        VERIFY_OK(CentralSchema::migrate(lab.database()));
        auto tables = CentralAdmin::localTables();
        VERIFY_OK(tables);
        VERIFY_OK(CentralSchema::mirrorTables(lab.database(), *tables, Schema::latestVersion()));
        QSqlQuery q(lab.database());
        for (const SyncTable &t : std::as_const(*tables))
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE %1 DROP COLUMN written_by").arg(SyncTable::quote(t.name))));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE rollcall_pcs, rollcall_change_log, rollcall_synced_tables")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM rollcall_schema_version WHERE version > 1")));
    }
    // A PC of that version synced a class into it.
    LabPc old;
    QVERIFY2(old.data.ok(), old.data.errorText());
    ClassInfo info;
    info.code = QStringLiteral("OLD1");
    info.department = QStringLiteral("Physics");
    VERIFY_OK(ClassRepository(old.data.db()).create(info));
    {
        CentralConnection lab;
        VERIFY_OK(lab.open(
            PgConnectionSettings::parse(m_server.connectionString(QStringLiteral("old"), QStringLiteral("oldlab")))
                .value(),
            QStringLiteral("old-lab-pass")));
        QSqlQuery local(old.data.db().connection());
        QSqlQuery q(lab.database());
        for (const QString &table : { QStringLiteral("departments"), QStringLiteral("classes") }) {
            QVERIFY(local.exec(QStringLiteral("SELECT * FROM %1").arg(table)));
            while (local.next()) {
                QStringList cols, marks;
                QVariantList values;
                const QSqlRecord rec = local.record();
                for (int i = 0; i < rec.count(); ++i) {
                    cols << rec.fieldName(i);
                    marks << QStringLiteral("?");
                    values << local.value(i);
                }
                q.prepare(QStringLiteral("INSERT INTO %1 (%2, server_seq) VALUES (%3, nextval('rollcall_change_seq'))")
                              .arg(table, cols.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
                for (const QVariant &v : std::as_const(values))
                    q.addBindValue(v);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
        }
    }
    const int before
        = m_server.queryValue(QStringLiteral("SELECT count(*) FROM classes"), QStringLiteral("old")).toInt();
    QCOMPARE(before, 1);

    // A new PC refuses the old schema until the administrator runs server init.
    LabPc fresh;
    QVERIFY2(fresh.data.ok(), fresh.data.errorText());
    {
        SyncEngine::Options o;
        o.server
            = PgConnectionSettings::parse(m_server.connectionString(QStringLiteral("old"), QStringLiteral("oldlab")))
                  .value();
        o.password = QStringLiteral("old-lab-pass");
        o.photoStoreDir = fresh.data.photos().dir();
        auto refused = SyncEngine(fresh.data.db(), o).run();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QLatin1String("older")), qPrintable(refused.error().message()));
    }

    // server init (by the superuser here) migrates in place and keeps every row.
    CentralConnection admin;
    VERIFY_OK(admin.open(PgConnectionSettings::parse(m_server.connectionString(QStringLiteral("old"))).value(),
                         m_server.superPassword()));
    VERIFY_OK(CentralAdmin(admin.database()).init());
    QCOMPARE(m_server.queryValue(QStringLiteral("SELECT count(*) FROM classes"), QStringLiteral("old")).toInt(),
             before);
    QCOMPARE(
        m_server.queryValue(QStringLiteral("SELECT max(version) FROM rollcall_schema_version"), QStringLiteral("old"))
            .toInt(),
        CentralSchema::latestVersion());
    QCOMPARE(m_server
                 .queryValue(QStringLiteral("SELECT tableowner FROM pg_tables WHERE tablename = 'classes'"),
                             QStringLiteral("old"))
                 .toString(),
             QStringLiteral("old_rollcall_owner"));

    auto added = CentralAdmin(admin.database()).addPc(QStringLiteral("old_pc1"), { QStringLiteral("*") });
    VERIFY_OK(added);
    SyncEngine::Options o;
    o.server = PgConnectionSettings::parse(m_server.connectionString(QStringLiteral("old"), added->role)).value();
    o.password = added->password;
    o.photoStoreDir = fresh.data.photos().dir();
    auto pulled = SyncEngine(fresh.data.db(), o).run();
    VERIFY_OK(pulled);
    QVERIFY(ClassRepository(fresh.data.db()).findByCode(QStringLiteral("OLD1")).ok());
}

QTEST_GUILESS_MAIN(TestCentralAdmin)
#include "tst_centraladmin.moc"
