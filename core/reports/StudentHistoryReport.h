#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"
#include "storage/Student.h"
#include "storage/StudentHistoryEntry.h"

#include <QHash>

#include <QDate>

namespace rollcall {

class Database;

// One student's attendance across classes in a date range:
// - "Summary": per class the sessions, counts and attendance % (red below the
//   threshold), with an "All classes" footer row;
// - "History": every session, oldest first: date, class, period, subject, status, source.
class StudentHistoryReport
{
public:
    // studentId: the human student ID.
    static Result<ReportDocument> build(Database &db, const QString &studentId, const QDate &from, const QDate &to,
                                        double thresholdPercent);
    // classNames: by class code.
    static ReportDocument fromHistory(const Student &student, const QList<StudentHistoryEntry> &history,
                                      const QHash<QString, QString> &classNames, const QDate &from, const QDate &to,
                                      double thresholdPercent);
};

} // namespace rollcall
