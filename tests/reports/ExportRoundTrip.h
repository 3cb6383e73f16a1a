#pragma once

#include "reports/ExportJob.h"
#include "reports/ReportRequest.h"

#include <QJsonObject>
#include <QString>

namespace rollcall {
class Database;
}

namespace rollcall::test {

// Exports a report through ExportJob (the path the CLI and GUI use) into folder, in
// XLSX and CSV, and reads both files back with read_report.py.
struct ExportRoundTrip
{
    QJsonObject xlsx;
    QJsonObject csv; // {"bom", "crlf", "rows"}
    QString error; // empty when everything worked

    static ExportRoundTrip run(Database &db, const ReportRequest &request, const QString &folder,
                               const CsvWriter::Options &csvOptions = {});
};

} // namespace rollcall::test
