#pragma once

#include "common/Result.h"
#include "sync/PgConnectionSettings.h"
#include "sync/SyncReport.h"
#include "sync/SyncTable.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <functional>

namespace rollcall {

class CentralConnection;
class ConflictResolver;
class Database;
class PhotoStore;

// One sync of the local database with the central PostgreSQL, on the calling
// thread (its own local connection from Database, its own central connection).
//
// 1. connect, check that the central schema is the one this build expects (PCs run
//    no DDL: `rollcall-cli server init` does), say hello (binds this PC's role to
//    this data folder's device id on first use);
// 2. push: per table, local rows this device wrote since the last push
//    (origin_device = me, updated_at > watermark), in batches, each one call of the
//    server's rollcall_push(), which refuses rows this PC may not write, logs them,
//    and upserts the rest newer-wins, stamped with the PC's role; photos go first;
// 3. erasures: the erasures table is pulled ahead of the rest and enforced
//    (ErasureLog), so this PC's rows about an erased subject are scrubbed before the
//    push; they are enforced again after the pull;
// 4. pull: per table, in storage's parent-before-child order and inside one
//    REPEATABLE READ snapshot, rows after the last server sequence seen, in pages,
//    each page applied with the same newer-wins rule in one local transaction
//    together with the new cursor; then any referenced photo still missing.
// Every step can be interrupted and simply run again (docs/sync.md).
class SyncEngine
{
public:
    struct Options
    {
        PgConnectionSettings server;
        QString password;
        QString photoStoreDir; // empty: AppPaths::photoStoreDir()
        bool classroomPhotos = false; // also sync the sessions' classroom photos
        int pushBatchRows = 1000;
        int pullPageRows = 5000;
    };
    // stage is a short user-facing text; total 0 when unknown.
    using Progress = std::function<void(const QString &stage, qint64 done, qint64 total)>;

    SyncEngine(Database &db, Options options);
    ~SyncEngine();

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    Result<SyncReport> run();

    // Rows this device changed that are not on the server yet.
    static Result<qint64> pendingChanges(Database &db);
    // When the last sync finished (invalid if never), from the local meta table.
    static QDateTime lastSuccess(Database &db);

    // meta keys (local, not synced)
    static QString pushedKey(const QString &table) { return QStringLiteral("sync.pushed.") + table; }
    static QString pushedIdKey(const QString &table) { return QStringLiteral("sync.pushed_id.") + table; }
    static QString pulledKey(const QString &table) { return QStringLiteral("sync.pulled.") + table; }

private:
    Status connectAndPrepare();
    Status resetIfServerChanged(SyncReport &report);
    Status push(SyncReport &report);
    Status pushTable(const SyncTable &table, SyncReport &report);
    Status pushBlobs(const QStringList &hashes, SyncReport &report);
    Status pull(SyncReport &report);
    Status pullTable(const SyncTable &table, SyncReport &report);
    Status applyPage(const SyncTable &table, const QList<QVariantList> &rows, qint64 lastSeq,
                     SyncReport::TableCounts &counts, SyncReport &report);
    Status pullMissingBlobs(SyncReport &report);
    Status pullErasures(SyncReport &report);
    Status enforceErasures(SyncReport &report);
    Status recordDevice(const SyncReport &report);
    QStringList photoHashes(const SyncTable &table, const QVariantList &row) const;
    Result<qint64> metaNumber(const QString &key);
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void progress(const QString &stage, qint64 done, qint64 total);

    Database &m_db;
    Options m_options;
    QList<SyncTable> m_tables;
    std::unique_ptr<CentralConnection> m_central;
    std::unique_ptr<PhotoStore> m_photos;
    QSet<QString> m_replacedPhotos; // crops replaced by pulled rows, deleted when unused
    QString m_deviceId;
    QString m_serverId;
    Progress m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace rollcall
