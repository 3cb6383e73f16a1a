#include "cli/BackupCommand.h"

#include "cli/CliContext.h"
#include "storage/Backup.h"
#include "storage/Database.h"

namespace rollcall {

int BackupCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The archive to write (.zip)."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("backup needs exactly one FILE"));
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    const QString file = parser.positionalArguments().first();
    auto summary = Backup::create(**db, context.photoStore(), file);
    if (!summary)
        return context.fail(summary.error());
    if (parser.isSet(json))
        context.printJson({ { QStringLiteral("file"), file },
                            { QStringLiteral("schema_version"), summary->schemaVersion },
                            { QStringLiteral("photos"), summary->photoCount },
                            { QStringLiteral("bytes"), summary->bytes } });
    else
        context.out() << "Backup written to " << file << " (" << summary->photoCount << " photo(s), " << summary->bytes
                      << " bytes)\n";
    return 0;
}

} // namespace rollcall
