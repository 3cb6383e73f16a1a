#include "UiFixture.h"
#include "common/Settings.h"
#include "settings/SettingsDialog.h"
#include "vision/ComputeDevice.h"

#include <QComboBox>
#include <QtTest>

using namespace rollcall;
using rollcall::test::UiFixture;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void computeDeviceIsASetting();
};

void TestSettingsDialog::computeDeviceIsASetting()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    ComputeDevice::setPreference(ComputeDevice::Preference::Auto);
    QCOMPARE(Settings().string(Settings::Key::Device), QStringLiteral("auto"));

    auto *dialog = new SettingsDialog(&fixture.db());
    auto *device = dialog->findChild<QComboBox *>(QStringLiteral("deviceCombo"));
    QVERIFY(device);
    QCOMPARE(device->currentData().toString(), QStringLiteral("auto"));
    QCOMPARE(device->count(), 3);
    // The tooltip says what is in use and, on the CPU, why.
    QVERIFY2(device->toolTip().contains(ComputeDevice::current().description()), qPrintable(device->toolTip()));
    device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
    dialog->accept();
    delete dialog;

    QCOMPARE(Settings().string(Settings::Key::Device), QStringLiteral("cpu"));
    QCOMPARE(ComputeDevice::preference(), ComputeDevice::Preference::Cpu); // applies at once
    QVERIFY(!ComputeDevice::current().isCuda());

    dialog = new SettingsDialog(&fixture.db());
    device = dialog->findChild<QComboBox *>(QStringLiteral("deviceCombo"));
    QCOMPARE(device->currentData().toString(), QStringLiteral("cpu"));
    device->setCurrentIndex(device->findData(QStringLiteral("auto")));
    dialog->accept();
    delete dialog;
    QCOMPARE(ComputeDevice::preference(), ComputeDevice::Preference::Auto);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
