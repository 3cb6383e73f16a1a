#pragma once

#include "common/Result.h"
#include "storage/AttendanceSession.h"
#include "storage/MarkReview.h"
#include "storage/PhotoWarning.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace rollcall {

class Database;
class PhotoStore;

// The one way a marking reaches the register, for the mark dialog and
// `rollcall-cli mark` alike: the classroom photos go into the photo store, then
// the session, its period, its records and the audit entries (the session's
// creation, every record left for review, every correction, the photos'
// fingerprints and warnings) are written in ONE
// transaction. Photos this call added are removed again when the transaction
// fails. Runs on any thread that owns a connection of db (Database is per thread).
class SessionRecorder
{
public:
    struct Photo
    {
        QString path; // a file, or empty when data holds the encoded photo
        QByteArray data;
    };
    struct Request
    {
        QString classId;
        QDate date;
        QString period;
        QString actor; // empty: AuditRepository::defaultActor()
        QString source = QStringLiteral("recognition"); // the session's audit source: recognition or cli
        QList<Photo> photos; // records' photoIndex refers to this order
        QList<AttendanceRecord> records; // one per student (MarkReview::records)
        QList<MarkReview::Change> changes; // audited with their own source and reason
    };

    SessionRecorder(Database &db, PhotoStore &photos);

    Result<AttendanceSession> record(const Request &request);
    // What the last record() found about the photos (PhotoProvenance), stored with
    // the session as audit entries; warnings never stop a save.
    const QList<PhotoWarning> &warnings() const { return m_warnings; }

private:
    Database &m_db;
    PhotoStore &m_photos;
    QList<PhotoWarning> m_warnings;
};

} // namespace rollcall
