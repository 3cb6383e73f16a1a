#include "storage/PhotoStore.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "common/PrivateFiles.h"
#include "models/FileHasher.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace rollcall {

PhotoStore::PhotoStore(QString dir)
    : m_dir(dir.isEmpty() ? AppPaths::photoStoreDir() : QDir(dir).absolutePath())
{ }

bool PhotoStore::isValidHash(const QString &hash)
{
    if (hash.size() != 64)
        return false;
    return std::all_of(hash.cbegin(), hash.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

QString PhotoStore::filePath(const QString &hash) const
{
    return m_dir + QLatin1Char('/') + hash.left(2) + QLatin1Char('/') + hash;
}

bool PhotoStore::contains(const QString &hash) const
{
    return isValidHash(hash) && QFileInfo::exists(filePath(hash));
}

Result<QString> PhotoStore::put(const QByteArray &data, bool *added)
{
    if (added)
        *added = false;
    if (data.isEmpty())
        return Error::badInput(QStringLiteral("Cannot store an empty photo."));
    const QString hash = FileHasher::sha256Hex(data);
    const QString path = filePath(hash);
    if (QFileInfo(path).size() == data.size())
        return hash; // same content already stored
    if (!PrivateFiles::makeDirectory(m_dir) || !PrivateFiles::makeDirectory(QFileInfo(path).absolutePath()))
        return Error::storage(QStringLiteral("Cannot create the photo folder %1.").arg(QFileInfo(path).absolutePath()));
    // QSaveFile writes a temporary file beside the target and renames it on commit,
    // so a crash or a full disk never leaves a half-written photo under its hash.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::storage(QStringLiteral("Cannot write the photo %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // a face photo: the owner's alone
    if (file.write(data) != data.size() || !file.commit()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Error::storage(QStringLiteral("Cannot write the photo %1 (disk full?): %2").arg(path, reason));
    }
    if (added)
        *added = true;
    return hash;
}

Result<QString> PhotoStore::putFile(const QString &path, bool *added)
{
    if (added)
        *added = false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return put(file.readAll(), added);
}

Result<QByteArray> PhotoStore::read(const QString &hash) const
{
    if (!isValidHash(hash))
        return Error::badInput(QStringLiteral("\"%1\" is not a photo hash.").arg(hash));
    QFile file(filePath(hash));
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(
            QStringLiteral("The photo %1 is missing from the photo store: %2").arg(hash, file.errorString()));
    return file.readAll();
}

Status PhotoStore::remove(const QString &hash)
{
    if (!isValidHash(hash))
        return Error::badInput(QStringLiteral("\"%1\" is not a photo hash.").arg(hash));
    QFile file(filePath(hash));
    if (file.exists() && !file.remove())
        return Error::storage(QStringLiteral("Cannot delete the photo %1: %2").arg(hash, file.errorString()));
    return {};
}

QStringList PhotoStore::hashes() const
{
    QStringList result;
    QDirIterator it(m_dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (isValidHash(it.fileName()))
            result << it.fileName();
    }
    result.sort();
    return result;
}

} // namespace rollcall
