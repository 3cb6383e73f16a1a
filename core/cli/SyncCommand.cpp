#include "cli/SyncCommand.h"

#include "cli/CentralOptions.h"
#include "cli/CliContext.h"
#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "sync/PasswordStore.h"
#include "sync/PgConnectionSettings.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSettings.h"

#include <QSettings>

namespace rollcall {

int SyncCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const CentralOptions central;
    central.addTo(parser);
    const QCommandLineOption classroomPhotos(
        QStringLiteral("classroom-photos"),
        QStringLiteral("Also sync classroom photos (enrolment photos always sync)."));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({ classroomPhotos, json });
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("sync takes no positional arguments"));
    // Without --postgres: the central database set in the GUI (Sync > Configure…).
    const SyncSettings saved = SyncSettings::load(QSettings(AppPaths::settingsPath(), QSettings::IniFormat));
    const bool given = central.hasConnection(parser);
    if (!given && !saved.isConfigured())
        return context.usage(QStringLiteral("sync needs --postgres 'host=… dbname=… user=…' (or Sync > Configure… "
                                            "in the GUI)"));
    auto settings = central.connection(context, parser, saved.connection);
    if (!settings)
        return context.fail(settings.error());

    bool found = false;
    auto password = central.password(parser, &found);
    if (!password)
        return context.fail(password.error());
    if (!found) {
        // The GUI's Sync > Configure… stores it there; without one, try no password
        // (trust/peer set-ups) and let the server say if it wants one.
        auto stored = PasswordStore::readBlocking(settings->keychainKey());
        if (stored)
            password = *stored;
        else
            qCInfo(lcSync).noquote() << "no password from the keychain:" << stored.error().message();
    }

    auto db = context.database();
    if (!db)
        return context.fail(db.error());

    SyncEngine::Options options;
    options.server = *settings;
    options.password = *password;
    options.photoStoreDir = context.photoStore().dir();
    options.classroomPhotos = parser.isSet(classroomPhotos) || (!given && saved.classroomPhotos);
    SyncEngine engine(**db, options);
    const Result<SyncReport> report = engine.run();
    if (!report)
        return context.fail(report.error());

    if (parser.isSet(json)) {
        context.printJson(report->toJson());
    } else {
        context.out() << "Synced with " << report->server << '\n'
                      << "pushed: " << report->pushed() << " rows (" << report->rowsAccepted()
                      << " new on the server)\n"
                      << "pulled: " << report->pulled() << " rows (" << report->rowsApplied() << " changed here)\n"
                      << "photos: " << report->blobsSent << " sent, " << report->blobsReceived << " received\n";
        if (report->conflictsResolved > 0)
            context.out() << "duplicates merged: " << report->conflictsResolved << " (see docs/sync.md)\n";
        if (report->rowsRefused > 0)
            context.out() << "refused by the central database: " << report->rowsRefused
                          << " rows (this PC may not write them; the administrator sees why in the change log)\n";
        if (report->blobsMissing > 0)
            context.out() << "photos missing on both sides: " << report->blobsMissing << '\n';
    }
    return 0;
}

} // namespace rollcall
