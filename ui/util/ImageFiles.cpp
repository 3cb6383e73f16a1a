#include "ImageFiles.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>

namespace rollcall {

namespace {

QImage readFrom(QImageReader &reader, QString *error)
{
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull() && error)
        *error = reader.errorString();
    return image;
}

} // namespace

QImage ImageFiles::read(const QString &path, QString *error)
{
    QImageReader reader(path);
    return readFrom(reader, error);
}

QImage ImageFiles::fromData(const QByteArray &data, QString *error)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return readFrom(reader, error);
}

QString ImageFiles::dialogFilter()
{
    return QCoreApplication::translate("ImageFiles",
                                       "Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)");
}

bool ImageFiles::isSupported(const QString &path)
{
    static const QStringList suffixes
        = { QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("bmp"),
            QStringLiteral("webp"), QStringLiteral("tif"),  QStringLiteral("tiff") };
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

} // namespace rollcall
