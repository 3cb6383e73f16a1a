#include "reports/XlsxWriter.h"

#include "reports/ReportFormatting.h"

#include "common/LogCategories.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QIODevice>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

namespace rollcall {

namespace {

constexpr int kMaxStringLength = 32767; // Excel's limit for one cell
constexpr int kMinWidth = 6;
constexpr int kMaxWidth = 60;
constexpr int kFilterButtonWidth = 3; // the autofilter drop-down covers the header's end

QString columnLetters(int column)
{
    QString letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.prepend(QChar(QLatin1Char('A').unicode() + (c - 1) % 26));
    return letters;
}

QByteArray numberFormat(const ReportTable::Column &column)
{
    const int decimals = column.decimals;
    switch (column.type) {
    case ReportTable::Type::Percent:
        return decimals == 0 ? QByteArray("0%") : "0." + QByteArray(decimals > 0 ? decimals : 1, '0') + '%';
    case ReportTable::Type::Integer:
        return "0";
    case ReportTable::Type::Number:
        return decimals > 0 ? "0." + QByteArray(decimals, '0') : (decimals == 0 ? QByteArray("0") : QByteArray());
    case ReportTable::Type::Date:
        return "yyyy-mm-dd";
    case ReportTable::Type::Text:
        return {};
    }
    return {};
}

// Approximate rendered length of a cell, for column widths.
int cellWidth(const QVariant &value, const ReportTable::Column &column)
{
    if (!value.isValid() || value.isNull())
        return 0;
    if (value.typeId() == QMetaType::QDate)
        return 10;
    if (ReportFormatting::isNumeric(value)) {
        const double v = value.toDouble();
        if (column.type == ReportTable::Type::Percent)
            return 6 + std::max(column.decimals, 1);
        const int decimals = column.type == ReportTable::Type::Integer ? 0 : column.decimals;
        return int(QString::number(v, 'f', decimals >= 0 ? decimals : QLocale::FloatingPointShortest).size());
    }
    return XlsxWriter::displayWidth(value.toString());
}

// Formats are created once per (role, column format) and reused.
class FormatCache
{
public:
    explicit FormatCache(lxw_workbook *workbook)
        : m_workbook(workbook)
    { }

    lxw_format *cell(const ReportTable::Column &column, bool bold)
    {
        const QByteArray num = numberFormat(column);
        const QByteArray key = num + (bold ? "|b" : "|");
        if (lxw_format *f = m_formats.value(key))
            return f;
        if (num.isEmpty() && !bold)
            return nullptr;
        lxw_format *f = workbook_add_format(m_workbook);
        if (!num.isEmpty())
            format_set_num_format(f, num.constData());
        if (bold)
            format_set_bold(f);
        m_formats.insert(key, f);
        return f;
    }

    lxw_format *header()
    {
        if (!m_header) {
            m_header = workbook_add_format(m_workbook);
            format_set_bold(m_header);
            format_set_bottom(m_header, LXW_BORDER_THIN);
            format_set_text_wrap(m_header);
            format_set_align(m_header, LXW_ALIGN_VERTICAL_TOP);
        }
        return m_header;
    }

