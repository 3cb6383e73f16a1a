#include "TestPaths.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// rollcall --help and --version over SSH: no display, no platform plugin chosen.
class TestGuiApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
    void startsAndReportsWhenReady();
};

void TestGuiApplication::helpAndVersionNeedNoDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << QStringLiteral("--help") << QStringLiteral("--data-dir");
    QTest::newRow("-h") << QStringLiteral("-h") << QStringLiteral("--models-dir");
    QTest::newRow("--version") << QStringLiteral("--version") << QStringLiteral("RollCall");
}

void TestGuiApplication::helpAndVersionNeedNoDisplay()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY" })
        env.remove(QString::fromLatin1(name));
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(ROLLCALL_GUI_PATH), { option });
    QVERIFY(gui.waitForFinished(60000));
    const QByteArray err = gui.readAllStandardError();
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QVERIFY2(gui.exitCode() == 0, err.constData());
    QVERIFY2(QString::fromUtf8(gui.readAllStandardOutput()).contains(expected), err.constData());
}

void TestGuiApplication::startsAndReportsWhenReady()
{
    // The start-up measurement: a fresh data folder, the window up, then quit.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("ROLLCALL_DATA_DIR"), home.filePath(QStringLiteral("rollcall")));
    env.insert(QStringLiteral("ROLLCALL_MODELS_DIR"), rollcall::test::TestPaths::modelsDir());
    env.insert(QStringLiteral("ROLLCALL_QUIT_WHEN_READY"), QStringLiteral("1"));
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(ROLLCALL_GUI_PATH), {});
    QVERIFY(gui.waitForFinished(60000));
    const QByteArray err = gui.readAllStandardError();
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QVERIFY2(gui.exitCode() == 0, err.constData());
    const QString out = QString::fromUtf8(gui.readAllStandardOutput());
    QVERIFY2(QRegularExpression(QStringLiteral("^ready after \\d+ ms$"), QRegularExpression::MultilineOption)
                 .match(out)
                 .hasMatch(),
             qPrintable(out + QString::fromUtf8(err)));
    QVERIFY(QFile::exists(home.filePath(QStringLiteral("rollcall"))));
}

QTEST_GUILESS_MAIN(TestGuiApplication)
#include "tst_guiapplication.moc"
