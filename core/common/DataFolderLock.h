#pragma once

#include "common/Result.h"

#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace rollcall {

// One process owns a data folder at a time: the GUI for as long as it runs, a CLI
// command for as long as it has the database open, a restore for its whole duration.
// A QLockFile (<data>/rollcall.lock, holding pid, program and host) whose holder died
// (kill -9, power cut) is taken over: QLockFile checks that the pid is still running
// that program. Age alone never makes a lock stale: a GUI may run for days.
// Not thread-safe; one object per process and folder.
class DataFolderLock
{
public:
    struct Holder
    {
        qint64 pid = 0;
        QString program {};
        QString host {};
        // "rollcall-cli (process 1234 on lab-pc-3)"
        QString describe() const;
    };

    explicit DataFolderLock(QString dataDir);
    ~DataFolderLock();
    DataFolderLock(const DataFolderLock &) = delete;
    DataFolderLock &operator=(const DataFolderLock &) = delete;

    // Tries for up to waitMs (0: once). The error (Storage, exit code 5) names the holder.
    Status acquire(int waitMs);
    void release();
    bool isLocked() const;
    // Who holds the lock now, as written in the lock file (nullopt: nobody, or unreadable).
    std::optional<Holder> holder() const;
    const QString &dataDir() const { return m_dataDir; }
    QString lockFilePath() const;

    // How long CLI commands wait for a busy folder: ROLLCALL_LOCK_WAIT_MS, else 10 s.
    static int defaultWaitMs();

private:
    QString m_dataDir;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace rollcall
