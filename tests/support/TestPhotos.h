#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace rollcall::test {

// Photos as the provenance and fingerprint tests need them.

// A file's bytes; empty when it cannot be read.
QByteArray readBytes(const QString &path);

// The photo decoded and written again as a JPEG at another quality, optionally
// scaled: what a messenger or a photo editor does to a photo on its way.
QByteArray reencodedJpeg(const QByteArray &encoded, int quality, double scale = 1.0);

// A JPEG with an EXIF capture time, as a phone writes it: DateTimeOriginal and,
// when offset is given ("+05:30"), OffsetTimeOriginal, in an APP1 segment after SOI.
// Returns an empty array when jpeg is not a JPEG.
QByteArray withCaptureTime(const QByteArray &jpeg, const QDateTime &when, const QString &offset = {});

// Only the 54-byte header of a 24-bit BMP declaring width × height pixels: the
// shape of a decompression bomb, refused from its header before any decoding.
QByteArray bmpHeaderOnly(quint32 width, quint32 height);

} // namespace rollcall::test
