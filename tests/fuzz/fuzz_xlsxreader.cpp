// XlsxReader::readFirstSheet: .xlsx rosters (a zip of XML parts) from any source.
#include "FuzzSupport.h"

#include "reports/TableLimits.h"
#include "reports/XlsxReader.h"

#include <cstdlib>

using namespace rollcall;

// Every table a reader returns stays within TableLimits, whatever the input.
inline bool withinTableLimits(const QList<QStringList> &rows)
{
    if (rows.size() > TableLimits::kMaxRows)
        return false;
    qsizetype cells = 0;
    for (const QStringList &row : rows) {
        if (row.size() > TableLimits::kMaxColumns)
            return false;
        cells += row.size();
    }
    return cells <= TableLimits::kMaxCells;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The reader opens files only (minizip's path API).
    const auto rows = XlsxReader::readFirstSheet(fuzz::writeInput(data, size, QStringLiteral("input.xlsx")));
    if (rows && !withinTableLimits(*rows))
        std::abort();
    return 0;
}
