#include "storage/StudentRepository.h"

#include "storage/AuditRepository.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/DepartmentRepository.h"
#include "storage/ErasureLog.h"
#include "storage/PhotoStore.h"
#include "storage/SqlHelper.h"

namespace rollcall {
namespace {

// group_concat separator for class codes (codes may contain spaces and commas).
const QChar kUnitSeparator(0x1f);

const char *const kSelect
    = "SELECT s.id, s.student_id, s.name, s.email, coalesce(s.department_id, ''), coalesce(d.name, ''), s.active,"
      " s.consent, coalesce(s.consent_at, ''), s.created_at, s.updated_at,"
      " (SELECT group_concat(code, char(31)) FROM (SELECT c.code AS code FROM class_members m"
      "   JOIN classes c ON c.id = m.class_id"
      "   WHERE m.student_uuid = s.id AND m.deleted = 0 AND c.deleted = 0 ORDER BY c.code))"
      " FROM students s LEFT JOIN departments d ON d.id = s.department_id WHERE s.deleted = 0 ";

Student readStudent(const QSqlQuery &q)
{
    Student s;
    s.studentUuid = q.value(0).toString();
    s.studentId = q.value(1).toString();
    s.name = q.value(2).toString();
    s.email = q.value(3).toString();
    s.departmentId = q.value(4).toString();
    s.department = q.value(5).toString();
    s.active = q.value(6).toInt() != 0;
    s.consent = q.value(7).toInt() != 0;
    const QString consentAt = q.value(8).toString();
    if (!consentAt.isEmpty())
        s.consentAt = QDateTime::fromString(consentAt, Qt::ISODateWithMs);
    s.createdAt = q.value(9).toLongLong();
    s.updatedAt = q.value(10).toLongLong();
    const QString codes = q.value(11).toString();
    if (!codes.isEmpty())
        s.classCodes = codes.split(kUnitSeparator);
    return s;
}

} // namespace

StudentRepository::StudentRepository(Database &db, PhotoStore *photos)
    : m_db(db)
    , m_photos(photos)
{ }

Result<QList<Student>> StudentRepository::select(const QString &where, const QVariantList &values)
{
    auto query = SqlHelper::exec(m_db.connection(), QLatin1String(kSelect) + where, values);
    if (!query)
        return query.error();
    QList<Student> result;
    while (query->next())
        result << readStudent(*query);
    return result;
}

Result<Student> StudentRepository::find(const QString &uuid)
{
    auto found = select(QStringLiteral("AND s.id = ?"), { uuid });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::badInput(QStringLiteral("No student with id %1.").arg(uuid));
    return found->first();
}

Result<Student> StudentRepository::findByStudentId(const QString &studentId, const QString &department)
{
    const QString trimmed = studentId.trimmed();
    auto found = department.trimmed().isEmpty()
        ? select(QStringLiteral("AND s.student_id = ?"), { trimmed })
        : select(QStringLiteral("AND s.student_id = ? AND d.name = ?"), { trimmed, department.trimmed() });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::badInput(QStringLiteral("No student with ID \"%1\".").arg(trimmed));
    if (found->size() > 1)
        return Error::badInput(QStringLiteral("Student ID \"%1\" exists in %2 departments; name the department.")
                                   .arg(trimmed)
                                   .arg(found->size()));
    return found->first();
}

Result<QList<Student>> StudentRepository::list(const QString &classId, bool includeInactive)
{
    QString where;
    QVariantList values;
    if (!classId.isEmpty()) {
        where += QStringLiteral("AND EXISTS (SELECT 1 FROM class_members m WHERE m.student_uuid = s.id"
                                " AND m.class_id = ? AND m.deleted = 0) ");
        values << classId;
    }
    if (!includeInactive)
        where += QStringLiteral("AND s.active = 1 ");
    return select(where + QStringLiteral("ORDER BY s.student_id, s.name"), values);
}

Status StudentRepository::checkStudentIdFree(const QString &studentId, const QString &departmentId,
                                             const QString &exceptUuid)
{
    auto query = SqlHelper::exec(m_db.connection(),
                                 QStringLiteral("SELECT 1 FROM students WHERE deleted = 0 AND student_id = ?"
                                                " AND coalesce(department_id, '') = ? AND id <> ?"),
                                 { studentId, SqlHelper::text(departmentId), SqlHelper::text(exceptUuid) });
    if (!query)
        return query.error();
    if (query->next())
        return Error::badInput(QStringLiteral("Student ID \"%1\" is already used in this department.").arg(studentId));
    return {};
}

Result<Student> StudentRepository::add(Student student, const QString &classId)
{
    student.studentId = student.studentId.trimmed();
    if (student.studentId.isEmpty())
        return Error::badInput(QStringLiteral("A student needs a student ID."));
    if (student.name.trimmed().isEmpty())
        return Error::badInput(QStringLiteral("A student needs a name."));
    Status status = m_db.transaction([&]() -> Status {
        if (!student.department.trimmed().isEmpty()) {
            auto department = DepartmentRepository(m_db).findOrCreate(student.department);
            if (!department)
                return department.error();
            student.departmentId = *department;
        } else if (!classId.isEmpty()) {
            auto cls = ClassRepository(m_db).find(classId);
            if (!cls)
                return cls.error();
            student.departmentId = cls->departmentId;
            student.department = cls->department;
        }
        if (Status s = checkStudentIdFree(student.studentId, student.departmentId, {}); !s)
            return s;
        student.studentUuid = SqlHelper::newId();
        student.createdAt = student.updatedAt = m_db.clock().now();
        if (student.consent && !student.consentAt.isValid())
            student.consentAt = QDateTime::currentDateTimeUtc();
        auto insert = SqlHelper::exec(
            m_db.connection(),
            QStringLiteral(
                "INSERT INTO students (id, created_at, updated_at, deleted, origin_device, student_id, name,"
                " email, department_id, active, consent, consent_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { student.studentUuid, student.createdAt, student.updatedAt, m_db.deviceId(), student.studentId,
              student.name, SqlHelper::text(student.email), SqlHelper::nullableText(student.departmentId),
              student.active ? 1 : 0, student.consent ? 1 : 0,
              student.consentAt.isValid() ? QVariant(student.consentAt.toUTC().toString(Qt::ISODateWithMs))
                                          : SqlHelper::nullableText({}) });
        if (!insert)
            return insert.error();
        if (!classId.isEmpty())
            return setMembership(student.studentUuid, classId, true);
        return {};
    });
    if (!status)
        return status.error();
    return find(student.studentUuid);
}

Status StudentRepository::audit(const QString &uuid, const QString &field, const QString &oldValue,
                                const QString &newValue, const QString &actor)
{
    AuditEntry entry;
    entry.actor = actor;
    entry.entity = QStringLiteral("students");
    entry.entityId = uuid;
    entry.field = field;
    entry.oldValue = oldValue;
    entry.newValue = newValue;
    auto appended = AuditRepository(m_db).append(entry);
    return appended ? Status() : Status(appended.error());
}

Result<Student> StudentRepository::edit(const QString &uuid, const Changes &changes, const QString &actor)
{
    bool withdrawn = false;
    Status status = m_db.transaction([&]() -> Status {
        auto current = find(uuid);
        if (!current)
            return current.error();
        struct Column
        {
            const char *column;
            QString oldValue;
            QVariant newValue;
        };
        QList<Column> columns;
        if (changes.name && *changes.name != current->name) {
            if (changes.name->trimmed().isEmpty())
                return Error::badInput(QStringLiteral("A student needs a name."));
            columns.append({ "name", current->name, *changes.name });
        }
        if (changes.studentId && changes.studentId->trimmed() != current->studentId) {
            const QString id = changes.studentId->trimmed();
            if (id.isEmpty())
                return Error::badInput(QStringLiteral("A student needs a student ID."));
            if (Status s = checkStudentIdFree(id, current->departmentId, uuid); !s)
                return s;
            columns.append({ "student_id", current->studentId, id });
        }
        if (changes.email && *changes.email != current->email)
            columns.append({ "email", current->email, SqlHelper::text(*changes.email) });
        if (changes.consent && *changes.consent != current->consent)
            columns.append(
                { "consent", current->consent ? QStringLiteral("1") : QStringLiteral("0"), *changes.consent ? 1 : 0 });
        for (const Column &c : columns) {
            auto update = SqlHelper::exec(m_db.connection(),
                                          QStringLiteral("UPDATE students SET %1 = ?, updated_at = ?, origin_device = ?"
                                                         " WHERE id = ?")
                                              .arg(QLatin1String(c.column)),
                                          { c.newValue, m_db.clock().now(), m_db.deviceId(), uuid });
            if (!update)
                return update.error();
            if (Status s = audit(uuid, QLatin1String(c.column), c.oldValue, c.newValue.toString(), actor); !s)
                return s;
        }
        if (changes.consent && *changes.consent != current->consent) {
            // Consent withdrawn: the biometrics go here, on every PC and on the server.
            if (!*changes.consent) {
                auto erasure = ErasureLog(m_db).record(ErasureLog::Kind::Biometrics, uuid, actor,
                                                       QStringLiteral("consent withdrawn"));
                if (!erasure)
                    return erasure.error();
                withdrawn = true;
            }
            auto update = SqlHelper::exec(
                m_db.connection(), QStringLiteral("UPDATE students SET consent_at = ? WHERE id = ?"),
                { *changes.consent ? QVariant(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                                   : SqlHelper::nullableText({}),
                  uuid });
            if (!update)
                return update.error();
        }
        return {};
    });
    if (!status)
        return status.error();
    if (withdrawn) {
        if (auto enforced = ErasureLog(m_db, m_photos).enforce(); !enforced)
            return enforced.error();
    }
    return find(uuid);
}

Status StudentRepository::setMembership(const QString &uuid, const QString &classId, bool member)
{
    const qint64 now = m_db.clock().now();
    if (!member) {
        auto q
            = SqlHelper::exec(m_db.connection(),
                              QStringLiteral("UPDATE class_members SET deleted = 1, updated_at = ?, origin_device = ?"
                                             " WHERE class_id = ? AND student_uuid = ? AND deleted = 0"),
                              { now, m_db.deviceId(), classId, uuid });
        return q ? Status() : Status(q.error());
    }
    auto existing = SqlHelper::exec(m_db.connection(),
                                    QStringLiteral("SELECT id, deleted FROM class_members WHERE class_id = ? AND"
                                                   " student_uuid = ? ORDER BY deleted LIMIT 1"),
                                    { classId, uuid });
    if (!existing)
        return existing.error();
    if (existing->next()) {
        if (existing->value(1).toInt() == 0)
            return {}; // already a member
        // Revive the old membership row rather than piling up tombstones.
        auto q
            = SqlHelper::exec(m_db.connection(),
                              QStringLiteral("UPDATE class_members SET deleted = 0, updated_at = ?, origin_device = ?"
                                             " WHERE id = ?"),
                              { now, m_db.deviceId(), existing->value(0) });
        return q ? Status() : Status(q.error());
    }
    auto q = SqlHelper::exec(
        m_db.connection(),
        QStringLiteral("INSERT INTO class_members (id, created_at, updated_at, deleted, origin_device,"
                       " class_id, student_uuid) VALUES (?, ?, ?, 0, ?, ?, ?)"),
        { SqlHelper::derivedId(QStringLiteral("class_member"), { classId, uuid }), now, now, m_db.deviceId(), classId,
          uuid });
    return q ? Status() : Status(q.error());
}

Status StudentRepository::addToClass(const QString &uuid, const QString &classId, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        auto student = find(uuid);
        if (!student)
            return student.error();
        auto cls = ClassRepository(m_db).find(classId);
        if (!cls)
            return cls.error();
        if (student->classCodes.contains(cls->code))
            return {};
        if (Status s = setMembership(uuid, classId, true); !s)
            return s;
        return audit(uuid, QStringLiteral("class"), QString(), cls->code, actor);
    });
}

