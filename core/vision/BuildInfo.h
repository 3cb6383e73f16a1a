#pragma once

#include <QString>

namespace rollcall {

// Versions of RollCall and the libraries it was built against, for --version,
// the About dialog and bug reports.
class BuildInfo
{
public:
    static QString version();
    static QString qtVersion();
    static QString openCvVersion();
    static QString dlibVersion();
    static bool cudaCompiledIn();
    // Multi-line human-readable summary including the compute device in use.
    static QString summary();
};

} // namespace rollcall
