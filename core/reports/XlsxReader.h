#pragma once

#include "common/Result.h"

#include <QList>
#include <QStringList>

namespace rollcall {

// Reads the cell text of one worksheet of an .xlsx file: the zip through the
// system minizip, the parts with QXmlStreamReader. Handles shared strings
// (including rich-text runs, without phonetic hints), inline strings, formula
// string results, booleans and numbers (integral numbers without ".0", so an ID
// typed as 1001 reads "1001"). Rows are indexed by their row number, so empty
// rows in the sheet stay empty rows here. Bounded by TableLimits (columns, rows, cells)
// and kMaxPartSize; empty cells right of a row's last value are never created.
class XlsxReader
{
public:
    // The first worksheet in workbook order.
    static Result<QList<QStringList>> readFirstSheet(const QString &path);

    // Largest uncompressed part read (zip-bomb guard): refused when its declared size is
    // larger, and inflating stops when the actual size passes it. A roster of 100,000 rows
    // is ~30 MiB of sheet XML.
    static constexpr qint64 kMaxPartSize = 64 * 1024 * 1024;
};

} // namespace rollcall
