#include "storage/ErasureLog.h"

#include "common/LogCategories.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/SqlHelper.h"

namespace rollcall {
namespace {

// A live erasure of the whole student whose uuid is in column. IN (rather than a
// correlated EXISTS) lets SQLite start from the few erasures and use column's index.
QString studentErased(const QString &column)
{
    return QStringLiteral("%1 IN (SELECT subject FROM erasures WHERE kind = 'student' AND deleted = 0)").arg(column);
}

// Biometric rows of table go with a student erasure, and with a consent withdrawal
// for the rows recorded up to it (the server's rollcall_refusal draws the same line).
QString biometricsErased(const QString &table)
{
    return QStringLiteral("%1.student_uuid IN (SELECT subject FROM erasures WHERE deleted = 0"
                          " AND kind IN ('student', 'biometrics'))"
                          " AND EXISTS (SELECT 1 FROM erasures e WHERE e.subject = %1.student_uuid AND e.deleted = 0"
                          " AND (e.kind = 'student' OR (e.kind = 'biometrics' AND %1.updated_at <= e.updated_at)))")
        .arg(table);
}

} // namespace

ErasureLog::ErasureLog(Database &db, PhotoStore *photos)
    : m_db(db)
    , m_photos(photos)
{ }

QString ErasureLog::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Student:
        return QStringLiteral("student");
    case Kind::Biometrics:
        return QStringLiteral("biometrics");
    case Kind::Photo:
        return QStringLiteral("photo");
    }
    return {};
}

Result<QString> ErasureLog::record(Kind kind, const QString &subject, const QString &actor, const QString &reason)
{
    if (subject.isEmpty())
        return Error::badInput(QStringLiteral("An erasure needs a subject."));
    if (kind == Kind::Photo && !PhotoStore::isValidHash(subject))
        return Error::badInput(QStringLiteral("\"%1\" is not a photo-store hash.").arg(subject));
    const QString id = SqlHelper::newId();
    const qint64 now = m_db.clock().now();
    auto insert = SqlHelper::exec(
        m_db.connection(),
        QStringLiteral("INSERT INTO erasures (id, created_at, updated_at, deleted, origin_device, kind, subject,"
                       " actor, reason) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)"),
        { id, now, now, m_db.deviceId(), kindName(kind), subject,
          actor.isEmpty() ? AuditRepository::defaultActor() : actor, SqlHelper::text(reason) });
    if (!insert)
        return insert.error();
    return id;
}

Result<QSet<QString>> ErasureLog::erasedPhotos()
{
    auto q = SqlHelper::exec(m_db.connection(),
                             QStringLiteral("SELECT subject FROM erasures WHERE kind = 'photo' AND deleted = 0"));
    if (!q)
        return q.error();
    QSet<QString> hashes;
    while (q->next())
        hashes.insert(q->value(0).toString());
    return hashes;
}

