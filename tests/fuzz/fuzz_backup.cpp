// Backup::validate: a backup archive (zip of manifest, SQLite database and
// photos) chosen by the user for restore; it must be refused, never trusted.
#include "FuzzSupport.h"

#include "storage/Backup.h"

#include <cstdlib>

using namespace rollcall;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto summary = Backup::validate(fuzz::writeInput(data, size, QStringLiteral("input.rollcall-backup")));
    if (summary && (summary->schemaVersion < 1 || summary->photoCount < 0))
        std::abort();
    return 0;
}
