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
// rows in the sheet stay empty rows here.
class XlsxReader
{
public:
    // The first worksheet in workbook order.
    static Result<QList<QStringList>> readFirstSheet(const QString &path);

    // Largest uncompressed part read (zip-bomb guard).
    static constexpr qint64 kMaxPartSize = 256 * 1024 * 1024;
    static constexpr int kMaxRows = 1048576; // Excel's own limit
};

} // namespace rollcall
