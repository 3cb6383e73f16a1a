#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

namespace rollcall {

// Reading photos for display with the EXIF orientation applied, the same way
// the engine's decoder does, so face boxes line up.
class ImageFiles
{
public:
    static QImage read(const QString &path, QString *error = nullptr);
    static QImage fromData(const QByteArray &data, QString *error = nullptr);
    // File-dialog filter and drag-and-drop check for the formats the engine reads.
    static QString dialogFilter();
    static bool isSupported(const QString &path);
};

} // namespace rollcall
