#include "TestDatabase.h"
#include "TestPaths.h"

#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/Schema.h"
#include "storage/SessionRepository.h"
#include "storage/SqlHelper.h"
#include "storage/StudentRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

namespace {

QVariant scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

// Raw access to a database file without RollCall's Database, for setting up odd files.
bool rawExec(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            if (ok && !q.exec(sql)) {
                qWarning() << sql << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

// Starts the helper process and waits until it prints `ready` (a line starting with it).
bool startHelper(QProcess &process, const QStringList &args, const QByteArray &ready)
{
    process.start(QStringLiteral(ROLLCALL_STORAGE_TEST_HELPER), args);
    if (!process.waitForStarted(10000))
        return false;
    QByteArray output;
    while (!output.contains(ready)) {
        if (!process.waitForReadyRead(20000))
            return false;
        output += process.readAllStandardOutput();
    }
    return true;
}

void stopHelper(QProcess &process)
{
    process.kill();
    process.waitForFinished(10000);
}

QString messageOf(const Status &status)
{
    return status.ok() ? QStringLiteral("(ok)") : status.error().message();
}

} // namespace

class TestDatabaseClass : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseHasSchemaAndPragmas();
    void everySyncedTableHasBookkeepingColumns();
    void reopenKeepsDeviceIdAndClockMovesOn();
    void olderSchemaIsUpgraded();
    void version1DatabaseGetsVersion2();
    void version2DatabaseKeepsRecordsAndAcceptsReview();
    void failedMigrationLeavesOldVersion();
    void newerSchemaIsRefusedAndUntouched();
    void randomBytesAreRefused();
    void damagedPagesAreReportedClearly();
    void foreignSqliteFileIsRefused();
    void transactionCommitsOrRollsBack();
    void nestedTransactionsUseSavepoints();
    void eachThreadGetsItsOwnConnection();
    void readOnlyFileIsRefusedUntouched();
    void writeLockedBeyondBusyTimeout();
    void exclusivelyLockedFileIsReportedClearly();
    void diskFullDuringWriteLosesNothing();
    void twoProcessesOnOneFileNeverStampBackwards();
};

void TestDatabaseClass::freshDatabaseHasSchemaAndPragmas()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    QCOMPARE(t.db().schemaVersion(), Schema::latestVersion());
    QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT max(version) FROM schema_version")).toInt(),
             Schema::latestVersion());
    QVERIFY(!t.db().deviceId().isEmpty());
    // Deleted rows (erased embeddings) are overwritten; the files are the owner's alone.
    QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA secure_delete")).toInt(), 1);
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QCOMPARE(QFileInfo(t.path() + suffix).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestDatabaseClass::everySyncedTableHasBookkeepingColumns()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    const QStringList tables = Schema::syncedTables();
    QVERIFY(tables.contains(QLatin1String("attendance_records")));
    for (const QString &table : tables) {
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
        QHash<QString, QString> types;
        bool idIsKey = false;
        while (q.next()) {
            types.insert(q.value(1).toString(), q.value(2).toString());
            if (q.value(1).toString() == QLatin1String("id"))
                idIsKey = q.value(5).toInt() == 1;
        }
        QVERIFY2(!types.isEmpty(), qPrintable(table));
        QVERIFY2(idIsKey, qPrintable(table));
        QCOMPARE(types.value(QStringLiteral("id")), QStringLiteral("TEXT"));
        QCOMPARE(types.value(QStringLiteral("created_at")), QStringLiteral("INTEGER"));
        QCOMPARE(types.value(QStringLiteral("updated_at")), QStringLiteral("INTEGER"));
        QCOMPARE(types.value(QStringLiteral("deleted")), QStringLiteral("INTEGER"));
        QCOMPARE(types.value(QStringLiteral("origin_device")), QStringLiteral("TEXT"));
        for (auto it = types.cbegin(); it != types.cend(); ++it) {
            const QStringList simple { QStringLiteral("TEXT"), QStringLiteral("INTEGER"), QStringLiteral("REAL"),
                                       QStringLiteral("BLOB") };
            QVERIFY2(simple.contains(it.value()), qPrintable(table + QLatin1Char('.') + it.key()));
        }
    }
}

