#include "sync/CentralAdmin.h"

#include "common/LogCategories.h"
#include "storage/Database.h"
#include "storage/Schema.h"
#include "sync/CentralSchema.h"
#include "sync/ScramVerifier.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace rollcall {
namespace {

QString literal(QString text)
{
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

const QStringList &bookkeepingTables()
{
    static const QStringList tables {
        QStringLiteral("rollcall_meta"),         QStringLiteral("rollcall_schema_version"),
        QStringLiteral("rollcall_blobs"),        QStringLiteral("rollcall_devices"),
        QStringLiteral("rollcall_pcs"),          QStringLiteral("rollcall_change_log"),
        QStringLiteral("rollcall_synced_tables")
    };
    return tables;
}

// What PCs may read besides the synced tables: the pull and the compatibility check need them.
const QStringList &readableBookkeeping()
{
    static const QStringList tables { QStringLiteral("rollcall_meta"), QStringLiteral("rollcall_schema_version"),
                                      QStringLiteral("rollcall_blobs"), QStringLiteral("rollcall_synced_tables") };
    return tables;
}

// The functions a PC may call; everything else is the owner's.
const QStringList &pcEntryPoints()
{
    static const QStringList functions { QStringLiteral("rollcall_hello(text, integer, text)"),
                                         QStringLiteral("rollcall_push(text, jsonb)"),
                                         QStringLiteral("rollcall_put_blob(text, bytea)"),
                                         QStringLiteral("rollcall_finish(bigint)") };
    return functions;
}

QDateTime utc(const QVariant &v)
{
    return v.isNull() ? QDateTime() : v.toDateTime().toUTC();
}

} // namespace

QJsonObject CentralAdmin::PcInfo::toJson() const
{
    const auto stamp
        = [](const QDateTime &t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue(); };
    return { { QStringLiteral("role"), role },
             { QStringLiteral("departments"), QJsonArray::fromStringList(departments) },
             { QStringLiteral("device_id"), deviceId.isEmpty() ? QJsonValue() : QJsonValue(deviceId) },
             { QStringLiteral("created_at"), stamp(createdAt) },
             { QStringLiteral("revoked_at"), stamp(revokedAt) },
             { QStringLiteral("last_sync"), stamp(lastSync) },
             { QStringLiteral("rollcall_version"), rollcallVersion },
             { QStringLiteral("rows_written"), rowsWritten },
             { QStringLiteral("rows_refused"), rowsRefused } };
}

CentralAdmin::CentralAdmin(QSqlDatabase &pg)
    : m_pg(pg)
{ }

bool CentralAdmin::isValidPcName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    return pattern.match(name).hasMatch();
}

Status CentralAdmin::exec(const QString &sql, const QVariantList &values)
{
    // Utility statements (CREATE ROLE …) cannot be prepared: only bind when there are values.
    QSqlQuery query(m_pg);
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (const QVariant &v : values)
            query.addBindValue(v);
        ok = query.exec();
    }
    if (!ok)
        return Error::network(QStringLiteral("central database: %1: %2")
                                  .arg(sql.section(QLatin1Char(' '), 0, 2), query.lastError().text()));
    return {};
}

Status CentralAdmin::resolveNames()
{
    QSqlQuery query(m_pg);
    if (!query.exec(QStringLiteral("SELECT current_database(), current_schema()")) || !query.next())
        return Error::network(QStringLiteral("central database: %1").arg(query.lastError().text()));
    m_database = query.value(0).toString();
    m_schema = query.value(1).toString();
    // Role names are per cluster, so they carry the database's name; keep them plain.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,40}$"));
    if (!plain.match(m_database).hasMatch())
        return Error::badInput(QStringLiteral("the central database's name must be letters, digits and '_' (at most "
                                              "41 characters) so that its role names fit; %1 is not")
                                   .arg(m_database));
    m_ownerRole = m_database + QStringLiteral("_rollcall_owner");
    m_pcRole = m_database + QStringLiteral("_rollcall_pc");
    return {};
}

