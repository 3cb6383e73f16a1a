#include "storage/Backup.h"

#include "common/LogCategories.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/Schema.h"
#include "storage/SqlHelper.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <unzip.h>
#include <zip.h>

#include <functional>
#include <memory>

namespace rollcall {
namespace {

constexpr qint64 kChunk = 256 * 1024;
const QLatin1String kManifest("manifest.json");
const QLatin1String kDatabase("rollcall.sqlite");
const QLatin1String kPhotoPrefix("photos/");

struct ZipCloser
{
    void operator()(void *z) const { zipClose(z, nullptr); }
};
struct UnzCloser
{
    void operator()(void *z) const { unzClose(z); }
};

Status addEntry(zipFile zip, const QString &name, QIODevice &source, bool compress)
{
    zip_fileinfo info {};
    const QDateTime now = QDateTime::currentDateTime();
    info.tmz_date.tm_year = static_cast<uInt>(now.date().year());
    info.tmz_date.tm_mon = static_cast<uInt>(now.date().month() - 1);
    info.tmz_date.tm_mday = static_cast<uInt>(now.date().day());
    info.tmz_date.tm_hour = static_cast<uInt>(now.time().hour());
    info.tmz_date.tm_min = static_cast<uInt>(now.time().minute());
    info.tmz_date.tm_sec = static_cast<uInt>(now.time().second());
    const QByteArray utf8 = name.toUtf8();
    if (zipOpenNewFileInZip64(zip, utf8.constData(), &info, nullptr, 0, nullptr, 0, nullptr, compress ? Z_DEFLATED : 0,
                              compress ? Z_DEFAULT_COMPRESSION : 0, 1)
        != ZIP_OK)
        return Error::storage(QStringLiteral("Cannot add %1 to the backup archive.").arg(name));
    QByteArray buffer;
    while (!source.atEnd()) {
        buffer = source.read(kChunk);
        if (buffer.isEmpty() && !source.atEnd())
            return Error::storage(QStringLiteral("Cannot read %1 for the backup: %2").arg(name, source.errorString()));
        if (zipWriteInFileInZip(zip, buffer.constData(), static_cast<unsigned>(buffer.size())) != ZIP_OK) {
            zipCloseFileInZip(zip);
            return Error::storage(QStringLiteral("Cannot write the backup archive (disk full?)."));
        }
    }
    if (zipCloseFileInZip(zip) != ZIP_OK)
        return Error::storage(QStringLiteral("Cannot write the backup archive (disk full?)."));
    return {};
}

// Extracts the current entry to target (or only hashes it when target is null); returns SHA-256 hex.
Result<QString> extractCurrent(unzFile zip, const QString &name, QIODevice *target)
{
    if (unzOpenCurrentFile(zip) != UNZ_OK)
        return Error::badInput(QStringLiteral("The backup entry %1 cannot be read.").arg(name));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(kChunk, Qt::Uninitialized);
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
        hash.addData(QByteArrayView(buffer.constData(), n));
        if (target && target->write(buffer.constData(), n) != n) {
            unzCloseCurrentFile(zip);
            return Error::storage(
                QStringLiteral("Cannot extract %1 (disk full?): %2").arg(name, target->errorString()));
        }
    }
    // unzCloseCurrentFile reports a CRC mismatch of a damaged entry.
    if (unzCloseCurrentFile(zip) != UNZ_OK || n < 0)
        return Error::badInput(QStringLiteral("The backup entry %1 is damaged.").arg(name));
    return QString::fromLatin1(hash.result().toHex());
}

// Runs work on a short-lived connection of its own to the SQLite file at path
// (the archive copy or a database being replaced, never the live connections).
// Returns the first error's text, empty on success.
QString onOwnConnection(const QString &name, const QString &path, bool readOnly,
                        const std::function<QString(QSqlDatabase &)> &work)
{
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        problem = db.open() ? work(db) : db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

// Opens a database copy read-only and checks it completely.
Status checkDatabaseCopy(const QString &path, int *schemaVersion)
{
    auto version = Database::probeSchemaVersion(path);
    if (!version)
        return Error::badInput(
            QStringLiteral("The database in the backup is not usable: %1").arg(version.error().message()));
    if (*version > Schema::latestVersion())
        return Error::badInput(QStringLiteral("The backup comes from a newer RollCall (schema version %1; this version "
                                              "knows up to %2). Update RollCall to restore it.")
                                   .arg(*version)
                                   .arg(Schema::latestVersion()));
    if (*version < 1)
        return Error::badInput(QStringLiteral("The database in the backup is empty."));
    *schemaVersion = *version;
    const QString problem
        = onOwnConnection(QStringLiteral("rollcall-backup-check"), path, true, [](QSqlDatabase &db) -> QString {
              QSqlQuery q(db);
              if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
                  return q.lastError().text();
              if (q.value(0).toString() != QLatin1String("ok"))
                  return q.value(0).toString();
              return {};
          });
    if (!problem.isEmpty())
        return Error::badInput(QStringLiteral("The database in the backup is damaged: %1").arg(problem));
    return {};
}

// Reads the archive, extracting into staging when given; checks every hash.
Result<Backup::Summary> readArchive(const QString &archivePath, const QString &staging)
{
    if (!QFileInfo::exists(archivePath))
        return Error::badInput(QStringLiteral("The backup %1 does not exist.").arg(archivePath));
    std::unique_ptr<void, UnzCloser> zip(unzOpen64(QFile::encodeName(archivePath).constData()));
    if (!zip)
        return Error::badInput(QStringLiteral("%1 is not a RollCall backup (not a zip archive).").arg(archivePath));
    QTemporaryDir scratch;
    const QString target = staging.isEmpty() ? scratch.path() : staging;
    if (!scratch.isValid() || !QDir().mkpath(target + QStringLiteral("/photos")))
        return Error::storage(QStringLiteral("Cannot create a temporary folder to check the backup."));
    QJsonObject manifest;
    QString databaseHash;
    int photos = 0;
    for (int status = unzGoToFirstFile(zip.get()); status == UNZ_OK; status = unzGoToNextFile(zip.get())) {
        unz_file_info64 info {};
        char nameBuffer[512] = {};
        if (unzGetCurrentFileInfo64(zip.get(), &info, nameBuffer, sizeof nameBuffer, nullptr, 0, nullptr, 0) != UNZ_OK)
            return Error::badInput(QStringLiteral("The backup %1 is damaged.").arg(archivePath));
        const QString name = QString::fromUtf8(nameBuffer);
        if (name == kManifest) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            if (auto h = extractCurrent(zip.get(), name, &buffer); !h)
                return h.error();
            manifest = QJsonDocument::fromJson(buffer.data()).object();
        } else if (name == kDatabase) {
            QFile file(target + QLatin1Char('/') + kDatabase);
            if (!file.open(QIODevice::WriteOnly))
                return Error::storage(QStringLiteral("Cannot extract the database: %1").arg(file.errorString()));
            auto h = extractCurrent(zip.get(), name, &file);
            if (!h)
                return h.error();
            databaseHash = *h;
        } else if (name.startsWith(kPhotoPrefix)) {
            const QString hash = name.mid(kPhotoPrefix.size());
            if (!PhotoStore::isValidHash(hash))
                return Error::badInput(QStringLiteral("The backup holds an unexpected file %1.").arg(name));
            std::unique_ptr<QFile> file;
            if (!staging.isEmpty()) {
                file = std::make_unique<QFile>(target + QStringLiteral("/photos/") + hash);
                if (!file->open(QIODevice::WriteOnly))
                    return Error::storage(QStringLiteral("Cannot extract %1: %2").arg(name, file->errorString()));
            }
            auto h = extractCurrent(zip.get(), name, file.get());
            if (!h)
                return h.error();
            if (*h != hash)
                return Error::badInput(
                    QStringLiteral("The photo %1 in the backup is damaged (its content does not match "
                                   "its name).")
                        .arg(hash));
            ++photos;
        } else {
            return Error::badInput(QStringLiteral("The backup holds an unexpected file %1.").arg(name));
        }
    }
    if (manifest.value(QLatin1String("format")).toString() != QLatin1String("rollcall-backup"))
        return Error::badInput(QStringLiteral("%1 is not a RollCall backup (no manifest).").arg(archivePath));
    if (manifest.value(QLatin1String("format_version")).toInt() > Backup::FormatVersion)
        return Error::badInput(
            QStringLiteral("The backup was made by a newer RollCall; update RollCall to restore it."));
    if (databaseHash.isEmpty())
        return Error::badInput(QStringLiteral("The backup holds no database."));
    if (databaseHash != manifest.value(QLatin1String("database_sha256")).toString())
        return Error::badInput(QStringLiteral("The database in the backup is damaged (checksum mismatch)."));
    if (photos != manifest.value(QLatin1String("photo_count")).toInt())
        return Error::badInput(QStringLiteral("The backup is incomplete: %1 of %2 photos.")
                                   .arg(photos)
                                   .arg(manifest.value(QLatin1String("photo_count")).toInt()));
    Backup::Summary summary;
    if (Status s = checkDatabaseCopy(target + QLatin1Char('/') + kDatabase, &summary.schemaVersion); !s)
        return s.error();
    summary.deviceId = manifest.value(QLatin1String("device_id")).toString();
    summary.createdAt = manifest.value(QLatin1String("created_at")).toString();
    summary.photoCount = photos;
    summary.bytes = QFileInfo(archivePath).size();
    return summary;
}

// The device id this installation keeps after a restore: that of the database
// being replaced (restoring onto the same PC, or onto another PC that already has
// its own identity), or a new one on a fresh PC. Never the backup's when that
// comes from another PC, or two PCs would sync under one id.
Result<QString> deviceIdAfterRestore(const QString &currentDatabase)
{
    QString current;
    if (QFileInfo::exists(currentDatabase)) {
        // Unreadable: treated as a fresh PC.
        onOwnConnection(QStringLiteral("rollcall-restore-identity"), currentDatabase, true,
                        [&current](QSqlDatabase &db) -> QString {
                            QSqlQuery q(db);
                            if (q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'device_id'")) && q.next())
                                current = q.value(0).toString();
                            return {};
                        });
    }
    return current.isEmpty() ? SqlHelper::newId() : current;
}

Status setDeviceId(const QString &databasePath, const QString &deviceId)
{
    const QString problem = onOwnConnection(
        QStringLiteral("rollcall-restore-set-identity"), databasePath, false, [&deviceId](QSqlDatabase &db) -> QString {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('device_id', ?)"));
            q.addBindValue(deviceId);
            return q.exec() ? QString() : q.lastError().text();
        });
    if (!problem.isEmpty())
        return Error::storage(
            QStringLiteral("Cannot set this PC's device id in the restored database: %1").arg(problem));
    return {};
}

} // namespace

Result<Backup::Summary> Backup::create(Database &db, const PhotoStore &photos, const QString &archivePath)
{
    const QFileInfo archiveInfo(archivePath);
    if (!QDir().mkpath(archiveInfo.absolutePath()))
        return Error::storage(QStringLiteral("Cannot create the folder %1.").arg(archiveInfo.absolutePath()));
    QTemporaryDir scratch(archiveInfo.absolutePath() + QStringLiteral("/.rollcall-backup-XXXXXX"));
    if (!scratch.isValid())
        return Error::storage(
            QStringLiteral("Cannot write in %1: %2").arg(archiveInfo.absolutePath(), scratch.errorString()));
    // VACUUM INTO reads one consistent snapshot, even while other connections write.
    const QString copy = scratch.filePath(kDatabase);
    auto vacuum = SqlHelper::exec(db.connection(), QStringLiteral("VACUUM INTO ?"), { copy });
    if (!vacuum)
        return Error(vacuum.error().code(),
                     QStringLiteral("Copying the database for the backup: ") + vacuum.error().message());
    QString databaseHash;
    {
        QFile file(copy);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
            return Error::storage(QStringLiteral("Cannot read the database copy: %1").arg(file.errorString()));
        databaseHash = QString::fromLatin1(hash.result().toHex());
    }
    // Listed after the copy: every photo the copy refers to is already in the store.
    const QStringList hashes = photos.hashes();
    Summary summary;
    summary.schemaVersion = db.schemaVersion();
    summary.deviceId = db.deviceId();
    summary.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    summary.photoCount = static_cast<int>(hashes.size());
    QJsonObject manifest {
        { QStringLiteral("format"), QStringLiteral("rollcall-backup") },
        { QStringLiteral("format_version"), FormatVersion },
        { QStringLiteral("schema_version"), summary.schemaVersion },
        { QStringLiteral("device_id"), summary.deviceId },
        { QStringLiteral("created_at"), summary.createdAt },
        { QStringLiteral("database_sha256"), databaseHash },
        { QStringLiteral("photo_count"), summary.photoCount },
        { QStringLiteral("rollcall_version"), QStringLiteral(ROLLCALL_VERSION) },
    };

    const QString partial = scratch.filePath(QStringLiteral("archive.zip"));
    {
        std::unique_ptr<void, ZipCloser> zip(zipOpen64(QFile::encodeName(partial).constData(), APPEND_STATUS_CREATE));
        if (!zip)
            return Error::storage(QStringLiteral("Cannot create the backup archive %1.").arg(archivePath));
        QBuffer manifestBuffer;
        manifestBuffer.setData(QJsonDocument(manifest).toJson());
        manifestBuffer.open(QIODevice::ReadOnly);
        if (Status s = addEntry(zip.get(), kManifest, manifestBuffer, true); !s)
            return s.error();
        QFile database(copy);
        if (!database.open(QIODevice::ReadOnly))
            return Error::storage(QStringLiteral("Cannot read the database copy: %1").arg(database.errorString()));
        if (Status s = addEntry(zip.get(), kDatabase, database, true); !s)
            return s.error();
        for (const QString &hash : hashes) {
            QFile photo(photos.filePath(hash));
            if (!photo.open(QIODevice::ReadOnly))
                return Error::storage(QStringLiteral("Cannot read the photo %1: %2").arg(hash, photo.errorString()));
            // Photos are JPEG/PNG already: stored, not deflated.
            if (Status s = addEntry(zip.get(), kPhotoPrefix + hash, photo, false); !s)
                return s.error();
        }
        if (zipClose(zip.release(), nullptr) != ZIP_OK)
            return Error::storage(QStringLiteral("Cannot finish the backup archive (disk full?)."));
    }
    QFile::remove(archivePath);
    if (!QFile::rename(partial, archivePath))
        return Error::storage(QStringLiteral("Cannot write the backup %1.").arg(archivePath));
    summary.bytes = QFileInfo(archivePath).size();
    qCInfo(lcStorage) << "backup written:" << archivePath << summary.photoCount << "photos";
    return summary;
}

Result<Backup::Summary> Backup::validate(const QString &archivePath)
{
    return readArchive(archivePath, {});
}

Result<Backup::Summary> Backup::restore(const QString &archivePath, const QString &databasePath, PhotoStore &photos)
{
    const QFileInfo dbInfo(databasePath);
    if (!QDir().mkpath(dbInfo.absolutePath()))
        return Error::storage(QStringLiteral("Cannot create the folder %1.").arg(dbInfo.absolutePath()));
    // Stage beside the database so the final step is a rename on the same file system.
    QTemporaryDir staging(dbInfo.absolutePath() + QStringLiteral("/.rollcall-restore-XXXXXX"));
    if (!staging.isValid())
        return Error::storage(
            QStringLiteral("Cannot write in %1: %2").arg(dbInfo.absolutePath(), staging.errorString()));
    auto summary = readArchive(archivePath, staging.path());
    if (!summary)
        return summary.error(); // nothing replaced

    // Photos first: adding files to a content-addressed store never breaks the current database.
    const QDir stagedPhotos(staging.filePath(QStringLiteral("photos")));
    for (const QString &hash : stagedPhotos.entryList(QDir::Files)) {
        if (photos.contains(hash))
            continue;
        auto stored = photos.putFile(stagedPhotos.filePath(hash));
        if (!stored)
            return Error::storage(QStringLiteral("Restoring photos failed; the database was not replaced: %1")
                                      .arg(stored.error().message()));
    }
    auto deviceId = deviceIdAfterRestore(databasePath);
    if (!deviceId)
        return deviceId.error();
    if (*deviceId != summary->deviceId) {
        if (Status s = setDeviceId(staging.filePath(kDatabase), *deviceId); !s.ok())
            return s.error(); // nothing replaced
    }
    summary->restoredDeviceId = *deviceId;
    // The database: keep the current one (and its WAL) aside, then move the copy in.
    if (dbInfo.exists()) {
        const QString aside = databasePath + QStringLiteral(".before-restore-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            if (QFileInfo::exists(databasePath + suffix) && !QFile::rename(databasePath + suffix, aside + suffix))
                return Error::storage(
                    QStringLiteral("Cannot move the current database aside (%1); nothing was replaced.")
                        .arg(databasePath + suffix));
        }
        summary->previousDatabase = aside;
    }
    if (!QFile::rename(staging.filePath(kDatabase), databasePath)) {
        if (!summary->previousDatabase.isEmpty())
            QFile::rename(summary->previousDatabase, databasePath);
        return Error::storage(QStringLiteral("Cannot move the restored database into place; the old one was kept."));
    }
    qCInfo(lcStorage) << "backup restored:" << archivePath << "→" << databasePath;
    return summary;
}

} // namespace rollcall
