#pragma once

#include "common/Result.h"
#include "storage/ClassRegister.h"
#include "storage/StudentHistoryEntry.h"

#include <QDate>
#include <QList>

namespace rollcall {

class Database;

// Read-only attendance queries for reports and the UI (the SQL stays in core/storage).
class AttendanceQueries
{
public:
    explicit AttendanceQueries(Database &db);

    // The register of a class within [from, to] (null dates: open): every current member plus
    // anyone with a record in those sessions, every live session, and the status matrix.
    // Three queries, whatever the size.
    Result<ClassRegister> classRegister(const QString &classId, const QDate &from = {}, const QDate &to = {});
    // Every live record of one student within [from, to], across classes, ordered by date.
    Result<QList<StudentHistoryEntry>> studentHistory(const QString &studentUuid, const QDate &from = {},
                                                      const QDate &to = {});

private:
    Database &m_db;
};

} // namespace rollcall
