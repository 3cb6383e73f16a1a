#include "cli/SessionShowCommand.h"

#include "cli/CliContext.h"
#include "cli/StorageJson.h"
#include "storage/Database.h"
#include "storage/PhotoProvenance.h"
#include "storage/SessionRepository.h"

#include <QJsonArray>

namespace rollcall {

int SessionShowCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The session id (from session list)."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("session show needs exactly one session id"));
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    auto session = SessionRepository(**db).load(parser.positionalArguments().first());
    if (!session)
        return context.fail(session.error());
    auto warnings = PhotoProvenance(**db).warningsOf(session->id);
    if (!warnings)
        return context.fail(warnings.error());
    if (parser.isSet(json)) {
        QJsonObject o = StorageJson::session(*session);
        QJsonArray array;
        for (const PhotoWarning &w : std::as_const(*warnings))
            array.append(w.toJson());
        o.insert(QStringLiteral("warnings"), array);
        context.printJson({ { QStringLiteral("session"), o } });
        return 0;
    }
    context.out() << session->classCode << "  " << session->date.toString(Qt::ISODate) << "  " << session->period
                  << "  " << session->subject << "  taken by " << session->takenBy << '\n';
    for (const AttendanceRecord &r : std::as_const(session->records)) {
        context.out() << r.studentId.leftJustified(14) << ' ' << r.studentName.leftJustified(30) << ' '
                      << attendanceStatusName(r.status).leftJustified(8) << ' ' << markSourceName(r.source) << '\n';
    }
    context.out() << QStringLiteral("present %1  absent %2  late %3  excused %4  to review %5\n")
                         .arg(session->presentCount)
                         .arg(session->absentCount)
                         .arg(session->lateCount)
                         .arg(session->excusedCount)
                         .arg(session->reviewCount);
    for (const PhotoWarning &w : std::as_const(*warnings))
        context.out() << "warning: " << w.message << '\n';
    return 0;
}

} // namespace rollcall
