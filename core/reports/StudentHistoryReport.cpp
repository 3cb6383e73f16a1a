#include "reports/StudentHistoryReport.h"

#include "reports/AttendanceStats.h"
#include "reports/ReportFormatting.h"
#include "storage/AttendanceQueries.h"
#include "storage/ClassRepository.h"
#include "storage/StudentRepository.h"

#include <QMap>

namespace rollcall {

Result<ReportDocument> StudentHistoryReport::build(Database &db, const QString &studentId, const QDate &from,
                                                   const QDate &to, double thresholdPercent)
{
    if (from.isValid() && to.isValid() && from > to)
        return Error::badInput(QStringLiteral("the start date %1 is after the end date %2")
                                   .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    auto student = StudentRepository(db).findByStudentId(studentId);
    if (!student)
        return student.error();
    auto history = AttendanceQueries(db).studentHistory(student->studentUuid, from, to);
    if (!history)
        return history.error();
    auto classes = ClassRepository(db).list();
    if (!classes)
        return classes.error();
    QHash<QString, QString> classNames;
    for (const ClassInfo &c : std::as_const(*classes))
        classNames.insert(c.code, c.name);
    return fromHistory(*student, *history, classNames, from, to, thresholdPercent);
}

ReportDocument StudentHistoryReport::fromHistory(const Student &student, const QList<StudentHistoryEntry> &history,
                                                 const QHash<QString, QString> &classNames, const QDate &from,
                                                 const QDate &to, double thresholdPercent)
{
    using Type = ReportTable::Type;
    ReportDocument doc;
    doc.title = QStringLiteral("%1 %2 attendance history").arg(student.studentId, student.name);
    doc.subject = QStringLiteral("Attendance history %1 – %2")
                      .arg(from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral("start"),
                           to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("today"));
    doc.comments = ReportFormatting::rulesText();

    struct ClassTotals
    {
        QString name;
        AttendanceStats stats;
    };
    QMap<QString, ClassTotals> perClass; // ordered by class code
    AttendanceStats all;
    for (const auto &e : history) {
        ClassTotals &c = perClass[e.classCode];
        c.name = classNames.value(e.classCode);
        ReportFormatting::count(&c.stats, e.status);
        ReportFormatting::count(&all, e.status);
    }

    ReportTable &summary = doc.addTable(QStringLiteral("Summary"));
    summary.addColumn(QStringLiteral("Student ID"));
    summary.addColumn(QStringLiteral("Name"));
    summary.addColumn(QStringLiteral("Class"));
    summary.addColumn(QStringLiteral("Class name"));
    summary.addColumn(QStringLiteral("Sessions"), Type::Integer);
    summary.addColumn(QStringLiteral("Present"), Type::Integer);
    summary.addColumn(QStringLiteral("Late"), Type::Integer);
    summary.addColumn(QStringLiteral("Absent"), Type::Integer);
    summary.addColumn(QStringLiteral("Excused"), Type::Integer);
    summary.addColumn(QStringLiteral("To review"), Type::Integer);
    const int rate = summary.addColumn(QStringLiteral("Attendance %"), Type::Percent);
    summary.highlightBelow(rate, thresholdPercent / 100.0);
    for (auto it = perClass.cbegin(); it != perClass.cend(); ++it) {
        const AttendanceStats &s = it->stats;
        summary.addRow({ student.studentId, student.name, it.key(), it->name, s.total(), s.present, s.late, s.absent,
                         s.excused, s.review, ReportFormatting::rateCell(s) });
    }
    summary.addFooterRow({ student.studentId, student.name, QStringLiteral("All classes"), QVariant(), all.total(),
                           all.present, all.late, all.absent, all.excused, all.review,
                           ReportFormatting::rateCell(all) });

    ReportTable &t = doc.addTable(QStringLiteral("History"));
    t.addColumn(QStringLiteral("Date"), Type::Date);
    t.addColumn(QStringLiteral("Class"));
    t.addColumn(QStringLiteral("Period"));
    t.addColumn(QStringLiteral("Subject"));
    const int statusColumn = t.addColumn(QStringLiteral("Status"));
    t.addColumn(QStringLiteral("Source"));
    t.highlightText(statusColumn, statusColumn, ReportFormatting::statusWord(AttendanceStatus::Absent));
    t.reserveRows(int(history.size()));
    for (const auto &e : history) {
        t.addRow({ e.date, e.classCode, e.period, e.subject, ReportFormatting::statusWord(e.status),
                   markSourceName(e.source) });
    }
    return doc;
}

} // namespace rollcall
