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
        { 2,
          {
              // Each PC's own login role, the departments it may write, the data folder
              // (device id) it is bound to on first sync, and its revocation.
              QStringLiteral("CREATE TABLE rollcall_pcs (role text PRIMARY KEY, device_id text UNIQUE, "
                             "departments text[] NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), "
                             "created_by text NOT NULL DEFAULT session_user, revoked_at timestamptz, revoked_by text)"),
              // Who changed what, written by the server itself (SECURITY DEFINER functions).
              QStringLiteral("CREATE TABLE rollcall_change_log (seq bigserial PRIMARY KEY, "
                             "at timestamptz NOT NULL DEFAULT clock_timestamp(), role text NOT NULL, device_id text, "
                             "table_name text NOT NULL, row_id text, operation text NOT NULL, "
                             "detail text NOT NULL DEFAULT '')"),
              QStringLiteral("CREATE INDEX rollcall_change_log_role ON rollcall_change_log (role, seq)"),
              // The tables PCs may push to (filled by server init from its local schema).
              QStringLiteral("CREATE TABLE rollcall_synced_tables (name text PRIMARY KEY, position integer NOT NULL)"),
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
                defs << QStringLiteral("server_seq bigint NOT NULL") << QStringLiteral("written_by text");
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
            // Central databases made before per-PC roles: who wrote a row is stamped from now on.
            if (!have.contains(QStringLiteral("written_by"))) {
                if (Status st = exec(query, QStringLiteral("ALTER TABLE %1 ADD COLUMN written_by text").arg(qt));
                    !st.ok())
                    return st;
            }
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
        if (Status st = exec(query, QStringLiteral("DELETE FROM rollcall_synced_tables")); !st.ok())
            return st;
        for (int i = 0; i < tables.size(); ++i) {
            query.prepare(QStringLiteral("INSERT INTO rollcall_synced_tables (name, position) VALUES (?, ?)"));
            query.addBindValue(tables.at(i).name);
            query.addBindValue(i);
            if (!query.exec())
                return sqlError(QStringLiteral("recording the synced tables"), query);
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

Status CentralSchema::checkCompatible(QSqlDatabase &pg, int localSchemaVersion)
{
    QSqlQuery query(pg);
    if (!query.exec(QStringLiteral("SELECT to_regclass('rollcall_schema_version') IS NOT NULL")) || !query.next())
        return Error::network(
            QStringLiteral("central database: cannot read its version: %1").arg(query.lastError().text()));
    if (!query.value(0).toBool())
        return Error::network(QStringLiteral("the central database is not set up for RollCall; the administrator "
                                             "runs rollcall-cli server init (docs/sync.md)"));
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0), (SELECT value FROM rollcall_meta "
                                   "WHERE key = 'local_schema_version') FROM rollcall_schema_version"))
        || !query.next())
        return Error::network(
            QStringLiteral("central database: cannot read its version: %1").arg(query.lastError().text()));
    const int central = query.value(0).toInt();
    const int tables = query.value(1).toInt();
    if (central > latestVersion() || tables > localSchemaVersion)
        return Error::network(QStringLiteral("the central database was set up by a newer RollCall (central schema "
                                             "%1, tables %2; this PC understands %3 and %4): update RollCall on "
                                             "this PC")
                                  .arg(central)
                                  .arg(tables)
                                  .arg(latestVersion())
                                  .arg(localSchemaVersion));
    if (central < latestVersion() || tables < localSchemaVersion)
        return Error::network(QStringLiteral("the central database is older than this RollCall (central schema "
                                             "%1, tables %2; this PC needs %3 and %4): the administrator runs "
                                             "rollcall-cli server init with this version (docs/sync.md)")
                                  .arg(central)
                                  .arg(tables)
                                  .arg(latestVersion())
                                  .arg(localSchemaVersion));
    return {};
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
