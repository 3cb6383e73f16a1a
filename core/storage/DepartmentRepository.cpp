#include "storage/DepartmentRepository.h"

#include "storage/Database.h"
#include "storage/SqlHelper.h"

namespace rollcall {

DepartmentRepository::DepartmentRepository(Database &db)
    : m_db(db)
{ }

Result<QString> DepartmentRepository::findOrCreate(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return QString();
    QString id;
    Status status = m_db.transaction([&]() -> Status {
        auto found
            = SqlHelper::exec(m_db.connection(),
                              QStringLiteral("SELECT id FROM departments WHERE name = ? AND deleted = 0"), { trimmed });
        if (!found)
            return found.error();
        if (found->next()) {
            id = found->value(0).toString();
            return {};
        }
        id = SqlHelper::derivedId(QStringLiteral("department"), { trimmed });
        const qint64 now = m_db.clock().now();
        // A tombstoned department of the same name has the same id: revive it.
        auto insert = SqlHelper::exec(m_db.connection(),
                                      QStringLiteral("INSERT INTO departments (id, created_at, updated_at, deleted,"
                                                     " origin_device, name) VALUES (?, ?, ?, 0, ?, ?)"
                                                     " ON CONFLICT (id) DO UPDATE SET deleted = 0,"
                                                     " updated_at = excluded.updated_at,"
                                                     " origin_device = excluded.origin_device, name = excluded.name"),
                                      { id, now, now, m_db.deviceId(), trimmed });
        return insert ? Status() : Status(insert.error());
    });
    if (!status)
        return status.error();
    return id;
}

Result<QList<Department>> DepartmentRepository::list()
{
    auto query = SqlHelper::exec(m_db.connection(),
                                 QStringLiteral("SELECT id, name FROM departments WHERE deleted = 0 ORDER BY name"));
    if (!query)
        return query.error();
    QList<Department> result;
    while (query->next())
        result << Department { query->value(0).toString(), query->value(1).toString() };
    return result;
}

} // namespace rollcall
