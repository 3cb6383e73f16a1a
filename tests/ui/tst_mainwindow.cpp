#include "MainWindow.h"
#include "common/AppPaths.h"

#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAndClosesOffscreen();
};

void TestMainWindow::opensAndClosesOffscreen()
{
    QTemporaryDir data;
    AppPaths::setDataDirOverride(data.path());
    auto *window = new MainWindow;
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->menuBar()->findChild<QMenu *>(QStringLiteral("menuFile")));
    QVERIFY(window->menuBar()->findChild<QMenu *>(QStringLiteral("menuHelp")));
    const auto labels = window->statusBar()->findChildren<QLabel *>();
    bool sawDevice = false;
    for (const QLabel *label : labels)
        sawDevice = sawDevice || label->text().contains(QLatin1String("cpu"));
    QVERIFY(sawDevice);
    QVERIFY(window->close());
    delete window;
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
