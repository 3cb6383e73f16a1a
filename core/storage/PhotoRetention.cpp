#include "storage/PhotoRetention.h"

#include "common/LogCategories.h"
#include "storage/Database.h"
#include "storage/ErasureLog.h"
#include "storage/PhotoStore.h"
#include "storage/SqlHelper.h"

#include <QSet>

namespace rollcall {
namespace {

const QString kKey = QStringLiteral("photo_retention_days");

} // namespace

PhotoRetention::PhotoRetention(Database &db, PhotoStore &photos)
    : m_db(db)
    , m_photos(photos)
{ }

Result<int> PhotoRetention::days()
{
    auto value = m_db.metaValue(kKey, QString::number(DefaultDays));
    if (!value)
        return value.error();
    bool ok = false;
    const int days = value->toInt(&ok);
    return ok && days >= 0 ? days : DefaultDays;
}

Status PhotoRetention::setDays(int days)
{
    if (days < 0)
        return Error::badInput(QStringLiteral("The photo retention must be 0 (keep) or a number of days."));
    return m_db.setMetaValue(kKey, QString::number(days));
}

Result<PhotoRetention::Outcome> PhotoRetention::purge(const QDate &today)
{
    auto keepDays = days();
    if (!keepDays)
        return keepDays.error();
    Outcome outcome;
    if (*keepDays == 0)
        return outcome;
    const QString cutoff = today.addDays(-*keepDays).toString(Qt::ISODate);
    QSet<QString> candidates;
    Status status = m_db.transaction([&]() -> Status {
        auto old = SqlHelper::exec(m_db.connection(),
                                   QStringLiteral("SELECT id, source_photos FROM attendance_sessions"
                                                  " WHERE photos_purged = 0 AND date < ? AND source_photos <> ''"),
                                   { cutoff });
        if (!old)
            return old.error();
        QStringList ids;
        while (old->next()) {
            ids << old->value(0).toString();
            for (const QString &hash : old->value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))
                candidates.insert(hash);
        }
        const qint64 now = m_db.clock().now();
        for (const QString &id : std::as_const(ids)) {
            // The hashes stay as a record of which photos the marks came from.
            auto q = SqlHelper::exec(m_db.connection(),
                                     QStringLiteral("UPDATE attendance_sessions SET photos_purged = 1, updated_at = ?,"
                                                    " origin_device = ? WHERE id = ?"),
                                     { now, m_db.deviceId(), id });
            if (!q)
                return q.error();
        }
        outcome.sessions = static_cast<int>(ids.size());
        // Each photo no longer used becomes an erasure, so every PC and the server delete it
        // too; one still used by a newer session or an enrolment photo stays.
        ErasureLog erasures(m_db);
        auto erased = erasures.erasedPhotos();
        if (!erased)
            return erased.error();
        for (const QString &hash : std::as_const(candidates)) {
            if (!PhotoStore::isValidHash(hash) || erased->contains(hash))
                continue;
            auto used
                = SqlHelper::exec(m_db.connection(),
                                  QStringLiteral("SELECT 1 FROM enrolment_photos WHERE photo_hash = ? AND deleted = 0"
                                                 " UNION ALL SELECT 1 FROM attendance_sessions WHERE photos_purged = 0"
                                                 " AND deleted = 0 AND instr(source_photos, ?) > 0 LIMIT 1"),
                                  { hash, hash });
            if (!used)
                return used.error();
            if (used->next())
                continue;
            if (auto recorded = erasures.record(ErasureLog::Kind::Photo, hash, {}, QStringLiteral("photo retention"));
                !recorded)
                return recorded.error();
        }
        return {};
    });
    if (!status)
        return status.error();
    auto enforced = ErasureLog(m_db, &m_photos).enforce();
    if (!enforced)
        return enforced.error();
    outcome.files = enforced->filesRemoved;
    if (outcome.sessions > 0)
        qCInfo(lcStorage) << "photo retention: purged" << outcome.files << "photo(s) of" << outcome.sessions
                          << "session(s)";
    return outcome;
}

} // namespace rollcall
