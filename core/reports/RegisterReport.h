#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"
#include "storage/ClassInfo.h"
#include "storage/ClassRegister.h"

#include <QDate>

#include <atomic>

namespace rollcall {

class Database;

// A class register over a date range:
// - "Register": one row per student (current members and anyone with a record in the
//   range; storage leaves forgotten students out), one column per session with P/A/L/E (empty: no record), then
//   per-student Present, Late, Absent, Excused and Attendance % (red below the threshold); footer rows with each
//   session's attended count and attendance %.
// - "Sessions": one row per session with its totals and attendance %.
class RegisterReport
{
public:
    static Result<ReportDocument> build(Database &db, const QString &classCode, const QDate &from, const QDate &to,
                                        double thresholdPercent, const std::atomic_bool *cancelled = nullptr);
    static ReportDocument fromRegister(const ClassInfo &classInfo, const ClassRegister &reg, const QDate &from,
                                       const QDate &to, double thresholdPercent);
    // Column title of a session: its date, plus the period when there is one.
    static QString sessionTitle(const AttendanceSession &session);
};

} // namespace rollcall
