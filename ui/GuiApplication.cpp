#include "GuiApplication.h"

#include "Icons.h"
#include "MainWindow.h"
#include "common/AppPaths.h"
#include "common/Logging.h"
#include "common/PrivateFiles.h"
#include "common/Settings.h"
#include "firstrun/FirstRunDialog.h"
#include "i18n/Localization.h"
#include "startup/DataFolderBusyDialog.h"
#include "startup/InstanceBeacon.h"
#include "storage/Backup.h"
#include "storage/DataFolder.h"
#include "storage/PhotoStore.h"
#include "vision/BuildInfo.h"
#include "vision/ComputeDevice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace rollcall {

namespace {

constexpr int kRestoreHandOverMs = 60000;

// File ▸ Restore's restart: waits for the RollCall that asked for it to close and hand
// the folder over, then restores before anything opens the database.
void restoreBackup(DataFolder &folder, const QString &archive)
{
    const Result<Backup::Summary> restored = [&]() -> Result<Backup::Summary> {
        if (Status claimed = folder.claim(kRestoreHandOverMs); !claimed)
            return claimed.error();
        PhotoStore photos;
        return Backup::restore(archive, AppPaths::databasePath(), photos);
    }();
    if (restored) {
        QMessageBox::information(nullptr, QCoreApplication::translate("GuiApplication", "Restore"),
                                 QCoreApplication::translate("GuiApplication",
                                                             "The backup was restored. The previous database "
                                                             "was kept as %1.")
                                     .arg(restored->previousDatabase));
    } else {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("GuiApplication", "Restore"),
            QCoreApplication::translate("GuiApplication", "The backup was not restored; nothing was changed.\n%1")
                .arg(restored.error().message()));
    }
}

} // namespace

bool GuiApplication::wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all" || arg == "--version")
            return true;
    }
    return false;
}

int GuiApplication::run(int &argc, char **argv)
{
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    // --help and --version print text and exit: they must work over SSH, without a display,
    // so they get a core application (QApplication aborts when it cannot reach a display).
    const bool textOnly = wantsTextOnly(argc, argv);
    std::unique_ptr<QCoreApplication> app
        = textOnly ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rollcall"));
    QCoreApplication::setApplicationVersion(BuildInfo::version());
    QCoreApplication::setOrganizationName(QStringLiteral("RollCall"));
    if (!textOnly) {
        QApplication::setApplicationDisplayName(QStringLiteral("RollCall"));
        // Matches the installed .desktop file so Wayland shells show the right icon.
        QApplication::setDesktopFileName(QStringLiteral(ROLLCALL_APP_ID));
        QApplication::setWindowIcon(Icons::application());
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("RollCall: class attendance from a classroom photo."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           QStringLiteral("Print versions and the compute device."));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"), QStringLiteral("Data folder."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption modelsDirOption(QStringLiteral("models-dir"), QStringLiteral("Models folder."),
                                             QStringLiteral("DIR"));
    const QCommandLineOption deviceOption(
        QStringLiteral("device"),
        QStringLiteral("Compute device: auto, cpu or cuda (default: ROLLCALL_DEVICE, else the setting)."),
        QStringLiteral("DEVICE"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Log debug messages (may include personal data)."));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("Interface language: en or hi (default: the setting, else the system language)."),
        QStringLiteral("LANG"));
    // Used by File ▸ Restore, which restarts RollCall so the database is not open while replaced.
    QCommandLineOption restoreOption(QStringLiteral("restore"), QStringLiteral("Restore a backup, then start."),
                                     QStringLiteral("ARCHIVE"));
    restoreOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        { versionOption, dataDirOption, modelsDirOption, deviceOption, verboseOption, languageOption, restoreOption });
    parser.process(*app);

    // Precedence: option, environment, then the folder chosen in Settings.
    if (parser.isSet(dataDirOption))
        AppPaths::setDataDirOverride(parser.value(dataDirOption));
    else if (qEnvironmentVariableIsEmpty("ROLLCALL_DATA_DIR") && !Settings::configuredDataDir().isEmpty())
        AppPaths::setDataDirOverride(Settings::configuredDataDir());
    const Settings settings;
    if (parser.isSet(modelsDirOption))
        AppPaths::setModelsDirOverride(parser.value(modelsDirOption));
    else if (qEnvironmentVariableIsEmpty("ROLLCALL_MODELS_DIR") && !settings.string(Settings::Key::ModelsDir).isEmpty())
        AppPaths::setModelsDirOverride(settings.string(Settings::Key::ModelsDir));
    // Device: the option, then ROLLCALL_DEVICE (already applied), then the setting.
    ComputeDevice::Preference preference = ComputeDevice::preference();
    if (parser.isSet(deviceOption)) {
        if (!ComputeDevice::parsePreference(parser.value(deviceOption), &preference)) {
            std::fprintf(stderr, "rollcall: --device must be auto, cpu or cuda\n");
            return 2;
        }
    } else if (qEnvironmentVariableIsEmpty("ROLLCALL_DEVICE")) {
        ComputeDevice::parsePreference(settings.string(Settings::Key::Device), &preference);
    }
    ComputeDevice::setPreference(preference);

    if (parser.isSet(versionOption)) {
        std::fputs(BuildInfo::summary().toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (textOnly) { // "--version" was the value of another option: nothing to print, no GUI to start
        std::fprintf(stderr, "rollcall: unexpected arguments; see rollcall --help\n");
        return 2;
    }

    // Private from the start (0700): the log below is its first file.
    PrivateFiles::makeDirectory(AppPaths::dataDir());
    Logging::install(AppPaths::logDir(), parser.isSet(verboseOption));
    // The language: --language, else the one chosen in Settings, else the system's.
    Localization::install(Localization::chooseLanguage(
        parser.isSet(languageOption) ? parser.value(languageOption) : settings.string(Settings::Key::Language)));

    // Missing models: offer to fetch them first; the main window opens either way.
    FirstRunDialog::runIfNeeded(AppPaths::modelsDir());

    // One process owns the data folder.
    DataFolder folder(AppPaths::dataDir());
    if (parser.isSet(restoreOption))
        restoreBackup(folder, parser.value(restoreOption));
    if (!folder.isClaimed() && !DataFolderBusyDialog::claim(folder))
        return 0;

    MainWindow window;
    InstanceBeacon beacon(folder.dir());
    beacon.listen();
    QObject::connect(&beacon, &InstanceBeacon::raiseRequested, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    window.show();
    // Start-up measurement (docs/vision.md "Speed"): report and quit once the
    // window is up and the event loop has run.
    if (qEnvironmentVariableIsSet("ROLLCALL_QUIT_WHEN_READY")) {
        QTimer::singleShot(0, app.get(), [&sinceLaunch] {
            std::fprintf(stdout, "ready after %lld ms\n", static_cast<long long>(sinceLaunch.elapsed()));
            QCoreApplication::quit();
        });
    }
    return QCoreApplication::exec();
}

} // namespace rollcall
