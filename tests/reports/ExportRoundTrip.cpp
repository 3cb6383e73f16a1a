#include "ExportRoundTrip.h"

#include "ReportReader.h"
#include "reports/ReportBuilder.h"

#include <QDir>

namespace rollcall::test {

ExportRoundTrip ExportRoundTrip::run(Database &db, const ReportRequest &request, const QString &folder,
                                     const CsvWriter::Options &csvOptions)
{
    ExportRoundTrip result;
    for (const auto format : { ReportWriter::Format::Xlsx, ReportWriter::Format::Csv }) {
        const QString path = QDir(folder).filePath(request.suggestedFileName(format));
        ExportJob::Options options;
        options.format = format;
        options.csv = csvOptions;
        ExportJob job([&](const std::atomic_bool &cancelled) { return ReportBuilder::build(db, request, &cancelled); },
                      path, options);
        if (Status s = job.run(); !s) {
            result.error = QStringLiteral("export failed: %1").arg(s.error().message());
            return result;
        }
        QString error;
        if (format == ReportWriter::Format::Xlsx)
            result.xlsx = ReportReader::readXlsx(path, &error);
        else
            result.csv = ReportReader::readCsv(path, csvOptions.separator, &error);
        if (!error.isEmpty()) {
            result.error = error;
            return result;
        }
    }
    return result;
}

} // namespace rollcall::test
