#include "storage/AuditRepository.h"

#include "storage/Database.h"
#include "storage/SqlHelper.h"

namespace rollcall {

AuditRepository::AuditRepository(Database &db)
    : m_db(db)
{ }

QString AuditRepository::defaultActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

Result<AuditEntry> AuditRepository::append(AuditEntry entry)
{
    entry.id = SqlHelper::newId();
    entry.at = m_db.clock().now();
    if (entry.actor.isEmpty())
        entry.actor = defaultActor();
    auto query
        = SqlHelper::exec(m_db.connection(),
                          QStringLiteral("INSERT INTO audit_log (id, created_at, updated_at, deleted, origin_device,"
                                         " actor, entity, entity_id, field, old_value, new_value, source, reason)"
                                         " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          { entry.id, entry.at, entry.at, m_db.deviceId(), entry.actor, entry.entity, entry.entityId,
                            entry.field, SqlHelper::text(entry.oldValue), SqlHelper::text(entry.newValue),
                            SqlHelper::text(entry.source), SqlHelper::text(entry.reason) });
    if (!query)
        return query.error();
    return entry;
}

Result<QList<AuditEntry>> AuditRepository::select(const QString &where, const QVariantList &values, const QString &tail)
{
    auto query = SqlHelper::exec(m_db.connection(),
                                 QStringLiteral("SELECT id, actor, entity, entity_id, field, old_value, new_value, "
                                                "source, reason, created_at FROM audit_log WHERE deleted = 0 ")
                                     + where + tail,
                                 values);
    if (!query)
        return query.error();
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry e;
        e.id = query->value(0).toString();
        e.actor = query->value(1).toString();
        e.entity = query->value(2).toString();
        e.entityId = query->value(3).toString();
        e.field = query->value(4).toString();
        e.oldValue = query->value(5).toString();
        e.newValue = query->value(6).toString();
        e.source = query->value(7).toString();
        e.reason = query->value(8).toString();
        e.at = query->value(9).toLongLong();
        entries << e;
    }
    return entries;
}

Result<QList<AuditEntry>> AuditRepository::forEntity(const QString &entityId)
{
    return select(QStringLiteral("AND entity_id = ?"), { entityId }, QStringLiteral(" ORDER BY created_at"));
}

Result<QList<AuditEntry>> AuditRepository::recent(int limit)
{
    return select(QString(), {}, QStringLiteral(" ORDER BY created_at DESC LIMIT %1").arg(qMax(1, limit)));
}

} // namespace rollcall
