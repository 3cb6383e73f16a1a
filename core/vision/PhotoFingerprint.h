#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace rollcall {

// What RollCall keeps of a classroom photo to recognise it again and to tell when
// it was taken: a 32×32 greyscale thumbnail of the picture (a re-saved, recompressed
// or downscaled copy still matches it, unlike the file's SHA-256) and the EXIF
// capture time. Stateless, so thread-safe.
struct PhotoFingerprint
{
    QByteArray thumbnail; // kSide × kSide grey levels; empty: the picture could not be decoded
    // EXIF DateTimeOriginal (else DateTime) as the camera's clock showed it; with
    // the EXIF offset as its time zone when the photo carries one, else local time.
    std::optional<QDateTime> capturedAt;

    // Reads only the first kExifScanBytes for EXIF and decodes a greyscale picture
    // (reduced by the JPEG decoder to no less than 512 px a side) for the thumbnail;
    // refuses images whose header declares more than kMaxPixels pixels.
    static PhotoFingerprint of(const QByteArray &encoded);

    static constexpr qint64 kExifScanBytes = 256 * 1024;
    static constexpr qint64 kMaxPixels = 120'000'000;
    static constexpr int kSide = 32;
    // Cells further apart than kCellTolerance grey levels differ; at most
    // kSamePictureCells differing cells is the same picture. Measured on 46 real and
    // synthetic group photos (tst_photofingerprint): copies re-saved at JPEG q50–85
    // and scaled to 25–100 % differ in at most 2 cells; different photos in 27 or
    // more, the closest being two synthetic classes in one room with other faces.
    static constexpr int kCellTolerance = 24;
    static constexpr int kSamePictureCells = 8;

    // Cells that differ; kSide² + 1 when either thumbnail is missing or malformed.
    static int differingCells(const QByteArray &a, const QByteArray &b);
    bool samePicture(const PhotoFingerprint &other) const
    {
        return differingCells(thumbnail, other.thumbnail) <= kSamePictureCells;
    }
    QString thumbnailText() const; // base64, as stored
    static QByteArray parseThumbnail(const QString &text); // empty when not a thumbnail
};

} // namespace rollcall
