#include "TestDatabase.h"
#include "TestPaths.h"

#include "storage/Backup.h"
#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/SessionRepository.h"
#include "storage/SqlHelper.h"
#include "storage/StudentRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void backupAndRestoreRoundTrip();
    void backupIsASnapshotOfCommittedData();
    void damagedArchiveIsRefusedAndNothingReplaced();
    void foreignFilesAreRefused();
    void newerSchemaInArchiveIsRefused();
    void formatOneArchivesAreStillRestored();
    void bombArchivesAreRefusedWithinTheirRecordedSizes_data();
    void bombArchivesAreRefusedWithinTheirRecordedSizes();
    void theArchiveIsPrivate();

private:
    std::unique_ptr<TestDatabase> m_t;
    QString m_photoHash;
};

void TestBackup::init()
{
    m_t = std::make_unique<TestDatabase>();
    QVERIFY2(m_t->ok(), m_t->errorText());
    Database &db = m_t->db();
    const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("CS101") }).value();
    const Student s = StudentRepository(db)
                          .add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("अनन्या") }, c.id)
                          .value();
    m_photoHash = EnrolmentRepository(db, m_t->photos())
                      .addPhoto(s.studentUuid, QByteArray(5000, 'p'), {}, QStringLiteral("m"), { 1, 2 })
                      ->photoHash;
    AttendanceSession session;
    session.classId = c.id;
    session.date = QDate(2024, 3, 1);
    session.records << AttendanceRecord { .studentUuid = s.studentUuid, .status = AttendanceStatus::Present };
    QVERIFY(SessionRepository(db).create(session).ok());
}

void TestBackup::cleanup()
{
    m_t.reset();
}

void TestBackup::backupAndRestoreRoundTrip()
{
    QTemporaryDir out;
    const QString archive = out.filePath(QStringLiteral("backup.zip"));
    auto made = Backup::create(m_t->db(), m_t->photos(), archive);
    QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message()));
    QCOMPARE(made->photoCount, 1);
    QVERIFY(made->bytes > 0);
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList { QStringLiteral("backup.zip") }); // no temporary files left
    auto valid = Backup::validate(archive);
    QVERIFY2(valid.ok(), valid.ok() ? "" : qPrintable(valid.error().message()));
    QCOMPARE(valid->schemaVersion, m_t->db().schemaVersion());
    QCOMPARE(valid->deviceId, m_t->db().deviceId());

    // Restore into a fresh data folder (another PC).
    QTemporaryDir target;
    const QString dbPath = target.filePath(QStringLiteral("rollcall.sqlite"));
    PhotoStore photos(target.filePath(QStringLiteral("photos")));
    auto restored = Backup::restore(archive, dbPath, photos);
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error().message()));
    QVERIFY(restored->previousDatabase.isEmpty());
    QVERIFY(photos.contains(m_photoHash));
    Database db(dbPath);
    QVERIFY(db.open().ok());
    // Another PC: its own identity, not a clone of the first PC's.
    QCOMPARE(restored->deviceId, m_t->db().deviceId());
    QVERIFY(!db.deviceId().isEmpty());
    QVERIFY(db.deviceId() != m_t->db().deviceId());
    QCOMPARE(db.deviceId(), restored->restoredDeviceId);
    QCOMPARE(StudentRepository(db).findByStudentId(QStringLiteral("S1"))->name, QStringLiteral("अनन्या"));
    QCOMPARE(SessionRepository(db).list()->size(), 1);
    QCOMPARE(EnrolmentRepository(db, photos).embeddings(QStringLiteral("m"))->size(), size_t(1));

    // Restore over a database that changed meanwhile: the backup's state returns, the old file is kept.
    QVERIFY(ClassRepository(m_t->db()).create({ .code = QStringLiteral("LATER") }).ok());
    QVERIFY(m_t->photos().remove(m_photoHash).ok());
    const QString livePath = m_t->path();
    m_t->db().releaseThreadConnection();
    auto again = Backup::restore(archive, livePath, m_t->photos());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message()));
    QVERIFY(QFileInfo::exists(again->previousDatabase));
    QVERIFY(m_t->photos().contains(m_photoHash));
    Database reopened(livePath);
    QVERIFY(reopened.open().ok());
    // The same PC keeps its id.
    QCOMPARE(reopened.deviceId(), restored->deviceId);
    QCOMPARE(ClassRepository(reopened).findByCode(QStringLiteral("LATER")).error().code(), Error::Code::BadInput);
    Database previous(again->previousDatabase);
    QVERIFY(previous.open().ok());
    QVERIFY(ClassRepository(previous).findByCode(QStringLiteral("LATER")).ok());
}