void TestDatabaseClass::reopenKeepsDeviceIdAndClockMovesOn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    QString device;
    qint64 stamp = 0;
    {
        Database db(path);
        QVERIFY(db.open().ok());
        device = db.deviceId();
        QVERIFY(db.setMetaValue(QStringLiteral("k"), QStringLiteral("v")).ok());
        // A stamp ahead of this clock, within the skew another PC may have (two minutes):
        // the clock must pass it on reopen.
        stamp = HybridLogicalClock::make(QDateTime::currentMSecsSinceEpoch() + 120 * 1000, 7);
        QVERIFY(
            SqlHelper::exec(db.connection(),
                            QStringLiteral("INSERT INTO departments (id, created_at, updated_at, origin_device, name)"
                                           " VALUES ('d', ?, ?, 'x', 'Physics')"),
                            { stamp, stamp })
                .ok());
    }
    Database db(path);
    QVERIFY(db.open().ok());
    QCOMPARE(db.deviceId(), device);
    QCOMPARE(db.metaValue(QStringLiteral("k")).value(), QStringLiteral("v"));
    QVERIFY(db.clock().now() > stamp);
    // A stamp a year ahead (a PC whose clock is wrong) does not drag the clock along.
    const qint64 yearAhead = HybridLogicalClock::make(QDateTime::currentMSecsSinceEpoch() + 365LL * 86400 * 1000, 0);
    QVERIFY(SqlHelper::exec(db.connection(),
                            QStringLiteral("INSERT INTO departments (id, created_at, updated_at, origin_device, name)"
                                           " VALUES ('e', ?, ?, 'x', 'Future')"),
                            { yearAhead, yearAhead })
                .ok());
    QVERIFY(ClassRepository(db).create({ .code = QStringLiteral("NOW1") }).ok()); // a write transaction
    // At most the allowed skew ahead (plus the few values stamped since), not a year.
    QVERIFY(HybridLogicalClock::milliseconds(db.clock().now())
            <= QDateTime::currentMSecsSinceEpoch() + HybridLogicalClock::MaxSkewMs + 1000);
}

void TestDatabaseClass::olderSchemaIsUpgraded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    {
        Database db(path);
        QVERIFY(db.open().ok());
        QVERIFY(SqlHelper::exec(db.connection(), QStringLiteral("INSERT INTO meta (key, value) VALUES ('old', 'kept')"))
                    .ok());
    }
    // A build that knows one more migration opens the version-1 file and upgrades it.
    std::vector<Migration> newer = Schema::migrations();
    newer.push_back({ Schema::latestVersion() + 1,
                      QStringLiteral("test: add a column"),
                      { QStringLiteral("ALTER TABLE classes ADD COLUMN room TEXT NOT NULL DEFAULT ''") } });
    Database::Options options;
    options.migrations = &newer;
    Database db(path, options);
    const Status status = db.open();
    QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().message()));
    QCOMPARE(db.schemaVersion(), Schema::latestVersion() + 1);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM pragma_table_info('classes') WHERE name = 'room'")).toInt(), 1);
    QCOMPARE(db.metaValue(QStringLiteral("old")).value(), QStringLiteral("kept"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM schema_version")).toInt(), Schema::latestVersion() + 1);
}

void TestDatabaseClass::version1DatabaseGetsVersion2()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    QVERIFY(Schema::latestVersion() >= 2);
    const std::vector<Migration> onlyFirst { Schema::migrations().front() };
    Database::Options options;
    options.migrations = &onlyFirst;
    {
        Database db(path, options);
        QVERIFY(db.open().ok());
        QCOMPARE(db.schemaVersion(), 1);
        QVERIFY(ClassRepository(db).create({ .code = QStringLiteral("OLD") }).ok());
    }
    Database db(path);
    QVERIFY(db.open().ok());
    QCOMPARE(db.schemaVersion(), Schema::latestVersion());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'attendance_records_register'"))
                 .toInt(),
             1);
    QVERIFY(ClassRepository(db).findByCode(QStringLiteral("OLD")).ok());
}

