#include "TestDatabase.h"

#include "storage/AuditRepository.h"
#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/ErasureLog.h"
#include "storage/PhotoRetention.h"
#include "storage/SessionRepository.h"
#include "storage/SqlHelper.h"
#include "storage/StudentRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

// Erasure records and their enforcement on one PC (sync across PCs: tst_erasuresync).
class TestErasureLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forgetRecordsAndScrubsAudit();
    void enforceScrubsWithoutStampsAndIsIdempotent();
    void sharedCropStaysWhileUsed();
    void consentWithdrawalErasesBiometricsOnly();
    void retentionRecordsPhotoErasures();
    void recordRefusesBadSubjects();
};

namespace {

QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto q = SqlHelper::exec(db.connection(), sql, values);
    if (!q || !q->next())
        return {};
    return q->value(0);
}

} // namespace

void TestErasureLog::forgetRecordsAndScrubsAudit()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("A") }).value();
    StudentRepository students(db, &t.photos());
    const Student s = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }, c.id).value();
    StudentRepository::Changes rename;
    rename.name = QStringLiteral("Asha Rao");
    QVERIFY(students.edit(s.studentUuid, rename, QStringLiteral("clerk")).ok());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE new_value = 'Asha Rao'")).toInt(), 1);

    QVERIFY(students.forget(s.studentUuid, QStringLiteral("office")).ok());
    QCOMPARE(scalar(db, QStringLiteral("SELECT kind || ' ' || subject || ' ' || actor FROM erasures")).toString(),
             QStringLiteral("student %1 office").arg(s.studentUuid));
    // The entries stay (who, what field, when), without the values.
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = ?"), { s.studentUuid }).toInt(), 2);
    QCOMPARE(scalar(db,
                    QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = ? AND (old_value IS NOT NULL"
                                   " OR new_value IS NOT NULL OR reason <> '')"),
                    { s.studentUuid })
                 .toInt(),
             0);
    QCOMPARE(AuditRepository(db).forEntity(s.studentUuid)->size(), 2);
}

void TestErasureLog::enforceScrubsWithoutStampsAndIsIdempotent()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("A") }).value();
    const Student s = StudentRepository(db)
                          .add({ .studentId = QStringLiteral("S1"),
                                 .name = QStringLiteral("Asha"),
                                 .email = QStringLiteral("a@x"),
                                 .consent = true },
                               c.id)
                          .value();
    const EnrolmentPhoto photo = EnrolmentRepository(db, t.photos())
                                     .addPhoto(s.studentUuid, "crop-of-asha", {}, QStringLiteral("m"), { 1, 0 })
                                     .value();
    const QString stampsBefore
        = scalar(db,
                 QStringLiteral("SELECT group_concat(updated_at || origin_device) FROM (SELECT updated_at,"
                                " origin_device FROM students UNION ALL SELECT updated_at, origin_device FROM"
                                " embeddings UNION ALL SELECT updated_at, origin_device FROM enrolment_photos)"))
              .toString();

    // As an erasure pulled from another PC arrives: recorded elsewhere, enforced here.
    ErasureLog log(db, &t.photos());
    QVERIFY(log.record(ErasureLog::Kind::Student, s.studentUuid, QStringLiteral("other pc")).ok());
    auto first = log.enforce();
    QVERIFY(first.ok());
    QVERIFY(first->rowsScrubbed >= 4);
    QCOMPARE(first->filesRemoved, 1);
    QVERIFY(!t.photos().contains(photo.photoHash));
    QCOMPARE(scalar(db, QStringLiteral("SELECT deleted || name || student_id || email || consent FROM students")),
             QVariant(QStringLiteral("10")));
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM embeddings WHERE deleted = 0 OR length(vector) > 0")).toInt(),
        0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM enrolment_photos WHERE deleted = 0 OR photo_hash <> ''"))
                 .toInt(),
             0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM class_members WHERE deleted = 0")).toInt(), 0);
    // Nothing re-stamped: the server would refuse this PC's stamp on another PC's rows.
    QCOMPARE(scalar(db,
                    QStringLiteral("SELECT group_concat(updated_at || origin_device) FROM (SELECT updated_at,"
                                   " origin_device FROM students UNION ALL SELECT updated_at, origin_device FROM"
                                   " embeddings UNION ALL SELECT updated_at, origin_device FROM enrolment_photos)"))
                 .toString(),
             stampsBefore);

    auto second = log.enforce();
    QVERIFY(second.ok());
    QCOMPARE(second->rowsScrubbed, 0);
    QCOMPARE(second->filesRemoved, 0);
}

