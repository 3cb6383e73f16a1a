#pragma once

#include "common/Error.h"
#include "sync/SyncEngine.h"
#include "sync/SyncReport.h"

#include <QObject>

#include <atomic>

class QThread;

namespace rollcall {

class Database;

// A sync as a long job: runs SyncEngine on a thread of its own (with its own local
// and central connections), reports progress, can be cancelled between batches.
// Signals arrive on the thread the job lives in. One-shot: start() once; cancel()
// before start() makes it fail with Error::Cancelled straight away.
class SyncJob : public QObject
{
    Q_OBJECT

public:
    SyncJob(Database &db, SyncEngine::Options options, QObject *parent = nullptr);
    ~SyncJob() override; // cancels and waits for the thread

    void start();
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(const QString &stage, qint64 done, qint64 total);
    void finished(const rollcall::SyncReport &report);
    void failed(const rollcall::Error &error);

private:
    Database &m_db;
    SyncEngine::Options m_options;
    std::atomic<bool> m_cancel { false };
    QThread *m_thread = nullptr;
};

} // namespace rollcall
