#include "cli/SessionPurgePhotosCommand.h"

#include "cli/CliContext.h"
#include "storage/Database.h"
#include "storage/PhotoRetention.h"

namespace rollcall {

int SessionPurgePhotosCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption days(
        QStringLiteral("days"), QStringLiteral("Set the retention first: keep classroom photos N days (0: for ever)."),
        QStringLiteral("N"));
    parser.addOption(days);
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    PhotoRetention retention(**db, context.photoStore());
    if (parser.isSet(days)) {
        bool ok = false;
        const int n = parser.value(days).toInt(&ok);
        if (!ok || n < 0)
            return context.usage(QStringLiteral("--days must be 0 or a positive number"));
        if (Status s = retention.setDays(n); !s)
            return context.fail(s.error());
    }
    auto outcome = retention.purge();
    if (!outcome)
        return context.fail(outcome.error());
    context.out() << "Retention " << retention.days().value() << " day(s): deleted " << outcome->files
                  << " photo(s) of " << outcome->sessions << " session(s); records kept\n";
    return 0;
}

} // namespace rollcall
