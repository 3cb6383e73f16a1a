#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"
#include "storage/AttendanceSession.h"
#include "storage/ClassInfo.h"

namespace rollcall {

class Database;

// One attendance session: a "Session" table (class, date, period, subject, who took
// it, counts, attendance %) and a "Students" table (ID, name, status, source,
// distance), absent rows highlighted.
class SessionReport
{
public:
    static Result<ReportDocument> build(Database &db, const QString &sessionId);
    // session with its records (SessionRepository::load).
    static ReportDocument fromSession(const AttendanceSession &session, const ClassInfo &classInfo);
};

} // namespace rollcall
