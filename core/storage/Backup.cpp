#include "storage/Backup.h"

#include "common/LogCategories.h"
#include "common/PrivateFiles.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/RestoreJournal.h"
#include "storage/RestoreTestHook.h"
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
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
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

// Bounds on what an archive may make RollCall read or write. Format 2 records each entry's
// exact size; these caps bound format 1 archives and the manifest itself.
constexpr qint64 kMaxManifestBytes = 64LL * 1024 * 1024; // ~100 bytes per photo entry
constexpr qint64 kMaxPhotoBytes = 512LL * 1024 * 1024; // the image loader's file limit
constexpr qint64 kMaxDatabaseBytes = 64LL * 1024 * 1024 * 1024;
constexpr int kMaxEntries = 1000000;
constexpr qint64 kDiskMargin = 64LL * 1024 * 1024; // left free for the database and the system

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

// Extracts the current entry to target (or only hashes it when target is null), stopping
// with an error as soon as it inflates past limit bytes; returns SHA-256 hex and the size.
struct Extracted
{
    QString sha256;
    qint64 size = 0;
};
Result<Extracted> extractCurrent(unzFile zip, const QString &name, QIODevice *target, qint64 limit)
{
    if (unzOpenCurrentFile(zip) != UNZ_OK)
        return Error::badInput(QStringLiteral("The backup entry %1 cannot be read.").arg(name));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(kChunk, Qt::Uninitialized);
    Extracted out;
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
        out.size += n;
        if (out.size > limit) {
            unzCloseCurrentFile(zip);
            return Error::badInput(
                QStringLiteral("The backup entry %1 is larger than the backup says (more than %2 bytes); it was not "
                               "extracted.")
                    .arg(name)
                    .arg(limit));
        }
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
    out.sha256 = QString::fromLatin1(hash.result().toHex());
    return out;
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

struct Expected
{
    qint64 size = 0; // exact for format 2, an upper bound for format 1
    QString sha256 {};
    bool exact = false;
};

QString humanBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// Reads the archive, extracting into staging when given; checks every size and hash.
// Nothing is inflated before the central directory and the manifest agree: every entry's
// declared size must match the manifest (format 2) or stay under a cap (format 1), the
// whole must fit on the disk, and extraction stops at the recorded size, so a small
// archive cannot fill the disk or memory.
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
    const auto damaged
        = [&archivePath] { return Error::badInput(QStringLiteral("The backup %1 is damaged.").arg(archivePath)); };

    // 1. The central directory: names and declared sizes; nothing is inflated.
    QHash<QString, qint64> declared;
    QStringList order;
    for (int status = unzGoToFirstFile(zip.get()); status != UNZ_END_OF_LIST_OF_FILE;
         status = unzGoToNextFile(zip.get())) {
        if (status != UNZ_OK)
            return damaged();
        unz_file_info64 info {};
        char nameBuffer[256] = {};
        if (unzGetCurrentFileInfo64(zip.get(), &info, nameBuffer, sizeof nameBuffer, nullptr, 0, nullptr, 0) != UNZ_OK)
            return damaged();
        if (info.size_filename >= sizeof nameBuffer)
            return Error::badInput(QStringLiteral("The backup holds an entry with an overlong name."));
        const QString name = QString::fromUtf8(nameBuffer);
        if (declared.contains(name))
            return Error::badInput(QStringLiteral("The backup holds %1 twice.").arg(name));
        if (declared.size() >= kMaxEntries)
            return Error::badInput(QStringLiteral("The backup holds more than %1 files.").arg(kMaxEntries));
        declared.insert(name, static_cast<qint64>(std::min<ZPOS64_T>(info.uncompressed_size, INT64_MAX)));
        order << name;
    }

    // 2. The manifest, bounded.
    QJsonObject manifest;
    {
        if (unzLocateFile(zip.get(), kManifest.data(), 1) != UNZ_OK)
            return Error::badInput(QStringLiteral("%1 is not a RollCall backup (no manifest).").arg(archivePath));
        if (declared.value(kManifest) > kMaxManifestBytes)
            return Error::badInput(QStringLiteral("The backup's manifest is implausibly large."));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (auto h = extractCurrent(zip.get(), kManifest, &buffer, kMaxManifestBytes); !h)
            return h.error();
        manifest = QJsonDocument::fromJson(buffer.data()).object();
    }
    if (manifest.value(QLatin1String("format")).toString() != QLatin1String("rollcall-backup"))
        return Error::badInput(QStringLiteral("%1 is not a RollCall backup (no manifest).").arg(archivePath));
    const int format = manifest.value(QLatin1String("format_version")).toInt();
    if (format > Backup::FormatVersion)
        return Error::badInput(
            QStringLiteral("The backup was made by a newer RollCall; update RollCall to restore it."));

    // 3. What every entry must be: its size and hash.
    QHash<QString, Expected> expected;
    if (format >= 2) {
        const QJsonArray entries = manifest.value(QLatin1String("entries")).toArray();
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            const QString name = e.value(QLatin1String("name")).toString();
            const double size = e.value(QLatin1String("size")).toDouble(-1);
            if (name.isEmpty() || size < 0 || size > double(kMaxDatabaseBytes) || expected.contains(name))
                return Error::badInput(QStringLiteral("The backup's manifest is damaged."));
            expected.insert(name, { qint64(size), e.value(QLatin1String("sha256")).toString(), true });
        }
    } else {
        // Format 1 recorded no sizes: cap each entry by what RollCall itself would write.
        for (const QString &name : std::as_const(order)) {
            if (name == kDatabase)
                expected.insert(name,
                                { kMaxDatabaseBytes, manifest.value(QLatin1String("database_sha256")).toString() });
            else if (name.startsWith(kPhotoPrefix))
                expected.insert(name, { kMaxPhotoBytes, name.mid(kPhotoPrefix.size()) });
        }
    }
    qint64 total = 0;
    int photoCount = 0;
    for (const QString &name : std::as_const(order)) {
        if (name == kManifest)
            continue;
        const bool isPhoto = name.startsWith(kPhotoPrefix);
        if (name != kDatabase && !(isPhoto && PhotoStore::isValidHash(name.mid(kPhotoPrefix.size()))))
            return Error::badInput(QStringLiteral("The backup holds an unexpected file %1.").arg(name));
        const auto it = expected.constFind(name);
        if (it == expected.constEnd())
            return Error::badInput(QStringLiteral("The backup holds %1, which its manifest does not list.").arg(name));
        const qint64 size = declared.value(name);
        if (it->exact ? size != it->size : size > it->size)
            return Error::badInput(QStringLiteral("The backup entry %1 does not have the size its manifest records (%2 "
                                                  "instead of %3); it was not extracted.")
                                       .arg(name, humanBytes(size), humanBytes(it->size)));
        if (isPhoto && it->sha256 != name.mid(kPhotoPrefix.size()))
            return Error::badInput(QStringLiteral("The backup's manifest is damaged (%1).").arg(name));
        if (!staging.isEmpty() || name == kDatabase)
            total += size;
        photoCount += isPhoto ? 1 : 0;
    }
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        if (!declared.contains(it.key()))
            return Error::badInput(QStringLiteral("The backup is incomplete: %1 is missing.").arg(it.key()));
    }
    if (!declared.contains(kDatabase))
        return Error::badInput(QStringLiteral("The backup holds no database."));
    if (photoCount != manifest.value(QLatin1String("photo_count")).toInt())
        return Error::badInput(QStringLiteral("The backup is incomplete: %1 of %2 photos.")
                                   .arg(photoCount)
                                   .arg(manifest.value(QLatin1String("photo_count")).toInt()));
    // 4. Room on the disk for everything that will be written, before writing any of it.
    const qint64 available = QStorageInfo(target).bytesAvailable();
    if (available >= 0 && total > available - kDiskMargin)
        return Error::storage(
            QStringLiteral("Not enough free disk space in %1 to check this backup: it needs %2, "
                           "%3 are free. Nothing was changed.")
                .arg(QDir::toNativeSeparators(target), humanBytes(total + kDiskMargin), humanBytes(available)));

    // 5. Extract (or hash), never past the recorded size.
    bool firstPhoto = true;
    for (const QString &name : std::as_const(order)) {
        if (name == kManifest)
            continue;
        if (unzLocateFile(zip.get(), name.toUtf8().constData(), 1) != UNZ_OK)
            return damaged();
        const Expected want = expected.value(name);
        std::unique_ptr<QFile> file;
        if (name == kDatabase || !staging.isEmpty()) {
            file = std::make_unique<QFile>(target + QLatin1Char('/') + name);
            if (!file->open(QIODevice::WriteOnly))
                return Error::storage(QStringLiteral("Cannot extract %1: %2").arg(name, file->errorString()));
            file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        auto h = extractCurrent(zip.get(), name, file.get(), want.exact ? want.size : declared.value(name));
        if (!h)
            return h.error();
        if (want.exact && h->size != want.size)
            return Error::badInput(
                QStringLiteral("The backup entry %1 is damaged (it is shorter than recorded).").arg(name));
        if (h->sha256 != want.sha256)
            return Error::badInput(name == kDatabase
                                       ? QStringLiteral("The database in the backup is damaged (checksum mismatch).")
                                       : QStringLiteral("The photo %1 in the backup is damaged (its content does not "
                                                        "match its name).")
                                             .arg(name.mid(kPhotoPrefix.size())));
        if (name != kDatabase && firstPhoto && !staging.isEmpty()) {
            firstPhoto = false;
            RestoreTestHook::reached(RestoreTestHook::Extracting);
        }
    }
    Backup::Summary summary;
    if (Status s = checkDatabaseCopy(target + QLatin1Char('/') + kDatabase, &summary.schemaVersion); !s)
        return s.error();
    summary.deviceId = manifest.value(QLatin1String("device_id")).toString();
    summary.createdAt = manifest.value(QLatin1String("created_at")).toString();
    summary.photoCount = photoCount;
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
    // Every entry's size and hash, so a restore can refuse an entry that inflates past it.
    QJsonArray entries { QJsonObject { { QStringLiteral("name"), QString(kDatabase) },
                                       { QStringLiteral("size"), QFileInfo(copy).size() },
                                       { QStringLiteral("sha256"), databaseHash } } };
    for (const QString &hash : hashes)
        entries.append(QJsonObject { { QStringLiteral("name"), QString(kPhotoPrefix + hash) },
                                     { QStringLiteral("size"), QFileInfo(photos.filePath(hash)).size() },
                                     { QStringLiteral("sha256"), hash } });
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
        { QStringLiteral("entries"), entries },
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
    PrivateFiles::restrict(partial); // face photos and the register: the owner's alone
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
    RestoreTestHook::reached(RestoreTestHook::PhotosStored);
    auto deviceId = deviceIdAfterRestore(databasePath);
    if (!deviceId)
        return deviceId.error();
    if (*deviceId != summary->deviceId) {
        if (Status s = setDeviceId(staging.filePath(kDatabase), *deviceId); !s.ok())
            return s.error(); // nothing replaced
    }
    summary->restoredDeviceId = *deviceId;

    // The database: the journal first, so a crash between the renames below is completed
    // at the next start (RestoreJournal::recover) instead of leaving no database.
    RestoreJournal::Entry entry;
    entry.database = dbInfo.absoluteFilePath();
    entry.staged = staging.filePath(kDatabase);
    entry.staging = staging.path();
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    entry.aside = entry.database + QStringLiteral(".before-restore-") + stamp;
    for (int n = 2; QFileInfo::exists(entry.aside) || QFileInfo::exists(entry.aside + QStringLiteral("-wal")); ++n)
        entry.aside = entry.database + QStringLiteral(".before-restore-%1-%2").arg(stamp).arg(n);
    const bool hadDatabase = dbInfo.exists();
    if (Status s = RestoreJournal::write(entry); !s)
        return s.error(); // nothing replaced
    staging.setAutoRemove(false); // from here on the journal owns the staging folder
    RestoreTestHook::reached(RestoreTestHook::JournalWritten);
    if (Status s = RestoreJournal::complete(entry); !s) {
        // Leave the journal: the next start completes or rolls back from it.
        return Error::storage(s.error().message()
                              + QStringLiteral(" The restore is completed when RollCall next starts."));
    }
    summary->previousDatabase = hadDatabase ? entry.aside : QString();
    qCInfo(lcStorage) << "backup restored:" << archivePath << "→" << databasePath;
    return summary;
}

} // namespace rollcall