Status StudentRepository::removeFromClass(const QString &uuid, const QString &classId, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        auto student = find(uuid);
        if (!student)
            return student.error();
        auto cls = ClassRepository(m_db).find(classId);
        if (!cls)
            return cls.error();
        if (!student->classCodes.contains(cls->code))
            return {};
        if (Status s = setMembership(uuid, classId, false); !s)
            return s;
        return audit(uuid, QStringLiteral("class"), cls->code, QString(), actor);
    });
}

Status StudentRepository::moveToClass(const QString &uuid, const QString &toClassId, const QString &fromClassId,
                                      const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        auto student = find(uuid);
        if (!student)
            return student.error();
        ClassRepository classes(m_db);
        auto target = classes.find(toClassId);
        if (!target)
            return target.error();
        QStringList leaving;
        if (!fromClassId.isEmpty()) {
            auto from = classes.find(fromClassId);
            if (!from)
                return from.error();
            if (!student->classCodes.contains(from->code))
                return Error::badInput(QStringLiteral("The student is not in class \"%1\".").arg(from->code));
            if (from->id != target->id) {
                if (Status s = setMembership(uuid, from->id, false); !s)
                    return s;
                leaving << from->code;
            }
        } else {
            for (const QString &code : std::as_const(student->classCodes)) {
                if (code == target->code)
                    continue;
                auto from = classes.findByCode(code);
                if (!from)
                    return from.error();
                if (Status s = setMembership(uuid, from->id, false); !s)
                    return s;
                leaving << code;
            }
        }
        if (leaving.isEmpty() && student->classCodes.contains(target->code))
            return {};
        if (Status s = setMembership(uuid, target->id, true); !s)
            return s;
        return audit(uuid, QStringLiteral("class"), leaving.join(QLatin1Char(' ')), target->code, actor);
    });
}

