#include "common/AppPaths.h"
#include "vision/BuildInfo.h"
#include "help/AboutDialog.h"
#include "help/ModelLicencesDialog.h"
#include "vision/ComputeDevice.h"

#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsVersionsAndFolders();
    void licencesButtonOpensLicences();
};

void TestAboutDialog::showsVersionsAndFolders()
{
    QTemporaryDir data;
    AppPaths::setDataDirOverride(data.path());
    AppPaths::setModelsDirOverride(data.filePath(QStringLiteral("my-models")));
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto *title = dialog.findChild<QLabel *>(QStringLiteral("aboutTitle"));
    QVERIFY(title);
    QVERIFY(title->text().contains(BuildInfo::version()));
    const auto *text = dialog.findChild<QLabel *>(QStringLiteral("aboutText"));
    QVERIFY(text);
    for (const QString &expected : { BuildInfo::qtVersion(), BuildInfo::openCvVersion(), BuildInfo::dlibVersion(),
                                     data.filePath(QStringLiteral("my-models")), ComputeDevice::current().name() })
        QVERIFY2(text->text().contains(expected), qPrintable(expected));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("aboutQtButton")));
}

void TestAboutDialog::licencesButtonOpensLicences()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("licencesButton"));
    QVERIFY(button);
    QVERIFY(!dialog.findChild<ModelLicencesDialog *>());
    button->click();
    auto *licences = dialog.findChild<ModelLicencesDialog *>();
    QVERIFY(licences);
    QTRY_VERIFY(licences->isVisible());
    licences->close();
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
