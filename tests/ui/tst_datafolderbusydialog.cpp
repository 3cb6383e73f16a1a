#include "common/DataFolderLock.h"
#include "startup/DataFolderBusyDialog.h"
#include "startup/InstanceBeacon.h"
#include "storage/DataFolder.h"

#include <QAbstractButton>
#include <QApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestDataFolderBusyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tryAgainOnceTheOtherProgramHasFinished();
    void quitLeavesTheFolderToItsOwner();
    void aRunningRollCallIsBroughtToTheFront();
};

void TestDataFolderBusyDialog::tryAgainOnceTheOtherProgramHasFinished()
{
    QTemporaryDir dir;
    auto other = std::make_unique<DataFolderLock>(dir.path()); // a CLI command, say: no window
    QVERIFY(other->acquire(0).ok());
    DataFolder folder(dir.path());
    int asked = 0;
    const bool claimed = DataFolderBusyDialog::claim(folder, [&](DataFolderBusyDialog &dialog) {
        ++asked;
        // It names the holder, and without a window there is nothing to bring to the front.
        const QString who = QStringLiteral("process %1").arg(QCoreApplication::applicationPid());
        if (!dialog.text().contains(who))
            qWarning() << dialog.text();
        if (!dialog.text().contains(who) || dialog.findChild<QAbstractButton *>(QStringLiteral("bringToFrontButton"))
            || !dialog.findChild<QAbstractButton *>(QStringLiteral("tryAgainButton")))
            return DataFolderBusyDialog::Choice::Quit;
        if (asked == 1)
            return DataFolderBusyDialog::Choice::TryAgain; // still busy: asked again
        other.reset(); // the other program ends
        dialog.findChild<QAbstractButton *>(QStringLiteral("tryAgainButton"))->click();
        return dialog.choice();
    });
    QVERIFY(claimed);
    QCOMPARE(asked, 2);
    QVERIFY(folder.isClaimed());
}

void TestDataFolderBusyDialog::quitLeavesTheFolderToItsOwner()
{
    QTemporaryDir dir;
    DataFolderLock other(dir.path());
    QVERIFY(other.acquire(0).ok());
    DataFolder folder(dir.path());
    const bool claimed = DataFolderBusyDialog::claim(folder, [](DataFolderBusyDialog &dialog) {
        dialog.findChild<QAbstractButton *>(QStringLiteral("quitButton"))->click();
        return dialog.choice();
    });
    QVERIFY(!claimed);
    QVERIFY(!folder.isClaimed());
    QVERIFY(other.isLocked());
}

void TestDataFolderBusyDialog::aRunningRollCallIsBroughtToTheFront()
{
    QTemporaryDir dir;
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(ROLLCALL_GUI_PATH), { QStringLiteral("--data-dir"), dir.path() });
    QVERIFY(gui.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(InstanceBeacon::isListening(dir.path()), 30000);

    DataFolder folder(dir.path());
    bool offered = false;
    const bool claimed = DataFolderBusyDialog::claim(folder, [&offered](DataFolderBusyDialog &dialog) {
        auto *front = dialog.findChild<QAbstractButton *>(QStringLiteral("bringToFrontButton"));
        offered = front && dialog.text().contains(QLatin1String("in use by rollcall"));
        if (front)
            front->click();
        return dialog.choice();
    });
    QVERIFY(offered);
    QVERIFY(!claimed); // this one quits; the first one shows itself
    QVERIFY(InstanceBeacon::requestRaise(dir.path())); // and it answers
    gui.kill();
    gui.waitForFinished();
}

QTEST_MAIN(TestDataFolderBusyDialog)
#include "tst_datafolderbusydialog.moc"
