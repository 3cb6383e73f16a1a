#pragma once

#include "reports/ReportWriter.h"

#include <QChar>

namespace rollcall {

// RFC 4180 CSV: CRLF line ends, fields quoted when they hold the separator, a
// double quote, CR or LF (quotes doubled), UTF-8 with a BOM by default so Excel on
// Windows reads non-Latin names (Devanagari) correctly.
//
// Formula injection: a text cell that starts with = + - @ tab or CR (or their
// full-width forms ＝ ＋ － ＠) is written with a leading apostrophe ('), which
// spreadsheet programs show as text instead of evaluating. Numbers and dates are
// written by RollCall itself and never start with such a character except the
// minus sign of a real negative number.
//
// A document with one table is one plain table. With several tables, each is a
// section: a line with the table's name, its header, its rows, then an empty line.
class CsvWriter : public ReportWriter
{
public:
    struct Options
    {
        QChar separator = QLatin1Char(',');
        bool byteOrderMark = true;
        bool neutraliseFormulas = true;
        // The decimal mark follows the separator: ',' when the separator is ';'
        // (locales that use the comma as decimal mark), '.' otherwise.
        QChar decimalMark() const { return separator == QLatin1Char(';') ? QLatin1Char(',') : QLatin1Char('.'); }
    };

    CsvWriter() = default;
    explicit CsvWriter(Options options)
        : m_options(options)
    { }

    const Options &options() const { return m_options; }
    void setOptions(const Options &options) { m_options = options; }

    Status write(const ReportDocument &document, QIODevice *device) override;

    // One field as written (neutralised and quoted as needed); public for tests.
    QString field(const QVariant &value, const ReportTable::Column &column) const;
    // Whether a text cell would be prefixed with an apostrophe.
    static bool needsNeutralising(const QString &text);

private:
    QString textField(const QString &text) const;
    QString quoted(const QString &text) const;

    Options m_options;
};

} // namespace rollcall