Result<QList<SyncTable>> CentralAdmin::localTables()
{
    // A scratch database made by this build's migrations is the one true list of columns.
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error::storage(QStringLiteral("cannot make a temporary folder: %1").arg(dir.errorString()));
    Database db(dir.filePath(QStringLiteral("schema.sqlite")));
    if (Status st = db.open(); !st.ok())
        return st.error();
    auto tables = SyncTable::discover(db.connection(), Schema::syncedTables());
    db.releaseThreadConnection();
    return tables;
}

Status CentralAdmin::init()
{
    if (Status st = resolveNames(); !st.ok())
        return st;
    auto tables = localTables();
    if (!tables)
        return tables.error();
    qCInfo(lcSync) << "server init: database" << m_database << "schema" << m_schema;
    if (Status st = CentralSchema::migrate(m_pg); !st.ok())
        return st;
    if (Status st = CentralSchema::mirrorTables(m_pg, *tables, Schema::latestVersion()); !st.ok())
        return st;
    if (!m_pg.transaction())
        return Error::network(QStringLiteral("central database: cannot begin: %1").arg(m_pg.lastError().text()));
    Status st = secure(*tables);
    if (!st.ok()) {
        m_pg.rollback();
        return st;
    }
    if (!m_pg.commit())
        return Error::network(QStringLiteral("central database: cannot commit: %1").arg(m_pg.lastError().text()));
    return {};
}

