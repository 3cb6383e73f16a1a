#include <QProcess>
#include <QtTest>

// rollcall --help and --version over SSH: no display, no platform plugin chosen.
class TestGuiApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
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

QTEST_GUILESS_MAIN(TestGuiApplication)
#include "tst_guiapplication.moc"
