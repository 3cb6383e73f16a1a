#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rollcall::test {

// An expected cell, computed by a test from the database, compared with what the
// independent reader (read_report.py) got from an XLSX or CSV export.
struct Expected
{
    enum class Kind { Empty, Text, Integer, Percent, Number, Date };
    Kind kind = Kind::Empty;
    QString text;
    double number = 0;
    QDate date;

    static Expected empty() { return {}; }
    static Expected text_(const QString &t) { return { Kind::Text, t, 0, {} }; }
    static Expected integer(qint64 v) { return { Kind::Integer, {}, double(v), {} }; }
    static Expected percent(double fraction) { return { Kind::Percent, {}, fraction, {} }; }
    static Expected number3(double v) { return { Kind::Number, {}, v, {} }; }
    static Expected date_(const QDate &d) { return { Kind::Date, {}, 0, d }; }
};

using ExpectedRow = QList<Expected>;
using ExpectedTable = QList<ExpectedRow>; // the header row first

class ReportCheck
{
public:
    // The rows of one section of a multi-table CSV (after its name line, up to the
    // empty line), or all rows when name is empty (single-table CSV).
    static QJsonArray csvSection(const QJsonArray &rows, const QString &name);

    // Empty string when equal, else the first difference.
    static QString compareXlsx(const QJsonObject &sheet, const ExpectedTable &expected);
    static QString compareCsv(const QJsonArray &rows, const ExpectedTable &expected,
                              QChar decimalMark = QLatin1Char('.'));

    static ExpectedRow textRow(const QStringList &texts);
};

} // namespace rollcall::test
