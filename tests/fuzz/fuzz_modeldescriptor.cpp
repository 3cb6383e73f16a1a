// ModelDescriptor::fromFile: user descriptors and the one beside an imported model.
#include "FuzzSupport.h"

#include "models/ModelDescriptor.h"

#include <cstdlib>

using namespace rollcall;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto d = ModelDescriptor::fromFile(fuzz::writeInput(data, size, QStringLiteral("model.json")));
    if (!d)
        return 0;
    // What the registry relies on: a plain file name and a digest or none.
    if (d->id.isEmpty() || d->role.isEmpty() || d->fileName.isEmpty() || d->fileName.contains(QLatin1Char('/'))
        || d->fileName.contains(QLatin1Char('\\')) || !(d->sha256.isEmpty() || d->sha256.size() == 64))
        std::abort();
    return 0;
}
