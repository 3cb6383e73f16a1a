#pragma once

#include <QStringList>

namespace rollcall {

// rollcall-cli's entry point: global options, logging, dispatch to a command.
class CliApplication
{
public:
    // Returns the process exit status (0 ok, 2 usage, 3 bad input, 4 model missing, …).
    static int run(const QStringList &arguments);
};

} // namespace rollcall
