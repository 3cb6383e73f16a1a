#pragma once

#include "common/Result.h"

#include <QString>

namespace rollcall {

// What a restore is replacing with what, written (synced) before the first rename and
// removed after the last, so a restore killed between two renames is completed when
// RollCall next starts instead of leaving no database (and a new empty one after it):
//   <database>.restore-journal = {"database", "staged", "aside", "staging"}
// The staged database was fully validated before the journal was written, so recovery
// always rolls forward when the staged copy is still there; when it is gone the restore
// had finished its last rename and only the clean-up is left.
// Not thread-safe: run it with the data folder locked (DataFolderLock).
class RestoreJournal
{
public:
    struct Entry
    {
        QString database {};
        QString staged {}; // the validated copy in the staging folder
        QString aside {}; // where the current database (and -wal, -shm) goes
        QString staging {}; // the staging folder, removed at the end
    };

    static QString pathFor(const QString &databasePath);
    static bool exists(const QString &databasePath);

    static Status write(const Entry &entry);
    // Completes an interrupted restore of databasePath, if any; true when there was one.
    static Result<bool> recover(const QString &databasePath);
    // The rename steps, shared by Backup::restore and recover(): moves the current
    // database files aside, the staged copy in, then removes staging and journal.
    static Status complete(const Entry &entry);
};

} // namespace rollcall
