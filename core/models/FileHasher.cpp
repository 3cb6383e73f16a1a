#include "models/FileHasher.h"

#include <QCryptographicHash>
#include <QFile>

namespace rollcall {

QString FileHasher::sha256Hex(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return sha256Hex(&file);
}

QString FileHasher::sha256Hex(QIODevice *device)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(device))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

QString FileHasher::sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace rollcall
