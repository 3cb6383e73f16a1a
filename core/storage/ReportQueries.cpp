#include "storage/ReportQueries.h"

#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/SqlHelper.h"

#include <QHash>

#include <algorithm>

namespace rollcall {

namespace {

// " AND s.date >= ? AND s.date <= ?" for the bounds given.
QString dateFilter(const QDate &from, const QDate &to, QVariantList *values)
{
    QString where;
    if (from.isValid()) {
        where += QStringLiteral(" AND s.date >= ?");
        *values << from.toString(Qt::ISODate);
    }
    if (to.isValid()) {
        where += QStringLiteral(" AND s.date <= ?");
        *values << to.toString(Qt::ISODate);
    }
    return where;
}

void readRecordColumns(const QSqlQuery &q, int first, AttendanceRecord *rec)
{
    rec->status = attendanceStatusFromString(q.value(first).toString()).value_or(AttendanceStatus::Absent);
    rec->source = markSourceFromString(q.value(first + 1).toString()).value_or(MarkSource::Automatic);
    if (!q.value(first + 2).isNull())
        rec->distance = q.value(first + 2).toDouble();
}

} // namespace

ReportQueries::ReportQueries(Database &db)
    : m_db(db)
{ }

Result<ReportQueries::Register> ReportQueries::classRegister(const QString &classId, const QDate &from, const QDate &to)
{
    Register reg;
    auto cls = ClassRepository(m_db).find(classId);
    if (!cls)
        return cls.error();
    reg.classInfo = *cls;
    QSqlDatabase db = m_db.connection();
    QVariantList values { classId };
    const QString dates = dateFilter(from, to, &values);
    // Sessions without SessionRepository::list()'s per-session status counts: the
    // reports count the records themselves.
    auto sq = SqlHelper::exec(db,
                              QStringLiteral("SELECT s.id, s.date, s.period, s.subject, s.taken_by,"
                                             " coalesce(s.taken_at, ''), s.note, s.created_at, s.updated_at"
                                             " FROM attendance_sessions s WHERE s.class_id = ? AND s.deleted = 0")
                                  + dates + QStringLiteral(" ORDER BY s.date, s.period, s.created_at"),
                              values);
    if (!sq)
        return sq.error();
    while (sq->next()) {
        AttendanceSession session;
        session.id = sq->value(0).toString();
        session.classId = classId;
        session.classCode = reg.classInfo.code;
        session.date = QDate::fromString(sq->value(1).toString(), Qt::ISODate);
        session.period = sq->value(2).toString();
        session.subject = sq->value(3).toString();
        session.takenBy = sq->value(4).toString();
        if (const QString takenAt = sq->value(5).toString(); !takenAt.isEmpty())
            session.takenAt = QDateTime::fromString(takenAt, Qt::ISODateWithMs);
        session.note = sq->value(6).toString();
        session.createdAt = sq->value(7).toLongLong();
        session.updatedAt = sq->value(8).toLongLong();
        reg.sessions << session;
    }
    auto r = SqlHelper::exec(db,
                             QStringLiteral("SELECT r.id, r.session_id, r.student_uuid, r.status, r.source, r.distance,"
                                            " coalesce(st.student_id, ''), coalesce(st.name, '')"
                                            " FROM attendance_records r"
                                            " JOIN attendance_sessions s ON s.id = r.session_id"
                                            " LEFT JOIN students st ON st.id = r.student_uuid"
                                            " WHERE s.class_id = ? AND s.deleted = 0 AND r.deleted = 0")
                                 + dates,
                             values);
    if (!r)
        return r.error();
    QHash<QString, int> recordStudents; // uuid → index in records, for students not in the roster
    while (r->next()) {
        AttendanceRecord rec;
        rec.id = r->value(0).toString();
        rec.sessionId = r->value(1).toString();
        rec.studentUuid = r->value(2).toString();
        readRecordColumns(*r, 3, &rec);
        rec.studentId = r->value(6).toString();
        rec.studentName = r->value(7).toString();
        recordStudents.insert(rec.studentUuid, int(reg.records.size()));
        reg.records << rec;
    }

    auto m = SqlHelper::exec(db,
                             QStringLiteral("SELECT st.id, st.student_id, st.name, st.email, st.active"
                                            " FROM class_members m JOIN students st ON st.id = m.student_uuid"
                                            " WHERE m.class_id = ? AND m.deleted = 0 AND st.deleted = 0"),
                             { classId });
    if (!m)
        return m.error();
    while (m->next()) {
        Student s;
        s.id = m->value(0).toString();
        s.studentId = m->value(1).toString();
        s.name = m->value(2).toString();
        s.email = m->value(3).toString();
        s.active = m->value(4).toInt() != 0;
        s.classCodes = { reg.classInfo.code };
        reg.memberIds.insert(s.id);
        reg.students << s;
    }
    // Former members and forgotten students who still have records in the range.
    for (auto it = recordStudents.cbegin(); it != recordStudents.cend(); ++it) {
        if (reg.memberIds.contains(it.key()))
            continue;
        const AttendanceRecord &rec = reg.records.at(it.value());
        Student s;
        s.id = rec.studentUuid;
        s.studentId = rec.studentId;
        s.name = rec.studentName;
        reg.students << s;
    }
    std::sort(reg.students.begin(), reg.students.end(), [](const Student &a, const Student &b) {
        if (a.studentId != b.studentId)
            return a.studentId < b.studentId;
        if (a.name != b.name)
            return a.name < b.name;
        return a.id < b.id;
    });
    return reg;
}

Result<QList<ReportQueries::HistoryEntry>> ReportQueries::studentHistory(const QString &studentUuid, const QDate &from,
                                                                         const QDate &to)
{
    QVariantList values { studentUuid };
    const QString dates = dateFilter(from, to, &values);
    auto q = SqlHelper::exec(m_db.connection(),
                             QStringLiteral("SELECT s.id, s.class_id, c.code, c.name, s.date, s.period, s.subject,"
                                            " s.taken_by, r.id, r.status, r.source, r.distance"
                                            " FROM attendance_records r"
                                            " JOIN attendance_sessions s ON s.id = r.session_id"
                                            " JOIN classes c ON c.id = s.class_id"
                                            " WHERE r.student_uuid = ? AND r.deleted = 0 AND s.deleted = 0")
                                 + dates + QStringLiteral(" ORDER BY s.date, c.code, s.period, s.created_at"),
                             values);
    if (!q)
        return q.error();
    QList<HistoryEntry> entries;
    while (q->next()) {
        HistoryEntry e;
        e.session.id = q->value(0).toString();
        e.session.classId = q->value(1).toString();
        e.session.classCode = q->value(2).toString();
        e.className = q->value(3).toString();
        e.session.date = QDate::fromString(q->value(4).toString(), Qt::ISODate);
        e.session.period = q->value(5).toString();
        e.session.subject = q->value(6).toString();
        e.session.takenBy = q->value(7).toString();
        e.record.id = q->value(8).toString();
        e.record.sessionId = e.session.id;
        e.record.studentUuid = studentUuid;
        readRecordColumns(*q, 9, &e.record);
        entries << e;
    }
    return entries;
}

} // namespace rollcall
