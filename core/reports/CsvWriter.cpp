#include "reports/CsvWriter.h"

#include "reports/ReportFormatting.h"

#include <QDate>
#include <QIODevice>

#include <cmath>

namespace rollcall {

namespace {

QString formatNumber(double value, int decimals, QChar decimalMark)
{
    if (!std::isfinite(value))
        return {};
    QString text = QString::number(value, 'f', decimals >= 0 ? decimals : QLocale::FloatingPointShortest);
    if (decimalMark != QLatin1Char('.'))
        text.replace(QLatin1Char('.'), decimalMark);
    return text;
}

bool isInteger(const QVariant &value)
{
    const int id = value.typeId();
    return id == QMetaType::Int || id == QMetaType::UInt || id == QMetaType::LongLong || id == QMetaType::ULongLong;
}

} // namespace

bool CsvWriter::needsNeutralising(const QString &text)
{
    if (text.isEmpty())
        return false;
    switch (text.at(0).unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case 0xFF1D: // full-width = + - @: some spreadsheet locales treat them as formula starts
    case 0xFF0B:
    case 0xFF0D:
    case 0xFF20:
        return true;
    default:
        return false;
    }
}

QString CsvWriter::quoted(const QString &text) const
{
    const bool needsQuotes = text.contains(m_options.separator) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
    if (!needsQuotes)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString CsvWriter::textField(const QString &text) const
{
    if (m_options.neutraliseFormulas && needsNeutralising(text))
        return quoted(QLatin1Char('\'') + text);
    return quoted(text);
}

QString CsvWriter::field(const QVariant &value, const ReportTable::Column &column) const
{
    if (!value.isValid() || value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDate)
        return value.toDate().toString(Qt::ISODate);
    if (ReportFormatting::isNumeric(value)) {
        const QChar mark = m_options.decimalMark();
        switch (column.type) {
        case ReportTable::Type::Percent:
            return formatNumber(value.toDouble() * 100.0, column.decimals >= 0 ? column.decimals : 1, mark);
        case ReportTable::Type::Integer:
            return isInteger(value) ? QString::number(value.toLongLong()) : formatNumber(value.toDouble(), 0, mark);
        default:
            return isInteger(value) ? QString::number(value.toLongLong())
                                    : formatNumber(value.toDouble(), column.decimals, mark);
        }
    }
    return textField(value.toString());
}

Status CsvWriter::write(const ReportDocument &document, QIODevice *device)
{
    if (!device || !device->isWritable())
        return Error::generic(QStringLiteral("CSV export: the output is not open for writing"));
    const QString sep(m_options.separator);
    const QLatin1String crlf("\r\n");
    const qint64 total = totalRows(document);
    qint64 done = 0;

    QByteArray buffer;
    auto flush = [&](bool force) -> bool {
        if (!force && buffer.size() < 64 * 1024)
            return true;
        const bool ok = device->write(buffer) == buffer.size();
        buffer.clear();
        return ok;
    };
    auto writeFailed
        = [&] { return Error::generic(QStringLiteral("CSV export: writing failed: %1").arg(device->errorString())); };

    if (m_options.byteOrderMark)
        buffer.append("\xEF\xBB\xBF");

    const bool sections = document.tables.size() > 1;
    for (qsizetype t = 0; t < document.tables.size(); ++t) {
        const ReportTable &table = document.tables.at(t);
        const auto &columns = table.columns();
        if (sections) {
            if (t > 0)
                buffer.append(crlf.data(), crlf.size());
            buffer.append(textField(table.name()).toUtf8());
            buffer.append(crlf.data(), crlf.size());
        }
        QStringList header;
        header.reserve(columns.size());
        for (const auto &c : columns)
            header.append(textField(c.title));
        buffer.append((header.join(sep) + crlf).toUtf8());
        if (!reportProgress(++done, total))
            return Error::cancelled();

        auto writeRows = [&](const QList<ReportTable::Row> &rows, bool footer) -> Status {
            QStringList fields;
            for (qsizetype r = 0; r < rows.size(); ++r) {
                const auto &row = rows.at(r);
                fields.clear();
                for (qsizetype c = 0; c < columns.size(); ++c)
                    fields.append(field(row.value(c), footer ? table.footerColumn(int(r), int(c)) : columns.at(c)));
                buffer.append((fields.join(sep) + crlf).toUtf8());
                if (!flush(false))
                    return writeFailed();
                if (!reportProgress(++done, total))
                    return Error::cancelled();
            }
            return {};
        };
        if (Status s = writeRows(table.rows(), false); !s)
            return s;
        if (Status s = writeRows(table.footerRows(), true); !s)
            return s;
    }
    if (!flush(true))
        return writeFailed();
    return {};
}

} // namespace rollcall
