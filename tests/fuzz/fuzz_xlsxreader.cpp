// XlsxReader::readFirstSheet: .xlsx rosters (a zip of XML parts) from any source.
#include "FuzzSupport.h"

#include "reports/XlsxReader.h"

#include <cstdlib>

using namespace rollcall;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The reader opens files only (minizip's path API).
    const auto rows = XlsxReader::readFirstSheet(fuzz::writeInput(data, size, QStringLiteral("input.xlsx")));
    if (rows && !fuzz::withinTableLimits(*rows))
        std::abort();
    return 0;
}
