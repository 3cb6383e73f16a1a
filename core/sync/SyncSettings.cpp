#include "sync/SyncSettings.h"

#include <QSettings>

namespace rollcall {

SyncSettings SyncSettings::load(const QSettings &settings)
{
    SyncSettings s;
    s.connection = PgConnectionSettings::load(settings);
    s.intervalMinutes = qMax(0, settings.value(QStringLiteral("sync/intervalMinutes"), 0).toInt());
    s.classroomPhotos = settings.value(QStringLiteral("sync/classroomPhotos"), false).toBool();
    return s;
}

void SyncSettings::save(QSettings &settings) const
{
    connection.save(settings);
    settings.setValue(QStringLiteral("sync/intervalMinutes"), intervalMinutes);
    settings.setValue(QStringLiteral("sync/classroomPhotos"), classroomPhotos);
}

} // namespace rollcall
