#include "TestPhotos.h"

#include <QFile>
#include <QtEndian>

#include <libexif/exif-data.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <cstring>

namespace rollcall::test {

namespace {

void addAscii(ExifData *data, ExifIfd ifd, ExifTag tag, const QByteArray &text)
{
    ExifEntry *entry = exif_entry_new();
    exif_content_add_entry(data->ifd[ifd], entry);
    entry->tag = tag;
    entry->format = EXIF_FORMAT_ASCII;
    entry->components = unsigned(text.size() + 1);
    entry->size = unsigned(text.size() + 1);
    entry->data = static_cast<unsigned char *>(std::calloc(1, entry->size)); // freed by libexif
    std::memcpy(entry->data, text.constData(), size_t(text.size()));
    exif_entry_unref(entry);
}

} // namespace

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray reencodedJpeg(const QByteArray &encoded, int quality, double scale)
{
    const cv::Mat bytes(1, int(encoded.size()), CV_8UC1, const_cast<char *>(encoded.constData()));
    cv::Mat image = cv::imdecode(bytes, cv::IMREAD_COLOR);
    if (image.empty())
        return {};
    if (scale != 1.0)
        cv::resize(image, image, cv::Size(), scale, scale, cv::INTER_AREA);
    std::vector<uchar> out;
    cv::imencode(".jpg", image, out, { cv::IMWRITE_JPEG_QUALITY, quality });
    return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(out.size()));
}

QByteArray withCaptureTime(const QByteArray &jpeg, const QDateTime &when, const QString &offset)
{
    if (jpeg.size() < 4 || uchar(jpeg[0]) != 0xFF || uchar(jpeg[1]) != 0xD8)
        return {};
    ExifData *data = exif_data_new();
    exif_data_set_byte_order(data, EXIF_BYTE_ORDER_INTEL);
    const QByteArray stamp = when.toString(QStringLiteral("yyyy:MM:dd HH:mm:ss")).toLatin1();
    addAscii(data, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, stamp);
    if (!offset.isEmpty())
        addAscii(data, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL, offset.toLatin1());
    unsigned char *buffer = nullptr;
    unsigned int length = 0;
    exif_data_save_data(data, &buffer, &length);
    exif_data_unref(data);
    if (!buffer || length == 0 || length > 65533)
        return {};
    QByteArray out = jpeg.left(2);
    out.append(char(0xFF)).append(char(0xE1));
    const int segment = int(length) + 2;
    out.append(char((segment >> 8) & 0xFF)).append(char(segment & 0xFF));
    out.append(reinterpret_cast<const char *>(buffer), qsizetype(length));
    std::free(buffer);
    out.append(jpeg.mid(2));
    return out;
}

QByteArray bmpHeaderOnly(quint32 width, quint32 height)
{
    QByteArray bmp(54, '\0');
    bmp[0] = 'B';
    bmp[1] = 'M';
    qToLittleEndian<quint32>(54, bmp.data() + 2);
    qToLittleEndian<quint32>(54, bmp.data() + 10);
    qToLittleEndian<quint32>(40, bmp.data() + 14);
    qToLittleEndian<quint32>(width, bmp.data() + 18);
    qToLittleEndian<quint32>(height, bmp.data() + 22);
    qToLittleEndian<quint16>(1, bmp.data() + 26);
    qToLittleEndian<quint16>(24, bmp.data() + 28);
    return bmp;
}

} // namespace rollcall::test
