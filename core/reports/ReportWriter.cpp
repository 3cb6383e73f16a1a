#include "reports/ReportWriter.h"

#include "reports/CsvWriter.h"
#include "reports/XlsxWriter.h"

namespace rollcall {

std::unique_ptr<ReportWriter> ReportWriter::create(Format format)
{
    switch (format) {
    case Format::Xlsx:
        return std::make_unique<XlsxWriter>();
    case Format::Csv:
        return std::make_unique<CsvWriter>();
    }
    return nullptr;
}

std::optional<ReportWriter::Format> ReportWriter::parseFormat(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("xlsx"))
        return Format::Xlsx;
    if (t == QLatin1String("csv"))
        return Format::Csv;
    return std::nullopt;
}

QString ReportWriter::formatName(Format format)
{
    return format == Format::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
}

qint64 ReportWriter::totalRows(const ReportDocument &document)
{
    qint64 total = 0;
    for (const ReportTable &t : document.tables)
        total += 1 + t.rowCount() + t.footerRows().size();
    return total;
}

} // namespace rollcall