    // Excel's "light red fill with dark red text".
    lxw_format *highlight()
    {
        if (!m_highlight) {
            m_highlight = workbook_add_format(m_workbook);
            format_set_font_color(m_highlight, 0x9C0006);
            format_set_bg_color(m_highlight, 0xFFC7CE);
        }
        return m_highlight;
    }

private:
    lxw_workbook *m_workbook;
    QHash<QByteArray, lxw_format *> m_formats;
    lxw_format *m_header = nullptr;
    lxw_format *m_highlight = nullptr;
};

QString lxwMessage(lxw_error error)
{
    return QString::fromUtf8(lxw_strerror(error));
}

// Page setup, so a printed register is readable: A4 landscape, one page wide, the
// header row and the frozen (ID, name) columns on every page, and a header and
// footer that say what the page is.
lxw_error setUpPrinting(lxw_worksheet *sheet, const QString &title, const QString &sheetName, int frozenColumns)
{
    constexpr uint8_t kPaperA4 = 9;
    constexpr int kMaxHeaderText = 100; // Excel caps a header at 255 characters, codes included
    auto escaped
        = [](QString text) { return text.left(kMaxHeaderText).replace(QLatin1Char('&'), QLatin1String("&&")); };
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, kPaperA4);
    worksheet_fit_to_pages(sheet, 1, 0); // as many pages tall as needed
    worksheet_set_margins(sheet, 0.4, 0.4, 0.6, 0.6);
    worksheet_gridlines(sheet, LXW_SHOW_PRINT_GRIDLINES);
    if (lxw_error e = worksheet_repeat_rows(sheet, 0, 0); e != LXW_NO_ERROR)
        return e;
    if (frozenColumns > 0) {
        if (lxw_error e = worksheet_repeat_columns(sheet, 0, lxw_col_t(frozenColumns - 1)); e != LXW_NO_ERROR)
            return e;
    }
    const QByteArray header
        = (QStringLiteral("&L") + escaped(title) + QStringLiteral("&R") + escaped(sheetName)).toUtf8();
    if (lxw_error e = worksheet_set_header(sheet, header.constData()); e != LXW_NO_ERROR)
        return e;
    return worksheet_set_footer(sheet, "&LRollCall&CPage &P of &N&R&D");
}

} // namespace