// A database written by the previous release (schema 2, before 'review') opens,
// keeps every record and row id, and then accepts review records.
void TestDatabaseClass::version2DatabaseKeepsRecordsAndAcceptsReview()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    const std::vector<Migration> upTo2 { Schema::migrations().at(0), Schema::migrations().at(1) };
    Database::Options options;
    options.migrations = &upTo2;
    QString sessionId;
    QStringList before;
    {
        Database db(path, options);
        QVERIFY(db.open().ok());
        QCOMPARE(db.schemaVersion(), 2);
        const Result<ClassInfo> cls = ClassRepository(db).create({ .code = QStringLiteral("OLD") });
        QVERIFY(cls.ok());
        AttendanceSession session { .classId = cls->id, .date = QDate(2026, 8, 3) };
        for (int i = 0; i < 3; ++i) {
            Student s;
            s.studentId = QStringLiteral("S%1").arg(i);
            s.name = QStringLiteral("Student %1").arg(i);
            const Result<Student> added = StudentRepository(db).add(s, cls->id);
            QVERIFY(added.ok());
            AttendanceRecord r;
            r.studentUuid = added->studentUuid;
            r.status = i == 0 ? AttendanceStatus::Absent : AttendanceStatus::Present;
            r.distance = 0.05 * i;
            r.photoIndex = 0;
            r.faceBox = QRect(10 * i, 20, 30, 40);
            session.records << r;
        }
        const Result<AttendanceSession> saved = SessionRepository(db).create(session);
        QVERIFY(saved.ok());
        sessionId = saved->id;
        // The old CHECK refuses 'review': the new status needs the migration.
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE attendance_records SET status = 'review'")));
        QVERIFY(q.exec(QStringLiteral("SELECT id, updated_at, status, distance, box_x, origin_device FROM"
                                      " attendance_records ORDER BY id")));
        while (q.next())
            before << QStringLiteral("%1 %2 %3 %4 %5 %6")
                          .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toString(), q.value(4).toString(), q.value(5).toString());
    }
    QCOMPARE(before.size(), 3);
    Database db(path);
    QVERIFY(db.open().ok());
    QCOMPARE(db.schemaVersion(), Schema::latestVersion());
    QStringList after;
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id, updated_at, status, distance, box_x, origin_device FROM"
                                  " attendance_records ORDER BY id")));
    while (q.next())
        after << QStringLiteral("%1 %2 %3 %4 %5 %6")
                     .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toString(), q.value(5).toString());
    QCOMPARE(after, before);
    for (const char *index :
         { "attendance_records_register", "attendance_records_student", "attendance_records_updated" })
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(QLatin1String(index)))
                .toInt(),
            1);
    const Result<AttendanceSession> loaded = SessionRepository(db).load(sessionId);
    QVERIFY(loaded.ok());
    QVERIFY(SessionRepository(db)
                .updateRecordStatus(sessionId, loaded->records.at(1).studentUuid, AttendanceStatus::Review)
                .ok());
    QCOMPARE(SessionRepository(db).load(sessionId)->reviewCount, 1);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_key_check")).toString(), QString());
}

void TestDatabaseClass::failedMigrationLeavesOldVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    {
        Database db(path);
        QVERIFY(db.open().ok());
    }
    std::vector<Migration> broken = Schema::migrations();
    broken.push_back(
        { Schema::latestVersion() + 1,
          QStringLiteral("test: half good"),
          { QStringLiteral("ALTER TABLE classes ADD COLUMN room TEXT"), QStringLiteral("THIS IS NOT SQL") } });
    Database::Options options;
    options.migrations = &broken;
    {
        Database db(path, options);
        const Status status = db.open();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), Error::Code::Storage);
    }
    // The first statement of the failed migration was rolled back with it.
    Database db(path);
    QVERIFY(db.open().ok());
    QCOMPARE(db.schemaVersion(), Schema::latestVersion());
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM pragma_table_info('classes') WHERE name = 'room'")).toInt(), 0);
}

