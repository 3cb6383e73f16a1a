// CsvReader::parse: roster and register files from spreadsheet programs.
#include "FuzzSupport.h"

#include "reports/CsvReader.h"

using namespace rollcall;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    (void)CsvReader::parse(input);
    // A separator the roster import may force instead of detecting it, picked from
    // the size so every input also runs with one of them.
    static const QChar separators[] = { QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t') };
    (void)CsvReader::parse(input, separators[size % 3]);
    return 0;
}
