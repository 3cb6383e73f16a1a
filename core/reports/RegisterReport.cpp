#include "reports/RegisterReport.h"

#include "reports/AttendanceStats.h"
#include "reports/ReportFormatting.h"
#include "storage/AttendanceQueries.h"
#include "storage/ClassRepository.h"

#include <QSet>

namespace rollcall {

QString RegisterReport::sessionTitle(const AttendanceSession &session)
{
    const QString date = session.date.toString(Qt::ISODate);
    return session.period.isEmpty() ? date : date + QLatin1Char(' ') + session.period;
}

Result<ReportDocument> RegisterReport::build(Database &db, const QString &classCode, const QDate &from, const QDate &to,
                                             double thresholdPercent, const std::atomic_bool *cancelled)
{
    if (from.isValid() && to.isValid() && from > to)
        return Error::badInput(QStringLiteral("the start date %1 is after the end date %2")
                                   .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    auto cls = ClassRepository(db).findByCode(classCode);
    if (!cls)
        return cls.error();
    if (cancelled && *cancelled)
        return Error::cancelled();
    auto reg = AttendanceQueries(db).classRegister(cls->id, from, to);
    if (!reg)
        return reg.error();
    if (cancelled && *cancelled)
        return Error::cancelled();
    return fromRegister(*cls, *reg, from, to, thresholdPercent);
}

ReportDocument RegisterReport::fromRegister(const ClassInfo &classInfo, const ClassRegister &reg, const QDate &from,
                                            const QDate &to, double thresholdPercent)
{
    using Type = ReportTable::Type;
    const int sessionCount = int(reg.sessions.size());
    const int studentCount = int(reg.students.size());
    QList<AttendanceStats> perStudent(studentCount);
    QList<AttendanceStats> perSession(sessionCount);
    for (int st = 0; st < studentCount; ++st) {
        for (int se = 0; se < sessionCount; ++se) {
            if (const auto status = reg.status(st, se)) {
                ReportFormatting::count(&perStudent[st], *status);
                ReportFormatting::count(&perSession[se], *status);
            }
        }
    }

    const QString range = QStringLiteral("%1 – %2").arg(
        from.isValid() ? from.toString(Qt::ISODate)
                       : (sessionCount ? reg.sessions.first().date.toString(Qt::ISODate) : QStringLiteral("start")),
        to.isValid() ? to.toString(Qt::ISODate)
                     : (sessionCount ? reg.sessions.last().date.toString(Qt::ISODate) : QStringLiteral("end")));
    ReportDocument doc;
    doc.title = QStringLiteral("%1 register %2").arg(classInfo.code, range);
    doc.subject = QStringLiteral("Attendance register: %1 %2").arg(classInfo.code, classInfo.name).trimmed();
    doc.comments = ReportFormatting::rulesText()
        + QStringLiteral(" Threshold: %1 %.").arg(QString::number(thresholdPercent, 'g', 4));

    ReportTable &t = doc.addTable(QStringLiteral("Register"));
    t.addColumn(QStringLiteral("Student ID"));
    t.addColumn(QStringLiteral("Name"));
    QSet<QString> titles;
    for (const AttendanceSession &s : reg.sessions) {
        QString title = sessionTitle(s);
        for (int n = 2; titles.contains(title); ++n)
            title = sessionTitle(s) + QStringLiteral(" #%1").arg(n);
        titles.insert(title);
        t.addColumn(title);
    }
    const int presentColumn = t.addColumn(QStringLiteral("Present"), Type::Integer);
    t.addColumn(QStringLiteral("Late"), Type::Integer);
    t.addColumn(QStringLiteral("Absent"), Type::Integer);
    t.addColumn(QStringLiteral("Excused"), Type::Integer);
    t.addColumn(QStringLiteral("To review"), Type::Integer);
    const int rateColumn = t.addColumn(QStringLiteral("Attendance %"), Type::Percent);
    t.setFrozenColumns(2);
    if (sessionCount > 0)
        t.highlightText(2, 2 + sessionCount - 1, ReportFormatting::statusLetter(AttendanceStatus::Absent));
    t.highlightBelow(rateColumn, thresholdPercent / 100.0);

    const QString letters[] = {
        ReportFormatting::statusLetter(AttendanceStatus::Present),
        ReportFormatting::statusLetter(AttendanceStatus::Absent),
        ReportFormatting::statusLetter(AttendanceStatus::Late),
        ReportFormatting::statusLetter(AttendanceStatus::Excused),
        ReportFormatting::statusLetter(AttendanceStatus::Review),
    };
    static_assert(int(AttendanceStatus::Present) == 0 && int(AttendanceStatus::Review) == 4);
    AttendanceStats all;
    t.reserveRows(studentCount);
    for (int st = 0; st < studentCount; ++st) {
        const ClassRegister::Row &student = reg.students.at(st);
        ReportTable::Row row;
        row.reserve(t.columnCount());
        row << student.studentId << student.name;
        for (int se = 0; se < sessionCount; ++se) {
            const auto status = reg.status(st, se);
            row << (status ? QVariant(letters[int(*status)]) : QVariant());
        }
        const AttendanceStats &stats = perStudent.at(st);
        row << stats.present << stats.late << stats.absent << stats.excused << stats.review
            << ReportFormatting::rateCell(stats);
        t.addRow(std::move(row));
        all.present += stats.present;
        all.late += stats.late;
        all.absent += stats.absent;
        all.excused += stats.excused;
        all.review += stats.review;
    }

    ReportTable::Row attendedRow { QVariant(), QStringLiteral("Attended (P+L)") };
    ReportTable::Row rateRow { QVariant(), QStringLiteral("Attendance %") };
    for (int se = 0; se < sessionCount; ++se) {
        attendedRow << perSession.at(se).attended();
        rateRow << ReportFormatting::rateCell(perSession.at(se));
    }
    attendedRow << all.present << all.late << all.absent << all.excused << all.review
                << ReportFormatting::rateCell(all);
    Q_ASSERT(attendedRow.size() == t.columnCount() && presentColumn == 2 + sessionCount);
    t.addFooterRow(attendedRow);
    t.addFooterRow(rateRow, Type::Percent);

    ReportTable &sessions = doc.addTable(QStringLiteral("Sessions"));
    sessions.addColumn(QStringLiteral("Date"), Type::Date);
    sessions.addColumn(QStringLiteral("Period"));
    sessions.addColumn(QStringLiteral("Subject"));
    sessions.addColumn(QStringLiteral("Taken by"));
    sessions.addColumn(QStringLiteral("Students"), Type::Integer);
    sessions.addColumn(QStringLiteral("Present"), Type::Integer);
    sessions.addColumn(QStringLiteral("Late"), Type::Integer);
    sessions.addColumn(QStringLiteral("Absent"), Type::Integer);
    sessions.addColumn(QStringLiteral("Excused"), Type::Integer);
    sessions.addColumn(QStringLiteral("To review"), Type::Integer);
    const int sessionRate = sessions.addColumn(QStringLiteral("Attendance %"), Type::Percent);
    sessions.highlightBelow(sessionRate, thresholdPercent / 100.0);
    for (int se = 0; se < sessionCount; ++se) {
        const AttendanceSession &s = reg.sessions.at(se);
        const AttendanceStats &stats = perSession.at(se);
        sessions.addRow({ s.date, s.period, s.subject, s.takenBy, stats.total(), stats.present, stats.late,
                          stats.absent, stats.excused, stats.review, ReportFormatting::rateCell(stats) });
    }
    return doc;
}

} // namespace rollcall
