#pragma once

#include <QStringList>

namespace rollcall {

// The GUI's start-up: options (--data-dir, --models-dir, --device, --verbose,
// --version), logging, settings, then the main window.
class GuiApplication
{
public:
    static int run(int &argc, char **argv);
    // --help or --version: answered without a display.
    static bool wantsTextOnly(int argc, char **argv);
};

} // namespace rollcall
