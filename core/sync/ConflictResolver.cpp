#include "sync/ConflictResolver.h"

#include "common/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rollcall {
namespace {

struct NaturalKey
{
    QString table;
    QStringList columns;
    QString renameColumn; // empty: a pair, the larger id retires
    bool liveOnly; // the UNIQUE index covers only rows with deleted = 0
};

const QList<NaturalKey> &naturalKeys()
{
    static const QList<NaturalKey> keys {
        { QStringLiteral("departments"), { QStringLiteral("name") }, QStringLiteral("name"), true },
        { QStringLiteral("classes"), { QStringLiteral("code") }, QStringLiteral("code"), true },
        { QStringLiteral("students"),
          { QStringLiteral("department_id"), QStringLiteral("student_id") },
          QStringLiteral("student_id"),
          true },
        { QStringLiteral("class_members"), { QStringLiteral("class_id"), QStringLiteral("student_uuid") }, {}, true },
        { QStringLiteral("attendance_records"),
          { QStringLiteral("session_id"), QStringLiteral("student_uuid") },
          {},
          false },
    };
    return keys;
}

int indexOf(const SyncTable &table, const QString &column)
{
    for (int i = 0; i < table.columns.size(); ++i) {
        if (table.columns.at(i).name == column)
            return i;
    }
    return -1;
}

} // namespace

ConflictResolver::ConflictResolver(QSqlDatabase local)
    : m_local(std::move(local))
{ }

Result<ConflictResolver::Outcome> ConflictResolver::resolve(const SyncTable &table, QVariantList &values)
{
    const NaturalKey *key = nullptr;
    for (const NaturalKey &k : naturalKeys()) {
        if (k.table == table.name)
            key = &k;
    }
    const int idCol = indexOf(table, QStringLiteral("id"));
    const int createdCol = indexOf(table, QStringLiteral("created_at"));
    const int deletedCol = indexOf(table, QStringLiteral("deleted"));
    if (!key || idCol < 0 || createdCol < 0 || deletedCol < 0)
        return Outcome::Unresolved;
    if (key->liveOnly && values.at(deletedCol).toInt() != 0)
        return Outcome::Unresolved; // a tombstone cannot clash with a live-only index

    QStringList where;
    QVariantList binds;
    for (const QString &c : key->columns) {
        const int i = indexOf(table, c);
        if (i < 0)
            return Outcome::Unresolved;
        // IS compares NULLs as equal, as the index (coalesce) does.
        where << SyncTable::quote(c) + QStringLiteral(" IS ?");
        binds << values.at(i);
    }
    if (key->liveOnly)
        where << QStringLiteral("deleted = 0");
    where << QStringLiteral("id <> ?");
    binds << values.at(idCol);

    QSqlQuery find(m_local);
    find.prepare(QStringLiteral("SELECT id, created_at FROM %1 WHERE %2")
                     .arg(SyncTable::quote(table.name), where.join(QStringLiteral(" AND "))));
    for (const QVariant &v : std::as_const(binds))
        find.addBindValue(v);
    if (!find.exec())
        return Error::storage(
            QStringLiteral("sync: looking for a duplicate in %1: %2").arg(table.name, find.lastError().text()));
    if (!find.next())
        return Outcome::Unresolved; // some other constraint failed
    const QString localId = find.value(0).toString();
    const qint64 localCreated = find.value(1).toLongLong();
    find.finish();

    const QString incomingId = values.at(idCol).toString();
    const qint64 incomingCreated = values.at(createdCol).toLongLong();
    ++m_resolved;
    qCWarning(lcSync) << "merging a duplicate natural key in" << table.name;
    qCDebug(lcSync) << "duplicate rows" << localId << incomingId;

    QSqlQuery change(m_local);
    if (!key->renameColumn.isEmpty()) {
        const bool incomingKeeps = std::pair(incomingCreated, incomingId) < std::pair(localCreated, localId);
        const QString loserId = incomingKeeps ? localId : incomingId;
        const QString suffix = QStringLiteral(" (dup %1)").arg(loserId.left(8));
        if (incomingKeeps) {
            change.prepare(QStringLiteral("UPDATE %1 SET %2 = %2 || ? WHERE id = ?")
                               .arg(SyncTable::quote(table.name), SyncTable::quote(key->renameColumn)));
            change.addBindValue(suffix);
            change.addBindValue(localId);
            if (!change.exec())
                return Error::storage(
                    QStringLiteral("sync: renaming a duplicate in %1: %2").arg(table.name, change.lastError().text()));
        } else {
            const int i = indexOf(table, key->renameColumn);
            values[i] = QString(values.at(i).toString() + suffix);
        }
        return Outcome::Retry;
    }

    // A pair: the smaller id stands for it.
    if (incomingId < localId) {
        change.prepare(key->liveOnly
                           ? QStringLiteral("UPDATE %1 SET deleted = 1 WHERE id = ?").arg(SyncTable::quote(table.name))
                           : QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(SyncTable::quote(table.name)));
        change.addBindValue(localId);
        if (!change.exec())
            return Error::storage(
                QStringLiteral("sync: retiring a duplicate in %1: %2").arg(table.name, change.lastError().text()));
        return Outcome::Retry;
    }
    if (key->liveOnly) {
        values[deletedCol] = 1;
        return Outcome::Retry;
    }
    return Outcome::Skip;
}

} // namespace rollcall
