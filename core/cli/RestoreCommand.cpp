#include "cli/RestoreCommand.h"

#include "cli/CliContext.h"
#include "common/AppPaths.h"
#include "storage/Backup.h"
#include "storage/PhotoStore.h"

namespace rollcall {

int RestoreCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption check(QStringLiteral("check"), QStringLiteral("Only validate the archive."));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({ check, json });
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The backup archive."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("restore needs exactly one FILE"));
    const QString file = parser.positionalArguments().first();
    if (!parser.isSet(check)) {
        // The database is about to be replaced: nobody else may have it open, and nobody
        // waits for another process to let go of it.
        context.closeDatabase();
        if (Status s = context.claimDataFolder(0); !s)
            return context.fail(
                Error(s.error().code(), s.error().message() + QStringLiteral(" Nothing was restored.")));
    }
    auto summary = parser.isSet(check) ? Backup::validate(file)
                                       : Backup::restore(file, AppPaths::databasePath(), context.photoStore());
    if (!summary)
        return context.fail(summary.error());
    if (parser.isSet(json)) {
        context.printJson({ { QStringLiteral("file"), file },
                            { QStringLiteral("restored"), !parser.isSet(check) },
                            { QStringLiteral("schema_version"), summary->schemaVersion },
                            { QStringLiteral("created_at"), summary->createdAt },
                            { QStringLiteral("photos"), summary->photoCount },
                            { QStringLiteral("previous_database"), summary->previousDatabase } });
    } else if (parser.isSet(check)) {
        context.out() << "Backup " << file << " is valid (made " << summary->createdAt << ", " << summary->photoCount
                      << " photo(s))\n";
    } else {
        context.out() << "Restored " << file << " (made " << summary->createdAt << ", " << summary->photoCount
                      << " photo(s))\n";
        if (!summary->previousDatabase.isEmpty())
            context.out() << "The previous database was kept as " << summary->previousDatabase << '\n';
    }
    return 0;
}

} // namespace rollcall
