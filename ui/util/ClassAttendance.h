#pragma once

#include "common/Result.h"
#include "storage/AttendanceStatus.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace rollcall {

class Database;

// Attendance figures of one class, per student and per session, for the
// dashboard and the students page. Present and late count as attended; excused
// sessions are left out of a student's percentage.
struct ClassAttendance
{
    struct Session
    {
        QString id;
        QDate date;
        QString period;
        int present = 0;
        int absent = 0;
        int late = 0;
        int excused = 0;
        double percent = 0.0; // (present + late) / (records − excused)
    };
    struct HistoryItem
    {
        QString sessionId;
        QDate date;
        QString period;
        AttendanceStatus status = AttendanceStatus::Absent;
    };
    struct Student
    {
        QString uuid;
        QString studentId;
        QString name;
        bool active = true;
        int counted = 0; // sessions with a record, excused left out
        int attended = 0;
        double percent = -1.0; // -1: no session yet
        QList<HistoryItem> history; // oldest first
    };

    QString classId;
    QList<Session> sessions; // oldest first
    QList<Student> students; // ordered by student ID
    QHash<QString, int> studentRow; // uuid → index in students

    // Reads everything it needs; call it off the GUI thread.
    static Result<ClassAttendance> compute(Database &db, const QString &classId);
};

} // namespace rollcall
