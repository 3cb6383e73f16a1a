#include "storage/SessionRepository.h"

#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/SqlHelper.h"

#include <QSet>

namespace rollcall {
namespace {

const char *const kSelect
    = "SELECT s.id, s.class_id, c.code, s.date, s.period, s.subject, s.taken_by, coalesce(s.taken_at, ''),"
      " s.source_photos, s.photos_purged, s.note, s.created_at, s.updated_at,"
      " (SELECT count(*) FROM attendance_records r WHERE r.session_id = s.id AND r.deleted = 0"
      "  AND r.status = 'present'),"
      " (SELECT count(*) FROM attendance_records r WHERE r.session_id = s.id AND r.deleted = 0"
      "  AND r.status = 'absent'),"
      " (SELECT count(*) FROM attendance_records r WHERE r.session_id = s.id AND r.deleted = 0"
      "  AND r.status = 'late'),"
      " (SELECT count(*) FROM attendance_records r WHERE r.session_id = s.id AND r.deleted = 0"
      "  AND r.status = 'excused'),"
      " (SELECT count(*) FROM attendance_records r WHERE r.session_id = s.id AND r.deleted = 0"
      "  AND r.status = 'review')"
      " FROM attendance_sessions s JOIN classes c ON c.id = s.class_id WHERE s.deleted = 0 ";

AttendanceSession readSession(const QSqlQuery &q)
{
    AttendanceSession s;
    s.id = q.value(0).toString();
    s.classId = q.value(1).toString();
    s.classCode = q.value(2).toString();
    s.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    s.period = q.value(4).toString();
    s.subject = q.value(5).toString();
    s.takenBy = q.value(6).toString();
    const QString takenAt = q.value(7).toString();
    if (!takenAt.isEmpty())
        s.takenAt = QDateTime::fromString(takenAt, Qt::ISODateWithMs);
    s.sourcePhotos = q.value(8).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    s.photosPurged = q.value(9).toInt() != 0;
    s.note = q.value(10).toString();
    s.createdAt = q.value(11).toLongLong();
    s.updatedAt = q.value(12).toLongLong();
    s.presentCount = q.value(13).toInt();
    s.absentCount = q.value(14).toInt();
    s.lateCount = q.value(15).toInt();
    s.excusedCount = q.value(16).toInt();
    s.reviewCount = q.value(17).toInt();
    return s;
}

QVariant optionalInt(bool present, int value)
{
    return present ? QVariant(value) : SqlHelper::nullInteger();
}

} // namespace

SessionRepository::SessionRepository(Database &db)
    : m_db(db)
{ }

Result<AttendanceSession> SessionRepository::create(AttendanceSession session)
{
    if (session.classId.isEmpty())
        return Error::badInput(QStringLiteral("A session needs a class."));
    if (!session.date.isValid())
        return Error::badInput(QStringLiteral("A session needs a valid date."));
    QSet<QString> seen;
    for (const AttendanceRecord &r : std::as_const(session.records)) {
        if (r.studentUuid.isEmpty())
            return Error::badInput(QStringLiteral("An attendance record has no student."));
        if (seen.contains(r.studentUuid))
            return Error::badInput(QStringLiteral("A student appears twice in one session."));
        seen.insert(r.studentUuid);
    }
    Status status = m_db.transaction([&]() -> Status {
        QSqlDatabase db = m_db.connection();
        auto cls = SqlHelper::exec(db, QStringLiteral("SELECT code FROM classes WHERE id = ? AND deleted = 0"),
                                   { session.classId });
        if (!cls)
            return cls.error();
        if (!cls->next())
            return Error::badInput(QStringLiteral("No class with id %1.").arg(session.classId));
        session.classCode = cls->value(0).toString();
        session.id = SqlHelper::newId();
        session.createdAt = session.updatedAt = m_db.clock().now();
        const QString device = m_db.deviceId();
        auto insert = SqlHelper::exec(
            db,
            QStringLiteral("INSERT INTO attendance_sessions (id, created_at, updated_at, deleted, origin_device,"
                           " class_id, date, period, subject, taken_by, taken_at, source_photos, photos_purged, note)"
                           " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { session.id, session.createdAt, session.updatedAt, device, session.classId,
              session.date.toString(Qt::ISODate), SqlHelper::text(session.period), SqlHelper::text(session.subject),
              SqlHelper::text(session.takenBy),
              session.takenAt.isValid() ? QVariant(session.takenAt.toUTC().toString(Qt::ISODateWithMs))
                                        : SqlHelper::nullableText({}),
              SqlHelper::text(session.sourcePhotos.join(QLatin1Char(' '))), session.photosPurged ? 1 : 0,
              SqlHelper::text(session.note) });
        if (!insert)
            return insert.error();
        // One prepared statement for all records.
        QSqlQuery record(db);
        if (!record.prepare(QStringLiteral(
                "INSERT INTO attendance_records (id, created_at, updated_at, deleted, origin_device, session_id,"
                " student_uuid, status, source, distance, photo_index, box_x, box_y, box_w, box_h)"
                " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
            return SqlHelper::toError(record.lastError(), QStringLiteral("Saving the session"));
        for (AttendanceRecord &r : session.records) {
            r.id = SqlHelper::derivedId(QStringLiteral("attendance_record"), { session.id, r.studentUuid });
            r.sessionId = session.id;
            r.createdAt = r.updatedAt = m_db.clock().now();
            const bool box = !r.faceBox.isNull();
            Status s = SqlHelper::execPrepared(
                record,
                { r.id, r.createdAt, r.updatedAt, device, session.id, r.studentUuid, attendanceStatusName(r.status),
                  markSourceName(r.source), r.distance ? QVariant(*r.distance) : SqlHelper::nullReal(),
                  optionalInt(r.photoIndex >= 0, r.photoIndex), optionalInt(box, r.faceBox.x()),
                  optionalInt(box, r.faceBox.y()), optionalInt(box, r.faceBox.width()),
                  optionalInt(box, r.faceBox.height()) });
            if (!s)
                return s;
        }
        return {};
    });
    if (!status)
        return status.error();
    for (const AttendanceRecord &r : std::as_const(session.records)) {
        switch (r.status) {
        case AttendanceStatus::Present:
            ++session.presentCount;
            break;
        case AttendanceStatus::Absent:
            ++session.absentCount;
            break;
        case AttendanceStatus::Late:
            ++session.lateCount;
            break;
        case AttendanceStatus::Excused:
            ++session.excusedCount;
            break;
        case AttendanceStatus::Review:
            ++session.reviewCount;
            break;
        }
    }
    return session;
}

Result<QList<AttendanceSession>> SessionRepository::list(const QString &classId, const QDate &from, const QDate &to)
{
    QString where;
    QVariantList values;
    if (!classId.isEmpty()) {
        where += QStringLiteral("AND s.class_id = ? ");
        values << classId;
    }
    if (from.isValid()) {
        where += QStringLiteral("AND s.date >= ? ");
        values << from.toString(Qt::ISODate);
    }
    if (to.isValid()) {
        where += QStringLiteral("AND s.date <= ? ");
        values << to.toString(Qt::ISODate);
    }
    auto q = SqlHelper::exec(m_db.connection(),
                             QLatin1String(kSelect) + where + QStringLiteral("ORDER BY s.date, s.period, s.created_at"),
                             values);
    if (!q)
        return q.error();
    QList<AttendanceSession> result;
    while (q->next())
        result << readSession(*q);
    return result;
}

Result<AttendanceSession> SessionRepository::load(const QString &id)
{
    QSqlDatabase db = m_db.connection();
    auto q = SqlHelper::exec(db, QLatin1String(kSelect) + QStringLiteral("AND s.id = ?"), { id });
    if (!q)
        return q.error();
    if (!q->next())
        return Error::badInput(QStringLiteral("No attendance session with id %1.").arg(id));
    AttendanceSession session = readSession(*q);
    auto r
        = SqlHelper::exec(db,
                          QStringLiteral("SELECT r.id, r.student_uuid, r.status, r.source, r.distance, r.photo_index,"
                                         " r.box_x, r.box_y, r.box_w, r.box_h, st.student_id, st.name,"
                                         " r.created_at, r.updated_at"
                                         " FROM attendance_records r JOIN students st ON st.id = r.student_uuid"
                                         " WHERE r.session_id = ? AND r.deleted = 0"
                                         " ORDER BY st.student_id, st.name"),
                          { id });
    if (!r)
        return r.error();
    while (r->next()) {
        AttendanceRecord rec;
        rec.id = r->value(0).toString();
        rec.sessionId = id;
        rec.studentUuid = r->value(1).toString();
        rec.status = attendanceStatusFromString(r->value(2).toString()).value_or(AttendanceStatus::Absent);
        rec.source = markSourceFromString(r->value(3).toString()).value_or(MarkSource::Automatic);
        if (!r->value(4).isNull())
            rec.distance = r->value(4).toDouble();
        rec.photoIndex = r->value(5).isNull() ? -1 : r->value(5).toInt();
        if (!r->value(6).isNull())
            rec.faceBox = QRect(r->value(6).toInt(), r->value(7).toInt(), r->value(8).toInt(), r->value(9).toInt());
        rec.studentId = r->value(10).toString();
        rec.studentName = r->value(11).toString();
        rec.createdAt = r->value(12).toLongLong();
        rec.updatedAt = r->value(13).toLongLong();
        session.records << rec;
    }
    return session;
}

Status SessionRepository::updateRecordStatus(const QString &sessionId, const QString &studentUuid,
                                             AttendanceStatus status, const QString &actor, const QString &reason)
{
    return m_db.transaction([&]() -> Status {
        QSqlDatabase db = m_db.connection();
        auto session = SqlHelper::exec(
            db, QStringLiteral("SELECT 1 FROM attendance_sessions WHERE id = ? AND deleted = 0"), { sessionId });
        if (!session)
            return session.error();
        if (!session->next())
            return Error::badInput(QStringLiteral("No attendance session with id %1.").arg(sessionId));
        auto student = SqlHelper::exec(db, QStringLiteral("SELECT 1 FROM students WHERE id = ? AND deleted = 0"),
                                       { studentUuid });
        if (!student)
            return student.error();
        if (!student->next())
            return Error::badInput(QStringLiteral("No student with id %1.").arg(studentUuid));
        auto existing = SqlHelper::exec(
            db,
            QStringLiteral(
                "SELECT id, status, deleted FROM attendance_records WHERE session_id = ? AND student_uuid = ?"),
            { sessionId, studentUuid });
        if (!existing)
            return existing.error();
        const qint64 now = m_db.clock().now();
        QString recordId;
        QString oldStatus;
        if (existing->next()) {
            recordId = existing->value(0).toString();
            if (existing->value(2).toInt() == 0)
                oldStatus = existing->value(1).toString();
            if (oldStatus == attendanceStatusName(status))
                return {};
            auto update
                = SqlHelper::exec(db,
                                  QStringLiteral("UPDATE attendance_records SET status = ?, source = 'manual',"
                                                 " deleted = 0, updated_at = ?, origin_device = ? WHERE id = ?"),
                                  { attendanceStatusName(status), now, m_db.deviceId(), recordId });
            if (!update)
                return update.error();
        } else {
            recordId = SqlHelper::derivedId(QStringLiteral("attendance_record"), { sessionId, studentUuid });
            auto insert = SqlHelper::exec(
                db,
                QStringLiteral("INSERT INTO attendance_records (id, created_at, updated_at, deleted, origin_device,"
                               " session_id, student_uuid, status, source) VALUES (?, ?, ?, 0, ?, ?, ?, ?, 'manual')"),
                { recordId, now, now, m_db.deviceId(), sessionId, studentUuid, attendanceStatusName(status) });
            if (!insert)
                return insert.error();
        }
        AuditEntry entry;
        entry.actor = actor;
        entry.entity = QStringLiteral("attendance_records");
        entry.entityId = recordId;
        entry.field = QStringLiteral("status");
        entry.oldValue = oldStatus;
        entry.newValue = attendanceStatusName(status);
        entry.source = QStringLiteral("manual");
        entry.reason = reason;
        auto appended = AuditRepository(m_db).append(entry);
        return appended ? Status() : Status(appended.error());
    });
}

Status SessionRepository::remove(const QString &id, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        QSqlDatabase db = m_db.connection();
        const QVariantList values { m_db.clock().now(), m_db.deviceId(), id };
        auto session = SqlHelper::exec(db,
                                       QStringLiteral("UPDATE attendance_sessions SET deleted = 1, updated_at = ?,"
                                                      " origin_device = ? WHERE id = ? AND deleted = 0"),
                                       values);
        if (!session)
            return session.error();
        if (session->numRowsAffected() != 1)
            return Error::badInput(QStringLiteral("No attendance session with id %1.").arg(id));
        auto records = SqlHelper::exec(db,
                                       QStringLiteral("UPDATE attendance_records SET deleted = 1, updated_at = ?,"
                                                      " origin_device = ? WHERE session_id = ? AND deleted = 0"),
                                       values);
        if (!records)
            return records.error();
        AuditEntry entry;
        entry.actor = actor;
        entry.entity = QStringLiteral("attendance_sessions");
        entry.entityId = id;
        entry.field = QStringLiteral("deleted");
        entry.oldValue = QStringLiteral("0");
        entry.newValue = QStringLiteral("1");
        auto appended = AuditRepository(m_db).append(entry);
        return appended ? Status() : Status(appended.error());
    });
}

} // namespace rollcall
