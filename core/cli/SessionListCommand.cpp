#include "cli/SessionListCommand.h"

#include "cli/CliContext.h"
#include "cli/StorageJson.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"

#include <QJsonArray>

namespace rollcall {

int SessionListCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption classOption(QStringLiteral("class"), QStringLiteral("Only sessions of class CODE."),
                                         QStringLiteral("CODE"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("From this date (YYYY-MM-DD)."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Up to this date (YYYY-MM-DD)."),
                                QStringLiteral("DATE"));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({ classOption, from, to, json });
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("session list takes no arguments"));
    QDate fromDate;
    QDate toDate;
    if (parser.isSet(from) && !(fromDate = QDate::fromString(parser.value(from), Qt::ISODate)).isValid())
        return context.usage(QStringLiteral("--from must be a date YYYY-MM-DD"));
    if (parser.isSet(to) && !(toDate = QDate::fromString(parser.value(to), Qt::ISODate)).isValid())
        return context.usage(QStringLiteral("--to must be a date YYYY-MM-DD"));
    auto db = context.database();
    if (!db)
        return context.fail(db.error());
    QString classId;
    if (parser.isSet(classOption)) {
        auto cls = context.classByCode(parser.value(classOption));
        if (!cls)
            return context.fail(cls.error());
        classId = cls->id;
    }
    auto sessions = SessionRepository(**db).list(classId, fromDate, toDate);
    if (!sessions)
        return context.fail(sessions.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const AttendanceSession &s : std::as_const(*sessions))
            array.append(StorageJson::session(s));
        context.printJson({ { QStringLiteral("sessions"), array } });
        return 0;
    }
    for (const AttendanceSession &s : std::as_const(*sessions)) {
        context.out() << s.id << "  " << s.date.toString(Qt::ISODate) << "  " << s.classCode.leftJustified(10) << ' '
                      << s.period.leftJustified(6) << ' ' << s.subject.leftJustified(20) << ' '
                      << QStringLiteral("present %1  absent %2  late %3  excused %4  to review %5")
                             .arg(s.presentCount)
                             .arg(s.absentCount)
                             .arg(s.lateCount)
                             .arg(s.excusedCount)
                             .arg(s.reviewCount)
                      << '\n';
    }
    context.out() << sessions->size() << " session(s)\n";
    return 0;
}

} // namespace rollcall
