#include "reports/ReportTable.h"

namespace rollcall {

ReportTable::ReportTable(QString name)
    : m_name(std::move(name))
{ }

int ReportTable::addColumn(const QString &title, Type type, int decimals)
{
    m_columns.append(Column { title, type, decimals });
    return int(m_columns.size()) - 1;
}

void ReportTable::addRow(Row row)
{
    // Rows are padded or cut to the column count so writers can index blindly.
    row.resize(m_columns.size());
    m_rows.append(std::move(row));
}

void ReportTable::addFooterRow(Row row, std::optional<Type> numberType)
{
    row.resize(m_columns.size());
    m_footerRows.append(std::move(row));
    m_footerTypes.append(numberType);
}

ReportTable::Column ReportTable::footerColumn(int footerRow, int column) const
{
    Column c = m_columns.at(column);
    if (const auto type = footerType(footerRow); type && *type != c.type) {
        c.type = *type;
        c.decimals = -1;
    }
    return c;
}

void ReportTable::highlightBelow(int column, double threshold)
{
    Highlight h;
    h.firstColumn = column;
    h.lastColumn = column;
    h.kind = Highlight::Kind::Below;
    h.threshold = threshold;
    m_highlights.append(h);
}

void ReportTable::highlightText(int firstColumn, int lastColumn, const QString &text)
{
    Highlight h;
    h.firstColumn = firstColumn;
    h.lastColumn = lastColumn;
    h.kind = Highlight::Kind::TextEquals;
    h.text = text;
    m_highlights.append(h);
}

} // namespace rollcall
