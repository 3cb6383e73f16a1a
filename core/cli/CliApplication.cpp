#include "cli/CliApplication.h"

#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "common/AppPaths.h"
#include "vision/BuildInfo.h"
#include "common/Logging.h"
#include "common/PrivateFiles.h"
#include "common/Settings.h"
#include "vision/ComputeDevice.h"

#include <QCommandLineParser>

#include <cstdio>

namespace rollcall {

int CliApplication::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliContext context(out, err);
    auto commands = createCliCommands();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("RollCall: class attendance from a classroom photo."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show help."));
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           QStringLiteral("Print versions and the compute device."));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"), QStringLiteral("Data folder (env ROLLCALL_DATA_DIR)."), QStringLiteral("DIR"));
    const QCommandLineOption modelsDirOption(QStringLiteral("models-dir"),
                                             QStringLiteral("Models folder (env ROLLCALL_MODELS_DIR)."),
                                             QStringLiteral("DIR"));
    const QCommandLineOption deviceOption(QStringLiteral("device"),
                                          QStringLiteral("Compute device: auto, cpu or cuda (env ROLLCALL_DEVICE)."),
                                          QStringLiteral("DEVICE"), QStringLiteral("auto"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Log debug messages (may include personal data)."));
    parser.addOptions({ helpOption, versionOption, dataDirOption, modelsDirOption, deviceOption, verboseOption });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run."));

    if (!parser.parse(arguments))
        return context.usage(parser.errorText());

    // The same precedence as the GUI: option, environment, then the settings.
    if (parser.isSet(dataDirOption))
        AppPaths::setDataDirOverride(parser.value(dataDirOption));
    else if (qEnvironmentVariableIsEmpty("ROLLCALL_DATA_DIR") && !Settings::configuredDataDir().isEmpty())
        AppPaths::setDataDirOverride(Settings::configuredDataDir());
    const Settings settings;
    if (parser.isSet(modelsDirOption))
        AppPaths::setModelsDirOverride(parser.value(modelsDirOption));
    else if (qEnvironmentVariableIsEmpty("ROLLCALL_MODELS_DIR") && !settings.string(Settings::Key::ModelsDir).isEmpty())
        AppPaths::setModelsDirOverride(settings.string(Settings::Key::ModelsDir));
    ComputeDevice::Preference preference = ComputeDevice::preference();
    if (parser.isSet(deviceOption)) {
        if (!ComputeDevice::parsePreference(parser.value(deviceOption), &preference))
            return context.usage(QStringLiteral("--device must be auto, cpu or cuda"));
    } else if (qEnvironmentVariableIsEmpty("ROLLCALL_DEVICE")) {
        ComputeDevice::parsePreference(settings.string(Settings::Key::Device), &preference);
    }
    ComputeDevice::setPreference(preference);

    if (parser.isSet(versionOption)) {
        out << BuildInfo::summary();
        out.flush();
        return 0;
    }

    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        out << parser.helpText() << "\nCommands:\n";
        for (const auto &command : commands)
            out << "  " << command->name().leftJustified(10) << ' ' << command->summary() << '\n';
        out.flush();
        return positional.isEmpty() && !parser.isSet(helpOption) ? 2 : 0;
    }

    // Private from the start (0700): the log below is its first file.
    PrivateFiles::makeDirectory(AppPaths::dataDir());
    Logging::install(AppPaths::logDir(), parser.isSet(verboseOption));

    // Asked for the GPU and there is none: say so rather than quietly taking minutes on the CPU.
    if (ComputeDevice::preference() == ComputeDevice::Preference::Cuda && !ComputeDevice::current().isCuda())
        return context.fail(Error::modelMissing(
            QStringLiteral("--device cuda: no usable GPU (%1)").arg(ComputeDevice::cudaUnavailableReason())));

    for (const auto &command : commands) {
        if (command->name() == positional.first()) {
            const int status = command->run(context, positional);
            out.flush();
            err.flush();
            return status;
        }
    }
    return context.usage(QStringLiteral("unknown command \"%1\"; see rollcall-cli --help").arg(positional.first()));
}

} // namespace rollcall
