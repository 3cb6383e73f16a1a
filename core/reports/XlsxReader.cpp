#include "reports/XlsxReader.h"

#include "reports/TableLimits.h"

#include <QFile>
#include <QHash>
#include <QXmlStreamReader>

#include <unzip.h>

#include <cmath>

namespace rollcall {

namespace {

// An open .xlsx zip; closed on destruction.
class ZipArchive
{
public:
    explicit ZipArchive(const QString &path)
        : m_zip(unzOpen64(QFile::encodeName(path).constData()))
    { }
    ~ZipArchive()
    {
        if (m_zip)
            unzClose(m_zip);
    }
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    bool isOpen() const { return m_zip != nullptr; }

    // Missing part: empty optional-like result with *found false.
    Result<QByteArray> read(const QString &name, bool *found)
    {
        *found = false;
        if (unzLocateFile(m_zip, name.toUtf8().constData(), 0) != UNZ_OK)
            return QByteArray();
        *found = true;
        unz_file_info64 info {};
        if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
            return Error::badInput(QStringLiteral("XLSX: cannot read the entry %1").arg(name));
        if (qint64(info.uncompressed_size) > XlsxReader::kMaxPartSize)
            return Error::badInput(QStringLiteral("XLSX: the part %1 is too large").arg(name));
        if (unzOpenCurrentFile(m_zip) != UNZ_OK)
            return Error::badInput(QStringLiteral("XLSX: cannot open the entry %1").arg(name));
        QByteArray data;
        // The declared size was checked above; a lying one is caught while inflating.
        data.reserve(qsizetype(info.uncompressed_size));
        char buffer[64 * 1024];
        int got = 0;
        while ((got = unzReadCurrentFile(m_zip, buffer, sizeof buffer)) > 0) {
            data.append(buffer, got);
            if (data.size() > XlsxReader::kMaxPartSize)
                break;
        }
        const int closed = unzCloseCurrentFile(m_zip); // checks the CRC
        if (got < 0 || closed != UNZ_OK || data.size() > XlsxReader::kMaxPartSize)
            return Error::badInput(QStringLiteral("XLSX: the entry %1 is damaged").arg(name));
        return data;
    }

private:
    unzFile m_zip;
};

// "A1" -> column 0; -1 when there are no letters.
int columnFromReference(QStringView ref)
{
    int column = 0;
    int letters = 0;
    for (const QChar c : ref) {
        const char16_t u = c.toUpper().unicode();
        if (u < 'A' || u > 'Z')
            break;
        column = column * 26 + (u - 'A' + 1);
        if (++letters > 3)
            return -1;
    }
    return letters == 0 ? -1 : column - 1;
}

QString numberText(const QString &raw)
{
    bool ok = false;
    const double v = raw.toDouble(&ok);
    if (ok && std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return raw;
}

// Text of the current element's <t> children (a <si> or <is>), skipping phonetic runs.
QString readRichText(QXmlStreamReader &xml)
{
    QString text;
    const QStringView container = xml.name();
    const QString end = container.toString();
    int phonetic = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (xml.name() == QLatin1String("t") && phonetic == 0)
                text += xml.readElementText();
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == QLatin1String("rPh"))
                --phonetic;
            else if (xml.name() == end)
                break;
        }
    }
    return text;
}

Result<QStringList> parseSharedStrings(const QByteArray &data)
{
    QStringList strings;
    QXmlStreamReader xml(data);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("si")) {
            if (strings.size() >= TableLimits::kMaxCells)
                return Error::badInput(QStringLiteral("XLSX: more than %1 shared strings").arg(TableLimits::kMaxCells));
            strings.append(readRichText(xml));
        }
    }
    if (xml.hasError())
        return Error::badInput(QStringLiteral("XLSX: shared strings unreadable: %1").arg(xml.errorString()));
    return strings;
}

QString resolveTarget(const QString &target)
{
    // Targets are relative to xl/ or absolute from the package root.
    if (target.startsWith(QLatin1Char('/')))
        return target.mid(1);
    return QStringLiteral("xl/") + target;
}

} // namespace

