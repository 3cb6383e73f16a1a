#include "TestPaths.h"
#include "common/DataFolderLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <csignal>

using namespace rollcall;
using namespace rollcall::test;

namespace {

// rollcall-cli with a short wait for a busy folder.
CliRun cli(const QStringList &args, const QString &dataDir, int waitMs = 300)
{
    qputenv("ROLLCALL_LOCK_WAIT_MS", QByteArray::number(waitMs));
    CliRun run = runCli(args, dataDir, 120000);
    qunsetenv("ROLLCALL_LOCK_WAIT_MS");
    return run;
}

} // namespace

class TestDataFolderLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondHolderInOneProcessIsRefusedAndToldWho();
    void theGuiOwnsTheFolderAgainstEveryCliCommand();
    void aCliCommandWaitsForAShortHolder();
    void fileRestoreWaitsForTheGuiToHandOver();
};

void TestDataFolderLock::secondHolderInOneProcessIsRefusedAndToldWho()
{
    QTemporaryDir dir;
    DataFolderLock first(dir.path());
    QVERIFY(first.acquire(0).ok());
    QVERIFY(first.isLocked());
    DataFolderLock second(dir.path());
    const Status refused = second.acquire(200);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), Error::Code::Storage);
    QVERIFY2(refused.error().message().contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())),
             qPrintable(refused.error().message()));
    const auto holder = second.holder();
    QVERIFY(holder.has_value());
    QCOMPARE(holder->pid, QCoreApplication::applicationPid());
    first.release();
    QVERIFY(second.acquire(0).ok());
    QVERIFY(!second.holder() || second.holder()->pid == QCoreApplication::applicationPid());
}

void TestDataFolderLock::theGuiOwnsTheFolderAgainstEveryCliCommand()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QCOMPARE(addClass(data, QStringLiteral("CS101")), 0);
    const QString archive = dir.filePath(QStringLiteral("backup.zip"));
    QCOMPARE(cli({ QStringLiteral("backup"), archive }, data).exitCode, 0);
    // First run and a backup: the folder and everything in it private; the archive too.
    QVERIFY2(notPrivate(data).isEmpty(), qPrintable(notPrivate(data).join(QLatin1Char(' '))));
    QVERIFY(notPrivate(archive).isEmpty());

    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(ROLLCALL_GUI_PATH), { QStringLiteral("--data-dir"), data });
    QVERIFY(gui.waitForStarted());
    const QString lockFile = data + QStringLiteral("/rollcall.lock");
    QTRY_VERIFY_WITH_TIMEOUT(
        DataFolderLock(data).holder().has_value() && DataFolderLock(data).holder()->pid == gui.processId(), 30000);
    const QString pid = QString::number(gui.processId());
    const QByteArray database = fileSha256(data + QStringLiteral("/rollcall.sqlite"));

    // A reading and a writing command: both wait briefly, then name the GUI and fail with 5.
    for (const QStringList &args :
         { QStringList { QStringLiteral("class"), QStringLiteral("list") },
           QStringList { QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("CS102"),
                         QStringLiteral("--name"), QStringLiteral("Class CS102") } }) {
        const CliRun busy = cli(args, data);
        QCOMPARE(busy.exitCode, 5);
        QVERIFY2(busy.err.contains(QByteArray(QByteArray("in use by rollcall (process ") + pid.toUtf8())),
                 busy.err.constData());
    }
    // A restore does not even wait, and changes nothing.
    const CliRun restore = cli({ QStringLiteral("restore"), archive }, data, 10000);
    QCOMPARE(restore.exitCode, 5);
    QVERIFY2(restore.err.contains("Nothing was restored"), restore.err.constData());
    QCOMPARE(fileSha256(data + QStringLiteral("/rollcall.sqlite")), database);
    const QStringList staged
        = QDir(data).entryList({ QStringLiteral(".rollcall-restore-*") }, QDir::AllEntries | QDir::Hidden);
    QVERIFY(staged.isEmpty());

    // kill -9 leaves the lock file behind; its dead holder no longer counts.
    ::kill(pid_t(gui.processId()), SIGKILL);
    QVERIFY(gui.waitForFinished());
    QVERIFY(QFile::exists(lockFile));
    const CliRun after = cli({ QStringLiteral("class"), QStringLiteral("list") }, data);
    QCOMPARE(after.exitCode, 0);
    QVERIFY(after.out.contains("CS101"));
    QVERIFY(!QFile::exists(lockFile)); // released when the command ended
    QCOMPARE(cli({ QStringLiteral("restore"), archive }, data).exitCode, 0);
    QVERIFY2(notPrivate(data).isEmpty(), qPrintable(notPrivate(data).join(QLatin1Char(' '))));
}

