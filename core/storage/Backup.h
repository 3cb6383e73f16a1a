#pragma once

#include "common/Result.h"

#include <QString>

namespace rollcall {

class Database;
class PhotoStore;

// One-file backups: a consistent copy of the live database (VACUUM INTO, safe while other
// connections use it) plus every file of the photo store, in a zip archive:
//   manifest.json  (format, schema version, device id, time, SHA-256 of the database copy)
//   rollcall.sqlite
//   photos/<sha256>
// restore() validates everything (manifest, database integrity and schema version, every
// photo's hash) in a staging folder before it replaces anything; the database it replaces is
// kept beside it as rollcall.sqlite.before-restore-<time>.
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
    // The database must not be open anywhere (close the GUI first). The restored
    // database keeps the device id of the one it replaces, or gets a new one on a
    // fresh PC: a backup restored onto another PC must not clone the first PC's identity.
    static Result<Summary> restore(const QString &archivePath, const QString &databasePath, PhotoStore &photos);

    static constexpr int FormatVersion = 1;
};

} // namespace rollcall
