#pragma once

#include <QIcon>
#include <QString>
#include <QStringList>

namespace rollcall {

// The icons compiled in from resources/icons (see resources/CMakeLists.txt).
class Icons
{
public:
    // The application icon, from the PNG renders so it needs no SVG plugin.
    static QIcon application();
    // A toolbar icon by name (resources/icons/actions/<name>.svg), e.g.
    // "open-photo", "camera", "save-session", "export", "students", "sync",
    // "dashboard", "settings". A null icon for an unknown name.
    static QIcon action(const QString &name);
    static QStringList actionNames();
};

} // namespace rollcall
