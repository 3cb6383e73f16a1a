#include "vision/PhotoFingerprint.h"

#include "vision/ImageHeader.h"

#include <libexif/exif-data.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QTimeZone>

#include <cstdlib>

namespace rollcall {

namespace {

QString exifText(ExifData *data, ExifTag tag)
{
    ExifEntry *entry = exif_data_get_entry(data, tag);
    if (!entry || entry->format != EXIF_FORMAT_ASCII || !entry->data || entry->size == 0)
        return {};
    const char *text = reinterpret_cast<const char *>(entry->data);
    return QString::fromLatin1(text, qsizetype(qstrnlen(text, entry->size))).trimmed();
}

// "YYYY:MM:DD HH:MM:SS" with an optional "+HH:MM" offset.
std::optional<QDateTime> parseExifTime(const QString &stamp, const QString &offset)
{
    const QDateTime local = QDateTime::fromString(stamp.left(19), QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    if (!local.isValid() || local.date().year() < 1990)
        return std::nullopt; // unset clocks write 0000:00:00 or 1970
    if (offset.size() == 6 && (offset.at(0) == QLatin1Char('+') || offset.at(0) == QLatin1Char('-'))) {
        bool okH = false, okM = false;
        const int hours = offset.mid(1, 2).toInt(&okH);
        const int minutes = offset.mid(4, 2).toInt(&okM);
        if (okH && okM && hours <= 14 && minutes < 60) {
            const int seconds = (hours * 3600 + minutes * 60) * (offset.at(0) == QLatin1Char('-') ? -1 : 1);
            return QDateTime(local.date(), local.time(), QTimeZone(seconds));
        }
    }
    return local;
}

std::optional<QDateTime> captureTime(const QByteArray &encoded)
{
    const qsizetype scan = std::min<qsizetype>(encoded.size(), PhotoFingerprint::kExifScanBytes);
    ExifData *data = exif_data_new_from_data(reinterpret_cast<const unsigned char *>(encoded.constData()),
                                             static_cast<unsigned int>(scan));
    if (!data)
        return std::nullopt;
    std::optional<QDateTime> when
        = parseExifTime(exifText(data, EXIF_TAG_DATE_TIME_ORIGINAL), exifText(data, EXIF_TAG_OFFSET_TIME_ORIGINAL));
    if (!when)
        when = parseExifTime(exifText(data, EXIF_TAG_DATE_TIME), exifText(data, EXIF_TAG_OFFSET_TIME));
    exif_data_unref(data);
    return when;
}

QByteArray thumbnailOf(const QByteArray &encoded)
{
    const ImageHeader header = ImageHeader::parse(encoded);
    if (!header.hasDimensions() || *header.width() * *header.height() > PhotoFingerprint::kMaxPixels)
        return {};
    // The JPEG decoder's own reduction keeps a 12 MP photo cheap; small photos are
    // decoded whole, since a thumbnail of too few pixels is noise.
    const qint64 side = std::min(*header.width(), *header.height());
    const int flags = side >= 4096 ? cv::IMREAD_REDUCED_GRAYSCALE_8
        : side >= 2048             ? cv::IMREAD_REDUCED_GRAYSCALE_4
        : side >= 1024             ? cv::IMREAD_REDUCED_GRAYSCALE_2
                                   : cv::IMREAD_GRAYSCALE;
    const cv::Mat bytes(1, int(encoded.size()), CV_8UC1, const_cast<char *>(encoded.constData()));
    cv::Mat grey;
    try {
        grey = cv::imdecode(bytes, flags);
    } catch (const cv::Exception &) {
        return {};
    }
    if (grey.empty())
        return {};
    cv::Mat cells;
    cv::resize(grey, cells, cv::Size(PhotoFingerprint::kSide, PhotoFingerprint::kSide), 0, 0, cv::INTER_AREA);
    return QByteArray(reinterpret_cast<const char *>(cells.data), qsizetype(cells.total()));
}

} // namespace

PhotoFingerprint PhotoFingerprint::of(const QByteArray &encoded)
{
    PhotoFingerprint f;
    f.capturedAt = captureTime(encoded);
    f.thumbnail = thumbnailOf(encoded);
    return f;
}

int PhotoFingerprint::differingCells(const QByteArray &a, const QByteArray &b)
{
    constexpr int cells = kSide * kSide;
    if (a.size() != cells || b.size() != cells)
        return cells + 1;
    int differing = 0;
    for (int i = 0; i < cells; ++i)
        differing += std::abs(int(uchar(a[i])) - int(uchar(b[i]))) > kCellTolerance ? 1 : 0;
    return differing;
}

QString PhotoFingerprint::thumbnailText() const
{
    return QString::fromLatin1(thumbnail.toBase64());
}

QByteArray PhotoFingerprint::parseThumbnail(const QString &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == kSide * kSide ? decoded.decoded : QByteArray();
}

} // namespace rollcall
