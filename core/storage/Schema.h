#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace rollcall {

// One forward migration: the statements that take the schema from version - 1 to version.
// Database runs each migration in one transaction together with its schema_version row.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

// The SQLite schema. Every synced table has the same bookkeeping columns:
//   id TEXT (UUID) primary key, created_at / updated_at INTEGER (HybridLogicalClock
//   values, sort as integers), deleted INTEGER (0/1 tombstone), origin_device TEXT.
// Column types are only TEXT, INTEGER, REAL and BLOB so sync can mirror them generically.
// Foreign keys are DEFERRABLE INITIALLY DEFERRED: rows may arrive in any order within one
// transaction (sync pulls), and are checked at COMMIT.
// Local-only tables (not synced): schema_version, meta.
class Schema
{
public:
    static const std::vector<Migration> &migrations();
    static int latestVersion();
    // The tables sync mirrors, parents before children (safe insert order).
    static QStringList syncedTables();
    // The bookkeeping columns every synced table has, in this order.
    static QStringList bookkeepingColumns();
};

} // namespace rollcall
