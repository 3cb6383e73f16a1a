#pragma once

#include "sync/PgConnectionSettings.h"

class QSettings;

namespace rollcall {

// The sync settings the GUI keeps (QSettings, group "sync"): where the central
// database is, how often to sync, and whether classroom photos travel too.
// The password is not here (PasswordStore).
class SyncSettings
{
public:
    PgConnectionSettings connection;
    int intervalMinutes = 0; // 0: only on "Sync now"
    bool classroomPhotos = false; // enrolment crops always sync; classroom photos only if set

    bool isConfigured() const { return connection.isConfigured(); }

    static SyncSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace rollcall
