#pragma once

#include "common/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rollcall {

// One synced table as the local schema declares it. Sync is generic: columns are
// discovered from the local SQLite schema, so a migration that adds a column or a
// table only has to add the table to storage's synced list.
class SyncTable
{
public:
    struct Column
    {
        QString name;
        QString sqliteType; // declared type, as PRAGMA table_info reports it
        QString pgType() const; // the central column type for that declared type
    };

    QString name;
    QList<Column> columns;
    // Column naming a photo-store file (SHA-256) whose bytes travel with the row, if any.
    QString photoColumn;

    QStringList columnNames() const;
    bool hasColumn(const QString &column) const;

    // Reads each table's columns. Every synced table must have id, updated_at,
    // deleted and origin_device.
    static Result<QList<SyncTable>> discover(const QSqlDatabase &local, const QStringList &tableNames);

    // "name" quoted as an SQL identifier (same rules in SQLite and PostgreSQL).
    static QString quote(const QString &identifier);
};

} // namespace rollcall