void TestDatabaseClass::newerSchemaIsRefusedAndUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    {
        Database db(path);
        QVERIFY(db.open().ok());
    }
    QVERIFY(rawExec(path, { QStringLiteral("INSERT INTO schema_version VALUES (99, '2099-01-01', 'future')") }));
    const QByteArray before = test::fileSha256(path);
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
    Database db(path);
    const Status status = db.open();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code(), Error::Code::Storage);
    QVERIFY2(status.error().message().contains(QLatin1String("newer RollCall")), qPrintable(status.error().message()));
    QVERIFY(status.error().message().contains(QLatin1String("99")));
    QVERIFY(!db.isOpen());
    QCOMPARE(test::fileSha256(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
}

void TestDatabaseClass::randomBytesAreRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    QByteArray junk(64 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(junk);
    }
    Database db(path);
    const Status status = db.open();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code(), Error::Code::Storage);
    QVERIFY2(status.error().message().contains(QLatin1String("not a RollCall database")),
             qPrintable(status.error().message()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), junk);
}

void TestDatabaseClass::damagedPagesAreReportedClearly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    {
        Database db(path);
        QVERIFY(db.open().ok());
    }
    // Keep the 100-byte header, scramble the rest (the schema page included).
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray content = f.readAll();
    QVERIFY(content.size() > 4096);
    QRandomGenerator generator(7);
    for (qsizetype i = 100; i < content.size(); ++i)
        content[i] = char(generator.generate() & 0xff);
    f.seek(0);
    f.write(content);
    f.close();
    const QByteArray before = test::fileSha256(path);
    Database db(path);
    const Status status = db.open();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code(), Error::Code::Storage);
    QVERIFY2(status.error().message().contains(QLatin1String("damaged")), qPrintable(status.error().message()));
    QCOMPARE(test::fileSha256(path), before);
}

void TestDatabaseClass::foreignSqliteFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    QVERIFY(rawExec(path, { QStringLiteral("CREATE TABLE invoices (n INTEGER)") }));
    Database db(path);
    const Status status = db.open();
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message().contains(QLatin1String("not a RollCall database")),
             qPrintable(status.error().message()));
}

void TestDatabaseClass::transactionCommitsOrRollsBack()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    QVERIFY(db.transaction([&] { return db.setMetaValue(QStringLiteral("a"), QStringLiteral("1")); }).ok());
    const Status failed = db.transaction([&]() -> Status {
        if (Status s = db.setMetaValue(QStringLiteral("b"), QStringLiteral("2")); !s)
            return s;
        return Error::badInput(QStringLiteral("stop"));
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().message(), QStringLiteral("stop"));
    QCOMPARE(db.metaValue(QStringLiteral("a")).value(), QStringLiteral("1"));
    QCOMPARE(db.metaValue(QStringLiteral("b"), QStringLiteral("none")).value(), QStringLiteral("none"));
    // A failing statement inside rolls back the earlier ones.
    const Status sqlFailed = db.transaction([&]() -> Status {
        if (Status s = db.setMetaValue(QStringLiteral("c"), QStringLiteral("3")); !s)
            return s;
        auto q = SqlHelper::exec(db.connection(), QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
        return q ? Status() : Status(q.error());
    });
    QVERIFY(!sqlFailed.ok());
    QCOMPARE(db.metaValue(QStringLiteral("c"), QStringLiteral("none")).value(), QStringLiteral("none"));
}

void TestDatabaseClass::nestedTransactionsUseSavepoints()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const Status outer = db.transaction([&]() -> Status {
        if (Status s = db.setMetaValue(QStringLiteral("outer"), QStringLiteral("1")); !s)
            return s;
        const Status inner = db.transaction([&]() -> Status {
            if (Status s = db.setMetaValue(QStringLiteral("inner"), QStringLiteral("1")); !s)
                return s;
            return Error::badInput(QStringLiteral("inner fails"));
        });
        if (inner.ok())
            return Error::generic(QStringLiteral("inner should have failed"));
        return {};
    });
    QVERIFY(outer.ok());
    QCOMPARE(db.metaValue(QStringLiteral("outer")).value(), QStringLiteral("1"));
    QCOMPARE(db.metaValue(QStringLiteral("inner"), QStringLiteral("none")).value(), QStringLiteral("none"));
}

