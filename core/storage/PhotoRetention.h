#pragma once

#include "common/Result.h"

#include <QDate>

namespace rollcall {

class Database;
class PhotoStore;

// The classroom-photo retention setting: photos of sessions older than N days are deleted
// from the photo store; the sessions and their records stay (photos_purged = 1).
// Enrolment photos are never purged. The setting lives in the database's meta table.
class PhotoRetention
{
public:
    PhotoRetention(Database &db, PhotoStore &photos);

    static constexpr int DefaultDays = 90;

    Result<int> days();
    Status setDays(int days); // 0: keep photos for ever

    struct Outcome
    {
        int sessions = 0; // sessions whose photos were purged
        int files = 0; // photo files deleted
    };
    // Purges the photos of sessions dated before today - days(). Safe to run at every start.
    Result<Outcome> purge(const QDate &today = QDate::currentDate());

private:
    Database &m_db;
    PhotoStore &m_photos;
};

} // namespace rollcall
