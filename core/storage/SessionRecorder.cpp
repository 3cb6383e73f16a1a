#include "storage/SessionRecorder.h"

#include "common/LogCategories.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/PhotoProvenance.h"
#include "storage/PhotoStore.h"
#include "storage/SessionRepository.h"

#include <QHash>
#include <QJsonDocument>

#include <optional>

namespace rollcall {
namespace {

QString summary(const QList<AttendanceRecord> &records, qsizetype photos)
{
    QHash<AttendanceStatus, int> counts;
    for (const AttendanceRecord &r : records)
        ++counts[r.status];
    QStringList parts;
    for (AttendanceStatus s : { AttendanceStatus::Present, AttendanceStatus::Absent, AttendanceStatus::Late,
                                AttendanceStatus::Excused, AttendanceStatus::Review })
        parts << QStringLiteral("%1 %2").arg(attendanceStatusName(s)).arg(counts.value(s));
    parts << QStringLiteral("photos %1").arg(photos);
    return parts.join(QStringLiteral(", "));
}

} // namespace

SessionRecorder::SessionRecorder(Database &db, PhotoStore &photos)
    : m_db(db)
    , m_photos(photos)
{ }

Result<AttendanceSession> SessionRecorder::record(const Request &request)
{
    AttendanceSession session;
    session.classId = request.classId;
    session.date = request.date;
    session.period = request.period.trimmed();
    session.takenBy = request.actor.isEmpty() ? AuditRepository::defaultActor() : request.actor;
    session.takenAt = QDateTime::currentDateTimeUtc();
    session.records = request.records;

    // Photos first (files cannot join a transaction); the ones added here go again on failure.
    QStringList added;
    auto dropAdded = [this, &added] {
        for (const QString &hash : std::as_const(added)) {
            if (const Status removed = m_photos.remove(hash); !removed)
                qCWarning(lcStorage) << "could not remove a photo of an unsaved session:" << removed.error().message();
        }
    };
    for (const Photo &photo : request.photos) {
        bool isNew = false;
        const Result<QString> hash
            = photo.data.isEmpty() ? m_photos.putFile(photo.path, &isNew) : m_photos.put(photo.data, &isNew);
        if (!hash) {
            dropAdded();
            return hash.error();
        }
        if (isNew)
            added << *hash;
        session.sourcePhotos << *hash;
    }

    // Where the photos come from, judged on the stored bytes before the session exists;
    // photos given as bytes are already in memory, files are read back from the store.
    QList<QByteArray> stored;
    for (qsizetype i = 0; i < request.photos.size(); ++i) {
        if (!request.photos.at(i).data.isEmpty()) {
            stored << request.photos.at(i).data;
            continue;
        }
        Result<QByteArray> bytes = m_photos.read(session.sourcePhotos.at(i));
        if (!bytes) {
            dropAdded();
            return bytes.error();
        }
        stored << *bytes;
    }
    Result<PhotoProvenance::Checked> provenance = PhotoProvenance(m_db).check(session.date, stored);
    if (!provenance) {
        dropAdded();
        return provenance.error();
    }
    m_warnings = provenance->warnings;

    std::optional<AttendanceSession> saved;
    const Status status = m_db.transaction([&]() -> Status {
        Result<AttendanceSession> created = SessionRepository(m_db).create(session);
        if (!created)
            return created.error();
        AuditRepository audit(m_db);
        auto append = [&](const QString &entity, const QString &entityId, const QString &field, const QString &oldValue,
                          const QString &newValue, const QString &source, const QString &reason) -> Status {
            AuditEntry entry;
            entry.actor = session.takenBy;
            entry.entity = entity;
            entry.entityId = entityId;
            entry.field = field;
            entry.oldValue = oldValue;
            entry.newValue = newValue;
            entry.source = source;
            entry.reason = reason;
            const Result<AuditEntry> appended = audit.append(entry);
            return appended ? Status() : Status(appended.error());
        };
        if (Status s = append(QStringLiteral("attendance_sessions"), created->id, QStringLiteral("created"), {},
                              summary(created->records, created->sourcePhotos.size()), request.source,
                              QStringLiteral("attendance taken from classroom photos"));
            !s)
            return s;
        for (int i = 0; i < provenance->fingerprints.size(); ++i) {
            if (Status s
                = append(QStringLiteral("attendance_sessions"), created->id, PhotoProvenance::fingerprintField(), {},
                         PhotoProvenance::fingerprintValue(i, provenance->fingerprints.at(i)), request.source,
                         QStringLiteral("classroom photo %1").arg(i + 1));
                !s)
                return s;
        }
        for (const PhotoWarning &w : std::as_const(provenance->warnings)) {
            const QString value = QString::fromUtf8(QJsonDocument(w.toJson()).toJson(QJsonDocument::Compact));
            if (Status s = append(QStringLiteral("attendance_sessions"), created->id, PhotoProvenance::warningField(),
                                  {}, value, request.source, w.message);
                !s)
                return s;
        }
        QHash<QString, QString> recordOf;
        for (const AttendanceRecord &r : std::as_const(created->records)) {
            recordOf.insert(r.studentUuid, r.id);
            if (r.status != AttendanceStatus::Review)
                continue;
            const QString why = r.distance
                ? QStringLiteral("uncertain match (distance %1): needs review").arg(*r.distance, 0, 'f', 4)
                : QStringLiteral("uncertain match: needs review");
            if (Status s = append(QStringLiteral("attendance_records"), r.id, QStringLiteral("status"), {},
                                  attendanceStatusName(r.status), request.source, why);
                !s)
                return s;
        }
        for (const MarkReview::Change &change : request.changes) {
            if (Status s = append(QStringLiteral("attendance_records"), recordOf.value(change.studentUuid),
                                  change.field, change.oldValue, change.newValue, change.source, change.reason);
                !s)
                return s;
        }
        saved = created.value();
        return {};
    });
    if (!status) {
        dropAdded();
        return status.error();
    }
    return *saved;
}

} // namespace rollcall