void TestDatabaseClass::eachThreadGetsItsOwnConnection()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const QString mainName = db.connection().connectionName();
    QString threadName;
    bool wrote = false;
    QThread *thread = QThread::create([&] {
        QSqlDatabase c = db.connection();
        threadName = c.connectionName();
        wrote = db.transaction([&] { return db.setMetaValue(QStringLiteral("thread"), QStringLiteral("yes")); }).ok();
        // Same pragmas on every connection.
        QSqlQuery q(c);
        wrote = wrote && q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next() && q.value(0).toInt() == 1;
    });
    thread->start();
    QVERIFY(thread->wait(30000));
    QVERIFY(wrote);
    QVERIFY(!threadName.isEmpty());
    QVERIFY(threadName != mainName);
    QVERIFY(QSqlDatabase::contains(threadName));
    delete thread; // its connection goes with it
    QVERIFY(!QSqlDatabase::contains(threadName));
    QCOMPARE(db.metaValue(QStringLiteral("thread")).value(), QStringLiteral("yes"));
}

void TestDatabaseClass::readOnlyFileIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    {
        Database db(path);
        QVERIFY(db.open().ok());
        QVERIFY(ClassRepository(db).create({ .code = QStringLiteral("KEEP") }).ok());
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = test::fileSha256(path);
    // In a child process that, when run as root, has dropped root's permission override.
    QProcess helper;
    helper.start(QStringLiteral(ROLLCALL_STORAGE_TEST_HELPER), { QStringLiteral("open"), path });
    QVERIFY(helper.waitForFinished(30000));
    const QString output = QString::fromUtf8(helper.readAllStandardOutput());
    QCOMPARE(helper.exitCode(), 5);
    QVERIFY2(output.contains(QLatin1String("read-only")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("written")), qPrintable(output));
    QCOMPARE(test::fileSha256(path), before);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    Database db(path);
    QVERIFY(db.open().ok());
    QVERIFY(ClassRepository(db).findByCode(QStringLiteral("KEEP")).ok());
}

void TestDatabaseClass::writeLockedBeyondBusyTimeout()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    {
        Database db(path);
        QVERIFY(db.open().ok());
        QVERIFY(ClassRepository(db).create({ .code = QStringLiteral("KEEP") }).ok());
    }
    QProcess locker;
    QVERIFY2(startHelper(locker, { QStringLiteral("lock"), path }, "locked"), qPrintable(locker.errorString()));
    Database::Options options;
    options.busyTimeoutMs = 300;
    Database db(path, options);
    // WAL lets readers in while another program writes.
    const Status opened = db.open();
    QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
    QCOMPARE(ClassRepository(db).list()->size(), 1);
    auto blocked = ClassRepository(db).create({ .code = QStringLiteral("NEW") });
    QVERIFY(!blocked.ok());
    QCOMPARE(blocked.error().code(), Error::Code::Storage);
    QVERIFY2(blocked.error().message().contains(QLatin1String("locked by another program")),
             qPrintable(blocked.error().message()));
    stopHelper(locker);
    // The other program's uncommitted change is gone, ours now goes through, nothing lost.
    QVERIFY(ClassRepository(db).create({ .code = QStringLiteral("NEW") }).ok());
    QCOMPARE(ClassRepository(db).list()->size(), 2);
    QCOMPARE(db.metaValue(QStringLiteral("locker"), QStringLiteral("absent")).value(), QStringLiteral("absent"));
}

