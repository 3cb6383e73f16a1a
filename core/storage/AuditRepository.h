#pragma once

#include "common/Result.h"
#include "storage/AuditEntry.h"

#include <QList>

namespace rollcall {

class Database;

// The audit log: one row per manually changed field. Other repositories append to it
// inside their own transactions; readers list it per row or newest first.
class AuditRepository
{
public:
    explicit AuditRepository(Database &db);

    // Appends on the calling thread's connection (joins a transaction in progress).
    Result<AuditEntry> append(AuditEntry entry);
    Result<QList<AuditEntry>> forEntity(const QString &entityId);
    Result<QList<AuditEntry>> recent(int limit = 100);

    // The person to record when the caller gives none: the operating-system user.
    static QString defaultActor();

private:
    Result<QList<AuditEntry>> select(const QString &where, const QVariantList &values, const QString &tail);

    Database &m_db;
};

} // namespace rollcall
