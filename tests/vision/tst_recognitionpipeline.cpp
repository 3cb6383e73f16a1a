#include "TestPaths.h"
#include "vision/ComputeDevice.h"
#include "vision/RecognitionPipeline.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestPaths;

// The classroom end-to-end test: both synthetic classes of classrooms/manifest.json
// are enrolled through the engine (quality checks included) and their easy and
// hard photos marked. The face_recognition-style baseline scores, over both
// classes, easy 48/48 with 1 false present and 2 double assignments, hard 36/48
// with 2 false and 7 doubles; RollCall must beat it on every figure.
class TestRecognitionPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classroomEndToEnd();
    void reportsStagesAndTimings();
    void cancelStopsTheRun();
    void badPhotoFailsWithItsName();
    void encodedBytesAreAccepted();
};

void TestRecognitionPipeline::classroomEndToEnd()
{
    QFile file(TestPaths::data(QStringLiteral("classrooms/manifest.json")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonArray classes
        = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("classes")).toArray();
    QCOMPARE(classes.size(), 2);
    const QString root = TestPaths::data(QStringLiteral("classrooms/"));

    RecognitionPipeline pipeline(TestPaths::modelsDir());
    EnrolmentAnalyser analyser(pipeline);
    struct Totals
    {
        int present = 0;
        int recalled = 0;
        int falsePresent = 0;
        int doubles = 0;
    };
    QHash<QString, Totals> totals;
    for (const auto &c : classes) {
        const QJsonObject cls = c.toObject();
        std::vector<StudentTemplate> roster;
        for (const auto &s : cls.value(QLatin1String("students")).toArray()) {
            const QJsonObject student = s.toObject();
            QStringList photos;
            for (const auto &p : student.value(QLatin1String("photos")).toArray())
                photos << root + p.toString();
            const auto analysed = analyser.analyse(photos);
            QVERIFY2(analysed.ok(), qPrintable(analysed.ok() ? QString() : analysed.error().message()));
            const Embedding t = EnrolmentAnalyser::templateOf(*analysed);
            QVERIFY2(!t.empty(), qPrintable(student.value(QLatin1String("student_id")).toString()));
            roster.push_back({ .studentId = student.value(QLatin1String("student_id")).toString(),
                               .name = student.value(QLatin1String("name")).toString(),
                               .embedding = t });
        }
        QSet<QString> present;
        for (const auto &p : cls.value(QLatin1String("present")).toArray())
            present.insert(p.toString());

        pipeline.setRoster(roster);
        pipeline.setKeepChips(false);
        const QJsonObject variants = cls.value(QLatin1String("variants")).toObject();
        for (auto it = variants.constBegin(); it != variants.constEnd(); ++it) {
            pipeline.setPhotos({ root + it.value().toObject().value(QLatin1String("photo")).toString() });
            const auto result = pipeline.run();
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
            Totals &t = totals[it.key()];
            t.present += int(present.size());
            QHash<QString, int> faces;
            for (const RecognisedFace &f : result->photos.front().faces) {
                if (f.match.isMatch())
                    faces[f.match.studentId] += 1;
            }
            for (auto m = faces.constBegin(); m != faces.constEnd(); ++m) {
                t.doubles += m.value() - 1;
                if (present.contains(m.key())) {
                    ++t.recalled;
                } else {
                    ++t.falsePresent;
                    qWarning() << "absent student marked present:" << m.key() << "in"
                               << cls.value(QLatin1String("code")).toString() << it.key();
                }
            }
            // The session view agrees with the per-face matches.
            QCOMPARE(int(result->present.size()), int(faces.size()));
        }
    }
    const Totals easy = totals.value(QStringLiteral("easy"));
    const Totals hard = totals.value(QStringLiteral("hard"));
    qInfo("easy: %d/%d recall, %d false present, %d double", easy.recalled, easy.present, easy.falsePresent,
          easy.doubles);
    qInfo("hard: %d/%d recall, %d false present, %d double", hard.recalled, hard.present, hard.falsePresent,
          hard.doubles);
    QCOMPARE(easy.present, 48);
    QCOMPARE(easy.recalled, 48);
    QCOMPARE(easy.falsePresent, 0);
    QCOMPARE(easy.doubles, 0);
    QCOMPARE(hard.present, 48);
    QVERIFY2(hard.recalled > 36, qPrintable(QStringLiteral("hard recall %1/48").arg(hard.recalled)));
    QCOMPARE(hard.falsePresent, 0);
    QCOMPARE(hard.doubles, 0);
}

void TestRecognitionPipeline::reportsStagesAndTimings()
{
    RecognitionPipeline pipeline(TestPaths::modelsDir());
    QSignalSpy progress(&pipeline, &RecognitionPipeline::progress);
    pipeline.setPhotos({ TestPaths::data(QStringLiteral("group/crowds/10.jpg")) });
    const auto result = pipeline.run();
    QVERIFY(result.ok());
    QCOMPARE(result->photos.size(), size_t(1));
    QCOMPARE(result->photos.front().size, cv::Size(1024, 715));
    QVERIFY(result->photos.front().faces.size() >= 15);
    for (const RecognisedFace &f : result->photos.front().faces) {
        QCOMPARE(f.embedded, !f.detection.tooSmall);
        if (f.embedded)
            QCOMPARE(f.embedding.size(), size_t(128));
        QCOMPARE(f.match.band, MatchBand::Unknown); // no roster
    }
    QVERIFY(result->timings.detectMs > 0.0);
    QVERIFY(result->timings.embedMs > 0.0);
    QVERIFY(result->timings.totalMs >= result->timings.detectMs + result->timings.embedMs);
    QCOMPARE(result->embedderModel, QStringLiteral("dlib-resnet-v1"));
    QCOMPARE(result->device, ComputeDevice::current().name()); // cpu in CI; cuda with a GPU
    QVERIFY(progress.size() >= 4);
    QCOMPARE(progress.last().at(0).toInt(), 100);
}

void TestRecognitionPipeline::cancelStopsTheRun()
{
    RecognitionPipeline pipeline(TestPaths::modelsDir());
    QVERIFY(pipeline.prepare().ok());
    pipeline.setPhotos({ TestPaths::data(QStringLiteral("group/crowds/10.jpg")),
                         TestPaths::data(QStringLiteral("group/crowds/10.jpg")) });
    // Cancel from the progress callback, as a GUI's Cancel button would between stages.
    connect(&pipeline, &RecognitionPipeline::progress, &pipeline, [&pipeline](int percent, const QString &) {
        if (percent >= 10)
            pipeline.cancel();
    });
    const auto result = pipeline.run();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), Error::Code::Cancelled);
    // A later run works again.
    disconnect(&pipeline, &RecognitionPipeline::progress, &pipeline, nullptr);
    pipeline.setPhotos({ TestPaths::data(QStringLiteral("group/crowds/10.jpg")) });
    QVERIFY(pipeline.run().ok());
}

void TestRecognitionPipeline::badPhotoFailsWithItsName()
{
    RecognitionPipeline pipeline(TestPaths::modelsDir());
    pipeline.setPhotos({ TestPaths::data(QStringLiteral("classrooms/manifest.json")) });
    const auto result = pipeline.run();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), Error::Code::BadInput);
    QVERIFY(result.error().message().contains(QLatin1String("manifest.json")));
}

void TestRecognitionPipeline::encodedBytesAreAccepted()
{
    QFile file(TestPaths::data(QStringLiteral("group/bbt/bbt1.jpg")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    RecognitionPipeline pipeline(TestPaths::modelsDir());
    pipeline.setInputs({ { .path = QStringLiteral("camera"), .data = file.readAll(), .image = {} } });
    const auto result = pipeline.run();
    QVERIFY(result.ok());
    QVERIFY(!result->photos.front().faces.empty());
}

QTEST_GUILESS_MAIN(TestRecognitionPipeline)
#include "tst_recognitionpipeline.moc"
