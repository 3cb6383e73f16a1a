#include "TestDatabase.h"
#include "TestPaths.h"
#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/StudentEnroller.h"
#include "storage/StudentRepository.h"
#include "vision/RecognitionPipeline.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace rollcall;
using namespace rollcall::test;

// The one enrolment path (student add, roster import with photos), with the real
// models and DEV-A-000's three enrolment photos.
class TestStudentEnroller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesWithoutUsablePhoto();
    void enrolsWithTheAcceptedPhotos();
    void addPhotosSkipsPhotosAlreadyStored();
    void duplicatesLeaveOutTheStudentItself();
    void classmatesAreNotFlaggedAsDuplicates();

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<RecognitionPipeline> m_pipeline;
    QTemporaryDir m_dir;
    QString m_classId;
    QString m_blank;
    QString m_text;
    QString m_uuid;
    QStringList m_photos;
};

void TestStudentEnroller::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), m_db->errorText());
    ClassInfo info;
    info.code = QStringLiteral("DEV-A");
    auto cls = ClassRepository(m_db->db()).create(info);
    QVERIFY(cls.ok());
    m_classId = cls->id;
    m_pipeline = std::make_unique<RecognitionPipeline>(TestPaths::modelsDir());
    const Status ready = m_pipeline->prepare();
    QVERIFY2(ready.ok(), ready.ok() ? "" : qPrintable(ready.error().message()));
    m_photos = TestPaths::enrolmentPhotos(QStringLiteral("DEV-A-000"));
    QVERIFY2(m_photos.size() == 3, "classrooms/manifest.json does not list DEV-A-000's three photos");

    QImage blank(300, 300, QImage::Format_RGB32);
    blank.fill(Qt::darkGray);
    m_blank = m_dir.filePath(QStringLiteral("blank.png"));
    QVERIFY(blank.save(m_blank));
    m_text = m_dir.filePath(QStringLiteral("notes.jpg"));
    QFile text(m_text);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a picture");
}

void TestStudentEnroller::refusesWithoutUsablePhoto()
{
    StudentEnroller enroller(m_db->db(), m_db->photos(), *m_pipeline);
    auto outcome = enroller.analyse({ m_blank, m_text });
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->photos.size(), size_t(2));
    QCOMPARE(outcome->usable(), 0);
    QCOMPARE(outcome->photos[0].reasons, QStringList { QStringLiteral("No face was found in the photo.") });
    QVERIFY2(StudentEnroller::describe(outcome->photos[1]).startsWith(QLatin1String("notes.jpg: ")),
             qPrintable(StudentEnroller::describe(outcome->photos[1])));
    QVERIFY(outcome->meanEmbedding.empty());

    Student s;
    s.studentId = QStringLiteral("X-1");
    s.name = QStringLiteral("Nobody");
    auto added = enroller.enrolNew(s, m_classId, *outcome);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code(), Error::Code::BadInput);
    QVERIFY(!StudentRepository(m_db->db()).findByStudentId(QStringLiteral("X-1")).ok());
}

void TestStudentEnroller::enrolsWithTheAcceptedPhotos()
{
    StudentEnroller enroller(m_db->db(), m_db->photos(), *m_pipeline);
    auto outcome = enroller.analyse(m_photos + QStringList { m_blank });
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->usable(), 3);
    QCOMPARE(outcome->modelId, QStringLiteral("dlib-resnet-v1"));
    double norm = 0.0;
    for (float v : outcome->meanEmbedding)
        norm += double(v) * double(v);
    QVERIFY(std::abs(std::sqrt(norm) - 1.0) < 1e-4);
    QVERIFY(outcome->possibleDuplicates.empty()); // nobody enrolled yet

    Student s;
    s.studentId = QStringLiteral("DEV-A-000");
    s.name = QStringLiteral("John McCain");
    // No consent to face recognition recorded: refused, nothing written.
    auto refused = enroller.enrolNew(s, m_classId, *outcome);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), Error::Code::BadInput);
    QVERIFY2(refused.error().message().contains(QLatin1String("consent")), qPrintable(refused.error().message()));
    QVERIFY(!StudentRepository(m_db->db()).findByStudentId(QStringLiteral("DEV-A-000")).ok());
    QCOMPARE(outcome->stored, 0);

    s.consent = true;
    auto added = enroller.enrolNew(s, m_classId, *outcome);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message()));
    m_uuid = added->studentUuid;
    QCOMPARE(outcome->stored, 3);
    QCOMPARE(outcome->alreadyStored, 0);
    EnrolmentRepository enrolments(m_db->db(), m_db->photos());
    auto photos = enrolments.photos(m_uuid);
    QVERIFY(photos.ok());
    QCOMPARE(photos->size(), 3);
    for (const EnrolmentPhoto &p : *photos) {
        QVERIFY(p.source.startsWith(QLatin1String("file:DEV-A-000_")));
        QVERIFY(m_db->photos().contains(p.photoHash));
        QVERIFY(p.width > 0 && p.detectorScore && p.sharpness && p.faceSize);
    }
    auto embeddings = enrolments.embeddingsOf(m_uuid, outcome->modelId);
    QVERIFY(embeddings.ok());
    QCOMPARE(embeddings->size(), size_t(3));
    auto members = StudentRepository(m_db->db()).list(m_classId);
    QVERIFY(members.ok());
    QCOMPARE(members->size(), 1);
}