Result<QList<QStringList>> XlsxReader::readFirstSheet(const QString &path)
{
    ZipArchive zip(path);
    if (!zip.isOpen())
        return Error::badInput(QStringLiteral("XLSX: %1 is not a readable .xlsx (zip) file").arg(path));

    bool found = false;
    auto workbook = zip.read(QStringLiteral("xl/workbook.xml"), &found);
    if (!workbook)
        return workbook.error();
    if (!found)
        return Error::badInput(QStringLiteral("XLSX: no workbook in %1").arg(path));
    QString sheetRelId;
    {
        QXmlStreamReader xml(*workbook);
        while (!xml.atEnd() && sheetRelId.isEmpty()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("sheet")) {
                for (const auto &a : xml.attributes()) {
                    if (a.name() == QLatin1String("id")) // r:id, whatever the prefix
                        sheetRelId = a.value().toString();
                }
            }
        }
    }

    QString sheetPath = QStringLiteral("xl/worksheets/sheet1.xml");
    QString sharedPath = QStringLiteral("xl/sharedStrings.xml");
    auto rels = zip.read(QStringLiteral("xl/_rels/workbook.xml.rels"), &found);
    if (!rels)
        return rels.error();
    if (found) {
        QXmlStreamReader xml(*rels);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != QLatin1String("Relationship"))
                continue;
            const auto attrs = xml.attributes();
            const QString id = attrs.value(QLatin1String("Id")).toString();
            const QString type = attrs.value(QLatin1String("Type")).toString();
            const QString target = attrs.value(QLatin1String("Target")).toString();
            if (!sheetRelId.isEmpty() && id == sheetRelId)
                sheetPath = resolveTarget(target);
            else if (type.endsWith(QLatin1String("/sharedStrings")))
                sharedPath = resolveTarget(target);
        }
    }

    QStringList shared;
    auto sharedData = zip.read(sharedPath, &found);
    if (!sharedData)
        return sharedData.error();
    if (found) {
        auto parsed = parseSharedStrings(*sharedData);
        if (!parsed)
            return parsed.error();
        shared = std::move(*parsed);
    }

    auto sheet = zip.read(sheetPath, &found);
    if (!sheet)
        return sheet.error();
    if (!found)
        return Error::badInput(QStringLiteral("XLSX: the first worksheet (%1) is missing").arg(sheetPath));

    QList<QStringList> rows;
    qsizetype cells = 0; // values and the empty cells padding them, in all rows
    QXmlStreamReader xml(*sheet);
    int rowIndex = -1;
    int column = -1;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("row")) {
            bool ok = false;
            const int r = xml.attributes().value(QLatin1String("r")).toInt(&ok);
            rowIndex = ok && r > 0 ? r - 1 : rowIndex + 1;
            if (rowIndex >= TableLimits::kMaxRows)
                return Error::badInput(QStringLiteral("XLSX: more than %1 rows").arg(TableLimits::kMaxRows));
            // Rows are created when they get a value: a sheet of empty styled rows costs nothing.
            column = -1;
        } else if (xml.name() == QLatin1String("c") && rowIndex >= 0) {
            const auto attrs = xml.attributes();
            const int c = columnFromReference(attrs.value(QLatin1String("r")));
            column = c >= 0 ? c : column + 1;
            const QString type = attrs.value(QLatin1String("t")).toString();
            QString value;
            bool hasValue = false;
            // Read the cell's children up to </c>.
            while (!xml.atEnd()) {
                const auto token = xml.readNext();
                if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("c"))
                    break;
                if (token != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == QLatin1String("v")) {
                    value = xml.readElementText();
                    hasValue = true;
                } else if (xml.name() == QLatin1String("is")) {
                    value = readRichText(xml);
                    hasValue = true;
                } else if (xml.name() == QLatin1String("f")) {
                    xml.skipCurrentElement();
                }
            }
            if (!hasValue || column < 0)
                continue;
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int index = value.toInt(&ok);
                if (!ok || index < 0 || index >= shared.size())
                    return Error::badInput(QStringLiteral("XLSX: bad shared string index in row %1").arg(rowIndex + 1));
                value = shared.at(index);
            } else if (type == QLatin1String("b")) {
                value = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            } else if (type.isEmpty() || type == QLatin1String("n")) {
                value = numberText(value);
            } // "str", "inlineStr", "e", "d": the text as stored
            if (column >= TableLimits::kMaxColumns)
                return Error::badInput(QStringLiteral("XLSX: row %1 has a value in column %2; RollCall reads the first "
                                                      "%3 columns (A to IV) only")
                                           .arg(rowIndex + 1)
                                           .arg(column + 1)
                                           .arg(TableLimits::kMaxColumns));
            while (rows.size() <= rowIndex)
                rows.append(QStringList());
            QStringList &row = rows[rowIndex];
            if (row.size() <= column) {
                cells += column + 1 - row.size();
                if (cells > TableLimits::kMaxCells)
                    return Error::badInput(
                        QStringLiteral("XLSX: the worksheet has more than %1 cells").arg(TableLimits::kMaxCells));
                row.resize(column + 1);
            }
            row[column] = value;
        }
    }
    if (xml.hasError())
        return Error::badInput(QStringLiteral("XLSX: the worksheet is not valid XML: %1").arg(xml.errorString()));
    return rows;
}

} // namespace rollcall
