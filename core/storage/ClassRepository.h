#pragma once

#include "common/Result.h"
#include "storage/ClassInfo.h"

#include <QList>

namespace rollcall {

class Database;

// Classes: create, look up, list, edit, delete (tombstone).
class ClassRepository
{
public:
    explicit ClassRepository(Database &db);

    // Creates the class (department by name, created if needed). Codes are unique among live classes.
    Result<ClassInfo> create(ClassInfo info);
    Result<ClassInfo> find(const QString &id);
    Result<ClassInfo> findByCode(const QString &code);
    Result<QList<ClassInfo>> list();
    // Changes code, name, term and department of the class with info.id; each change is audited.
    Result<ClassInfo> update(const ClassInfo &info, const QString &actor = {});
    // Number of live attendance sessions of the class.
    Result<int> sessionCount(const QString &id);
    // Tombstones the class and its memberships. Refused when it has sessions unless force,
    // which also tombstones those sessions and their records.
    Status remove(const QString &id, bool force = false, const QString &actor = {});

private:
    Result<ClassInfo> findWhere(const QString &where, const QVariant &value, const QString &notFound);

    Database &m_db;
};

} // namespace rollcall