void TestBackup::backupIsASnapshotOfCommittedData()
{
    // Another connection (another program) has an open, uncommitted write.
    QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
    other.setDatabaseName(m_t->path());
    QVERIFY(other.open());
    {
        QSqlQuery q(other);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('uncommitted', '1')")));
        QTemporaryDir out;
        const QString archive = out.filePath(QStringLiteral("b.zip"));
        QVERIFY(Backup::create(m_t->db(), m_t->photos(), archive).ok());
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        QTemporaryDir target;
        PhotoStore photos(target.filePath(QStringLiteral("photos")));
        QVERIFY(Backup::restore(archive, target.filePath(QStringLiteral("db.sqlite")), photos).ok());
        Database db(target.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(db.open().ok());
        QCOMPARE(db.metaValue(QStringLiteral("uncommitted"), QStringLiteral("absent")).value(),
                 QStringLiteral("absent"));
        QCOMPARE(StudentRepository(db).list()->size(), 1);
    }
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
}

void TestBackup::damagedArchiveIsRefusedAndNothingReplaced()
{
    QTemporaryDir out;
    const QString archive = out.filePath(QStringLiteral("backup.zip"));
    QVERIFY(Backup::create(m_t->db(), m_t->photos(), archive).ok());
    QFile f(archive);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    // Flip bytes inside the stored photo (5000 × 'p'): its CRC and hash no longer match.
    const qsizetype at = bytes.indexOf(QByteArray(100, 'p'));
    QVERIFY(at > 0);
    bytes[at + 50] = 'X';
    f.seek(0);
    f.write(bytes);
    f.close();
    const auto check = Backup::validate(archive);
    QVERIFY(!check.ok());
    QCOMPARE(check.error().code(), Error::Code::BadInput);
    QVERIFY2(check.error().message().contains(QLatin1String("damaged")), qPrintable(check.error().message()));

    const QByteArray before = test::fileSha256(m_t->path());
    const QString livePath = m_t->path();
    m_t->db().releaseThreadConnection();
    const QByteArray closed = test::fileSha256(livePath);
    QVERIFY(!closed.isEmpty());
    const auto restore = Backup::restore(archive, livePath, m_t->photos());
    QVERIFY(!restore.ok());
    QCOMPARE(test::fileSha256(livePath), closed);
    Q_UNUSED(before);
    const QStringList leftovers = QDir(m_t->dir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : leftovers)
        QVERIFY2(!name.contains(QLatin1String("restore")), qPrintable(name));

    // A truncated archive is refused too.
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.resize(f.size() / 2);
    f.close();
    QVERIFY(!Backup::validate(archive).ok());
    QVERIFY(!Backup::restore(archive, livePath, m_t->photos()).ok());
    QCOMPARE(test::fileSha256(livePath), closed);
}

void TestBackup::foreignFilesAreRefused()
{
    QTemporaryDir out;
    const QString notZip = out.filePath(QStringLiteral("notes.txt"));
    QFile f(notZip);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("hello");
    f.close();
    auto result = Backup::validate(notZip);
    QVERIFY(!result.ok());
    QVERIFY(result.error().message().contains(QLatin1String("not a RollCall backup")));
    QVERIFY(!Backup::validate(out.filePath(QStringLiteral("missing.zip"))).ok());
}

void TestBackup::newerSchemaInArchiveIsRefused()
{
    QVERIFY(SqlHelper::exec(m_t->db().connection(),
                            QStringLiteral("INSERT INTO schema_version VALUES (99, '2099-01-01', 'future')"))
                .ok());
    QTemporaryDir out;
    const QString archive = out.filePath(QStringLiteral("future.zip"));
    QVERIFY(Backup::create(m_t->db(), m_t->photos(), archive).ok());
    auto result = Backup::validate(archive);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message().contains(QLatin1String("newer RollCall")), qPrintable(result.error().message()));
}

