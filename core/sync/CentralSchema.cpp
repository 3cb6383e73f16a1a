#include "sync/CentralSchema.h"

#include "common/LogCategories.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace rollcall {
namespace {

struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list {
        { 1,
          {
              QStringLiteral("CREATE TABLE rollcall_meta (key text PRIMARY KEY, value text NOT NULL)"),
              QStringLiteral("INSERT INTO rollcall_meta (key, value) VALUES ('server_id', gen_random_uuid()::text)"),
              // One sequence for every synced table: the order in which changes reached the server.
              QStringLiteral("CREATE SEQUENCE rollcall_change_seq AS bigint"),
              // Photo-store files (enrolment crops), addressed by the SHA-256 of their bytes.
              QStringLiteral("CREATE TABLE rollcall_blobs (sha256 text PRIMARY KEY, data bytea NOT NULL, "
                             "size bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"),
              // Which PCs sync here and when they last did (for the administrator).
              QStringLiteral("CREATE TABLE rollcall_devices (device_id text PRIMARY KEY, "
                             "first_sync timestamptz NOT NULL DEFAULT now(), last_sync timestamptz, "
                             "local_schema_version integer, rollcall_version text, "
                             "rows_pushed bigint NOT NULL DEFAULT 0, rows_pulled bigint NOT NULL DEFAULT 0)"),
          } },
    };
    return list;
}

Error sqlError(const QString &what, const QSqlQuery &query)
{
    return Error::storage(QStringLiteral("central database: %1: %2").arg(what, query.lastError().text()));
}

Status exec(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql))
        return sqlError(sql.left(80), query);
    return {};
}

// Runs body inside a transaction holding the migration lock; rolls back on error.
template<typename Body> Status underLock(QSqlDatabase &pg, Body body)
{
    if (!pg.transaction())
        return Error::storage(QStringLiteral("central database: cannot begin: %1").arg(pg.lastError().text()));
    QSqlQuery query(pg);
    Status st = exec(query, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(CentralSchema::kMigrationLock));
    if (st.ok())
        st = body(query);
    if (!st.ok()) {
        pg.rollback();
        return st;
    }
    if (!pg.commit())
        return Error::storage(QStringLiteral("central database: cannot commit: %1").arg(pg.lastError().text()));
    return {};
}

} // namespace

int CentralSchema::latestVersion()
{
    return migrations().constLast().version;
}

Status CentralSchema::migrate(QSqlDatabase &pg)
{
    return underLock(pg, [](QSqlQuery &query) -> Status {
        if (Status st = exec(query,
                             QStringLiteral("CREATE TABLE IF NOT EXISTS rollcall_schema_version ("
                                            "version integer PRIMARY KEY, "
                                            "applied_at timestamptz NOT NULL DEFAULT now())"));
            !st.ok())
            return st;
        if (Status st = exec(query, QStringLiteral("SELECT coalesce(max(version), 0) FROM rollcall_schema_version"));
            !st.ok())
            return st;
        const int current = query.next() ? query.value(0).toInt() : 0;
        if (current > latestVersion()) {
            return Error::storage(QStringLiteral("the central database has schema version %1, newer than this "
                                                 "RollCall understands (%2); update RollCall on this PC")
                                      .arg(current)
                                      .arg(latestVersion()));
        }
        for (const Migration &m : migrations()) {
            if (m.version <= current)
                continue;
            qCInfo(lcSync) << "migrating the central schema to version" << m.version;
            for (const QString &sql : m.statements) {
                if (Status st = exec(query, sql); !st.ok())
                    return st;
            }
            query.prepare(QStringLiteral("INSERT INTO rollcall_schema_version (version) VALUES (?)"));
            query.addBindValue(m.version);
            if (!query.exec())
                return sqlError(QStringLiteral("recording the schema version"), query);
        }
        return {};
    });
}

Status CentralSchema::mirrorTables(QSqlDatabase &pg, const QList<SyncTable> &tables, int localSchemaVersion)
{
    return underLock(pg, [&](QSqlQuery &query) -> Status {
        if (Status st
            = exec(query, QStringLiteral("SELECT value FROM rollcall_meta WHERE key = 'local_schema_version'"));
            !st.ok())
            return st;
        const int serverLocal = query.next() ? query.value(0).toInt() : 0;
        if (serverLocal > localSchemaVersion) {
            return Error::storage(QStringLiteral("the central database is used by a newer RollCall (local schema "
                                                 "version %1, this PC has %2); update RollCall on this PC first")
                                      .arg(serverLocal)
                                      .arg(localSchemaVersion));
        }

        QHash<QString, QSet<QString>> existing;
        if (Status st = exec(query,
                             QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                                            "WHERE table_schema = current_schema()"));
            !st.ok())
            return st;
        while (query.next())
            existing[query.value(0).toString()].insert(query.value(1).toString());

        for (const SyncTable &table : tables) {
            const QString qt = SyncTable::quote(table.name);
            if (!existing.contains(table.name)) {
                qCInfo(lcSync) << "creating central table" << table.name;
                QStringList defs;
                for (const SyncTable::Column &c : table.columns) {
                    QString def = SyncTable::quote(c.name) + QLatin1Char(' ') + c.pgType();
                    if (c.name == QLatin1String("id"))
                        def += QStringLiteral(" PRIMARY KEY");
                    defs << def;
                }
                defs << QStringLiteral("server_seq bigint NOT NULL");
                if (Status st
                    = exec(query, QStringLiteral("CREATE TABLE %1 (%2)").arg(qt, defs.join(QStringLiteral(", "))));
                    !st.ok())
                    return st;
                if (Status st = exec(query,
                                     QStringLiteral("CREATE INDEX %1 ON %2 (server_seq)")
                                         .arg(SyncTable::quote(table.name + QStringLiteral("_server_seq")), qt));
                    !st.ok())
                    return st;
                continue;
            }
            const QSet<QString> &have = existing.value(table.name);
            for (const SyncTable::Column &c : table.columns) {
                if (have.contains(c.name))
                    continue;
                qCInfo(lcSync) << "adding central column" << table.name << c.name;
                if (Status st = exec(query,
                                     QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3")
                                         .arg(qt, SyncTable::quote(c.name), c.pgType()));
                    !st.ok())
                    return st;
            }
        }
        if (localSchemaVersion > serverLocal) {
            query.prepare(QStringLiteral("INSERT INTO rollcall_meta (key, value) VALUES ('local_schema_version', ?) "
                                         "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"));
            query.addBindValue(QString::number(localSchemaVersion));
            if (!query.exec())
                return sqlError(QStringLiteral("recording the local schema version"), query);
        }
        return {};
    });
}

Result<QString> CentralSchema::serverId(QSqlDatabase &pg)
{
    QSqlQuery query(pg);
    if (!query.exec(QStringLiteral("SELECT value FROM rollcall_meta WHERE key = 'server_id'")))
        return sqlError(QStringLiteral("reading the server id"), query);
    if (!query.next())
        return Error::storage(QStringLiteral("central database: no server id; the schema is incomplete"));
    return query.value(0).toString();
}

} // namespace rollcall
