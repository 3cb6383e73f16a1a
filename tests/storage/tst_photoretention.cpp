#include "TestDatabase.h"

#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoRetention.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestPhotoRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oldSessionPhotosGoRecordsStay();
    void zeroKeepsForever();
};

void TestPhotoRetention::oldSessionPhotosGoRecordsStay()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("A") }).value();
    const Student s
        = StudentRepository(db).add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("A") }, c.id).value();
    const QString oldPhoto = t.photos().put("old classroom photo").value();
    const QString shared = t.photos().put("photo used by an old and a new session").value();
    const QString newPhoto = t.photos().put("new classroom photo").value();
    const QString enrolment = EnrolmentRepository(db, t.photos()).addPhoto(s.studentUuid, "face crop", {})->photoHash;
    SessionRepository sessions(db);
    AttendanceSession old;
    old.classId = c.id;
    old.date = QDate(2024, 1, 1);
    old.sourcePhotos = { oldPhoto, shared, enrolment };
    old.records << AttendanceRecord { .studentUuid = s.studentUuid, .status = AttendanceStatus::Present };
    const QString oldId = sessions.create(old)->id;
    AttendanceSession recent = old;
    recent.date = QDate(2024, 6, 1);
    recent.sourcePhotos = { newPhoto, shared };
    QVERIFY(sessions.create(recent).ok());

    PhotoRetention retention(db, t.photos());
    QCOMPARE(retention.days().value(), PhotoRetention::DefaultDays);
    QVERIFY(retention.setDays(30).ok());
    auto outcome = retention.purge(QDate(2024, 6, 15));
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->sessions, 1);
    QCOMPARE(outcome->files, 1);
    QVERIFY(!t.photos().contains(oldPhoto));
    QVERIFY(t.photos().contains(shared)); // the recent session still uses it
    QVERIFY(t.photos().contains(newPhoto));
    QVERIFY(t.photos().contains(enrolment)); // enrolment photos are never purged
    auto loaded = sessions.load(oldId);
    QVERIFY(loaded->photosPurged);
    QCOMPARE(loaded->records.size(), 1);
    QCOMPARE(loaded->presentCount, 1);
    // Running again changes nothing.
    QCOMPARE(retention.purge(QDate(2024, 6, 15))->sessions, 0);
    QCOMPARE(retention.setDays(-1).error().code(), Error::Code::BadInput);
}

void TestPhotoRetention::zeroKeepsForever()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    const ClassInfo c = ClassRepository(t.db()).create({ .code = QStringLiteral("A") }).value();
    const QString photo = t.photos().put("x").value();
    AttendanceSession old;
    old.classId = c.id;
    old.date = QDate(2000, 1, 1);
    old.sourcePhotos = { photo };
    QVERIFY(SessionRepository(t.db()).create(old).ok());
    PhotoRetention retention(t.db(), t.photos());
    QVERIFY(retention.setDays(0).ok());
    QCOMPARE(retention.purge()->files, 0);
    QVERIFY(t.photos().contains(photo));
}

QTEST_GUILESS_MAIN(TestPhotoRetention)
#include "tst_photoretention.moc"