void TestDataFolderLock::aCliCommandWaitsForAShortHolder()
{
    QTemporaryDir dir;
    DataFolderLock held(dir.path());
    QVERIFY(held.acquire(0).ok());
    QProcess process;
    qputenv("ROLLCALL_LOCK_WAIT_MS", "20000");
    process.start(TestPaths::cliPath(),
                  { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("class"), QStringLiteral("add"),
                    QStringLiteral("CS101"), QStringLiteral("--name"), QStringLiteral("Class CS101") });
    qunsetenv("ROLLCALL_LOCK_WAIT_MS");
    QVERIFY(process.waitForStarted());
    QTimer::singleShot(1500, this, [&held] { held.release(); });
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 60000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestDataFolderLock::fileRestoreWaitsForTheGuiToHandOver()
{
    // File ▸ Restore… starts `rollcall --restore ARCHIVE` and closes: the new process must
    // not touch the database while the old one still owns the folder.
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QCOMPARE(addClass(data, QStringLiteral("CS101")), 0);
    const QString archive = dir.filePath(QStringLiteral("backup.zip"));
    QCOMPARE(cli({ QStringLiteral("backup"), archive }, data).exitCode, 0);
    QCOMPARE(addClass(data, QStringLiteral("CS102")), 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QStringLiteral(ROLLCALL_GUI_PATH), { QStringLiteral("--data-dir"), data });
    QTRY_VERIFY_WITH_TIMEOUT(DataFolderLock(data).holder() && DataFolderLock(data).holder()->pid == first.processId(),
                             30000);
    const QByteArray database = fileSha256(data + QStringLiteral("/rollcall.sqlite"));

    QProcess restorer;
    restorer.setProcessEnvironment(env);
    restorer.start(QStringLiteral(ROLLCALL_GUI_PATH),
                   { QStringLiteral("--data-dir"), data, QStringLiteral("--restore"), archive });
    QVERIFY(restorer.waitForStarted());
    QTest::qWait(3000); // it waits for the folder; nothing is replaced meanwhile
    QCOMPARE(restorer.state(), QProcess::Running);
    QCOMPARE(fileSha256(data + QStringLiteral("/rollcall.sqlite")), database);
    QVERIFY(QDir(data).entryList({ QStringLiteral("rollcall.sqlite.before-restore-*") }, QDir::Files).isEmpty());

    first.kill(); // the first RollCall is gone (closed, or killed: its lock is stale)
    QVERIFY(first.waitForFinished());
    // The restorer takes the folder over and restores (then shows its message box).
    QTRY_VERIFY_WITH_TIMEOUT(
        !QDir(data).entryList({ QStringLiteral("rollcall.sqlite.before-restore-*") }, QDir::Files).isEmpty(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(
        DataFolderLock(data).holder() && DataFolderLock(data).holder()->pid == restorer.processId(), 30000);
    restorer.kill();
    QVERIFY(restorer.waitForFinished());
    const CliRun list = cli({ QStringLiteral("class"), QStringLiteral("list") }, data);
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("CS101"));
    QVERIFY(!list.out.contains("CS102")); // the backup's state
}

QTEST_GUILESS_MAIN(TestDataFolderLock)
#include "tst_datafolderlock.moc"
