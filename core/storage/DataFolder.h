#pragma once

#include "common/DataFolderLock.h"
#include "common/Result.h"

#include <QString>

namespace rollcall {

// What a process does before it opens anything in a data folder, in this order:
// take the folder's lock (DataFolderLock), complete a restore that a crash interrupted
// (RestoreJournal), remove staging folders left by a killed restore, and make the folder
// and every file in it private (0700/0600; an older installation is tightened once, logged).
// The GUI claims its folder for its whole run, CLI commands while they use the database.
// Not thread-safe.
class DataFolder
{
public:
    explicit DataFolder(QString dir = {}); // empty: AppPaths::dataDir()

    Status claim(int waitMs);
    void release() { m_lock.release(); }
    bool isClaimed() const { return m_lock.isLocked(); }
    const DataFolderLock &lock() const { return m_lock; }
    const QString &dir() const { return m_dir; }

private:
    QString m_dir;
    DataFolderLock m_lock;
};

} // namespace rollcall
