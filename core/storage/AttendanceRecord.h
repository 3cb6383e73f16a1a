#pragma once

#include "storage/AttendanceStatus.h"
#include "storage/MarkSource.h"

#include <QRect>
#include <QString>

#include <optional>

namespace rollcall {

// One student's status in one session (one per session and student).
struct AttendanceRecord
{
    QString id {};
    QString sessionId {};
    QString studentUuid {};
    AttendanceStatus status = AttendanceStatus::Absent;
    MarkSource source = MarkSource::Automatic;
    std::optional<double> distance {}; // matcher distance, if recognised
    int photoIndex = -1; // which of the session's source photos the face is in; -1 none
    QRect faceBox {}; // null when none
    QString studentId {}; // filled by reads, for display
    QString studentName {};
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

} // namespace rollcall