void TestBackup::formatOneArchivesAreStillRestored()
{
    QTemporaryDir out;
    const QString archive = out.filePath(QStringLiteral("v2.zip"));
    const QString old = out.filePath(QStringLiteral("v1.zip"));
    QVERIFY(Backup::create(m_t->db(), m_t->photos(), archive).ok());
    // The manifest as RollCall 0.1 wrote it: no per-entry sizes.
    const int rc = QProcess::execute(
        QStringLiteral("python3"),
        { QStringLiteral("-c"),
          QStringLiteral("import json,sys,zipfile\n"
                         "zi=zipfile.ZipFile(sys.argv[1]); zo=zipfile.ZipFile(sys.argv[2],'w',zipfile.ZIP_DEFLATED)\n"
                         "m=json.loads(zi.read('manifest.json')); del m['entries']; m['format_version']=1\n"
                         "zo.writestr('manifest.json', json.dumps(m))\n"
                         "[zo.writestr(i, zi.read(i.filename)) for i in zi.infolist() if i.filename!='manifest.json']\n"
                         "zo.close()"),
          archive, old });
    QCOMPARE(rc, 0);
    const auto checked = Backup::validate(old);
    QVERIFY2(checked.ok(), checked.ok() ? "" : qPrintable(checked.error().message()));
    QCOMPARE(checked->photoCount, 1);
    const QString livePath = m_t->path();
    m_t->db().releaseThreadConnection();
    const auto restored = Backup::restore(old, livePath, m_t->photos());
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error().message()));
}

void TestBackup::bombArchivesAreRefusedWithinTheirRecordedSizes_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("declared size honest") << QStringLiteral("honest");
    QTest::newRow("declared size lying") << QStringLiteral("lying");
}

void TestBackup::bombArchivesAreRefusedWithinTheirRecordedSizes()
{
    QFETCH(QString, mode);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString archive = dir.filePath(QStringLiteral("backup.zip"));
    const QString bomb = dir.filePath(QStringLiteral("bomb.zip"));
    QCOMPARE(test::addClass(data, QStringLiteral("CS101")), 0);
    QCOMPARE(test::runCli({ QStringLiteral("backup"), archive }, data).exitCode, 0);
    // The database entry inflates to 1 GiB; the archive stays about 1 MiB.
    QProcess make;
    make.start(QStringLiteral("python3"),
               { QStringLiteral(ROLLCALL_SOURCE_DIR "/tests/storage/make_backup_bomb.py"), archive, bomb,
                 QStringLiteral("1024"), mode });
    QVERIFY(make.waitForFinished(120000));
    QCOMPARE(make.exitCode(), 0);
    const qint64 recorded = make.readAllStandardOutput().trimmed().toLongLong();
    QVERIFY(recorded > 0);
    QVERIFY(QFileInfo(bomb).size() < 8 * 1024 * 1024);
    const QByteArray database = test::fileSha256(data + QStringLiteral("/rollcall.sqlite"));

    // Under a file-size limit of a few times the recorded sizes: writing past them would
    // kill the process (SIGXFSZ) instead of the clean refusal expected.
    const qint64 limit = std::max<qint64>(recorded * 4, 16 * 1024 * 1024);
    for (const QStringList &command : { QStringList { QStringLiteral("restore"), QStringLiteral("--check"), bomb },
                                        QStringList { QStringLiteral("restore"), bomb } }) {
        QProcess cli;
        QStringList args {
            QStringLiteral("--fsize=%1").arg(limit), test::TestPaths::cliPath(),  QStringLiteral("--data-dir"), data,
            QStringLiteral("--models-dir"),          test::TestPaths::modelsDir()
        };
        cli.start(QStringLiteral("prlimit"), args + command);
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY2(cli.exitCode() == 3, err.constData());
        QVERIFY2(err.contains("rollcall.sqlite"), err.constData());
    }
    QCOMPARE(test::fileSha256(data + QStringLiteral("/rollcall.sqlite")), database);
    const QStringList leftovers
        = QDir(data).entryList({ QStringLiteral(".rollcall-*") }, QDir::AllEntries | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

void TestBackup::theArchiveIsPrivate()
{
    QTemporaryDir out;
    const QString archive = out.filePath(QStringLiteral("backup.zip"));
    QVERIFY(Backup::create(m_t->db(), m_t->photos(), archive).ok());
    const QFileDevice::Permissions p = QFileInfo(archive).permissions();
    QVERIFY(p.testFlag(QFileDevice::ReadOwner));
    QVERIFY(
        !(p & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)));
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
