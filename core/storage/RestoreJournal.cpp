#include "storage/RestoreJournal.h"

#include "common/LogCategories.h"
#include "common/PrivateFiles.h"
#include "storage/RestoreTestHook.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace rollcall {
namespace {

const QString kSuffixes[] = { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") };

// A journal is a few hundred bytes; anything bigger is not ours.
constexpr qint64 kMaxJournalBytes = 64 * 1024;

} // namespace

QString RestoreJournal::pathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".restore-journal");
}

bool RestoreJournal::exists(const QString &databasePath)
{
    return QFileInfo::exists(pathFor(databasePath));
}

Status RestoreJournal::write(const Entry &entry)
{
    const QString path = pathFor(entry.database);
    QSaveFile file(path); // commit() syncs the file before renaming it into place
    if (!file.open(QIODevice::WriteOnly))
        return Error::storage(QStringLiteral("Cannot write the restore journal %1: %2").arg(path, file.errorString()));
    const QJsonObject json { { QStringLiteral("database"), entry.database },
                             { QStringLiteral("staged"), entry.staged },
                             { QStringLiteral("aside"), entry.aside },
                             { QStringLiteral("staging"), entry.staging } };
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(QJsonDocument(json).toJson()) < 0 || !file.commit())
        return Error::storage(QStringLiteral("Cannot write the restore journal %1: %2").arg(path, file.errorString()));
    return {};
}

Status RestoreJournal::complete(const Entry &entry)
{
    int step = RestoreTestHook::JournalWritten;
    if (QFileInfo::exists(entry.staged)) {
        for (const QString &suffix : kSuffixes) {
            const QString from = entry.database + suffix;
            if (QFileInfo::exists(from)) {
                if (QFileInfo::exists(entry.aside + suffix))
                    return Error::storage(
                        QStringLiteral("Cannot move %1 aside: %2 already exists.").arg(from, entry.aside + suffix));
                if (!QFile::rename(from, entry.aside + suffix))
                    return Error::storage(QStringLiteral("Cannot move the current database aside (%1).").arg(from));
            }
            RestoreTestHook::reached(++step); // DatabaseAside, WalAside, ShmAside
        }
        if (!QFile::rename(entry.staged, entry.database))
            return Error::storage(
                QStringLiteral("Cannot move the restored database into place (%1).").arg(entry.database));
        PrivateFiles::restrict(entry.database);
    } else if (!QFileInfo::exists(entry.database)) {
        // Neither copy in place: the staged copy went missing. Put the old one back.
        for (const QString &suffix : kSuffixes) {
            if (QFileInfo::exists(entry.aside + suffix)
                && !QFile::rename(entry.aside + suffix, entry.database + suffix))
                return Error::storage(QStringLiteral("Cannot move %1 back.").arg(entry.aside + suffix));
        }
        if (!QFileInfo::exists(entry.database))
            return Error::storage(QStringLiteral("The restore of %1 was interrupted and neither the restored nor the "
                                                 "previous database can be found; the journal %2 was kept.")
                                      .arg(entry.database, pathFor(entry.database)));
    }
    RestoreTestHook::reached(RestoreTestHook::DatabaseIn);
    if (!QFile::remove(pathFor(entry.database)) && QFileInfo::exists(pathFor(entry.database)))
        return Error::storage(QStringLiteral("Cannot remove the restore journal %1.").arg(pathFor(entry.database)));
    RestoreTestHook::reached(RestoreTestHook::JournalRemoved);
    if (!entry.staging.isEmpty())
        QDir(entry.staging).removeRecursively();
    return {};
}

Result<bool> RestoreJournal::recover(const QString &databasePath)
{
    const QString path = pathFor(databasePath);
    if (!QFileInfo::exists(path))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxJournalBytes)
        return Error::storage(
            QStringLiteral("The restore journal %1 cannot be read; the database was left as it is.").arg(path));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    Entry entry;
    entry.database = json.value(QLatin1String("database")).toString();
    entry.staged = json.value(QLatin1String("staged")).toString();
    entry.aside = json.value(QLatin1String("aside")).toString();
    entry.staging = json.value(QLatin1String("staging")).toString();
    // Only ever act on the files beside this database: a journal naming other paths is not ours.
    const QString folder = QFileInfo(databasePath).absolutePath();
    const auto inFolder = [&folder](const QString &p, int depth) {
        QString dir = QFileInfo(p).absolutePath();
        for (int i = 1; i < depth; ++i)
            dir = QFileInfo(dir).absolutePath();
        return !p.isEmpty() && dir == folder;
    };
    if (QFileInfo(entry.database).absoluteFilePath() != QFileInfo(databasePath).absoluteFilePath()
        || !inFolder(entry.aside, 1) || !inFolder(entry.staged, 2) || !inFolder(entry.staging, 1))
        return Error::storage(
            QStringLiteral("The restore journal %1 is not valid; the database was left as it is.").arg(path));
    if (Status s = complete(entry); !s)
        return s.error();
    qCWarning(lcStorage) << "completed an interrupted restore of" << databasePath;
    return true;
}

} // namespace rollcall
