#pragma once

#include "storage/AttendanceRecord.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace rollcall {

// One attendance taking: a class on a date (and period/subject), with its records.
struct AttendanceSession
{
    QString id {};
    QString classId {};
    QString classCode {}; // filled by reads
    QDate date {};
    QString period {};
    QString subject {};
    QString takenBy {};
    QDateTime takenAt {};
    QStringList sourcePhotos {}; // PhotoStore hashes of the classroom photos
    bool photosPurged = false; // the retention setting removed the photos
    QString note {};
    QList<AttendanceRecord> records {}; // filled by SessionRepository::load and used by create
    int presentCount = 0; // filled by reads
    int absentCount = 0;
    int lateCount = 0;
    int excusedCount = 0;
    int reviewCount = 0; // records waiting for a person to decide (AttendanceStatus::Review)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

} // namespace rollcall
