#include "storage/Database.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "common/PrivateFiles.h"
#include "storage/RestoreJournal.h"
#include "storage/Schema.h"
#include "storage/SqlHelper.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlQuery>
#include <QThread>

namespace rollcall {
namespace {

QAtomicInteger<quint64> g_serial;

// Runs one statement without values; used for pragmas and transaction control.
Status run(const QSqlDatabase &db, const QString &sql, const QString &what = {})
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return SqlHelper::toError(query.lastError(), what);
    return {};
}

} // namespace

Database::Database(QString path)
    : Database(std::move(path), Options {})
{ }

Database::Database(QString path, Options options)
    : m_path(path.isEmpty() ? AppPaths::databasePath() : QFileInfo(path).absoluteFilePath())
    , m_options(options)
    , m_prefix(QStringLiteral("rollcall-db-%1-").arg(++g_serial))
    , m_clock(std::make_unique<HybridLogicalClock>())
    , m_guard(std::make_unique<QObject>())
{ }

Database::~Database()
{
    m_guard.reset(); // no more QThread::destroyed callbacks
    QMutexLocker lock(&m_mutex);
    for (const auto &connection : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(connection->name);
    m_connections.clear();
}

Result<QSqlDatabase> Database::openConnection(const QString &name, bool readOnly) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs);
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        const Error error = SqlHelper::toError(db.lastError(), QStringLiteral("Opening %1").arg(m_path));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return error;
    }
    if (!readOnly) {
        // journal_mode answers with the mode in force; anything but "wal" means we could not write.
        QSqlQuery query(db);
        Status status;
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
            status = SqlHelper::toError(query.lastError(), QStringLiteral("Opening %1").arg(m_path));
        else if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            status = Error::storage(
                QStringLiteral("Could not switch %1 to WAL mode (the folder may be read-only).").arg(m_path));
        query.finish();
        if (status)
            status = run(db, QStringLiteral("PRAGMA foreign_keys=ON"));
        if (status)
            status = run(db, QStringLiteral("PRAGMA synchronous=FULL"));
        // Deleted rows (an erased student's embeddings) are overwritten, not left in free pages.
        if (status)
            status = run(db, QStringLiteral("PRAGMA secure_delete=ON"));
        // A class register touches pages spread over the records table; a 32 MiB page cache
        // keeps repeated reads in memory (the default 2 MiB does not hold a few classes).
        if (status)
            status = run(db, QStringLiteral("PRAGMA cache_size=-32768"));
        if (!status) {
            query = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return status.error();
        }
    }
    return db;
}

const std::vector<Migration> &Database::migrations() const
{
    return m_options.migrations ? *m_options.migrations : Schema::migrations();
}

int Database::latestVersion() const
{
    return migrations().empty() ? 0 : migrations().back().version;
}

Status Database::checkFile() const
{
    const QFileInfo info(m_path);
    // A restore that was interrupted: never create a new empty database in its place.
    if (RestoreJournal::exists(m_path))
        return Error::storage(QStringLiteral("A restore of %1 was interrupted and has not been completed yet (%2). "
                                             "Start RollCall again to complete it; nothing was changed.")
                                  .arg(m_path, RestoreJournal::pathFor(m_path)));
    if (!info.exists()) {
        if (!PrivateFiles::makeDirectory(info.absolutePath()))
            return Error::storage(
                QStringLiteral("Cannot create the folder %1 for the database.").arg(info.absolutePath()));
        // Created 0600 before SQLite opens it: SQLite gives -wal and -shm the database's mode.
        if (!PrivateFiles::createEmpty(m_path))
            return Error::storage(QStringLiteral("Cannot create the database %1.").arg(m_path));
        return {};
    }
    if (!info.isFile())
        return Error::storage(QStringLiteral("%1 is not a file.").arg(m_path));
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(QStringLiteral("Cannot read the database %1: %2").arg(m_path, file.errorString()));
    const QByteArray header = file.read(16);
    file.close();
    if (!header.isEmpty() && header != QByteArray("SQLite format 3", 16))
        return Error::storage(QStringLiteral("%1 is not a RollCall database (not an SQLite file, or damaged); it was "
                                             "left untouched. Restore a backup or choose another file.")
                                  .arg(m_path));
    // Opening for writing changes nothing but tells us early that the file is read-only.
    if (!file.open(QIODevice::ReadWrite))
        return Error::storage(QStringLiteral("The database %1 is read-only (%2); RollCall needs to write to it. "
                                             "Nothing was changed; check the file's permissions.")
                                  .arg(m_path, file.errorString()));
    file.close();
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        PrivateFiles::restrict(m_path + suffix);
    return {};
}

Result<int> Database::probeSchemaVersion(const QString &path)
{
    return probeSchemaVersion(path, Options {});
}

