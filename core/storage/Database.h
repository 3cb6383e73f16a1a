#pragma once

#include "common/Result.h"
#include "storage/HybridLogicalClock.h"
#include "storage/Schema.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace rollcall {

// The one way to open RollCall's SQLite database.
//
// open() checks the file (not SQLite → refused; schema newer than this build → refused,
// file untouched), then applies pending migrations, each in one transaction. Every thread
// gets its own named connection from connection(), created on first use with the same
// pragmas (WAL, foreign_keys=ON, synchronous=FULL, busy timeout). The connection of a
// QThread is closed when that QThread object is destroyed, or by releaseThreadConnection().
class Database
{
public:
    struct Options
    {
        int busyTimeoutMs = 5000;
        // The migrations to apply; null: Schema::migrations(). Tests pass their own.
        const std::vector<Migration> *migrations = nullptr;
    };

    explicit Database(QString path = {}); // empty: AppPaths::databasePath()
    Database(QString path, Options options);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Status open();
    bool isOpen() const { return m_open; }
    const QString &path() const { return m_path; }
    const Options &options() const { return m_options; }

    // The calling thread's connection (opened on first use). Only valid after open().
    QSqlDatabase connection();
    void releaseThreadConnection();

    // Runs work in one transaction on the calling thread's connection (BEGIN IMMEDIATE, so a
    // writer waits for the busy timeout up front). Commits when work succeeds, rolls back
    // otherwise. Nested calls use savepoints. A write transaction first raises clock() to the
    // newest stamp in the database, so two processes on one file never stamp backwards.
    Status transaction(const std::function<Status()> &work);
    // A read-only snapshot across several queries (deferred BEGIN: takes no write lock).
    Status readTransaction(const std::function<Status()> &work);

    int schemaVersion() const { return m_schemaVersion; }
    QString deviceId() const { return m_deviceId; }
    HybridLogicalClock &clock() { return *m_clock; }

    // Local settings in the meta table (not synced).
    Result<QString> metaValue(const QString &key, const QString &fallback = {});
    Status setMetaValue(const QString &key, const QString &value);

    // Reads the schema version of a database file without changing it (0: empty/new).
    static Result<int> probeSchemaVersion(const QString &path);
    static Result<int> probeSchemaVersion(const QString &path, Options options);

private:
    struct ThreadConnection
    {
        QString name;
        int depth = 0; // transaction nesting on that thread
    };

    Result<QSqlDatabase> openConnection(const QString &name, bool readOnly) const;
    Status checkFile() const;
    const std::vector<Migration> &migrations() const;
    int latestVersion() const;
    Status migrate();
    Status loadIdentity();
    // Raises the clock to the newest stamp stored by any process.
    Status advanceClock(const QSqlDatabase &db);
    Result<ThreadConnection *> threadConnection();
    Status runTransaction(const std::function<Status()> &work, bool write);
    void forgetThread(QThread *thread);

    QString m_path;
    Options m_options;
    QString m_prefix;
    bool m_open = false;
    int m_schemaVersion = 0;
    QString m_deviceId;
    std::unique_ptr<HybridLogicalClock> m_clock;
    bool m_warnedFutureStamp = false;
    QMutex m_mutex;
    QHash<QThread *, std::shared_ptr<ThreadConnection>> m_connections;
    std::unique_ptr<QObject> m_guard; // context for QThread::destroyed connections
};

} // namespace rollcall
