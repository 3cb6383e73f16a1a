#include "storage/ClassRepository.h"

#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/DepartmentRepository.h"
#include "storage/SqlHelper.h"

namespace rollcall {
namespace {

const char *const kSelect = "SELECT c.id, c.code, c.name, c.term, coalesce(c.department_id, ''), coalesce(d.name, ''),"
                            " (SELECT count(*) FROM class_members m JOIN students s ON s.id = m.student_uuid"
                            "  WHERE m.class_id = c.id AND m.deleted = 0 AND s.deleted = 0),"
                            " c.created_at, c.updated_at"
                            " FROM classes c LEFT JOIN departments d ON d.id = c.department_id"
                            " WHERE c.deleted = 0 ";

ClassInfo readClass(const QSqlQuery &q)
{
    ClassInfo c;
    c.id = q.value(0).toString();
    c.code = q.value(1).toString();
    c.name = q.value(2).toString();
    c.term = q.value(3).toString();
    c.departmentId = q.value(4).toString();
    c.department = q.value(5).toString();
    c.studentCount = q.value(6).toInt();
    c.createdAt = q.value(7).toLongLong();
    c.updatedAt = q.value(8).toLongLong();
    return c;
}

} // namespace

ClassRepository::ClassRepository(Database &db)
    : m_db(db)
{ }

Result<ClassInfo> ClassRepository::findWhere(const QString &where, const QVariant &value, const QString &notFound)
{
    auto query = SqlHelper::exec(m_db.connection(), QLatin1String(kSelect) + where, { value });
    if (!query)
        return query.error();
    if (!query->next())
        return Error::badInput(notFound);
    return readClass(*query);
}

Result<ClassInfo> ClassRepository::find(const QString &id)
{
    return findWhere(QStringLiteral("AND c.id = ?"), id, QStringLiteral("No class with id %1.").arg(id));
}

Result<ClassInfo> ClassRepository::findByCode(const QString &code)
{
    return findWhere(QStringLiteral("AND c.code = ?"), code.trimmed(),
                     QStringLiteral("No class with code \"%1\".").arg(code));
}

Result<QList<ClassInfo>> ClassRepository::list()
{
    auto query = SqlHelper::exec(m_db.connection(), QLatin1String(kSelect) + QStringLiteral("ORDER BY c.code"));
    if (!query)
        return query.error();
    QList<ClassInfo> result;
    while (query->next())
        result << readClass(*query);
    return result;
}

Result<ClassInfo> ClassRepository::create(ClassInfo info)
{
    info.code = info.code.trimmed();
    if (info.code.isEmpty())
        return Error::badInput(QStringLiteral("A class needs a code."));
    Status status = m_db.transaction([&]() -> Status {
        auto existing = SqlHelper::exec(
            m_db.connection(), QStringLiteral("SELECT 1 FROM classes WHERE code = ? AND deleted = 0"), { info.code });
        if (!existing)
            return existing.error();
        if (existing->next())
            return Error::badInput(QStringLiteral("A class with code \"%1\" already exists.").arg(info.code));
        auto department = DepartmentRepository(m_db).findOrCreate(info.department);
        if (!department)
            return department.error();
        info.id = SqlHelper::newId();
        info.departmentId = *department;
        info.createdAt = info.updatedAt = m_db.clock().now();
        auto insert = SqlHelper::exec(
            m_db.connection(),
            QStringLiteral("INSERT INTO classes (id, created_at, updated_at, deleted, origin_device, code, name, term,"
                           " department_id) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)"),
            { info.id, info.createdAt, info.updatedAt, m_db.deviceId(), info.code, SqlHelper::text(info.name),
              SqlHelper::text(info.term), SqlHelper::nullableText(info.departmentId) });
        return insert ? Status() : Status(insert.error());
    });
    if (!status)
        return status.error();
    info.studentCount = 0;
    return info;
}

Result<ClassInfo> ClassRepository::update(const ClassInfo &info, const QString &actor)
{
    Status status = m_db.transaction([&]() -> Status {
        auto current = find(info.id);
        if (!current)
            return current.error();
        const QString code = info.code.trimmed();
        if (code.isEmpty())
            return Error::badInput(QStringLiteral("A class needs a code."));
        if (code != current->code) {
            auto clash = SqlHelper::exec(
                m_db.connection(), QStringLiteral("SELECT 1 FROM classes WHERE code = ? AND deleted = 0 AND id <> ?"),
                { code, info.id });
            if (!clash)
                return clash.error();
            if (clash->next())
                return Error::badInput(QStringLiteral("A class with code \"%1\" already exists.").arg(code));
        }
        auto department = DepartmentRepository(m_db).findOrCreate(info.department);
        if (!department)
            return department.error();
        const QString departmentName = info.department.trimmed();
        AuditRepository audit(m_db);
        const QList<std::tuple<const char *, QString, QString>> changes {
            { "code", current->code, code },
            { "name", current->name, info.name },
            { "term", current->term, info.term },
            { "department", current->department, departmentName },
        };
        bool changed = false;
        for (const auto &[field, oldValue, newValue] : changes) {
            if (oldValue == newValue)
                continue;
            changed = true;
            AuditEntry entry;
            entry.actor = actor;
            entry.entity = QStringLiteral("classes");
            entry.entityId = info.id;
            entry.field = QLatin1String(field);
            entry.oldValue = oldValue;
            entry.newValue = newValue;
            if (auto appended = audit.append(entry); !appended)
                return appended.error();
        }
        if (!changed)
            return {};
        auto update
            = SqlHelper::exec(m_db.connection(),
                              QStringLiteral("UPDATE classes SET code = ?, name = ?, term = ?, department_id = ?,"
                                             " updated_at = ?, origin_device = ? WHERE id = ?"),
                              { code, SqlHelper::text(info.name), SqlHelper::text(info.term),
                                SqlHelper::nullableText(*department), m_db.clock().now(), m_db.deviceId(), info.id });
        return update ? Status() : Status(update.error());
    });
    if (!status)
        return status.error();
    return find(info.id);
}

Result<int> ClassRepository::sessionCount(const QString &id)
{
    auto query = SqlHelper::exec(
        m_db.connection(),
        QStringLiteral("SELECT count(*) FROM attendance_sessions WHERE class_id = ? AND deleted = 0"), { id });
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

Status ClassRepository::remove(const QString &id, bool force, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        auto current = find(id);
        if (!current)
            return current.error();
        auto sessions = sessionCount(id);
        if (!sessions)
            return sessions.error();
        if (*sessions > 0 && !force)
            return Error::badInput(QStringLiteral("Class \"%1\" has %2 attendance session(s); deleting it deletes them "
                                                  "too and needs confirmation (force).")
                                       .arg(current->code)
                                       .arg(*sessions));
        const qint64 now = m_db.clock().now();
        const QVariantList values { now, m_db.deviceId(), id };
        const QStringList statements {
            QStringLiteral(
                "UPDATE attendance_records SET deleted = 1, updated_at = ?, origin_device = ?"
                " WHERE deleted = 0 AND session_id IN (SELECT id FROM attendance_sessions WHERE class_id = ?)"),
            QStringLiteral("UPDATE attendance_sessions SET deleted = 1, updated_at = ?, origin_device = ?"
                           " WHERE deleted = 0 AND class_id = ?"),
            QStringLiteral("UPDATE class_members SET deleted = 1, updated_at = ?, origin_device = ?"
                           " WHERE deleted = 0 AND class_id = ?"),
            QStringLiteral("UPDATE classes SET deleted = 1, updated_at = ?, origin_device = ? WHERE id = ?"),
        };
        for (const QString &sql : statements) {
            if (auto q = SqlHelper::exec(m_db.connection(), sql, values); !q)
                return q.error();
        }
        AuditEntry entry;
        entry.actor = actor;
        entry.entity = QStringLiteral("classes");
        entry.entityId = id;
        entry.field = QStringLiteral("deleted");
        entry.oldValue = QStringLiteral("0");
        entry.newValue = QStringLiteral("1");
        entry.reason
            = force && *sessions > 0 ? QStringLiteral("forced; %1 session(s) deleted").arg(*sessions) : QString();
        auto appended = AuditRepository(m_db).append(entry);
        return appended ? Status() : Status(appended.error());
    });
}

} // namespace rollcall
