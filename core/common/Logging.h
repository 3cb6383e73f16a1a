#pragma once

#include <QString>

namespace rollcall {

// Installs the process-wide message handler: stderr plus a rotating file in the
// data folder. Without verbose, debug messages (the only ones allowed to carry
// personal data) are filtered out of both.
class Logging
{
public:
    static void install(const QString &logDirectory, bool verbose);
    static QString logFilePath();
    static bool isVerbose();
};

} // namespace rollcall