QString XlsxWriter::sheetName(const QString &wanted, const QStringList &taken)
{
    static const QString forbidden = QStringLiteral("[]:*?/\\");
    QString base;
    for (const QChar c : wanted)
        base.append(forbidden.contains(c) || c.unicode() < 0x20 ? QLatin1Char('_') : c);
    base = base.trimmed();
    while (base.startsWith(QLatin1Char('\'')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('\'')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("Sheet");
    auto isTaken = [&](const QString &name) { return taken.contains(name, Qt::CaseInsensitive); };
    QString name = base.left(31);
    for (int n = 2; isTaken(name); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        name = base.left(31 - suffix.size()) + suffix;
    }
    return name;
}

int XlsxWriter::displayWidth(const QString &text)
{
    int width = 0;
    int lineWidth = 0;
    for (const char32_t ucs : text.toUcs4()) {
        if (ucs == U'\n') {
            width = std::max(width, lineWidth);
            lineWidth = 0;
            continue;
        }
        switch (QChar::category(ucs)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_Enclosing:
        case QChar::Other_Format:
            continue;
        default:
            break;
        }
        const bool wide = (ucs >= 0x1100 && ucs <= 0x115F) || (ucs >= 0x2E80 && ucs <= 0xA4CF)
            || (ucs >= 0xAC00 && ucs <= 0xD7A3) || (ucs >= 0xF900 && ucs <= 0xFAFF) || (ucs >= 0xFE30 && ucs <= 0xFE4F)
            || (ucs >= 0xFF00 && ucs <= 0xFF60) || (ucs >= 0xFFE0 && ucs <= 0xFFE6)
            || (ucs >= 0x1F300 && ucs <= 0x1FAFF) || (ucs >= 0x20000 && ucs <= 0x3FFFD);
        lineWidth += wide ? 2 : 1;
    }
    return std::max(width, lineWidth);
}

Status XlsxWriter::write(const ReportDocument &document, QIODevice *device)
{
    if (!device || !device->isWritable())
        return Error::generic(QStringLiteral("XLSX export: the output is not open for writing"));
    const QTemporaryDir tempDir;
    if (!tempDir.isValid())
        return Error::generic(
            QStringLiteral("XLSX export: cannot create a temporary folder: %1").arg(tempDir.errorString()));
    const QString path = tempDir.filePath(QStringLiteral("report.xlsx"));
    const QByteArray pathBytes = QFile::encodeName(path);
    QByteArray tempBytes = QFile::encodeName(tempDir.path());

    lxw_workbook_options options {};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = tempBytes.data();
    lxw_workbook *workbook = workbook_new_opt(pathBytes.constData(), &options);
    if (!workbook)
        return Error::generic(QStringLiteral("XLSX export: cannot create the workbook"));
    // Discards an unfinished workbook (workbook_close() would write it).
    auto abandon = [workbook](Error error) -> Status {
        lxw_workbook_free(workbook);
        return error;
    };

    FormatCache formats(workbook);
    const qint64 total = totalRows(document);
    qint64 done = 0;
    QStringList sheetNames;
    const auto tables
        = document.tables.isEmpty() ? QList<ReportTable> { ReportTable(QStringLiteral("Report")) } : document.tables;

    for (const ReportTable &table : tables) {
        const QString name = sheetName(table.name(), sheetNames);
        sheetNames.append(name);
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, name.toUtf8().constData());
        if (!sheet)
            return abandon(Error::generic(QStringLiteral("XLSX export: cannot add the sheet \"%1\"").arg(name)));

        const auto &columns = table.columns();
        QList<int> widths(columns.size(), kMinWidth);
        lxw_error error = LXW_NO_ERROR;
        auto check = [&](lxw_error e) {
            if (e != LXW_NO_ERROR && error == LXW_NO_ERROR)
                error = e;
        };
        auto writeText = [&](lxw_row_t r, lxw_col_t c, const QString &text, lxw_format *format) {
            if (text.isEmpty()) {
                if (format)
                    check(worksheet_write_blank(sheet, r, c, format));
                return;
            }
            check(worksheet_write_string(sheet, r, c, text.left(kMaxStringLength).toUtf8().constData(), format));
        };

        for (qsizetype c = 0; c < columns.size(); ++c) {
            writeText(0, lxw_col_t(c), columns.at(c).title, formats.header());
            widths[c] = std::max(widths[c], displayWidth(columns.at(c).title) + kFilterButtonWidth);
        }
        if (!reportProgress(++done, total))
            return abandon(Error::cancelled());

        lxw_row_t row = 1;
        auto writeRows = [&](const QList<ReportTable::Row> &rows, bool bold) -> bool {
            for (qsizetype r = 0; r < rows.size(); ++r) {
                const auto &values = rows.at(r);
                for (qsizetype c = 0; c < columns.size(); ++c) {
                    const QVariant &value = values.at(c);
                    const ReportTable::Column column = bold ? table.footerColumn(int(r), int(c)) : columns.at(c);
                    const lxw_col_t col = lxw_col_t(c);
                    widths[c] = std::max(widths[c], cellWidth(value, column));
                    if (!value.isValid() || value.isNull()) {
                        if (bold)
                            check(worksheet_write_blank(sheet, row, col, formats.cell(column, true)));
                    } else if (value.typeId() == QMetaType::QDate) {
                        const QDate d = value.toDate();
                        if (d.isValid()) {
                            lxw_datetime dt { d.year(), d.month(), d.day(), 0, 0, 0.0 };
                            ReportTable::Column dateColumn = column;
                            dateColumn.type = ReportTable::Type::Date;
                            check(worksheet_write_datetime(sheet, row, col, &dt, formats.cell(dateColumn, bold)));
                        }
                    } else if (ReportFormatting::isNumeric(value)) {
                        const double v = value.toDouble();
                        if (std::isfinite(v))
                            check(worksheet_write_number(sheet, row, col, v, formats.cell(column, bold)));
                    } else {
                        ReportTable::Column textColumn = column;
                        textColumn.type = ReportTable::Type::Text;
                        writeText(row, col, value.toString(), formats.cell(textColumn, bold));
                    }
                }
                ++row;
                if (!reportProgress(++done, total))
                    return false;
            }
            return true;
        };
        if (!writeRows(table.rows(), false))
            return abandon(Error::cancelled());
        const lxw_row_t lastBodyRow = row - 1;
        if (!writeRows(table.footerRows(), true))
            return abandon(Error::cancelled());
        if (error != LXW_NO_ERROR)
            return abandon(Error::generic(QStringLiteral("XLSX export: %1").arg(lxwMessage(error))));

        for (qsizetype c = 0; c < columns.size(); ++c)
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), std::min(widths[c] + 2, kMaxWidth), nullptr);
        worksheet_freeze_panes(sheet, 1, lxw_col_t(std::clamp(table.frozenColumns(), 0, int(columns.size()))));
        if (!columns.isEmpty())
            worksheet_autofilter(sheet, 0, 0, std::max<lxw_row_t>(lastBodyRow, 1), lxw_col_t(columns.size() - 1));
        check(setUpPrinting(sheet, document.title, name, std::clamp(table.frozenColumns(), 0, int(columns.size()))));

        if (table.rowCount() > 0) {
            for (const auto &h : table.highlights()) {
                if (h.firstColumn < 0 || h.lastColumn >= columns.size() || h.firstColumn > h.lastColumn)
                    continue;
                // A formula rule so that empty cells (Excel reads them as 0) are not highlighted.
                const QString topLeft = columnLetters(h.firstColumn) + QLatin1Char('2');
                QString formula;
                if (h.kind == ReportTable::Highlight::Kind::Below) {
                    formula = QStringLiteral("=AND(ISNUMBER(%1),%1<%2)")
                                  .arg(topLeft, QString::number(h.threshold, 'g', 12));
                } else {
                    QString text = h.text;
                    text.replace(QLatin1String("\""), QLatin1String("\"\""));
                    formula = QStringLiteral("=%1=\"%2\"").arg(topLeft, text);
                }
                const QByteArray formulaBytes = formula.toUtf8();
                lxw_conditional_format cf {};
                cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
                cf.value_string = const_cast<char *>(formulaBytes.constData());
                cf.format = formats.highlight();
                check(worksheet_conditional_format_range(sheet, 1, lxw_col_t(h.firstColumn), lastBodyRow,
                                                         lxw_col_t(h.lastColumn), &cf));
            }
        }
        if (error != LXW_NO_ERROR)
            return abandon(Error::generic(QStringLiteral("XLSX export: %1").arg(lxwMessage(error))));
    }

    const QByteArray title = document.title.toUtf8();
    const QByteArray subject = document.subject.toUtf8();
    const QByteArray comments = document.comments.toUtf8();
    QByteArray author("RollCall");
    lxw_doc_properties properties {};
    properties.title = const_cast<char *>(title.constData());
    properties.subject = const_cast<char *>(subject.constData());
    properties.author = author.data();
    properties.comments = const_cast<char *>(comments.constData());
    properties.created = document.created.isValid() ? time_t(document.created.toSecsSinceEpoch()) : 0;
    if (const lxw_error e = workbook_set_properties(workbook, &properties); e != LXW_NO_ERROR)
        return abandon(Error::generic(QStringLiteral("XLSX export: %1").arg(lxwMessage(e))));

    if (const lxw_error e = workbook_close(workbook); e != LXW_NO_ERROR)
        return Error::generic(QStringLiteral("XLSX export: %1").arg(lxwMessage(e)));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::generic(QStringLiteral("XLSX export: cannot read the workbook back: %1").arg(file.errorString()));
    QByteArray chunk;
    while (!(chunk = file.read(256 * 1024)).isEmpty()) {
        if (device->write(chunk) != chunk.size())
            return Error::generic(QStringLiteral("XLSX export: writing failed: %1").arg(device->errorString()));
    }
    qCDebug(lcReports) << "XLSX written," << file.size() << "bytes," << tables.size() << "sheets";
    return {};
}

} // namespace rollcall
