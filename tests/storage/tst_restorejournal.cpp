#include "TestPaths.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/RestoreJournal.h"
#include "storage/RestoreTestHook.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using namespace rollcall::test;

namespace {

QStringList classCodes(const QString &data)
{
    const CliRun run = runCli({ QStringLiteral("class"), QStringLiteral("list"), QStringLiteral("--json") }, data);
    if (run.exitCode != 0) {
        qWarning() << run.err;
        return { QStringLiteral("<failed>") };
    }
    QStringList codes;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out);
    const QJsonArray array = doc.isArray() ? doc.array() : doc.object().value(QLatin1String("classes")).toArray();
    for (const QJsonValue &v : array)
        codes << v.toObject().value(QLatin1String("code")).toString();
    codes.sort();
    return codes;
}

QString integrity(const QString &path)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                result = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    return result;
}

} // namespace

class TestRestoreJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoreKilledAtEachStepLeavesACompleteDatabase_data();
    void restoreKilledAtEachStepLeavesACompleteDatabase();
    void aMissingDatabaseWithAJournalIsNeverReplacedByAnEmptyOne();
    void aJournalNamingOtherFilesIsRefused();
};

void TestRestoreJournal::restoreKilledAtEachStepLeavesACompleteDatabase_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("restored"); // the new database once RollCall starts again
    QTest::newRow("extracting photos") << int(RestoreTestHook::Extracting) << false;
    QTest::newRow("photos stored") << int(RestoreTestHook::PhotosStored) << false;
    QTest::newRow("journal written") << int(RestoreTestHook::JournalWritten) << true;
    QTest::newRow("database moved aside") << int(RestoreTestHook::DatabaseAside) << true;
    QTest::newRow("-wal moved aside") << int(RestoreTestHook::WalAside) << true;
    QTest::newRow("-shm moved aside") << int(RestoreTestHook::ShmAside) << true;
    QTest::newRow("restored database in place") << int(RestoreTestHook::DatabaseIn) << true;
    QTest::newRow("journal removed") << int(RestoreTestHook::JournalRemoved) << true;
}

void TestRestoreJournal::restoreKilledAtEachStepLeavesACompleteDatabase()
{
    QFETCH(int, step);
    QFETCH(bool, restored);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString archive = dir.filePath(QStringLiteral("backup.zip"));
    // Old: CS101 and a photo in the backup; then CS102 is added after it.
    QCOMPARE(addClass(data, QStringLiteral("CS101")), 0);
    QVERIFY(PhotoStore(data + QStringLiteral("/photos")).put(QByteArray(5000, 'p')).ok());
    QCOMPARE(runCli({ QStringLiteral("backup"), archive }, data).exitCode, 0);
    QCOMPARE(addClass(data, QStringLiteral("CS102")), 0);
    const QStringList before { QStringLiteral("CS101"), QStringLiteral("CS102") };
    const QStringList after { QStringLiteral("CS101") };
    QCOMPARE(classCodes(data), before);

    QProcess restore;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ROLLCALL_TEST_RESTORE_KILL_AT"), QString::number(step));
    restore.setProcessEnvironment(env);
    restore.start(TestPaths::cliPath(),
                  { QStringLiteral("--data-dir"), data, QStringLiteral("--models-dir"), TestPaths::modelsDir(),
                    QStringLiteral("restore"), archive });
    QVERIFY(restore.waitForFinished(120000));
    QCOMPARE(restore.exitStatus(), QProcess::CrashExit); // killed at the step
    const QString database = data + QStringLiteral("/rollcall.sqlite");

    // The next start completes (or had nothing to undo) before opening anything.
    QCOMPARE(classCodes(data), restored ? after : before);
    QCOMPARE(integrity(database), QStringLiteral("ok"));
    QVERIFY(!RestoreJournal::exists(database));
    const QStringList leftovers
        = QDir(data).entryList({ QStringLiteral(".rollcall-restore-*") }, QDir::AllEntries | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
    QCOMPARE(fileMode(database), 0600);
    QCOMPARE(fileMode(data), 0700);
    // The database it replaced is kept, complete.
    if (restored) {
        const QStringList aside
            = QDir(data).entryList({ QStringLiteral("rollcall.sqlite.before-restore-*") }, QDir::Files);
        QVERIFY(!aside.isEmpty());
        for (const QString &name : aside)
            QCOMPARE(fileMode(data + QLatin1Char('/') + name), 0600);
    }
}

void TestRestoreJournal::aMissingDatabaseWithAJournalIsNeverReplacedByAnEmptyOne()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("rollcall.sqlite"));
    RestoreJournal::Entry entry;
    entry.database = database;
    entry.staging = dir.filePath(QStringLiteral(".rollcall-restore-x"));
    entry.staged = entry.staging + QStringLiteral("/rollcall.sqlite");
    entry.aside = database + QStringLiteral(".before-restore-1");
    QVERIFY(RestoreJournal::write(entry).ok());
    // Neither copy exists: opening refuses instead of creating an empty database...
    Database db(database);
    const Status opened = db.open();
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message().contains(QLatin1String("interrupted")), qPrintable(opened.error().message()));
    QVERIFY(!QFile::exists(database));
    // ...and recovery says so, keeping the journal.
    const auto recovered = RestoreJournal::recover(database);
    QVERIFY(!recovered.ok());
    QVERIFY(RestoreJournal::exists(database));
    QVERIFY(!QFile::exists(database));
}

void TestRestoreJournal::aJournalNamingOtherFilesIsRefused()
{
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    const QString database = dir.filePath(QStringLiteral("rollcall.sqlite"));
    QFile victim(elsewhere.filePath(QStringLiteral("victim")));
    QVERIFY(victim.open(QIODevice::WriteOnly));
    victim.write("keep me");
    victim.close();
    RestoreJournal::Entry entry;
    entry.database = database;
    entry.staging = elsewhere.path();
    entry.staged = victim.fileName();
    entry.aside = elsewhere.filePath(QStringLiteral("aside"));
    QVERIFY(RestoreJournal::write(entry).ok());
    QVERIFY(!RestoreJournal::recover(database).ok());
    QVERIFY(victim.exists());
    QVERIFY(!QFile::exists(database));
}

QTEST_GUILESS_MAIN(TestRestoreJournal)
#include "tst_restorejournal.moc"
