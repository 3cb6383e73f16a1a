#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rollcall {

// Content-addressed image files: each file is named by the SHA-256 of its bytes
// (<dir>/<first two hex digits>/<64 hex digits>), written atomically (temp file + rename),
// and referenced from the database by that hash. Storing the same bytes twice stores one file.
class PhotoStore
{
public:
    explicit PhotoStore(QString dir = {}); // empty: AppPaths::photoStoreDir()

    const QString &dir() const { return m_dir; }

    // Stores data; returns its hash. *added (when given) says whether the file was
    // written now (false: the same content was already stored).
    Result<QString> put(const QByteArray &data, bool *added = nullptr);
    Result<QString> putFile(const QString &path, bool *added = nullptr);
    Result<QByteArray> read(const QString &hash) const;
    bool contains(const QString &hash) const;
    QString filePath(const QString &hash) const;
    // Removing a missing photo succeeds.
    Status remove(const QString &hash);
    // Every hash stored, sorted.
    QStringList hashes() const;

    static bool isValidHash(const QString &hash);

private:
    QString m_dir;
};

} // namespace rollcall
