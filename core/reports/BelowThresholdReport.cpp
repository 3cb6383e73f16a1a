#include "reports/BelowThresholdReport.h"

#include "reports/AttendanceStats.h"
#include "reports/ReportFormatting.h"
#include "storage/AttendanceQueries.h"
#include "storage/ClassRepository.h"
#include "storage/StudentRepository.h"

#include <QHash>

#include <algorithm>

namespace rollcall {

Result<ReportDocument> BelowThresholdReport::build(Database &db, const QString &classCode, const QDate &from,
                                                   const QDate &to, double thresholdPercent,
                                                   const std::atomic_bool *cancelled)
{
    if (from.isValid() && to.isValid() && from > to)
        return Error::badInput(QStringLiteral("the start date %1 is after the end date %2")
                                   .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    if (thresholdPercent < 0 || thresholdPercent > 100)
        return Error::badInput(QStringLiteral("the threshold must be between 0 and 100 %"));
    ClassRepository classes(db);
    QList<ClassInfo> selected;
    if (classCode.isEmpty()) {
        auto all = classes.list();
        if (!all)
            return all.error();
        selected = *all;
    } else {
        auto one = classes.findByCode(classCode);
        if (!one)
            return one.error();
        selected << *one;
    }
    const QString threshold = QString::number(thresholdPercent, 'g', 4);
    ReportDocument doc;
    doc.title = classCode.isEmpty() ? QStringLiteral("Students below %1 %").arg(threshold)
                                    : QStringLiteral("%1 students below %2 %").arg(classCode, threshold);
    doc.subject = QStringLiteral("Attendance below threshold");
    doc.comments = ReportFormatting::rulesText();
    AttendanceQueries queries(db);
    for (const ClassInfo &c : std::as_const(selected)) {
        if (cancelled && *cancelled)
            return Error::cancelled();
        auto reg = queries.classRegister(c.id, from, to);
        if (!reg)
            return reg.error();
        auto members = StudentRepository(db).list(c.id);
        if (!members)
            return members.error();
        QHash<QString, QString> emails;
        for (const Student &s : std::as_const(*members))
            emails.insert(s.studentUuid, s.email);
        addClass(&doc, c, *reg, emails, thresholdPercent);
    }
    return doc;
}

void BelowThresholdReport::addClass(ReportDocument *doc, const ClassInfo &classInfo, const ClassRegister &reg,
                                    const QHash<QString, QString> &emails, double thresholdPercent)
{
    using Type = ReportTable::Type;
    struct Entry
    {
        const ClassRegister::Row *student;
        AttendanceStats stats;
    };
    QList<Entry> below;
    for (qsizetype st = 0; st < reg.students.size(); ++st) {
        const ClassRegister::Row &row = reg.students.at(st);
        if (!row.member || !row.active)
            continue;
        AttendanceStats stats;
        for (qsizetype se = 0; se < reg.sessions.size(); ++se) {
            if (const auto status = reg.status(st, se))
                ReportFormatting::count(&stats, *status);
        }
        if (stats.isBelow(thresholdPercent))
            below.append({ &row, stats });
    }
    std::stable_sort(below.begin(), below.end(), [](const Entry &a, const Entry &b) {
        // attended_a / counted_a < attended_b / counted_b, exactly
        return qint64(a.stats.attended()) * b.stats.counted() < qint64(b.stats.attended()) * a.stats.counted();
    });

    ReportTable &t
        = doc->addTable(QStringLiteral("%1 below %2%").arg(classInfo.code, QString::number(thresholdPercent, 'g', 4)));
    t.addColumn(QStringLiteral("Student ID"));
    t.addColumn(QStringLiteral("Name"));
    t.addColumn(QStringLiteral("Email"));
    t.addColumn(QStringLiteral("Sessions counted"), Type::Integer);
    t.addColumn(QStringLiteral("Attended"), Type::Integer);
    const int rate = t.addColumn(QStringLiteral("Attendance %"), Type::Percent);
    t.addColumn(QStringLiteral("Sessions needed"), Type::Integer);
    t.setFrozenColumns(2);
    t.highlightBelow(rate, thresholdPercent / 100.0);
    for (const Entry &e : std::as_const(below)) {
        const auto needed = e.stats.sessionsNeeded(thresholdPercent);
        t.addRow({ e.student->studentId, e.student->name, emails.value(e.student->studentUuid), e.stats.counted(),
                   e.stats.attended(), ReportFormatting::rateCell(e.stats), needed ? QVariant(*needed) : QVariant() });
    }
}

} // namespace rollcall
