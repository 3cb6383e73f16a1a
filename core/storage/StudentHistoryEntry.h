#pragma once

#include "storage/AttendanceStatus.h"
#include "storage/MarkSource.h"

#include <QDate>
#include <QString>

namespace rollcall {

// One session in a student's attendance history (AttendanceQueries::studentHistory).
struct StudentHistoryEntry
{
    QString sessionId {};
    QString classCode {};
    QDate date {};
    QString period {};
    QString subject {};
    AttendanceStatus status = AttendanceStatus::Absent;
    MarkSource source = MarkSource::Automatic;
};

} // namespace rollcall
