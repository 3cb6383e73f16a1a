#pragma once

#include "common/Result.h"
#include "storage/AttendanceRecord.h"
#include "storage/AttendanceSession.h"
#include "storage/ClassInfo.h"
#include "storage/Student.h"

#include <QDate>
#include <QList>
#include <QSet>

namespace rollcall {

class Database;

// Bulk reads for the reports (core/reports): a class register or a student's history
// in a few queries instead of one per session. Read-only.
class ReportQueries
{
public:
    explicit ReportQueries(Database &db);

    struct Register
    {
        ClassInfo classInfo;
        // Live sessions in [from, to] (null dates: open), ordered by date, period, creation;
        // without status counts or records.
        QList<AttendanceSession> sessions;
        // Current members of the class plus anyone with a record in those sessions, ordered
        // by student ID then name. A forgotten student (tombstoned) whose records stay has
        // an empty student ID and name.
        QList<Student> students;
        QSet<QString> memberIds; // uuids of the students who are current members
        // Every live record of those sessions (studentId/studentName filled).
        QList<AttendanceRecord> records;
    };

    struct HistoryEntry
    {
        AttendanceSession session; // classCode filled, no records
        QString className;
        AttendanceRecord record;
    };

    Result<Register> classRegister(const QString &classId, const QDate &from = {}, const QDate &to = {});
    // The student's live records across all classes in [from, to], ordered by date,
    // class code, period.
    Result<QList<HistoryEntry>> studentHistory(const QString &studentUuid, const QDate &from = {},
                                               const QDate &to = {});

private:
    Database &m_db;
};

} // namespace rollcall
