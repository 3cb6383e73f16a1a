#pragma once

#include "reports/ReportWriter.h"

namespace rollcall {

// Excel workbook through libxlsxwriter: one worksheet per ReportTable with a bold
// frozen header row (plus the table's frozen columns), an autofilter over header
// and body, column widths fitted to the content, dates as real Excel dates
// (yyyy-mm-dd), percentages as fractions with a % number format, footer rows in
// bold, highlights as conditional formats (light red), and document properties
// (title, subject, author "RollCall").
//
// libxlsxwriter 1.1.4 (Debian 12) writes only to a file path, so the workbook is
// written into a private temporary folder and then copied into the device.
// Text cells are written as strings, never as formulas, so no formula injection
// is possible in XLSX; they are kept verbatim (no apostrophe).
class XlsxWriter : public ReportWriter
{
public:
    Status write(const ReportDocument &document, QIODevice *device) override;

    // Excel's rules for sheet names: at most 31 characters, none of []:*?/\, not
    // starting or ending with an apostrophe, unique (case-insensitively) in the book.
    static QString sheetName(const QString &wanted, const QStringList &taken);
    // Approximate width of text in Excel's character units (combining marks take
    // no room, East Asian wide characters two).
    static int displayWidth(const QString &text);
};

} // namespace rollcall
