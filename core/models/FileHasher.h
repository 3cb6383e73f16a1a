#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

namespace rollcall {

// SHA-256 of files and devices, streamed so large files never sit in memory.
class FileHasher
{
public:
    // Lower-case hex digest, or an empty string if the file cannot be read.
    static QString sha256Hex(const QString &path);
    static QString sha256Hex(QIODevice *device);
    static QString sha256Hex(const QByteArray &data);
};

} // namespace rollcall
