#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace rollcall::test {

// Reads an exported file back with an independent reader: read_report.py under
// Debian's /usr/bin/python3 (openpyxl for XLSX, Python's csv module for CSV).
class ReportReader
{
public:
    static QString scriptPath();
    // Empty object and *error set when the reader fails.
    static QJsonObject readXlsx(const QString &path, QString *error);
    static QJsonObject readCsv(const QString &path, QChar separator, QString *error);

    // Writes an .xlsx test input with make_xlsx.py: mode "openpyxl" or "handmade";
    // rows are JSON arrays of strings, numbers or null.
    static bool makeXlsx(const QString &mode, const QJsonArray &rows, const QString &out, QString *error);

    // Helpers on readXlsx's JSON: the sheet called name, and one cell's [type, value, format].
    static QJsonObject sheet(const QJsonObject &book, const QString &name);
    static QJsonArray cell(const QJsonObject &sheet, int row, int column);
};

} // namespace rollcall::test
