#include "cli/CliCommand.h"

#include "cli/CliContext.h"

namespace rollcall {

QCommandLineOption CliCommand::jsonOption(const QString &description)
{
    return QCommandLineOption(QStringLiteral("json"), description);
}

bool CliCommand::parseArguments(CliContext &context, QCommandLineParser &parser, const QStringList &args,
                                int *exitCode) const
{
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setApplicationDescription(summary());
    QStringList full = args;
    if (!full.isEmpty())
        full[0] = QStringLiteral("rollcall-cli ") + name();
    if (!parser.parse(full)) {
        context.err() << parser.errorText() << Qt::endl;
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(help)) {
        context.out() << parser.helpText();
        *exitCode = 0;
        return false;
    }
    return true;
}

} // namespace rollcall