Result<int> Database::probeSchemaVersion(const QString &path, Options options)
{
    const QString name = QStringLiteral("rollcall-probe-%1").arg(++g_serial);
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    const bool hadSideFiles = QFileInfo::exists(wal) || QFileInfo::exists(shm);
    Result<int> result = 0;
    {
        Database probe(path, options);
        auto db = probe.openConnection(name, true);
        if (!db)
            return db.error();
        const QString what = QStringLiteral("Reading %1").arg(path);
        auto tables = SqlHelper::exec(*db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
        if (!tables) {
            result = tables.error();
        } else {
            QStringList names;
            while (tables->next())
                names << tables->value(0).toString();
            if (tables->lastError().isValid())
                result = SqlHelper::toError(tables->lastError(), what);
            else if (names.contains(QLatin1String("schema_version"))) {
                auto version
                    = SqlHelper::exec(*db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
                if (!version)
                    result = version.error();
                else if (version->next())
                    result = version->value(0).toInt();
            } else if (!names.isEmpty()) {
                result = Error::storage(
                    QStringLiteral("%1 is an SQLite file but not a RollCall database (no schema_version table); it "
                                   "was left untouched.")
                        .arg(path));
            }
        }
        db->close();
    }
    QSqlDatabase::removeDatabase(name);
    // A read-only look at a WAL database leaves empty -wal/-shm files behind; remove the
    // ones this probe created so a refused file's folder is left exactly as it was.
    if (!hadSideFiles && QFileInfo(wal).size() == 0) {
        QFile::remove(wal);
        QFile::remove(shm);
    }
    return result;
}

Status Database::open()
{
    if (m_open)
        return {};
    if (Status s = checkFile(); !s)
        return s;
    // Check the version read-only first, so a file we must refuse is never written to.
    Result<int> version = 0;
    if (QFileInfo(m_path).size() > 0)
        version = probeSchemaVersion(m_path, m_options);
    if (!version)
        return version.error();
    if (*version > latestVersion())
        return Error::storage(QStringLiteral("The database %1 was written by a newer RollCall (schema version %2; this "
                                             "version knows up to %3). It was left untouched; please update RollCall.")
                                  .arg(m_path)
                                  .arg(*version)
                                  .arg(latestVersion()));
    if (auto connection = threadConnection(); !connection)
        return connection.error();
    if (Status s = migrate(); !s) {
        releaseThreadConnection();
        return s;
    }
    if (Status s = loadIdentity(); !s) {
        releaseThreadConnection();
        return s;
    }
    m_open = true;
    qCInfo(lcStorage) << "database open:" << m_path << "schema" << m_schemaVersion;
    return {};
}

Status Database::migrate()
{
    QSqlDatabase db = connection();
    auto exists = SqlHelper::exec(
        db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
    if (!exists)
        return exists.error();
    const bool hasVersionTable = exists->next();
    exists = QSqlQuery();
    if (!hasVersionTable) {
        Status created = run(db,
                             QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY"
                                            " NOT NULL, applied_at TEXT NOT NULL, description TEXT NOT NULL)"),
                             QStringLiteral("Creating the schema_version table"));
        if (!created)
            return created;
    }
    // Only take the write lock when there is something to do: opening must work while
    // another program holds a long write transaction (WAL lets readers in).
    auto before = SqlHelper::exec(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!before)
        return before.error();
    const int startVersion = before->next() ? before->value(0).toInt() : 0;
    before = QSqlQuery();
    for (const Migration &migration : migrations()) {
        if (migration.version <= startVersion)
            continue;
        Status status = transaction([&]() -> Status {
            // Read inside the transaction: another process may have migrated meanwhile.
            auto current = SqlHelper::exec(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
            if (!current)
                return current.error();
            const int version = current->next() ? current->value(0).toInt() : 0;
            current = QSqlQuery(); // an active statement would block DROP TABLE (SQLITE_LOCKED)
            if (version > latestVersion())
                return Error::storage(QStringLiteral("The database was upgraded by a newer RollCall meanwhile."));
            if (version >= migration.version)
                return {};
            for (const QString &statement : migration.statements) {
                if (Status s
                    = run(db, statement, QStringLiteral("Migrating to schema version %1").arg(migration.version));
                    !s)
                    return s;
            }
            auto insert
                = SqlHelper::exec(db,
                                  QStringLiteral("INSERT INTO schema_version (version, applied_at, description)"
                                                 " VALUES (?, ?, ?)"),
                                  { migration.version, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                    migration.description });
            if (!insert)
                return insert.error();
            qCInfo(lcStorage) << "migrated" << m_path << "to schema version" << migration.version;
            return {};
        });
        if (!status)
            return status;
    }
    auto version = SqlHelper::exec(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!version)
        return version.error();
    m_schemaVersion = version->next() ? version->value(0).toInt() : 0;
    return {};
}

Status Database::loadIdentity()
{
    QSqlDatabase db = connection();
    for (int attempt = 0; attempt < 2 && m_deviceId.isEmpty(); ++attempt) {
        auto id = SqlHelper::exec(db, QStringLiteral("SELECT value FROM meta WHERE key = 'device_id'"));
        if (!id)
            return id.error();
        if (id->next()) {
            m_deviceId = id->value(0).toString();
            break;
        }
        // First open: this database's device id (OR IGNORE: another process may race us).
        auto insert
            = SqlHelper::exec(db, QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?)"),
                              { SqlHelper::newId() });
        if (!insert)
            return insert.error();
    }
    if (m_deviceId.isEmpty())
        return Error::storage(QStringLiteral("The database has no device id."));

    // The clock starts after the newest stamp already stored, so it stays monotonic
    // across restarts even if the wall clock went back.
    return advanceClock(db);
}

Status Database::advanceClock(const QSqlDatabase &db)
{
    // One index look-up per synced table (each has an updated_at index).
    const auto newestOf = [](const QStringList &tables) {
        QStringList parts;
        for (const QString &table : tables)
            parts << QStringLiteral("SELECT max(updated_at) AS m FROM %1").arg(table);
        return QStringLiteral("SELECT coalesce(max(m), 0) FROM (%1)").arg(parts.join(QStringLiteral(" UNION ALL ")));
    };
    static const QString sql = newestOf(Schema::syncedTables());
    // A database kept at an older version (opened with fewer migrations) lacks erasures (4).
    static const QString before4 = [&newestOf] {
        QStringList tables = Schema::syncedTables();
        tables.removeAll(QStringLiteral("erasures"));
        return newestOf(tables);
    }();
    auto newest = SqlHelper::exec(db, m_schemaVersion >= 4 ? sql : before4);
    if (!newest)
        return newest.error();
    const qint64 stored = newest->next() ? newest->value(0).toLongLong() : 0;
    bool clamped = false;
    m_clock->raiseTo(stored, &clamped);
    if (clamped && !m_warnedFutureStamp) {
        m_warnedFutureStamp = true;
        qCWarning(lcStorage) << "the database holds a change stamped" << HybridLogicalClock::toDateTime(stored)
                             << "- ahead of this PC's clock; new changes are not stamped after it";
    }
    return {};
}

Result<Database::ThreadConnection *> Database::threadConnection()
{
    QThread *thread = QThread::currentThread();
    QMutexLocker lock(&m_mutex);
    if (auto it = m_connections.constFind(thread); it != m_connections.constEnd())
        return it->get();
    const QString name = m_prefix + QString::number(++g_serial);
    auto db = openConnection(name, false);
    if (!db)
        return db.error();
    auto connection = std::make_shared<ThreadConnection>();
    connection->name = name;
    m_connections.insert(thread, connection);
    QObject::connect(
        thread, &QObject::destroyed, m_guard.get(), [this, thread] { forgetThread(thread); }, Qt::DirectConnection);
    return connection.get();
}

void Database::forgetThread(QThread *thread)
{
    QMutexLocker lock(&m_mutex);
    auto connection = m_connections.take(thread);
    if (connection)
        QSqlDatabase::removeDatabase(connection->name);
}

QSqlDatabase Database::connection()
{
    auto connection = threadConnection();
    if (!connection) {
        qCWarning(lcStorage) << "no database connection:" << connection.error().message();
        return {};
    }
    return QSqlDatabase::database((*connection)->name, false);
}

void Database::releaseThreadConnection()
{
    forgetThread(QThread::currentThread());
}

Status Database::transaction(const std::function<Status()> &work)
{
    return runTransaction(work, true);
}

Status Database::readTransaction(const std::function<Status()> &work)
{
    return runTransaction(work, false);
}

Status Database::runTransaction(const std::function<Status()> &work, bool write)
{
    auto connection = threadConnection();
    if (!connection)
        return connection.error();
    ThreadConnection *tc = *connection;
    QSqlDatabase db = QSqlDatabase::database(tc->name, false);
    const QString savepoint = QStringLiteral("rollcall_sp%1").arg(tc->depth);
    if (Status s = run(db,
                       tc->depth == 0 ? (write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"))
                                      : QStringLiteral("SAVEPOINT ") + savepoint);
        !s)
        return s;
    // Another process (a CLI beside the GUI) may have stamped rows since this clock last
    // looked: start after them, so no stamp of ours falls below a push mark already taken.
    // Writers are serialised by BEGIN IMMEDIATE, so the value read here stays the newest.
    if (write && tc->depth == 0 && m_open) {
        if (Status s = advanceClock(db); !s) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return s;
        }
    }
    ++tc->depth;
    Status status = work();
    --tc->depth;
    if (status) {
        status = run(db, tc->depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + savepoint);
        if (status)
            return status;
    }
    if (tc->depth == 0) {
        // SQLite may already have rolled back (e.g. disk full); a failing ROLLBACK then is harmless.
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    } else {
        QSqlQuery query(db);
        query.exec(QStringLiteral("ROLLBACK TO ") + savepoint);
        query.exec(QStringLiteral("RELEASE ") + savepoint);
    }
    return status;
}

Result<QString> Database::metaValue(const QString &key, const QString &fallback)
{
    auto query = SqlHelper::exec(connection(), QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key });
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString() : fallback;
}

Status Database::setMetaValue(const QString &key, const QString &value)
{
    auto query = SqlHelper::exec(connection(),
                                 QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                                                " ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                                 { key, SqlHelper::text(value) });
    return query ? Status() : Status(query.error());
}

} // namespace rollcall
