// CsvReader::parse: roster and register files from spreadsheet programs.
#include "FuzzSupport.h"

#include "reports/CsvReader.h"

#include <cstdlib>

using namespace rollcall;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    if (const auto rows = CsvReader::parse(input); rows && !fuzz::withinTableLimits(*rows))
        std::abort();
    // A separator the roster import may force instead of detecting it, picked from
    // the size so every input also runs with one of them.
    static const QChar separators[] = { QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t') };
    if (const auto rows = CsvReader::parse(input, separators[size % 3]); rows && !fuzz::withinTableLimits(*rows))
        std::abort();
    return 0;
}
