// PgConnectionSettings::parse: the libpq-style string given to `rollcall-cli sync --postgres`.
#include "FuzzSupport.h"

#include "sync/PgConnectionSettings.h"

#include <cstdlib>

using namespace rollcall;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto settings = PgConnectionSettings::parse(QString::fromUtf8(fuzz::bytes(data, size)));
    if (!settings)
        return 0;
    // toConnInfo() is the canonical form: it must parse back to the same settings.
    const auto again = PgConnectionSettings::parse(settings->toConnInfo());
    if (!again || !(*again == *settings))
        std::abort();
    (void)settings->qpsqlConnectOptions();
    (void)settings->keychainKey();
    return 0;
}
