#include "storage/AttendanceQueries.h"

#include "storage/Database.h"
#include "storage/SqlHelper.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace rollcall {
namespace {

// "AND s.date >= ? AND s.date <= ?" for the dates given, with their values.
QString dateRange(const QDate &from, const QDate &to, QVariantList &values)
{
    QString sql;
    if (from.isValid()) {
        sql += QStringLiteral(" AND s.date >= ?");
        values << from.toString(Qt::ISODate);
    }
    if (to.isValid()) {
        sql += QStringLiteral(" AND s.date <= ?");
        values << to.toString(Qt::ISODate);
    }
    return sql;
}

} // namespace

AttendanceQueries::AttendanceQueries(Database &db)
    : m_db(db)
{ }

Result<ClassRegister> AttendanceQueries::classRegister(const QString &classId, const QDate &from, const QDate &to)
{
    QSqlDatabase db = m_db.connection();
    ClassRegister reg;
    // One read transaction: the three queries see the same snapshot.
    Status status = m_db.readTransaction([&]() -> Status {
        QVariantList values { classId };
        const QString range = dateRange(from, to, values);
        auto sessions
            = SqlHelper::exec(db,
                              QStringLiteral("SELECT s.id, s.date, s.period, s.subject, s.taken_by, c.code, s.rowid"
                                             " FROM attendance_sessions s JOIN classes c ON c.id = s.class_id"
                                             " WHERE s.class_id = ? AND s.deleted = 0")
                                  + range + QStringLiteral(" ORDER BY s.date, s.period, s.created_at"),
                              values);
        if (!sessions)
            return sessions.error();
        // Keyed by rowid: integers are cheaper than UUID strings over thousands of records.
        QHash<qint64, qsizetype> sessionIndex;
        while (sessions->next()) {
            AttendanceSession s;
            s.id = sessions->value(0).toString();
            s.classId = classId;
            s.date = QDate::fromString(sessions->value(1).toString(), Qt::ISODate);
            s.period = sessions->value(2).toString();
            s.subject = sessions->value(3).toString();
            s.takenBy = sessions->value(4).toString();
            s.classCode = sessions->value(5).toString();
            sessionIndex.insert(sessions->value(6).toLongLong(), reg.sessions.size());
            reg.sessions << s;
        }

        // Records first (one pass over the class's sessions), then the students they and the
        // current membership name; both queries are index lookups.
        auto records
            = SqlHelper::exec(db,
                              QStringLiteral("SELECT s.rowid, r.student_uuid, CASE r.status WHEN 'present' THEN 0"
                                             " WHEN 'absent' THEN 1 WHEN 'late' THEN 2 WHEN 'excused' THEN 3 WHEN 'review' THEN 4"
                                             " ELSE -1 END"
                                             " FROM attendance_sessions s JOIN attendance_records r"
                                             " ON r.session_id = s.id WHERE s.class_id = ? AND s.deleted = 0"
                                             " AND r.deleted = 0")
                                  + range,
                              values);
        if (!records)
            return records.error();
        struct Mark
        {
            qsizetype session;
            QString student;
            std::optional<AttendanceStatus> status;
        };
        std::vector<Mark> marks;
        marks.reserve(static_cast<size_t>(reg.sessions.size()) * 64);
        QSet<QString> recorded;
        while (records->next()) {
            const auto session = sessionIndex.constFind(records->value(0).toLongLong());
            const int code = records->value(2).toInt();
            if (session == sessionIndex.constEnd() || code < 0)
                continue;
            Mark mark { *session, records->value(1).toString(), static_cast<AttendanceStatus>(code) };
            recorded.insert(mark.student);
            marks.push_back(std::move(mark));
        }
        records = QSqlQuery();

        auto members = SqlHelper::exec(db,
                                       QStringLiteral("SELECT st.id, st.student_id, st.name, st.active"
                                                      " FROM class_members m JOIN students st ON st.id = m.student_uuid"
                                                      " WHERE m.class_id = ? AND m.deleted = 0 AND st.deleted = 0"),
                                       { classId });
        if (!members)
            return members.error();
        auto readRow = [](const QSqlQuery &q, bool member) {
            return ClassRegister::Row { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                        q.value(3).toInt() != 0, member };
        };
        while (members->next()) {
            reg.students << readRow(*members, true);
            recorded.remove(reg.students.last().studentUuid);
        }
        members = QSqlQuery();
        // Students with records here who left the class (rare): one lookup each.
        for (const QString &uuid : std::as_const(recorded)) {
            auto former = SqlHelper::exec(db,
                                          QStringLiteral("SELECT id, student_id, name, active FROM students"
                                                         " WHERE id = ? AND deleted = 0"),
                                          { uuid });
            if (!former)
                return former.error();
            if (former->next())
                reg.students << readRow(*former, false); // forgotten students are left out
        }
        std::sort(reg.students.begin(), reg.students.end(),
                  [](const ClassRegister::Row &a, const ClassRegister::Row &b) {
                      return a.studentId != b.studentId ? a.studentId < b.studentId : a.name < b.name;
                  });
        QHash<QString, qsizetype> studentIndex;
        studentIndex.reserve(reg.students.size());
        for (qsizetype i = 0; i < reg.students.size(); ++i)
            studentIndex.insert(reg.students.at(i).studentUuid, i);
        reg.statuses.assign(static_cast<size_t>(reg.students.size() * reg.sessions.size()), std::nullopt);
        for (const Mark &mark : marks) {
            const auto student = studentIndex.constFind(mark.student);
            if (student != studentIndex.constEnd())
                reg.statuses[static_cast<size_t>(*student * reg.sessions.size() + mark.session)] = mark.status;
        }
        return {};
    });
    if (!status)
        return status.error();
    return reg;
}

Result<QList<StudentHistoryEntry>> AttendanceQueries::studentHistory(const QString &studentUuid, const QDate &from,
                                                                     const QDate &to)
{
    QVariantList values { studentUuid };
    const QString range = dateRange(from, to, values);
    auto q
        = SqlHelper::exec(m_db.connection(),
                          QStringLiteral("SELECT s.id, c.code, s.date, s.period, s.subject, r.status, r.source"
                                         " FROM attendance_records r JOIN attendance_sessions s ON s.id = r.session_id"
                                         " JOIN classes c ON c.id = s.class_id"
                                         " WHERE r.student_uuid = ? AND r.deleted = 0 AND s.deleted = 0")
                              + range + QStringLiteral(" ORDER BY s.date, s.period, c.code"),
                          values);
    if (!q)
        return q.error();
    QList<StudentHistoryEntry> history;
    while (q->next()) {
        StudentHistoryEntry e;
        e.sessionId = q->value(0).toString();
        e.classCode = q->value(1).toString();
        e.date = QDate::fromString(q->value(2).toString(), Qt::ISODate);
        e.period = q->value(3).toString();
        e.subject = q->value(4).toString();
        e.status = attendanceStatusFromString(q->value(5).toString()).value_or(AttendanceStatus::Absent);
        e.source = markSourceFromString(q->value(6).toString()).value_or(MarkSource::Automatic);
        history << e;
    }
    return history;
}

} // namespace rollcall
