#include "TestDatabase.h"

#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/StudentRepository.h"

#include <QtTest>

#include <cmath>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestEnrolmentRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addPhotoStoresCropAndEmbedding();
    void templatesAreNormalisedMeans();
    void embeddingsOfAModel();
    void removePhoto();
    void unknownStudentRefused();
};

void TestEnrolmentRepository::addPhotoStoresCropAndEmbedding()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    const Student s
        = StudentRepository(t.db()).add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }).value();
    EnrolmentRepository enrolment(t.db(), t.photos());
    EnrolmentPhoto info;
    info.source = QStringLiteral("camera");
    info.width = 150;
    info.height = 150;
    info.sharpness = 0.75;
    info.detectorScore = 0.99;
    const QByteArray crop("png bytes of a face");
    auto photo = enrolment.addPhoto(s.studentUuid, crop, info, QStringLiteral("facenet512"), { 0.1f, 0.2f, 0.3f });
    QVERIFY2(photo.ok(), photo.ok() ? "" : qPrintable(photo.error().message()));
    QCOMPARE(t.photos().read(photo->photoHash).value(), crop);
    auto photos = enrolment.photos(s.studentUuid);
    QCOMPARE(photos->size(), 1);
    QCOMPARE(photos->at(0).source, QStringLiteral("camera"));
    QCOMPARE(photos->at(0).width, 150);
    QCOMPARE(photos->at(0).sharpness.value(), 0.75);
    QVERIFY(!photos->at(0).brightness.has_value());
    auto stored = enrolment.embeddingsOf(s.studentUuid, QStringLiteral("facenet512"));
    QCOMPARE(stored->size(), size_t(1));
    QCOMPARE(stored->at(0).vector, (std::vector<float> { 0.1f, 0.2f, 0.3f }));
    QCOMPARE(stored->at(0).photoId, photo->id);
    QCOMPARE(enrolment.embeddingsOf(s.studentUuid, QStringLiteral("dlib"))->size(), size_t(0));
}

void TestEnrolmentRepository::templatesAreNormalisedMeans()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    const ClassInfo c = ClassRepository(t.db()).create({ .code = QStringLiteral("A") }).value();
    StudentRepository students(t.db());
    const Student a = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }, c.id).value();
    const Student b = students.add({ .studentId = QStringLiteral("S2"), .name = QStringLiteral("Bela") }, c.id).value();
    const Student inactive
        = students.add({ .studentId = QStringLiteral("S3"), .name = QStringLiteral("Chen") }, c.id).value();
    const Student elsewhere
        = students.add({ .studentId = QStringLiteral("S4"), .name = QStringLiteral("Dev") }).value();
    QVERIFY(students.deactivate(inactive.studentUuid).ok());
    EnrolmentRepository enrolment(t.db(), t.photos());
    const QString model = QStringLiteral("m");
    // Asha: (2,0) and (0,5) → normalised (1,0), (0,1) → mean (0.5,0.5) → (0.7071, 0.7071).
    QVERIFY(enrolment.addEmbedding({ {}, a.studentUuid, model, { 2, 0 }, {} }).ok());
    QVERIFY(enrolment.addEmbedding({ {}, a.studentUuid, model, { 0, 5 }, {} }).ok());
    QVERIFY(enrolment.addEmbedding({ {}, a.studentUuid, QStringLiteral("other"), { 1, 1, 1 }, {} }).ok());
    QVERIFY(enrolment.addEmbedding({ {}, b.studentUuid, model, { 0, -3 }, {} }).ok());
    QVERIFY(enrolment.addEmbedding({ {}, inactive.studentUuid, model, { 1, 0 }, {} }).ok());
    QVERIFY(enrolment.addEmbedding({ {}, elsewhere.studentUuid, model, { 1, 0 }, {} }).ok());
    auto templates = enrolment.templates(c.id, model);
    QVERIFY(templates.ok());
    QCOMPARE(templates->size(), size_t(2));
    const StudentTemplate &ta = templates->at(0);
    QCOMPARE(ta.studentUuid, a.studentUuid);
    QCOMPARE(ta.studentId, QStringLiteral("S1"));
    QCOMPARE(ta.sampleCount, 2);
    QCOMPARE(ta.embedding.size(), size_t(2));
    QVERIFY(std::abs(ta.embedding[0] - float(M_SQRT1_2)) < 1e-6f);
    QVERIFY(std::abs(ta.embedding[1] - float(M_SQRT1_2)) < 1e-6f);
    QCOMPARE(templates->at(1).embedding, (std::vector<float> { 0.0f, -1.0f }));
    QCOMPARE(enrolment.templates(c.id, QStringLiteral("other"))->size(), size_t(1));
}

void TestEnrolmentRepository::embeddingsOfAModel()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    StudentRepository students(t.db());
    const Student a = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }).value();
    const Student b = students.add({ .studentId = QStringLiteral("S2"), .name = QStringLiteral("Bela") }).value();
    EnrolmentRepository enrolment(t.db(), t.photos());
    QVERIFY(enrolment.addEmbedding({ {}, a.studentUuid, QStringLiteral("m"), { 1, 0 }, {} }).ok());
    QVERIFY(enrolment.addEmbedding({ {}, b.studentUuid, QStringLiteral("m"), { 0, 1 }, {} }).ok());
    QVERIFY(enrolment.addEmbedding({ {}, b.studentUuid, QStringLiteral("n"), { 0, 1 }, {} }).ok());
    QCOMPARE(enrolment.embeddings(QStringLiteral("m"))->size(), size_t(2));
    QCOMPARE(enrolment.addEmbedding({ {}, a.studentUuid, QStringLiteral("m"), {}, {} }).error().code(),
             Error::Code::BadInput);
}

void TestEnrolmentRepository::removePhoto()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    const Student s
        = StudentRepository(t.db()).add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }).value();
    EnrolmentRepository enrolment(t.db(), t.photos());
    const EnrolmentPhoto p = enrolment.addPhoto(s.studentUuid, "x", {}, QStringLiteral("m"), { 1 }).value();
    QVERIFY(enrolment.removePhoto(p.id).ok());
    QCOMPARE(enrolment.photos(s.studentUuid)->size(), 0);
    QCOMPARE(enrolment.embeddings(QStringLiteral("m"))->size(), size_t(0));
    QCOMPARE(enrolment.removePhoto(p.id).error().code(), Error::Code::BadInput);
}

void TestEnrolmentRepository::unknownStudentRefused()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    EnrolmentRepository enrolment(t.db(), t.photos());
    QCOMPARE(enrolment.addPhoto(QStringLiteral("nobody"), "x", {}).error().code(), Error::Code::BadInput);
    // A dangling reference is caught by the (deferred) foreign key at commit.
    auto dangling = enrolment.addEmbedding({ {}, QStringLiteral("nobody"), QStringLiteral("m"), { 1 }, {} });
    QVERIFY(!dangling.ok());
    QVERIFY2(dangling.error().message().contains(QLatin1String("FOREIGN KEY")), qPrintable(dangling.error().message()));
}

QTEST_GUILESS_MAIN(TestEnrolmentRepository)
#include "tst_enrolmentrepository.moc"
