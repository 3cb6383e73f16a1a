#include "TestHttpServer.h"
#include "TestPaths.h"
#include "common/AppPaths.h"
#include "common/Settings.h"
#include "firstrun/FirstRunDialog.h"
#include "models/ModelDownloader.h"
#include "models/ModelRegistry.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestFirstRunDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsWhatIsMissing();
    void downloadsTheModelsWithProgress();
    void offlineSaysWhatToDoAndLetsTheAppOpen();
    void installsFilesChosenOnDisk();
    void isNotShownWhenEverythingIsInstalled();

private:
    static QString text(const FirstRunDialog &dialog, const char *labelName);
    static QStringList states(const FirstRunDialog &dialog);

    QTemporaryDir m_settingsDir;
};

void TestFirstRunDialog::initTestCase()
{
    // Settings (remembered address, "do not show again") go to a throw-away folder.
    QCoreApplication::setOrganizationName(QStringLiteral("RollCallTest"));
    AppPaths::setDataDirOverride(m_settingsDir.path()); // settings.ini lives in the data folder
    qunsetenv("ROLLCALL_MODEL_BASE_URL");
    qputenv("ROLLCALL_SYSTEM_CONFIG", "");
    QVERIFY2(FirstRunDialog::missingModels(test::TestPaths::modelsDir()).isEmpty(),
             "the real models are not all installed: run scripts/fetch-models.sh");
}

QString TestFirstRunDialog::text(const FirstRunDialog &dialog, const char *labelName)
{
    const auto *label = dialog.findChild<QLabel *>(QLatin1String(labelName));
    return label ? label->text() : QString();
}

QStringList TestFirstRunDialog::states(const FirstRunDialog &dialog)
{
    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("modelsTable"));
    QStringList result;
    for (int row = 0; table && row < table->rowCount(); ++row)
        result << table->item(row, 2)->text();
    return result;
}

void TestFirstRunDialog::listsWhatIsMissing()
{
    QTemporaryDir models;
    FirstRunDialog dialog(models.path());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.missing().size(), 4);
    QCOMPARE(states(dialog), QStringList(4, QStringLiteral("missing")));
    QVERIFY(text(dialog, "introLabel").contains(QLatin1String("4 model file")));
    QVERIFY(text(dialog, "introLabel").contains(QLatin1String("cannot take attendance")));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("downloadButton"))->isEnabled());
}

void TestFirstRunDialog::downloadsTheModelsWithProgress()
{
    test::TestHttpServer server(test::TestPaths::modelsDir());
    QVERIFY(server.start());
    QTemporaryDir models;
    FirstRunDialog dialog(models.path());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))->setText(server.baseUrl());
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("downloadProgress"));
    int maxSeen = 0;
    connect(progress, &QProgressBar::valueChanged, this, [&maxSeen](int value) { maxSeen = qMax(maxSeen, value); });

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("downloadButton")), Qt::LeftButton);
    QVERIFY(dialog.isDownloading());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isDownloading(), 120000);
    QVERIFY2(dialog.missing().isEmpty(), qPrintable(text(dialog, "statusLabel")));
    QCOMPARE(states(dialog), QStringList(4, QStringLiteral("installed")));
    QVERIFY(text(dialog, "statusLabel").contains(QLatin1String("ready")));
    QCOMPARE(maxSeen, 1000); // the bar reached the end of a file
    const ModelRegistry registry(models.path());
    for (const ModelDescriptor &d : registry.descriptors()) {
        if (d.required)
            QCOMPARE(registry.verify(d), ModelRegistry::FileState::Ok);
    }
    // The address the user typed is remembered.
    QCOMPARE(Settings().string(Settings::Key::ModelBaseUrl), server.baseUrl());
    QCOMPARE(ModelDownloader::configuredBaseUrl(), server.baseUrl()); // the downloader reads the same store
    Settings().reset(Settings::Key::ModelBaseUrl);
}

void TestFirstRunDialog::offlineSaysWhatToDoAndLetsTheAppOpen()
{
    QTemporaryDir models;
    FirstRunDialog dialog(models.path());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))->setText(test::unreachableBaseUrl());
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("downloadButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isDownloading(), 60000);

    const QString status = text(dialog, "statusLabel");
    QVERIFY2(status.contains(QLatin1String("did not complete")), qPrintable(status));
    QVERIFY(status.contains(QLatin1String("Connection refused")));
    QVERIFY(status.contains(QLatin1String("Choose files")));
    QVERIFY(status.contains(QLatin1String("RollCall works without the models")));
    QCOMPARE(dialog.missing().size(), 4);
    QVERIFY(QDir(models.path()).entryList(QDir::Files).isEmpty());
    auto *close = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));
    QVERIFY(close->isEnabled());
    QVERIFY(close->text().contains(QLatin1String("without models")));
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QSettings().remove(QStringLiteral("models/base_url"));
}

void TestFirstRunDialog::installsFilesChosenOnDisk()
{
    QTemporaryDir models;
    QTemporaryDir stick;
    const QString bogus = stick.filePath(QStringLiteral("holiday.jpg"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a model");
    file.close();
    QStringList chosen { bogus };
    for (const ModelDescriptor &d : ModelRegistry::builtinDescriptors()) {
        if (d.required)
            chosen << QDir(test::TestPaths::modelsDir()).filePath(d.fileName);
    }

    FirstRunDialog dialog(models.path());
    QSignalSpy changed(&dialog, &FirstRunDialog::modelsChanged);
    dialog.importFiles(chosen);
    QVERIFY(dialog.missing().isEmpty());
    QVERIFY(!changed.isEmpty());
    const QString status = text(dialog, "statusLabel");
    QVERIFY2(status.contains(QLatin1String("holiday.jpg is not one of the model files")), qPrintable(status));
    QVERIFY(status.contains(QLatin1String("ready")));
    QCOMPARE(states(dialog), QStringList(4, QStringLiteral("installed")));
}

void TestFirstRunDialog::isNotShownWhenEverythingIsInstalled()
{
    QVERIFY(!FirstRunDialog::runIfNeeded(test::TestPaths::modelsDir()));
}

QTEST_MAIN(TestFirstRunDialog)
#include "tst_firstrundialog.moc"
