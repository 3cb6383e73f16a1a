#include "ReportCheck.h"

#include <cmath>

namespace rollcall::test {

namespace {

QString where(int row, int column)
{
    return QStringLiteral("row %1, column %2: ").arg(row + 1).arg(column + 1);
}

bool neutralised(const QString &text)
{
    static const QString starts = QStringLiteral("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");
    return !text.isEmpty() && starts.contains(text.at(0));
}

} // namespace

ExpectedRow ReportCheck::textRow(const QStringList &texts)
{
    ExpectedRow row;
    for (const QString &t : texts)
        row << Expected::text_(t);
    return row;
}

QJsonArray ReportCheck::csvSection(const QJsonArray &rows, const QString &name)
{
    if (name.isEmpty())
        return rows;
    QJsonArray section;
    bool inside = false;
    for (const auto &value : rows) {
        const QJsonArray row = value.toArray();
        if (!inside) {
            inside = row.size() == 1 && row.at(0).toString() == name;
            continue;
        }
        if (row.isEmpty())
            break;
        section.append(row);
    }
    return section;
}

QString ReportCheck::compareXlsx(const QJsonObject &sheet, const ExpectedTable &expected)
{
    const QJsonArray rows = sheet.value(QLatin1String("rows")).toArray();
    if (rows.size() != expected.size())
        return QStringLiteral("%1 rows, expected %2").arg(rows.size()).arg(expected.size());
    for (int r = 0; r < expected.size(); ++r) {
        const QJsonArray got = rows.at(r).toArray();
        const ExpectedRow &want = expected.at(r);
        // openpyxl pads rows to the sheet's width; extra cells must be empty.
        for (int c = int(want.size()); c < got.size(); ++c) {
            if (!got.at(c).toArray().at(0).isNull())
                return where(r, c) + QStringLiteral("unexpected cell");
        }
        for (int c = 0; c < want.size(); ++c) {
            const QJsonArray cell = got.at(c).toArray();
            const QString type = cell.at(0).toString();
            const QJsonValue value = cell.at(1);
            const QString format = cell.at(2).toString();
            const Expected &e = want.at(c);
            switch (e.kind) {
            case Expected::Kind::Empty:
                if (!cell.at(0).isNull())
                    return where(r, c)
                        + QStringLiteral("expected empty, got %1 %2").arg(type, value.toVariant().toString());
                break;
            case Expected::Kind::Text:
                if (type != QLatin1String("s") || value.toString() != e.text)
                    return where(r, c)
                        + QStringLiteral("expected text \"%1\", got %2 \"%3\"")
                              .arg(e.text, type, value.toVariant().toString());
                break;
            case Expected::Kind::Integer:
                if (type != QLatin1String("n") || value.toDouble() != e.number)
                    return where(r, c)
                        + QStringLiteral("expected %1, got %2 %3")
                              .arg(e.number)
                              .arg(type, value.toVariant().toString());
                break;
            case Expected::Kind::Percent:
            case Expected::Kind::Number:
                if (type != QLatin1String("n") || std::fabs(value.toDouble() - e.number) > 1e-9)
                    return where(r, c)
                        + QStringLiteral("expected %1, got %2 %3")
                              .arg(e.number)
                              .arg(type, value.toVariant().toString());
                if (e.kind == Expected::Kind::Percent && !format.endsWith(QLatin1Char('%')))
                    return where(r, c) + QStringLiteral("percent without a %% format: %1").arg(format);
                break;
            case Expected::Kind::Date:
                if (type != QLatin1String("d") || value.toString() != e.date.toString(Qt::ISODate))
                    return where(r, c)
                        + QStringLiteral("expected date %1, got %2 %3")
                              .arg(e.date.toString(Qt::ISODate), type, value.toVariant().toString());
                break;
            }
        }
    }
    return {};
}

QString ReportCheck::compareCsv(const QJsonArray &rows, const ExpectedTable &expected, QChar decimalMark)
{
    if (rows.size() != expected.size())
        return QStringLiteral("%1 rows, expected %2").arg(rows.size()).arg(expected.size());
    for (int r = 0; r < expected.size(); ++r) {
        const QJsonArray got = rows.at(r).toArray();
        const ExpectedRow &want = expected.at(r);
        if (got.size() != want.size())
            return QStringLiteral("row %1: %2 fields, expected %3").arg(r + 1).arg(got.size()).arg(want.size());
        for (int c = 0; c < want.size(); ++c) {
            const QString field = got.at(c).toString();
            const Expected &e = want.at(c);
            QString wanted;
            switch (e.kind) {
            case Expected::Kind::Empty:
                break;
            case Expected::Kind::Text:
                wanted = neutralised(e.text) ? QLatin1Char('\'') + e.text : e.text;
                break;
            case Expected::Kind::Integer:
                wanted = QString::number(qint64(e.number));
                break;
            case Expected::Kind::Percent:
                wanted = QString::number(e.number * 100.0, 'f', 1);
                break;
            case Expected::Kind::Number:
                wanted = QString::number(e.number, 'f', 3);
                break;
            case Expected::Kind::Date:
                wanted = e.date.toString(Qt::ISODate);
                break;
            }
            if (e.kind == Expected::Kind::Percent || e.kind == Expected::Kind::Number)
                wanted.replace(QLatin1Char('.'), decimalMark);
            if (field != wanted)
                return where(r, c) + QStringLiteral("expected \"%1\", got \"%2\"").arg(wanted, field);
        }
    }
    return {};
}

} // namespace rollcall::test
