#include "reports/CsvReader.h"

#include "reports/TableLimits.h"

#include <QStringDecoder>

namespace rollcall {

QChar CsvReader::detectSeparator(const QString &text)
{
    // Count candidates on the first record, outside quotes.
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            break;
        else if (!quoted && c == QLatin1Char(','))
            ++comma;
        else if (!quoted && c == QLatin1Char(';'))
            ++semicolon;
        else if (!quoted && c == QLatin1Char('\t'))
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab)
        return QLatin1Char(';');
    if (tab > comma && tab > semicolon)
        return QLatin1Char('\t');
    return QLatin1Char(',');
}

Result<QList<QStringList>> CsvReader::parse(const QByteArray &data, QChar separator)
{
    QByteArray bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        // Excel's "CSV" on Windows is often Windows-1252; Latin-1 keeps every byte.
        QStringDecoder latin(QStringConverter::Latin1);
        text = latin.decode(bytes);
    }
    const QChar sep = separator.isNull() ? detectSeparator(text) : separator;

    QList<QStringList> rows;
    QStringList row;
    QString field;
    qsizetype cells = 0;
    // Bounded: a file of separators alone must not become millions of empty strings.
    const auto endField = [&]() -> Status {
        if (row.size() >= TableLimits::kMaxColumns)
            return Error::badInput(QStringLiteral("CSV: row %1 has more than %2 fields")
                                       .arg(rows.size() + 1)
                                       .arg(TableLimits::kMaxColumns));
        if (++cells > TableLimits::kMaxCells)
            return Error::badInput(QStringLiteral("CSV: more than %1 fields in the file").arg(TableLimits::kMaxCells));
        row.append(field);
        field.clear();
        return {};
    };
    const auto endRow = [&]() -> Status {
        if (rows.size() >= TableLimits::kMaxRows)
            return Error::badInput(QStringLiteral("CSV: more than %1 rows").arg(TableLimits::kMaxRows));
        rows.append(row);
        row.clear();
        return {};
    };
    bool inQuotes = false;
    bool fieldStarted = false; // something (even "") was read for the current record
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == sep) {
            if (Status s = endField(); !s)
                return s.error();
            fieldStarted = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            // An empty line stays an empty row: keeps row numbers true to the file.
            if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
                if (Status s = endField(); !s)
                    return s.error();
            }
            if (Status s = endRow(); !s)
                return s.error();
            fieldStarted = false;
        } else {
            field.append(c); // a stray quote inside an unquoted field is kept as text
        }
    }
    if (inQuotes)
        return Error::badInput(QStringLiteral("CSV: a quoted field is not closed (row %1)").arg(rows.size() + 1));
    if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
        if (Status s = endField(); !s)
            return s.error();
        if (Status s = endRow(); !s)
            return s.error();
    }
    return rows;
}

} // namespace rollcall
