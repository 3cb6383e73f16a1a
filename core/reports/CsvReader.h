#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace rollcall {

// Parses CSV (RFC 4180, plus what spreadsheet programs write): a UTF-8 byte-order
// mark is dropped, text that is not valid UTF-8 is read as Windows-1252/Latin-1,
// the separator (',' ';' or tab) is detected from the first line when not given,
// quoted fields may hold separators, doubled quotes and line breaks, and lines may
// end in CRLF, LF or CR. At most TableLimits' rows, fields per row and fields in all.
class CsvReader
{
public:
    // separator 0: detect.
    static Result<QList<QStringList>> parse(const QByteArray &data, QChar separator = QChar());
    static QChar detectSeparator(const QString &text);
};

} // namespace rollcall
