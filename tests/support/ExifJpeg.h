#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace rollcall::test {

// A JPEG with an EXIF capture time, as a phone writes it: DateTimeOriginal and,
// when offset is given ("+05:30"), OffsetTimeOriginal, in an APP1 segment after SOI.
// Returns an empty array when jpeg is not a JPEG.
QByteArray withCaptureTime(const QByteArray &jpeg, const QDateTime &when, const QString &offset = {});

} // namespace rollcall::test
