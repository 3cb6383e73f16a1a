#pragma once

#include "storage/AttendanceSession.h"
#include "storage/AttendanceStatus.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace rollcall {

// A class's attendance register: students × sessions → status (AttendanceQueries::classRegister).
struct ClassRegister
{
    struct Row
    {
        QString studentUuid {};
        QString studentId {};
        QString name {};
        bool active = true;
        bool member = true; // still in the class (false: has records but moved out)
    };

    QList<Row> students {}; // ordered by student ID
    QList<AttendanceSession> sessions {}; // ordered by date, period; without records or counts
    // statuses[studentIndex * sessions.size() + sessionIndex]; nullopt: no record.
    std::vector<std::optional<AttendanceStatus>> statuses {};

    std::optional<AttendanceStatus> status(qsizetype student, qsizetype session) const
    {
        return statuses[static_cast<size_t>(student * sessions.size() + session)];
    }
    // How many of the student's sessions have this status.
    int count(qsizetype student, AttendanceStatus status) const;
};

} // namespace rollcall
