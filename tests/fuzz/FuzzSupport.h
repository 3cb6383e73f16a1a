#pragma once

#include "reports/TableLimits.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>

namespace rollcall::fuzz {

// Once per process, from LLVMFuzzerInitialize: a QCoreApplication (Qt's SQL
// drivers and temporary paths expect one) and Qt's log messages silenced, so
// the parsers' warnings about bad input neither flood the output nor slow the
// fuzzer down.
void initialise();

// The fuzzer's bytes without a copy. Not null-terminated: AddressSanitizer
// then reports a read even one byte past the input, which a deep copy (with
// its terminating '\0' and spare capacity) would hide.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Writes the input to the same file in a private temporary folder and returns
// its path, for parsers that read only from files (zip archives).
QString writeInput(const uint8_t *data, size_t size, const QString &fileName);

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

} // namespace rollcall::fuzz
