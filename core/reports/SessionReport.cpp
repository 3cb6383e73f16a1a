#include "reports/SessionReport.h"

#include "reports/AttendanceStats.h"
#include "reports/ReportFormatting.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"

namespace rollcall {

Result<ReportDocument> SessionReport::build(Database &db, const QString &sessionId)
{
    auto session = SessionRepository(db).load(sessionId);
    if (!session)
        return session.error();
    auto cls = ClassRepository(db).find(session->classId);
    if (!cls)
        return cls.error();
    return fromSession(*session, *cls);
}

ReportDocument SessionReport::fromSession(const AttendanceSession &session, const ClassInfo &classInfo)
{
    using Type = ReportTable::Type;
    AttendanceStats stats;
    for (const AttendanceRecord &r : session.records)
        ReportFormatting::count(&stats, r.status);

    ReportDocument doc;
    doc.title = QStringLiteral("%1 attendance %2%3")
                    .arg(classInfo.code, session.date.toString(Qt::ISODate),
                         session.period.isEmpty() ? QString() : QLatin1Char(' ') + session.period);
    doc.subject = QStringLiteral("Attendance session");
    doc.comments = ReportFormatting::rulesText();

    ReportTable &info = doc.addTable(QStringLiteral("Session"));
    info.addColumn(QStringLiteral("Class"));
    info.addColumn(QStringLiteral("Class name"));
    info.addColumn(QStringLiteral("Date"), Type::Date);
    info.addColumn(QStringLiteral("Period"));
    info.addColumn(QStringLiteral("Subject"));
    info.addColumn(QStringLiteral("Taken by"));
    info.addColumn(QStringLiteral("Students"), Type::Integer);
    info.addColumn(QStringLiteral("Present"), Type::Integer);
    info.addColumn(QStringLiteral("Late"), Type::Integer);
    info.addColumn(QStringLiteral("Absent"), Type::Integer);
    info.addColumn(QStringLiteral("Excused"), Type::Integer);
    info.addColumn(QStringLiteral("To review"), Type::Integer);
    info.addColumn(QStringLiteral("Attendance %"), Type::Percent);
    info.addRow({ classInfo.code, classInfo.name, session.date, session.period, session.subject, session.takenBy,
                  stats.total(), stats.present, stats.late, stats.absent, stats.excused, stats.review,
                  ReportFormatting::rateCell(stats) });

    ReportTable &students = doc.addTable(QStringLiteral("Students"));
    students.addColumn(QStringLiteral("Student ID"));
    students.addColumn(QStringLiteral("Name"));
    const int statusColumn = students.addColumn(QStringLiteral("Status"));
    students.addColumn(QStringLiteral("Source"));
    students.addColumn(QStringLiteral("Distance"), Type::Number, 3);
    students.setFrozenColumns(2);
    students.highlightText(statusColumn, statusColumn, ReportFormatting::statusWord(AttendanceStatus::Absent));
    students.reserveRows(int(session.records.size()));
    for (const AttendanceRecord &r : session.records) {
        students.addRow({ r.studentId, ReportFormatting::displayName(r.studentId, r.studentName),
                          ReportFormatting::statusWord(r.status), markSourceName(r.source),
                          r.distance ? QVariant(*r.distance) : QVariant() });
    }
    return doc;
}

} // namespace rollcall
