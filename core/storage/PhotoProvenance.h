#pragma once

#include "common/Result.h"
#include "storage/PhotoWarning.h"
#include "vision/PhotoFingerprint.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace rollcall {

class Database;

// Where a marking's classroom photos come from, checked before they are saved (the
// classic proxy tricks: last week's photo again, one photo for two sections):
// - photo_reused: the same file (SHA-256 among the sessions' source photos) or the
//   same picture (PhotoFingerprint::samePicture: a re-saved or scaled copy) in
//   another live session;
// - photo_date_mismatch: the EXIF capture date is not the session's date;
// - photo_no_capture_time: the photo does not say when it was taken.
// The fingerprints travel with the session as audit entries (field
// "photo_fingerprint"), so photos marked on other PCs are recognised after a sync.
// Stateless apart from the database; use on a thread that owns a connection of db.
class PhotoProvenance
{
public:
    struct Checked
    {
        QList<PhotoWarning> warnings;
        QList<PhotoFingerprint> fingerprints; // one per photo, in order
        QStringList sha256; // one per photo, in order
    };

    explicit PhotoProvenance(Database &db);

    // photos: the encoded files in the marking's order.
    Result<Checked> check(const QDate &sessionDate, const QList<QByteArray> &photos);
    // The warnings recorded with a saved session.
    Result<QList<PhotoWarning>> warningsOf(const QString &sessionId);

    static QString fingerprintField() { return QStringLiteral("photo_fingerprint"); }
    static QString warningField() { return QStringLiteral("photo_warning"); }
    // The audit value of photo i's fingerprint.
    static QString fingerprintValue(int photo, const PhotoFingerprint &fingerprint);

private:
    Database &m_db;
};

} // namespace rollcall