Status StudentRepository::setActive(const QString &uuid, bool active, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        auto student = find(uuid);
        if (!student)
            return student.error();
        if (student->active == active)
            return {};
        auto q = SqlHelper::exec(m_db.connection(),
                                 QStringLiteral("UPDATE students SET active = ?, updated_at = ?, origin_device = ?"
                                                " WHERE id = ?"),
                                 { active ? 1 : 0, m_db.clock().now(), m_db.deviceId(), uuid });
        if (!q)
            return q.error();
        return audit(uuid, QStringLiteral("active"), student->active ? QStringLiteral("1") : QStringLiteral("0"),
                     active ? QStringLiteral("1") : QStringLiteral("0"), actor);
    });
}

Status StudentRepository::forget(const QString &uuid, const QString &actor)
{
    QStringList hashes;
    Status status = m_db.transaction([&]() -> Status {
        auto student = find(uuid);
        if (!student)
            return student.error();
        auto photos = SqlHelper::exec(m_db.connection(),
                                      QStringLiteral("SELECT DISTINCT photo_hash FROM enrolment_photos"
                                                     " WHERE student_uuid = ? AND deleted = 0"),
                                      { uuid });
        if (!photos)
            return photos.error();
        while (photos->next())
            hashes << photos->value(0).toString();
        const qint64 now = m_db.clock().now();
        const QVariantList values { now, m_db.deviceId(), uuid };
        // Tombstones carry no personal data: vectors, hashes, names and IDs are cleared.
        const QStringList statements {
            QStringLiteral("UPDATE embeddings SET deleted = 1, vector = x'', dimension = 0, updated_at = ?,"
                           " origin_device = ? WHERE student_uuid = ?"),
            QStringLiteral("UPDATE enrolment_photos SET deleted = 1, photo_hash = '', source = '', updated_at = ?,"
                           " origin_device = ? WHERE student_uuid = ?"),
            QStringLiteral("UPDATE class_members SET deleted = 1, updated_at = ?, origin_device = ?"
                           " WHERE student_uuid = ? AND deleted = 0"),
            QStringLiteral("UPDATE students SET deleted = 1, name = '', student_id = '', email = '', active = 0,"
                           " consent = 0, consent_at = NULL, updated_at = ?, origin_device = ? WHERE id = ?"),
        };
        for (const QString &sql : statements) {
            if (auto q = SqlHelper::exec(m_db.connection(), sql, values); !q)
                return q.error();
        }
        if (Status s = audit(uuid, QStringLiteral("forgotten"), QString(), QStringLiteral("1"), actor); !s)
            return s;
        // The record that makes every other PC and the server forget the student too.
        auto erasure = ErasureLog(m_db).record(ErasureLog::Kind::Student, uuid, actor);
        return erasure ? Status() : Status(erasure.error());
    });
    if (!status)
        return status;
    // After the commit: the audit values go, and the files (one still used elsewhere stays).
    ErasureLog erasures(m_db, m_photos);
    auto enforced = erasures.enforce();
    if (!enforced)
        return enforced.error();
    auto removed = erasures.removeUnusedPhotos(QSet<QString>(hashes.cbegin(), hashes.cend()));
    return removed ? Status() : Status(removed.error());
}

} // namespace rollcall
