#include "sync/SyncTable.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rollcall {

QString SyncTable::Column::pgType() const
{
    // SQLite's affinity rules (https://sqlite.org/datatype3.html), mapped to the
    // PostgreSQL type that round-trips the values SQLite hands out.
    const QString t = sqliteType.toUpper();
    if (t.contains(QLatin1String("INT")) || t.contains(QLatin1String("BOOL")))
        return QStringLiteral("bigint");
    if (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB")) || t.contains(QLatin1String("TEXT")))
        return QStringLiteral("text");
    if (t.contains(QLatin1String("BLOB")))
        return QStringLiteral("bytea");
    if (t.contains(QLatin1String("REAL")) || t.contains(QLatin1String("FLOA")) || t.contains(QLatin1String("DOUB")))
        return QStringLiteral("double precision");
    return QStringLiteral("text");
}

QStringList SyncTable::columnNames() const
{
    QStringList names;
    names.reserve(columns.size());
    for (const Column &c : columns)
        names << c.name;
    return names;
}

bool SyncTable::hasColumn(const QString &column) const
{
    for (const Column &c : columns) {
        if (c.name == column)
            return true;
    }
    return false;
}

QString SyncTable::quote(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Result<QList<SyncTable>> SyncTable::discover(const QSqlDatabase &local, const QStringList &tableNames)
{
    QList<SyncTable> tables;
    for (const QString &name : tableNames) {
        SyncTable table;
        table.name = name;
        QSqlQuery query(local);
        if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quote(name))))
            return Error::storage(
                QStringLiteral("cannot read the columns of %1: %2").arg(name, query.lastError().text()));
        while (query.next())
            table.columns.append({ query.value(1).toString(), query.value(2).toString() });
        if (table.columns.isEmpty())
            return Error::storage(QStringLiteral("synced table %1 does not exist in the local database").arg(name));
        for (const char *required : { "id", "updated_at", "deleted", "origin_device" }) {
            if (!table.hasColumn(QString::fromLatin1(required)))
                return Error::storage(
                    QStringLiteral("synced table %1 has no %2 column").arg(name, QLatin1String(required)));
        }
        tables.append(table);
    }
    return tables;
}

} // namespace rollcall
