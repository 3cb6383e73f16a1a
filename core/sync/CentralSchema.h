#pragma once

#include "common/Result.h"
#include "sync/SyncTable.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace rollcall {

// The central PostgreSQL schema. RollCall's own bookkeeping (server id, change
// sequence, photo blobs, devices) is versioned by numbered migrations, each in one
// transaction; the synced tables mirror the local ones column by column (plus
// server_seq, the server-assigned change order) and grow with them.
// Both steps run under a PostgreSQL advisory lock, so PCs syncing at the same
// moment never race each other's DDL.
class CentralSchema
{
public:
    // The newest central schema this build knows.
    static int latestVersion();

    // Creates or upgrades the bookkeeping tables. A server whose schema is newer
    // than this build is refused (Error::Storage) and left alone.
    static Status migrate(QSqlDatabase &pg);

    // Creates missing mirror tables and adds missing columns. localSchemaVersion is
    // the local database's schema version: a server already used by a newer local
    // schema is refused, so an old RollCall cannot push rows without the new columns.
    static Status mirrorTables(QSqlDatabase &pg, const QList<SyncTable> &tables, int localSchemaVersion);

    // The server's identity (a UUID made when the schema was created): when it
    // changes, a PC starts again from the beginning rather than trusting its cursors.
    static Result<QString> serverId(QSqlDatabase &pg);

    // Advisory lock keys (pg_advisory_xact_lock).
    static constexpr qint64 kMigrationLock = 0x526f6c6c43616c6c; // "RollCall"
    static constexpr qint64 kPushLock = 0x526f6c6c43616c6d;
};

} // namespace rollcall