Result<ErasureLog::Outcome> ErasureLog::enforce()
{
    Outcome outcome;
    QSet<QString> files;
    Status status = m_db.transaction([&]() -> Status {
        QSqlDatabase db = m_db.connection();
        // The crops' hashes before the rows lose them, to delete the files afterwards.
        auto crops = SqlHelper::exec(db,
                                     QStringLiteral("SELECT DISTINCT photo_hash FROM enrolment_photos"
                                                    " WHERE photo_hash <> '' AND %1")
                                         .arg(biometricsErased(QStringLiteral("enrolment_photos"))));
        if (!crops)
            return crops.error();
        while (crops->next())
            files.insert(crops->value(0).toString());

        // Each statement matches only rows still holding something, so a second run changes nothing.
        const QStringList statements {
            QStringLiteral("UPDATE embeddings SET deleted = 1, vector = x'', dimension = 0"
                           " WHERE (deleted = 0 OR length(vector) > 0) AND %1")
                .arg(biometricsErased(QStringLiteral("embeddings"))),
            QStringLiteral("UPDATE enrolment_photos SET deleted = 1, photo_hash = '', source = ''"
                           " WHERE (deleted = 0 OR photo_hash <> '' OR source <> '') AND %1")
                .arg(biometricsErased(QStringLiteral("enrolment_photos"))),
            QStringLiteral("UPDATE class_members SET deleted = 1 WHERE deleted = 0 AND %1")
                .arg(studentErased(QStringLiteral("class_members.student_uuid"))),
            QStringLiteral("UPDATE students SET deleted = 1, name = '', student_id = '', email = '', active = 0,"
                           " consent = 0, consent_at = NULL WHERE (deleted = 0 OR name <> '' OR student_id <> ''"
                           " OR email <> '' OR consent <> 0 OR consent_at IS NOT NULL) AND %1")
                .arg(studentErased(QStringLiteral("students.id"))),
            // The entry stays (who, when, which field); the values and the reason go.
            QStringLiteral("UPDATE audit_log SET old_value = NULL, new_value = NULL, reason = ''"
                           " WHERE (old_value IS NOT NULL OR new_value IS NOT NULL OR reason <> '') AND %1")
                .arg(studentErased(QStringLiteral("audit_log.entity_id"))),
        };
        for (const QString &sql : statements) {
            auto q = SqlHelper::exec(db, sql);
            if (!q)
                return q.error();
            outcome.rowsScrubbed += qMax(0, q->numRowsAffected());
        }

        auto photos = erasedPhotos();
        if (!photos)
            return photos.error();
        if (photos->isEmpty())
            return {};
        // Hashes are split here rather than in SQL: one pass over the sessions that still
        // have photos, whatever the number of erased photos.
        auto sessions = SqlHelper::exec(db,
                                        QStringLiteral("SELECT id, source_photos FROM attendance_sessions"
                                                       " WHERE photos_purged = 0 AND source_photos <> ''"));
        if (!sessions)
            return sessions.error();
        QStringList purged;
        while (sessions->next()) {
            const QStringList hashes = sessions->value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString &h : hashes) {
                if (photos->contains(h)) {
                    purged << sessions->value(0).toString();
                    break;
                }
            }
        }
        for (const QString &id : std::as_const(purged)) {
            auto q = SqlHelper::exec(
                db, QStringLiteral("UPDATE attendance_sessions SET photos_purged = 1 WHERE id = ?"), { id });
            if (!q)
                return q.error();
            ++outcome.rowsScrubbed;
        }
        if (m_photos) {
            for (const QString &h : std::as_const(*photos)) {
                if (m_photos->contains(h))
                    files.insert(h);
            }
        }
        return {};
    });
    if (!status)
        return status.error();
    if (m_photos && !files.isEmpty()) {
        auto removed = removeUnusedPhotos(files);
        if (!removed)
            return removed.error();
        outcome.filesRemoved = *removed;
    }
    if (outcome.rowsScrubbed > 0 || outcome.filesRemoved > 0)
        qCInfo(lcStorage) << "erasures: scrubbed" << outcome.rowsScrubbed << "row(s), removed" << outcome.filesRemoved
                          << "photo file(s)";
    return outcome;
}

Result<int> ErasureLog::removeUnusedPhotos(const QSet<QString> &hashes)
{
    if (!m_photos)
        return 0;
    int removed = 0;
    for (const QString &hash : hashes) {
        if (!PhotoStore::isValidHash(hash) || !m_photos->contains(hash))
            continue;
        // The same bytes may be another student's crop or a session's photo still kept.
        auto used = SqlHelper::exec(m_db.connection(),
                                    QStringLiteral("SELECT 1 FROM enrolment_photos WHERE photo_hash = ? AND deleted = 0"
                                                   " UNION ALL SELECT 1 FROM attendance_sessions WHERE deleted = 0"
                                                   " AND photos_purged = 0 AND instr(source_photos, ?) > 0 LIMIT 1"),
                                    { hash, hash });
        if (!used)
            return used.error();
        if (used->next())
            continue;
        if (Status s = m_photos->remove(hash); !s)
            qCWarning(lcStorage) << "erasures: photo file left behind:" << s.error().message();
        else
            ++removed;
    }
    return removed;
}

} // namespace rollcall