void TestStudentEnroller::addPhotosSkipsPhotosAlreadyStored()
{
    QVERIFY(!m_uuid.isEmpty());
    StudentEnroller enroller(m_db->db(), m_db->photos(), *m_pipeline);
    auto outcome = enroller.analyse({ m_photos[0], m_photos[1] }, m_uuid);
    QVERIFY(outcome.ok());
    QVERIFY(enroller.addPhotos(m_uuid, *outcome).ok());
    QCOMPARE(outcome->stored, 0);
    QCOMPARE(outcome->alreadyStored, 2);
    auto embeddings = EnrolmentRepository(m_db->db(), m_db->photos()).embeddingsOf(m_uuid, outcome->modelId);
    QVERIFY(embeddings.ok());
    QCOMPARE(embeddings->size(), size_t(3));
    // Nothing usable: refused, nothing written.
    auto bad = enroller.analyse({ m_blank }, m_uuid);
    QVERIFY(bad.ok());
    QCOMPARE(enroller.addPhotos(m_uuid, *bad).error().code(), Error::Code::BadInput);
    // A student without consent gets no photos, however good.
    const Student noConsent
        = StudentRepository(m_db->db())
              .add({ .studentId = QStringLiteral("NC-1"), .name = QStringLiteral("No Consent") }, m_classId)
              .value();
    auto good = enroller.analyse({ m_photos[0] }, noConsent.studentUuid);
    QVERIFY(good.ok());
    QCOMPARE(good->usable(), 1);
    QCOMPARE(enroller.addPhotos(noConsent.studentUuid, *good).error().code(), Error::Code::BadInput);
    QCOMPARE(EnrolmentRepository(m_db->db(), m_db->photos()).photos(noConsent.studentUuid)->size(), 0);
    QVERIFY(StudentRepository(m_db->db()).forget(noConsent.studentUuid).ok());
}

void TestStudentEnroller::duplicatesLeaveOutTheStudentItself()
{
    QVERIFY(!m_uuid.isEmpty());
    StudentEnroller enroller(m_db->db(), m_db->photos(), *m_pipeline);
    // The same face under a new registration: a possible duplicate of DEV-A-000…
    auto again = enroller.analyse({ m_photos[2] });
    QVERIFY(again.ok());
    QCOMPARE(again->possibleDuplicates.size(), size_t(1));
    QCOMPARE(again->possibleDuplicates[0].studentId, QStringLiteral("DEV-A-000"));
    QCOMPARE(again->possibleDuplicates[0].name, QStringLiteral("John McCain"));
    QVERIFY(again->possibleDuplicates[0].distance < 0.6);
    // …but not when adding photos to DEV-A-000 itself.
    auto own = enroller.analyse({ m_photos[2] }, m_uuid);
    QVERIFY(own.ok());
    QVERIFY(own->possibleDuplicates.empty());
}

void TestStudentEnroller::classmatesAreNotFlaggedAsDuplicates()
{
    // A whole class registered one after another: 30 different people, so a
    // warning is a false alarm. One pair (John McCain, Richard Myers) is close
    // enough to be flagged; comparing re-normalised means flagged six.
    StudentEnroller enroller(m_db->db(), m_db->photos(), *m_pipeline);
    int flagged = 0;
    QStringList pairs;
    for (int i = 1; i < 30; ++i) {
        const QString id = QStringLiteral("DEV-A-%1").arg(i, 3, 10, QLatin1Char('0'));
        const QStringList photos = TestPaths::enrolmentPhotos(id);
        QVERIFY2(!photos.isEmpty(), qPrintable(id));
        auto outcome = enroller.analyse(photos);
        QVERIFY(outcome.ok());
        QVERIFY(outcome->usable() > 0);
        if (!outcome->possibleDuplicates.empty()) {
            ++flagged;
            pairs << id + QStringLiteral("~") + outcome->possibleDuplicates.front().studentId;
        }
        Student s;
        s.studentId = id;
        s.name = id;
        s.consent = true;
        QVERIFY(enroller.enrolNew(s, m_classId, *outcome).ok());
    }
    QVERIFY2(flagged <= 1, qPrintable(pairs.join(u", ")));
}

QTEST_GUILESS_MAIN(TestStudentEnroller)
#include "tst_studentenroller.moc"
