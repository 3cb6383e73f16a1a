#pragma once

#include "common/Result.h"
#include "sync/SyncTable.h"

#include <QSqlDatabase>
#include <QStringList>

namespace rollcall {

class Database;

// Every row of every synced table as sorted text lines ("table|id|col=value|…",
// blobs in hex, NULL as NULL), so two databases, local or central, can be
// compared for "holds the same rows". Used by the sync tests and for diagnosis.
class CanonicalDump
{
public:
    static Result<QStringList> ofLocal(Database &db);
    // tables: the local column lists (server_seq and columns unknown locally are left out).
    static Result<QStringList> ofCentral(const QSqlDatabase &pg, const QList<SyncTable> &tables);
};

} // namespace rollcall