void TestDatabaseClass::exclusivelyLockedFileIsReportedClearly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    {
        Database db(path);
        QVERIFY(db.open().ok());
    }
    QProcess locker;
    QVERIFY2(startHelper(locker, { QStringLiteral("lock-exclusive"), path }, "locked"),
             qPrintable(locker.errorString()));
    Database::Options options;
    options.busyTimeoutMs = 300;
    {
        Database db(path, options);
        const Status status = db.open();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), Error::Code::Storage);
        QVERIFY2(status.error().message().contains(QLatin1String("locked by another program")),
                 qPrintable(status.error().message()));
    }
    stopHelper(locker);
    Database db(path, options);
    QVERIFY(db.open().ok());
}

void TestDatabaseClass::diskFullDuringWriteLosesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    const int students = 60;
    {
        Database db(path);
        QVERIFY(db.open().ok());
        const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("BIG") }).value();
        QVERIFY(db.transaction([&]() -> Status {
                      for (int i = 0; i < students; ++i) {
                          auto s = StudentRepository(db).add({ .studentId = QStringLiteral("S%1").arg(i),
                                                               .name = QStringLiteral("Student %1").arg(i) },
                                                             c.id);
                          if (!s)
                              return s.error();
                      }
                      return {};
                  }).ok());
    }
    // The child may not write any file past this size (RLIMIT_FSIZE): the WAL fills up.
    const qint64 limit = QFileInfo(path).size() + 256 * 1024;
    QProcess writer;
    writer.start(QStringLiteral(ROLLCALL_STORAGE_TEST_HELPER),
                 { QStringLiteral("save-loop"), path, QString::number(limit), QStringLiteral("0") });
    QVERIFY(writer.waitForFinished(120000));
    const QString output = QString::fromUtf8(writer.readAllStandardOutput());
    QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
    QCOMPARE(writer.exitCode(), 5);
    QVERIFY2(output.contains(QLatin1String("disk full")), qPrintable(output));
    int saved = 0;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("saved ")))
            saved = line.mid(6).toInt();
    }
    QVERIFY2(saved > 0, qPrintable(output));

    // Every session saved before the failure is there, complete; the failed one is absent.
    Database db(path);
    const Status opened = db.open();
    QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attendance_sessions")).toInt(), saved);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attendance_records")).toInt(), saved * students);
    auto c = ClassRepository(db).findByCode(QStringLiteral("BIG"));
    AttendanceSession more;
    more.classId = c->id;
    more.date = QDate(2025, 1, 1);
    QVERIFY(SessionRepository(db).create(more).ok());
}

void TestDatabaseClass::twoProcessesOnOneFileNeverStampBackwards()
{
    // A long-running GUI (t) and a CLI (the rollcall-cli process, then a second connection
    // whose clock has seen a stamp from a PC whose clock runs ahead, bounded to
    // HybridLogicalClock::MaxSkewMs) write alternately.
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    QVERIFY(ClassRepository(t.db()).create({ .code = QStringLiteral("GUI1") }).ok());
    t.db().releaseThreadConnection();
    QCOMPARE(test::addClass(t.dir(), QStringLiteral("CLI1")), 0);
    {
        Database other(t.path());
        QVERIFY(other.open().ok());
        other.clock().observe(HybridLogicalClock::make(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000, 0));
        QVERIFY(ClassRepository(other).create({ .code = QStringLiteral("CLI2") }).ok());
    }
    // The sync's push mark after the other process pushed: its newest stamp.
    const qint64 mark = scalar(t.db(), QStringLiteral("SELECT max(updated_at) FROM classes")).toLongLong();
    QVERIFY(t.db().clock().last() < mark); // the GUI's clock has not seen it
    QVERIFY(ClassRepository(t.db()).create({ .code = QStringLiteral("GUI2") }).ok());
    // The next push sends every row after the mark: the GUI's new row must be one of them.
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT code FROM classes WHERE updated_at > %1").arg(mark)).toString(),
             QStringLiteral("GUI2"));
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM classes WHERE updated_at > %1").arg(mark)).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestDatabaseClass)
#include "tst_database.moc"