void TestErasureLog::sharedCropStaysWhileUsed()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("A") }).value();
    StudentRepository students(db, &t.photos());
    const Student a = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("A") }, c.id).value();
    const Student b = students.add({ .studentId = QStringLiteral("S2"), .name = QStringLiteral("B") }, c.id).value();
    EnrolmentRepository enrolment(db, t.photos());
    // The same bytes enrolled for two students (a registration mistake): one file.
    const QString hash = enrolment.addPhoto(a.studentUuid, "same crop", {}, QStringLiteral("m"), { 1 })->photoHash;
    QCOMPARE(enrolment.addPhoto(b.studentUuid, "same crop", {}, QStringLiteral("m"), { 1 })->photoHash, hash);

    QVERIFY(students.forget(a.studentUuid).ok());
    QVERIFY(t.photos().contains(hash)); // B still uses it
    QVERIFY(students.forget(b.studentUuid).ok());
    QVERIFY(!t.photos().contains(hash));
}

void TestErasureLog::consentWithdrawalErasesBiometricsOnly()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("A") }).value();
    StudentRepository students(db, &t.photos());
    const Student s
        = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha"), .consent = true }, c.id)
              .value();
    EnrolmentRepository enrolment(db, t.photos());
    const QString oldCrop = enrolment.addPhoto(s.studentUuid, "old crop", {}, QStringLiteral("m"), { 1 })->photoHash;
    AttendanceSession session;
    session.classId = c.id;
    session.date = QDate(2025, 1, 6);
    session.records << AttendanceRecord { .studentUuid = s.studentUuid, .status = AttendanceStatus::Present };
    const QString sessionId = SessionRepository(db).create(session)->id;

    StudentRepository::Changes withdraw;
    withdraw.consent = false;
    auto edited = students.edit(s.studentUuid, withdraw, QStringLiteral("office"));
    QVERIFY(edited.ok());
    QVERIFY(!edited->consent);
    QCOMPARE(edited->name, QStringLiteral("Asha")); // the student stays
    QCOMPARE(scalar(db, QStringLiteral("SELECT kind FROM erasures WHERE subject = ?"), { s.studentUuid }).toString(),
             QStringLiteral("biometrics"));
    QVERIFY(!t.photos().contains(oldCrop));
    QCOMPARE(enrolment.embeddings(QStringLiteral("m"))->size(), size_t(0));
    QCOMPARE(SessionRepository(db).load(sessionId)->records.size(), 1); // attendance stays

    // Consent given again and a new enrolment: the old erasure does not touch it.
    StudentRepository::Changes consentAgain;
    consentAgain.consent = true;
    QVERIFY(students.edit(s.studentUuid, consentAgain).ok());
    const QString newCrop = enrolment.addPhoto(s.studentUuid, "new crop", {}, QStringLiteral("m"), { 1 })->photoHash;
    auto again = ErasureLog(db, &t.photos()).enforce();
    QVERIFY(again.ok());
    QCOMPARE(again->rowsScrubbed, 0);
    QVERIFY(t.photos().contains(newCrop));
    QCOMPARE(enrolment.embeddings(QStringLiteral("m"))->size(), size_t(1));
}

void TestErasureLog::retentionRecordsPhotoErasures()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("A") }).value();
    const QString oldPhoto = t.photos().put("old classroom photo").value();
    const QString shared = t.photos().put("photo of an old and a new session").value();
    AttendanceSession old;
    old.classId = c.id;
    old.date = QDate(2024, 1, 1);
    old.sourcePhotos = { oldPhoto, shared };
    QVERIFY(SessionRepository(db).create(old).ok());
    AttendanceSession recent = old;
    recent.date = QDate(2024, 6, 1);
    recent.sourcePhotos = { shared };
    QVERIFY(SessionRepository(db).create(recent).ok());

    PhotoRetention retention(db, t.photos());
    QVERIFY(retention.setDays(30).ok());
    QCOMPARE(retention.purge(QDate(2024, 6, 15))->files, 1);
    // Only the photo nothing uses any more is erased (everywhere, once synced).
    QCOMPARE(ErasureLog(db).erasedPhotos().value(), QSet<QString> { oldPhoto });
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM erasures")).toInt(), 1);
    QVERIFY(t.photos().contains(shared));
    QCOMPARE(retention.purge(QDate(2024, 6, 15))->sessions, 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM erasures")).toInt(), 1);

    // A session arriving (from another PC) that names an erased photo is marked purged.
    AttendanceSession late = old;
    late.date = QDate(2024, 6, 14);
    late.sourcePhotos = { oldPhoto };
    const QString lateId = SessionRepository(db).create(late)->id;
    QVERIFY(ErasureLog(db, &t.photos()).enforce().ok());
    QVERIFY(SessionRepository(db).load(lateId)->photosPurged);
}

void TestErasureLog::recordRefusesBadSubjects()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    ErasureLog log(t.db());
    QCOMPARE(log.record(ErasureLog::Kind::Student, QString()).error().code(), Error::Code::BadInput);
    QCOMPARE(log.record(ErasureLog::Kind::Photo, QStringLiteral("not-a-hash")).error().code(), Error::Code::BadInput);
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM erasures")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestErasureLog)
#include "tst_erasurelog.moc"
