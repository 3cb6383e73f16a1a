#include "MainWindow.h"
#include "PostgresServer.h"
#include "TestCentral.h"
#include "UiFixture.h"

#include "common/AppPaths.h"
#include "sync/SyncController.h"
#include "sync/SyncSettings.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QtTest>

using namespace rollcall;
using rollcall::test::PostgresServer;
using rollcall::test::TestCentral;
using rollcall::test::UiFixture;

// Sync from the GUI against a real PostgreSQL: Configure… saves the settings (never
// the password), Sync now runs off the GUI thread and the status bar tells the outcome.
class TestSyncController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offUntilConfigured();
    void configureSavesSettingsButNoPassword();
    void syncNowUpdatesTheStatusBar();
    void serverDownShowsTheError();

private:
    static QAction *action(MainWindow &window, const char *name);
    static QLabel *label(MainWindow &window);
    void saveSettings(const QString &database);

    PostgresServer m_server;
};

void TestSyncController::initTestCase()
{
    QString error;
    QVERIFY2(m_server.init(&error), qPrintable(error));
    // The department's database after `server init`, with this PC added as "gui".
    TestCentral central(m_server);
    QVERIFY2(central.create(QStringLiteral("dept"), &error), qPrintable(error));
    TestCentral::Pc pc;
    QVERIFY2(central.addPc(&pc, &error, { QStringLiteral("*") }, QStringLiteral("gui")), qPrintable(error));
    qputenv("PGPASSWORD", pc.password.toUtf8());
}

void TestSyncController::cleanup()
{
    // Dialogs or message boxes a failing test left behind.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(w))
            w->close();
    }
}

QAction *TestSyncController::action(MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

QLabel *TestSyncController::label(MainWindow &window)
{
    return window.statusBar()->findChild<QLabel *>(QStringLiteral("statusSync"));
}

void TestSyncController::saveSettings(const QString &database)
{
    SyncSettings s;
    s.connection = PgConnectionSettings::parse(m_server.connectionString(database, QStringLiteral("gui"))).value();
    QSettings settings(AppPaths::settingsPath(), QSettings::IniFormat);
    s.save(settings);
}

void TestSyncController::offUntilConfigured()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(&fixture.db());
    QVERIFY(action(window, "actionSyncNow"));
    QVERIFY(action(window, "actionSyncConfigure"));
    QVERIFY(label(window));
    QTRY_COMPARE(label(window)->text(), QStringLiteral("Sync: off"));

    // Sync now without a server opens the settings instead.
    action(window, "actionSyncNow")->trigger();
    QDialog *dialog = window.findChild<QDialog *>(QStringLiteral("SyncSettingsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->reject();
}

void TestSyncController::configureSavesSettingsButNoPassword()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(&fixture.db());
    window.show();
    action(window, "actionSyncConfigure")->trigger();
    auto *dialog = window.findChild<QDialog *>(QStringLiteral("SyncSettingsDialog"));
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("syncHost"))->setText(QStringLiteral("127.0.0.1"));
    dialog->findChild<QSpinBox *>(QStringLiteral("syncPort"))->setValue(m_server.port());
    dialog->findChild<QLineEdit *>(QStringLiteral("syncDatabase"))->setText(QStringLiteral("dept"));
    dialog->findChild<QLineEdit *>(QStringLiteral("syncUser"))->setText(QStringLiteral("gui"));
    dialog->findChild<QLineEdit *>(QStringLiteral("syncPassword"))->setText(QStringLiteral("typed-secret"));
    auto *mode = dialog->findChild<QComboBox *>(QStringLiteral("syncSslMode"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("verify-full")));
    dialog->findChild<QSpinBox *>(QStringLiteral("syncInterval"))->setValue(15);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);

    // verify-full without a CA file is refused in the dialog.
    ok->click();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("syncSettingsError"))->text().contains(QLatin1String("CA")));

    mode->setCurrentIndex(mode->findData(QStringLiteral("disable")));
    ok->click();
    QTRY_VERIFY(!window.findChild<QDialog *>(QStringLiteral("SyncSettingsDialog")));

    const QSettings settings(AppPaths::settingsPath(), QSettings::IniFormat);
    const SyncSettings saved = SyncSettings::load(settings);
    QCOMPARE(saved.connection.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(saved.connection.port, int(m_server.port()));
    QCOMPARE(saved.connection.database, QStringLiteral("dept"));
    QCOMPARE(saved.connection.user, QStringLiteral("gui"));
    QCOMPARE(saved.connection.sslMode, QStringLiteral("disable"));
    QCOMPARE(saved.intervalMinutes, 15);
    QFile ini(AppPaths::settingsPath());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray contents = ini.readAll();
    QVERIFY(contents.contains("dept"));
    QVERIFY2(!contents.contains("typed-secret"), contents.constData());
    QTRY_VERIFY(label(window)->text().startsWith(QLatin1String("Synced: never")));
    // sslmode=disable was chosen: the status bar keeps saying so.
    QVERIFY(label(window)->text().contains(QLatin1String("server not verified")));
}

void TestSyncController::syncNowUpdatesTheStatusBar()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("GUI1"), QStringLiteral("Sync from the GUI"));
    fixture.addStudent(cls.id, QStringLiteral("G-001"), QStringLiteral("Meera"));
    saveSettings(QStringLiteral("dept"));
    MainWindow window(&fixture.db());
    window.show();
    QTRY_VERIFY2(label(window)->text().contains(QLatin1String("to send")), qPrintable(label(window)->text()));

    QSignalSpy finished(window.findChild<SyncController *>(), &SyncController::syncFinished);
    action(window, "actionSyncNow")->trigger();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QTRY_VERIFY2(label(window)->text().startsWith(QLatin1String("Synced: "))
                     && !label(window)->text().contains(QLatin1String("never"))
                     && !label(window)->text().contains(QLatin1String("to send")),
                 qPrintable(label(window)->text()));
    QCOMPARE(m_server.queryValue(QStringLiteral("SELECT count(*) FROM students"), QStringLiteral("dept")).toInt(), 1);
    QVERIFY(label(window)->toolTip().contains(QLatin1String("gui@127.0.0.1")));
}

void TestSyncController::serverDownShowsTheError()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    fixture.addClass(QStringLiteral("GUI2"));
    saveSettings(QStringLiteral("dept"));
    MainWindow window(&fixture.db());
    window.show();
    QString error;
    QVERIFY2(m_server.stop(&error), qPrintable(error));
    QSignalSpy finished(window.findChild<SyncController *>(), &SyncController::syncFinished);
    action(window, "actionSyncNow")->trigger();
    const bool done = finished.wait(60000);
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(done);
    QCOMPARE(finished.first().first().toBool(), false);
    QTRY_VERIFY2(label(window)->text().startsWith(QLatin1String("Sync failed")), qPrintable(label(window)->text()));
    QVERIFY(label(window)->toolTip().contains(QLatin1String("cannot reach")));
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("syncErrorBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QLatin1String("Nothing on this PC was lost")));
    box->close();
}

QTEST_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
