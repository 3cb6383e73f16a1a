#include "cli/StorageJson.h"

#include "storage/AttendanceSession.h"
#include "storage/ClassInfo.h"
#include "storage/Student.h"

#include <QJsonArray>

namespace rollcall {

QJsonObject StorageJson::student(const Student &s)
{
    return {
        { QStringLiteral("uuid"), s.studentUuid },
        { QStringLiteral("student_id"), s.studentId },
        { QStringLiteral("name"), s.name },
        { QStringLiteral("email"), s.email },
        { QStringLiteral("department"), s.department },
        { QStringLiteral("classes"), QJsonArray::fromStringList(s.classCodes) },
        { QStringLiteral("active"), s.active },
        { QStringLiteral("consent"), s.consent },
    };
}

QJsonObject StorageJson::classInfo(const ClassInfo &c)
{
    return {
        { QStringLiteral("id"), c.id },
        { QStringLiteral("code"), c.code },
        { QStringLiteral("name"), c.name },
        { QStringLiteral("term"), c.term },
        { QStringLiteral("department"), c.department },
        { QStringLiteral("students"), c.studentCount },
    };
}

QJsonObject StorageJson::record(const AttendanceRecord &r)
{
    QJsonObject o {
        { QStringLiteral("student_uuid"), r.studentUuid },
        { QStringLiteral("student_id"), r.studentId },
        { QStringLiteral("name"), r.studentName },
        { QStringLiteral("status"), attendanceStatusName(r.status) },
        { QStringLiteral("source"), markSourceName(r.source) },
    };
    if (r.distance)
        o.insert(QStringLiteral("distance"), *r.distance);
    if (r.photoIndex >= 0)
        o.insert(QStringLiteral("photo_index"), r.photoIndex);
    if (!r.faceBox.isNull())
        o.insert(QStringLiteral("box"),
                 QJsonArray { r.faceBox.x(), r.faceBox.y(), r.faceBox.width(), r.faceBox.height() });
    return o;
}

QJsonObject StorageJson::session(const AttendanceSession &s)
{
    QJsonObject o {
        { QStringLiteral("id"), s.id },
        { QStringLiteral("class"), s.classCode },
        { QStringLiteral("date"), s.date.toString(Qt::ISODate) },
        { QStringLiteral("period"), s.period },
        { QStringLiteral("subject"), s.subject },
        { QStringLiteral("taken_by"), s.takenBy },
        { QStringLiteral("present"), s.presentCount },
        { QStringLiteral("absent"), s.absentCount },
        { QStringLiteral("late"), s.lateCount },
        { QStringLiteral("excused"), s.excusedCount },
        { QStringLiteral("review"), s.reviewCount },
        { QStringLiteral("photos"), QJsonArray::fromStringList(s.sourcePhotos) },
        { QStringLiteral("photos_purged"), s.photosPurged },
    };
    if (s.takenAt.isValid())
        o.insert(QStringLiteral("taken_at"), s.takenAt.toUTC().toString(Qt::ISODate));
    if (!s.records.isEmpty()) {
        QJsonArray records;
        for (const AttendanceRecord &r : s.records)
            records.append(record(r));
        o.insert(QStringLiteral("records"), records);
    }
    return o;
}

} // namespace rollcall
