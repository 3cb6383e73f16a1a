#include "TestDatabase.h"

#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/RosterTemplates.h"
#include "storage/StudentRepository.h"
#include "vision/RecognitionPipeline.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

// The roster the matcher sees. Every member here has embeddings for the model, so no
// model file is needed (nothing is embedded).
class TestRosterTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void studentWithoutConsentIsNeverMatched();
};

void TestRosterTemplates::studentWithoutConsentIsNeverMatched()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("A") }).value();
    StudentRepository students(db, &t.photos());
    const Student agreed
        = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("A"), .consent = true }, c.id)
              .value();
    // Enrolled with photos by an older version, or consent recorded as not given.
    const Student refused
        = students.add({ .studentId = QStringLiteral("S2"), .name = QStringLiteral("B"), .consent = false }, c.id)
              .value();
    EnrolmentRepository enrolment(db, t.photos());
    QVERIFY(enrolment.addPhoto(agreed.studentUuid, "crop a", {}, QStringLiteral("m"), { 1, 0 }).ok());
    QVERIFY(enrolment.addPhoto(refused.studentUuid, "crop b", {}, QStringLiteral("m"), { 0, 1 }).ok());

    QTemporaryDir models;
    RecognitionPipeline pipeline(models.path());
    pipeline.setEmbedderModel(QStringLiteral("m"));
    auto roster = RosterTemplates::load(db, t.photos(), c.id, pipeline);
    QVERIFY2(roster.ok(), roster.ok() ? "" : qPrintable(roster.error().message()));
    QCOMPARE(roster->members.size(), 2); // still on the register, marked by hand
    QCOMPARE(roster->templates.size(), size_t(1));
    QCOMPARE(roster->templates.front().studentUuid, agreed.studentUuid);
    QCOMPARE(roster->withoutConsent, QStringList { QStringLiteral("S2") });
    QVERIFY(roster->notEnrolled.isEmpty());

    // Consent recorded later: matched from then on.
    StudentRepository::Changes consent;
    consent.consent = true;
    QVERIFY(students.edit(refused.studentUuid, consent).ok());
    roster = RosterTemplates::load(db, t.photos(), c.id, pipeline);
    QVERIFY(roster.ok());
    QCOMPARE(roster->templates.size(), size_t(2));
    QVERIFY(roster->withoutConsent.isEmpty());
}

QTEST_GUILESS_MAIN(TestRosterTemplates)
#include "tst_rostertemplates.moc"
