#include "TestDatabase.h"
#include "TestPaths.h"
#include "TestPhotos.h"

#include "storage/AuditRepository.h"
#include "storage/ClassRepository.h"
#include "storage/PhotoProvenance.h"
#include "storage/SessionRecorder.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace rollcall;
using namespace rollcall::test;

namespace {

QStringList codes(const QList<PhotoWarning> &warnings)
{
    QStringList out;
    for (const PhotoWarning &w : warnings)
        out << QStringLiteral("%1:%2").arg(w.photo).arg(PhotoWarning::codeName(w.code));
    return out;
}

QDateTime morningOf(const QDate &date)
{
    return QDateTime(date, QTime(9, 5));
}

} // namespace

class TestPhotoProvenance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshPhotoHasNoWarning();
    void reusedStaleAndUndatedPhotosAreRecorded();
    void deletedSessionsDoNotCount();

private:
    Result<AttendanceSession> mark(const QDate &date, const QList<QByteArray> &photos,
                                   QList<PhotoWarning> *warnings = nullptr);

    std::unique_ptr<TestDatabase> m_t;
    ClassInfo m_class;
    Student m_student;
    QByteArray m_roomA;
    QByteArray m_roomB;
};

void TestPhotoProvenance::init()
{
    m_t = std::make_unique<TestDatabase>();
    QVERIFY2(m_t->ok(), m_t->errorText());
    m_class = ClassRepository(m_t->db()).create({ .code = QStringLiteral("CS-A") }).value();
    m_student = StudentRepository(m_t->db())
                    .add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("A") }, m_class.id)
                    .value();
    m_roomA = readBytes(TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")));
    m_roomB = readBytes(TestPaths::data(QStringLiteral("classrooms/DEV-B/hard.jpg")));
    QVERIFY(!m_roomA.isEmpty() && !m_roomB.isEmpty());
}

Result<AttendanceSession> TestPhotoProvenance::mark(const QDate &date, const QList<QByteArray> &photos,
                                                    QList<PhotoWarning> *warnings)
{
    SessionRecorder::Request request;
    request.classId = m_class.id;
    request.date = date;
    for (const QByteArray &p : photos)
        request.photos.append({ {}, p });
    request.records << AttendanceRecord { .studentUuid = m_student.studentUuid, .status = AttendanceStatus::Present };
    SessionRecorder recorder(m_t->db(), m_t->photos());
    auto saved = recorder.record(request);
    if (warnings)
        *warnings = recorder.warnings();
    return saved;
}

void TestPhotoProvenance::freshPhotoHasNoWarning()
{
    const QDate day(2026, 8, 5);
    QList<PhotoWarning> warnings;
    auto saved = mark(day, { withCaptureTime(m_roomA, morningOf(day), QStringLiteral("+05:30")) }, &warnings);
    QVERIFY(saved.ok());
    QVERIFY2(warnings.isEmpty(), qPrintable(codes(warnings).join(u' ')));
    QVERIFY(PhotoProvenance(m_t->db()).warningsOf(saved->id)->isEmpty());
    // The fingerprint is kept with the session, for later checks on this PC and after a sync.
    const auto audit = AuditRepository(m_t->db()).forEntity(saved->id).value();
    int fingerprints = 0;
    for (const AuditEntry &e : audit) {
        if (e.field != PhotoProvenance::fingerprintField())
            continue;
        ++fingerprints;
        const QJsonObject o = QJsonDocument::fromJson(e.newValue.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("photo")).toInt(), 0);
        QVERIFY(!PhotoFingerprint::parseThumbnail(o.value(QLatin1String("thumbnail")).toString()).isEmpty());
        QCOMPARE(o.value(QLatin1String("captured_at")).toString(), QStringLiteral("2026-08-05T09:05:00+05:30"));
    }
    QCOMPARE(fingerprints, 1);
}

void TestPhotoProvenance::reusedStaleAndUndatedPhotosAreRecorded()
{
    const QDate monday(2026, 8, 3);
    const QDate friday(2026, 8, 7);
    const QByteArray mondayPhoto = withCaptureTime(m_roomA, morningOf(monday));
    QVERIFY(mark(monday, { mondayPhoto }).ok());

    // Friday: Monday's photo again (same bytes), a re-saved copy of it with Friday's
    // date written in, a photo without EXIF, and a genuine Friday photo.
    const QByteArray copy = withCaptureTime(reencodedJpeg(m_roomA, 70), morningOf(friday));
    const QByteArray undated = m_roomB;
    const QByteArray genuine
        = withCaptureTime(readBytes(TestPaths::data(QStringLiteral("group/bbt/bbt1.jpg"))), morningOf(friday));
    QList<PhotoWarning> warnings;
    auto saved = mark(friday, { mondayPhoto, copy, undated, genuine }, &warnings);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message()));
    QCOMPARE(codes(warnings),
             QStringList({ QStringLiteral("0:photo_reused"), QStringLiteral("0:photo_date_mismatch"),
                           QStringLiteral("1:photo_reused"), QStringLiteral("2:photo_no_capture_time") }));
    QVERIFY2(warnings.at(0).message.contains(QStringLiteral("CS-A on 2026-08-03")), qPrintable(warnings.at(0).message));
    QVERIFY2(warnings.at(1).message.contains(QStringLiteral("2026-08-03")), qPrintable(warnings.at(1).message));

    // Stored with the session, in the same order, and the session saved all the same.
    const auto stored = PhotoProvenance(m_t->db()).warningsOf(saved->id);
    QVERIFY(stored.ok());
    QCOMPARE(codes(*stored), codes(warnings));
    QCOMPARE(SessionRepository(m_t->db()).load(saved->id)->sourcePhotos.size(), 4);

    // The check alone (what the mark dialog shows before saving) gives the same answer.
    auto checked = PhotoProvenance(m_t->db()).check(friday, { mondayPhoto, copy, undated, genuine });
    QVERIFY(checked.ok());
    QStringList again = codes(checked->warnings);
    // ...except that Friday's own session now holds the genuine photo too.
    QVERIFY(again.contains(QStringLiteral("3:photo_reused")));
}

void TestPhotoProvenance::deletedSessionsDoNotCount()
{
    const QDate day(2026, 8, 10);
    const QByteArray photo = withCaptureTime(m_roomB, morningOf(day));
    auto first = mark(day, { photo });
    QVERIFY(first.ok());
    QVERIFY(SessionRepository(m_t->db()).remove(first->id).ok());
    QList<PhotoWarning> warnings;
    QVERIFY(mark(day, { photo }, &warnings).ok());
    QVERIFY2(warnings.isEmpty(), qPrintable(codes(warnings).join(u' ')));
}

QTEST_GUILESS_MAIN(TestPhotoProvenance)
#include "tst_photoprovenance.moc"