Status CentralAdmin::secure(const QList<SyncTable> &tables)
{
    const QString owner = SyncTable::quote(m_ownerRole);
    const QString pc = SyncTable::quote(m_pcRole);
    const QString db = SyncTable::quote(m_database);
    const QString schema = SyncTable::quote(m_schema);
    QStringList statements;
    statements << QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(CentralSchema::kMigrationLock)
               << QStringLiteral(
                      "DO $rc$BEGIN "
                      "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %1) THEN CREATE ROLE %2 NOLOGIN; END IF; "
                      "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %3) THEN CREATE ROLE %4 NOLOGIN; END IF; "
                      "END$rc$")
                      .arg(literal(m_ownerRole), owner, literal(m_pcRole), pc)
               // The administrator keeps the right to migrate what the owner role owns.
               << QStringLiteral("GRANT %1 TO CURRENT_USER").arg(owner);

    QStringList allTables = bookkeepingTables();
    for (const SyncTable &t : tables)
        allTables << t.name;
    for (const QString &t : std::as_const(allTables))
        statements << QStringLiteral("ALTER TABLE %1 OWNER TO %2").arg(SyncTable::quote(t), owner);
    statements << QStringLiteral("ALTER SEQUENCE rollcall_change_seq OWNER TO %1").arg(owner);

    QFile file(QStringLiteral(":/sync/central-functions.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return Error::generic(QStringLiteral("the central functions are missing from this build"));
    QString functions = QString::fromUtf8(file.readAll());
    functions.replace(QLatin1String("@SCHEMA@"), schema);
    functions.replace(QLatin1String("@PUSH_LOCK@"), QString::number(CentralSchema::kPushLock));
    const QStringList parts = functions.split(QStringLiteral("\n-- statement\n"));
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            statements << part;
    }
    // Every rollcall_ function belongs to the owner role and is closed to PUBLIC.
    statements << QStringLiteral("DO $rc$DECLARE f regprocedure; BEGIN "
                                 "FOR f IN SELECT p.oid::regprocedure FROM pg_proc p "
                                 "WHERE p.pronamespace = %1::regnamespace AND p.proname LIKE 'rollcall\\_%' LOOP "
                                 "EXECUTE format('ALTER FUNCTION %s OWNER TO %I', f, %2); "
                                 "EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f); "
                                 "END LOOP; END$rc$")
                      .arg(literal(m_schema), literal(m_ownerRole));

    // Least privilege: PCs connect, read the synced tables and call four functions.
    statements << QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(db)
               << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(db, pc)
               << QStringLiteral("REVOKE ALL ON SCHEMA %1 FROM PUBLIC").arg(schema)
               << QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2, %3").arg(schema, owner, pc)
               << QStringLiteral("REVOKE ALL ON SEQUENCE rollcall_change_seq FROM PUBLIC");
    for (const QString &t : std::as_const(allTables))
        statements << QStringLiteral("REVOKE ALL ON TABLE %1 FROM PUBLIC, %2").arg(SyncTable::quote(t), pc);
    QStringList readable = readableBookkeeping();
    for (const SyncTable &t : tables)
        readable << t.name;
    for (const QString &t : std::as_const(readable))
        statements << QStringLiteral("GRANT SELECT ON TABLE %1 TO %2").arg(SyncTable::quote(t), pc);
    for (const QString &f : pcEntryPoints())
        statements << QStringLiteral("GRANT EXECUTE ON FUNCTION %1 TO %2").arg(f, pc);
    statements << QStringLiteral("INSERT INTO rollcall_meta (key, value) VALUES ('owner_role', %1), ('pc_role', %2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
                      .arg(literal(m_ownerRole), literal(m_pcRole));

    for (const QString &sql : std::as_const(statements)) {
        QSqlQuery query(m_pg);
        if (!query.exec(sql))
            return Error::network(
                QStringLiteral("server init: %1: %2").arg(sql.simplified().left(100), query.lastError().text()));
    }
    return {};
}

Result<CentralAdmin::NewPc> CentralAdmin::addPc(const QString &name, const QStringList &departments)
{
    if (!isValidPcName(name))
        return Error::usage(QStringLiteral("a PC name is a lower-case letter, then up to 39 lower-case letters, digits "
                                           "or '_'; %1 is not")
                                .arg(name));
    QStringList bound;
    for (const QString &d : departments) {
        const QString trimmed = d.trimmed();
        if (trimmed.isEmpty() || trimmed.contains(QLatin1Char('\n')) || trimmed.size() > 200)
            return Error::usage(QStringLiteral("a department is a name of one line (or * for every department)"));
        if (!bound.contains(trimmed))
            bound << trimmed;
    }
    if (bound.isEmpty())
        return Error::usage(QStringLiteral("a PC needs at least one --department (or --department '*')"));
    if (Status st = resolveNames(); !st.ok())
        return st.error();

    QSqlQuery query(m_pg);
    query.prepare(QStringLiteral("SELECT (SELECT count(*) FROM pg_roles WHERE rolname = ?), "
                                 "(SELECT count(*) FROM rollcall_pcs WHERE role = ?)"));
    query.addBindValue(name);
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return Error::network(
            QStringLiteral("central database: %1 (has server init run?)").arg(query.lastError().text()));
    if (query.value(1).toInt() > 0)
        return Error::badInput(
            QStringLiteral("the PC name %1 was used before on this server; choose another").arg(name));
    if (query.value(0).toInt() > 0)
        return Error::badInput(
            QStringLiteral("a database role named %1 already exists; choose another PC name").arg(name));

    NewPc pc { name, ScramVerifier::randomPassword() };
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    const QString verifier = ScramVerifier::make(pc.password, salt);

    if (!m_pg.transaction())
        return Error::network(QStringLiteral("central database: cannot begin: %1").arg(m_pg.lastError().text()));
    Status st = exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2 IN ROLE %3")
                         .arg(SyncTable::quote(name), literal(verifier), SyncTable::quote(m_pcRole)));
    if (st.ok())
        st = exec(QStringLiteral("INSERT INTO rollcall_pcs (role, departments) VALUES (?, string_to_array(?, E'\\n'))"),
                  { name, bound.join(QLatin1Char('\n')) });
    if (st.ok())
        st = exec(QStringLiteral("INSERT INTO rollcall_change_log (role, table_name, row_id, operation, detail) "
                                 "VALUES (session_user, 'rollcall_pcs', ?, 'add-pc', ?)"),
                  { name, bound.join(QStringLiteral(", ")) });
    if (!st.ok()) {
        m_pg.rollback();
        return st.error();
    }
    if (!m_pg.commit())
        return Error::network(QStringLiteral("central database: cannot commit: %1").arg(m_pg.lastError().text()));
    return pc;
}

Status CentralAdmin::removePc(const QString &name)
{
    if (!isValidPcName(name))
        return Error::usage(QStringLiteral("%1 is not a PC name").arg(name));
    if (Status st = resolveNames(); !st.ok())
        return st;
    if (!m_pg.transaction())
        return Error::network(QStringLiteral("central database: cannot begin: %1").arg(m_pg.lastError().text()));
    QSqlQuery query(m_pg);
    query.prepare(QStringLiteral("UPDATE rollcall_pcs SET revoked_at = now(), revoked_by = session_user "
                                 "WHERE role = ? AND revoked_at IS NULL"));
    query.addBindValue(name);
    Status st;
    if (!query.exec())
        st = Error::network(QStringLiteral("central database: %1").arg(query.lastError().text()));
    else if (query.numRowsAffected() != 1)
        st = Error::badInput(QStringLiteral("no active PC named %1 on this server").arg(name));
    if (st.ok())
        st = exec(QStringLiteral("ALTER ROLE %1 NOLOGIN").arg(SyncTable::quote(name)));
    if (st.ok())
        st = exec(QStringLiteral("REVOKE %1 FROM %2").arg(SyncTable::quote(m_pcRole), SyncTable::quote(name)));
    if (st.ok())
        st = exec(QStringLiteral("INSERT INTO rollcall_change_log (role, table_name, row_id, operation) "
                                 "VALUES (session_user, 'rollcall_pcs', ?, 'remove-pc')"),
                  { name });
    if (!st.ok()) {
        m_pg.rollback();
        return st;
    }
    if (!m_pg.commit())
        return Error::network(QStringLiteral("central database: cannot commit: %1").arg(m_pg.lastError().text()));
    // A sync in progress ends now rather than at its next reconnect.
    return exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?"), { name });
}

Result<QList<CentralAdmin::PcInfo>> CentralAdmin::listPcs()
{
    QSqlQuery query(m_pg);
    if (!query.exec(QStringLiteral(
            "SELECT p.role, array_to_string(p.departments, E'\\n'), coalesce(p.device_id, ''), p.created_at, "
            "p.revoked_at, d.last_sync, coalesce(d.rollcall_version, ''), "
            "(SELECT count(*) FROM rollcall_change_log l WHERE l.role = p.role AND l.operation IN ('insert', "
            "'update')), "
            "(SELECT count(*) FROM rollcall_change_log l WHERE l.role = p.role AND l.operation = 'refused') "
            "FROM rollcall_pcs p LEFT JOIN rollcall_devices d ON d.device_id = p.device_id ORDER BY p.role")))
        return Error::network(
            QStringLiteral("central database: %1 (has server init run?)").arg(query.lastError().text()));
    QList<PcInfo> pcs;
    while (query.next()) {
        PcInfo pc;
        pc.role = query.value(0).toString();
        pc.departments = query.value(1).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        pc.deviceId = query.value(2).toString();
        pc.createdAt = utc(query.value(3));
        pc.revokedAt = utc(query.value(4));
        pc.lastSync = utc(query.value(5));
        pc.rollcallVersion = query.value(6).toString();
        pc.rowsWritten = query.value(7).toLongLong();
        pc.rowsRefused = query.value(8).toLongLong();
        pcs << pc;
    }
    return pcs;
}

} // namespace rollcall
