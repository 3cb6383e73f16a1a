#pragma once

#include "common/Result.h"
#include "sync/SyncTable.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace rollcall {

// The central PostgreSQL schema. RollCall's own bookkeeping (server id, change
// sequence, photo blobs, devices, PCs, change log) is versioned by numbered
// migrations, each in one transaction; the synced tables mirror the local ones
// column by column (plus server_seq, the server-assigned change order, and
// written_by, the PC role that wrote the version) and grow with them.
// migrate() and mirrorTables() are DDL: only `rollcall-cli server init` (CentralAdmin)
// runs them, on the administrator's connection. PCs only call checkCompatible().
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

    // A PC's check before it syncs: the central schema and tables are exactly what this
    // build and a local schema of localSchemaVersion expect. Older or newer: Error::network
    // saying who must act (the administrator's server init, or an update of this PC).
    static Status checkCompatible(QSqlDatabase &pg, int localSchemaVersion);

    // The server's identity (a UUID made when the schema was created): when it
    // changes, a PC starts again from the beginning rather than trusting its cursors.
    static Result<QString> serverId(QSqlDatabase &pg);

    // Advisory lock keys (pg_advisory_xact_lock).
    static constexpr qint64 kMigrationLock = 0x526f6c6c43616c6c; // "RollCall"
    static constexpr qint64 kPushLock = 0x526f6c6c43616c6d;
};

} // namespace rollcall
