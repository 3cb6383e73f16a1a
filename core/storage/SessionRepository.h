#pragma once

#include "common/Result.h"
#include "storage/AttendanceSession.h"

#include <QDate>
#include <QList>

namespace rollcall {

class Database;

// Attendance sessions and their records.
class SessionRepository
{
public:
    explicit SessionRepository(Database &db);

    // Saves the session and all of session.records in ONE transaction: afterwards the
    // session is either fully stored or not at all. At most one record per student.
    Result<AttendanceSession> create(AttendanceSession session);
    // Live sessions (without records, with status counts), optionally of one class and
    // within [from, to] (null dates: open), ordered by date.
    Result<QList<AttendanceSession>> list(const QString &classId = {}, const QDate &from = {}, const QDate &to = {});
    // One session with its records (ordered by student ID).
    Result<AttendanceSession> load(const QString &id);
    // Sets a student's status in a session (inserting the record when the student had none),
    // marks it manual and writes an audit entry old → new in the same transaction.
    Status updateRecordStatus(const QString &sessionId, const QString &studentUuid, AttendanceStatus status,
                              const QString &actor = {}, const QString &reason = {});
    // Tombstones the session and its records.
    Status remove(const QString &id, const QString &actor = {});

private:
    Database &m_db;
};

} // namespace rollcall
