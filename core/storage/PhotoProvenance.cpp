#include "storage/PhotoProvenance.h"

#include "models/FileHasher.h"
#include "storage/Database.h"
#include "storage/SqlHelper.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rollcall {

namespace {

struct EarlierUse
{
    QString classCode;
    QString date;
    QString period;
};

QString describe(const EarlierUse &use)
{
    return use.period.isEmpty() ? QStringLiteral("%1 on %2").arg(use.classCode, use.date)
                                : QStringLiteral("%1 on %2 (%3)").arg(use.classCode, use.date, use.period);
}

} // namespace

PhotoProvenance::PhotoProvenance(Database &db)
    : m_db(db)
{ }

QString PhotoProvenance::fingerprintValue(int photo, const PhotoFingerprint &fingerprint)
{
    QJsonObject o { { QStringLiteral("photo"), photo } };
    if (!fingerprint.thumbnail.isEmpty())
        o.insert(QStringLiteral("thumbnail"), fingerprint.thumbnailText());
    if (fingerprint.capturedAt)
        o.insert(QStringLiteral("captured_at"), fingerprint.capturedAt->toString(Qt::ISODate));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<PhotoProvenance::Checked> PhotoProvenance::check(const QDate &sessionDate, const QList<QByteArray> &photos)
{
    Checked out;
    const QSqlDatabase db = m_db.connection();

    // Every fingerprint recorded with a live session, read once.
    struct Known
    {
        PhotoFingerprint fingerprint;
        EarlierUse use;
    };
    QList<Known> known;
    auto rows = SqlHelper::exec(db,
                                QStringLiteral("SELECT a.new_value, s.date, s.period, c.code FROM audit_log a"
                                               " JOIN attendance_sessions s ON s.id = a.entity_id AND s.deleted = 0"
                                               " JOIN classes c ON c.id = s.class_id"
                                               " WHERE a.entity = 'attendance_sessions' AND a.field = ?"),
                                { fingerprintField() });
    if (!rows)
        return rows.error();
    while (rows->next()) {
        const QJsonObject o = QJsonDocument::fromJson(rows->value(0).toString().toUtf8()).object();
        PhotoFingerprint f;
        f.thumbnail = PhotoFingerprint::parseThumbnail(o.value(QLatin1String("thumbnail")).toString());
        if (!f.thumbnail.isEmpty())
            known.append({ f, { rows->value(3).toString(), rows->value(1).toString(), rows->value(2).toString() } });
    }

    for (int i = 0; i < photos.size(); ++i) {
        const QByteArray &data = photos.at(i);
        const QString sha = FileHasher::sha256Hex(data); // the photo store's name for it
        const PhotoFingerprint fingerprint = PhotoFingerprint::of(data);
        out.sha256 << sha;
        out.fingerprints << fingerprint;
        const QString name = QStringLiteral("Photo %1").arg(i + 1);

        std::optional<EarlierUse> earlier;
        auto same = SqlHelper::exec(db,
                                    QStringLiteral("SELECT s.date, s.period, c.code FROM attendance_sessions s"
                                                   " JOIN classes c ON c.id = s.class_id"
                                                   " WHERE s.deleted = 0 AND instr(s.source_photos, ?) > 0"
                                                   " ORDER BY s.date LIMIT 1"),
                                    { sha });
        if (!same)
            return same.error();
        if (same->next())
            earlier = EarlierUse { same->value(2).toString(), same->value(0).toString(), same->value(1).toString() };
        if (!earlier && !fingerprint.thumbnail.isEmpty()) {
            for (const Known &k : std::as_const(known)) {
                if (fingerprint.samePicture(k.fingerprint)) {
                    earlier = k.use;
                    break;
                }
            }
        }
        if (earlier) {
            out.warnings.append({ i, PhotoWarning::Code::Reused,
                                  QStringLiteral("%1 was already used for %2.").arg(name, describe(*earlier)) });
        }

        if (!fingerprint.capturedAt) {
            out.warnings.append(
                { i, PhotoWarning::Code::NoCaptureTime,
                  QStringLiteral("%1 does not say when it was taken (no EXIF capture time).").arg(name) });
        } else if (fingerprint.capturedAt->date() != sessionDate) {
            out.warnings.append({ i, PhotoWarning::Code::DateMismatch,
                                  QStringLiteral("%1 was taken on %2, not on the session's date %3.")
                                      .arg(name, fingerprint.capturedAt->date().toString(Qt::ISODate),
                                           sessionDate.toString(Qt::ISODate)) });
        }
        // Two photos of one marking being the same picture is not a warning: a
        // teacher may load a photo twice; matching already keeps one face per student.
    }
    return out;
}

Result<QList<PhotoWarning>> PhotoProvenance::warningsOf(const QString &sessionId)
{
    auto rows = SqlHelper::exec(m_db.connection(),
                                QStringLiteral("SELECT new_value FROM audit_log WHERE entity = 'attendance_sessions'"
                                               " AND entity_id = ? AND field = ? AND deleted = 0 ORDER BY created_at"),
                                { sessionId, warningField() });
    if (!rows)
        return rows.error();
    QList<PhotoWarning> warnings;
    while (rows->next()) {
        if (auto w = PhotoWarning::fromJson(QJsonDocument::fromJson(rows->value(0).toString().toUtf8()).object()))
            warnings.append(*w);
    }
    std::stable_sort(warnings.begin(), warnings.end(),
                     [](const PhotoWarning &a, const PhotoWarning &b) { return a.photo < b.photo; });
    return warnings;
}

} // namespace rollcall
