#pragma once

#include "storage/AttendanceStatus.h"

#include <QString>

#include <limits>

namespace rollcall {

// One student of the class being marked, with the automatic result and the
// teacher's current choice.
struct RosterEntry
{
    QString studentUuid; // Student::id
    QString studentId; // roll number shown to the teacher
    QString name;

    AttendanceStatus autoStatus = AttendanceStatus::Absent;
    AttendanceStatus status = AttendanceStatus::Absent;
    int autoFace = -1; // the face recognition assigned, -1 if none
    int face = -1; // index of the assigned face, -1 if none
    double distance = std::numeric_limits<double>::quiet_NaN(); // of the assigned face's match
    bool needsReview = false; // matched in the uncertain band and not yet confirmed
};

} // namespace rollcall
