#pragma once

#include "common/Result.h"

#include <QString>

namespace rollcall {

class Database;
class PhotoStore;

// One-file backups: a consistent copy of the live database (VACUUM INTO, safe while other
// connections use it) plus every file of the photo store, in a zip archive:
//   manifest.json  (format, schema version, device id, time, and for every other entry
//                   its name, size and SHA-256; format 1 had only the database's hash)
//   rollcall.sqlite
//   photos/<sha256>
// Reading is bounded: sizes in the zip's directory must match the manifest (format 1:
// stay under caps), the whole must fit on the disk, and no entry is inflated past its
// recorded size. restore() validates everything (manifest, database integrity and schema
// version, every hash) in a staging folder before it replaces anything, then swaps the
// database under a RestoreJournal; the database it replaces is kept beside it as
// rollcall.sqlite.before-restore-<time>. The archive is written 0600.
class Backup
{
public:
    struct Summary
    {
        int schemaVersion = 0;
        QString deviceId {}; // of the PC the backup was made on
        QString restoredDeviceId {}; // restore: this PC's id afterwards (see Backup::restore)
        QString createdAt {}; // ISO 8601 UTC
        int photoCount = 0;
        qint64 bytes = 0; // archive size
        QString previousDatabase {}; // restore: where the replaced database was moved ("" if none)
    };

    // Writes the archive atomically (temporary file + rename).
    static Result<Summary> create(Database &db, const PhotoStore &photos, const QString &archivePath);
    // Reads and checks the whole archive without changing anything.
    static Result<Summary> validate(const QString &archivePath);
    // Replaces the database at databasePath and adds the archive's photos to photos.
    // The database must not be open anywhere: the caller holds the data folder's lock
    // (DataFolderLock). A crash midway is completed by RestoreJournal::recover. The restored
    // database keeps the device id of the one it replaces, or gets a new one on a
    // fresh PC: a backup restored onto another PC must not clone the first PC's identity.
    static Result<Summary> restore(const QString &archivePath, const QString &databasePath, PhotoStore &photos);

    static constexpr int FormatVersion = 2; // 2: the manifest records every entry's size and hash
};

} // namespace rollcall
