#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace rollcall {

// One sheet of a report in a format-neutral shape: typed columns, body rows and
// footer rows. Every report is built once as ReportTables and then written by
// CsvWriter or XlsxWriter, so both formats always carry the same cells.
//
// Cell values are QVariants: QString (text), QDate, double or integer numbers, or
// a null QVariant for an empty cell. Percent cells hold a fraction (0.75 = 75 %).
class ReportTable
{
public:
    enum class Type { Text, Date, Percent, Number, Integer };

    struct Column
    {
        QString title;
        Type type = Type::Text;
        int decimals = -1; // Number columns: digits after the point (-1: as needed)
    };

    // Visual emphasis an XLSX writer turns into conditional formatting (CSV ignores it).
    struct Highlight
    {
        enum class Kind { Below, TextEquals };
        int firstColumn = 0;
        int lastColumn = 0;
        Kind kind = Kind::Below;
        double threshold = 0; // Below: cells whose number is < threshold
        QString text; // TextEquals: cells equal to this text
    };

    using Row = QList<QVariant>;

    explicit ReportTable(QString name = {});

    const QString &name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }

    const QList<Column> &columns() const { return m_columns; }
    int columnCount() const { return int(m_columns.size()); }
    // Returns the new column's index.
    int addColumn(const QString &title, Type type = Type::Text, int decimals = -1);

    const QList<Row> &rows() const { return m_rows; }
    int rowCount() const { return int(m_rows.size()); }
    void addRow(Row row);
    void reserveRows(int count) { m_rows.reserve(count); }

    // Totals below the body: written after it, outside the autofilter range. A footer
    // row may give its numbers one type for all columns (e.g. a row of percentages
    // under columns of status letters).
    const QList<Row> &footerRows() const { return m_footerRows; }
    void addFooterRow(Row row, std::optional<Type> numberType = std::nullopt);
    std::optional<Type> footerType(int footerRow) const { return m_footerTypes.value(footerRow); }
    // The column as a footer row's numbers are written.
    Column footerColumn(int footerRow, int column) const;

    // Columns kept visible when scrolling right (e.g. student ID and name).
    int frozenColumns() const { return m_frozenColumns; }
    void setFrozenColumns(int count) { m_frozenColumns = count; }

    const QList<Highlight> &highlights() const { return m_highlights; }
    void highlightBelow(int column, double threshold);
    void highlightText(int firstColumn, int lastColumn, const QString &text);

private:
    QString m_name;
    QList<Column> m_columns;
    QList<Row> m_rows;
    QList<Row> m_footerRows;
    QList<std::optional<Type>> m_footerTypes;
    QList<Highlight> m_highlights;
    int m_frozenColumns = 0;
};

} // namespace rollcall
