#pragma once

#include "common/Result.h"
#include "storage/Department.h"

#include <QList>

namespace rollcall {

class Database;

// Departments are created on demand from a name (classes and students refer to them).
class DepartmentRepository
{
public:
    explicit DepartmentRepository(Database &db);

    // The id of the live department with this name, created if missing; empty name → empty id.
    Result<QString> findOrCreate(const QString &name);
    Result<QList<Department>> list();

private:
    Database &m_db;
};

} // namespace rollcall
