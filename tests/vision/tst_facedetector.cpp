#include "TestPaths.h"
#include "models/ModelRegistry.h"
#include "vision/ImageLoader.h"
#include "vision/detection/FaceDetector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace rollcall;
using rollcall::test::TestPaths;

class TestFaceDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsEveryFaceOfAClassPhoto();
    void reportsSmallFacesOfACrowdAsTooSmall();
    void tooSmallThresholdIsASetting();
    void blankImageHasNoFace();
    void largePhotoIsTiled();
    void tilesAnsweredByTheDownscaledPassAreSkipped();
    void tilesRunWhereFacesAreSmall();
    void badImageIsRefused();
    void cancellationStopsDetection();
    void missingModelsAreReported();

private:
    cv::Mat load(const QString &relative);
    cv::Mat baldGuysOnCanvas(double scale);
    // Detects with settings, then puts the defaults back.
    Result<FaceDetector::Output> detectWith(const DetectionSettings &settings, const cv::Mat &image);
    std::unique_ptr<FaceDetector> m_detector;
};

void TestFaceDetector::initTestCase()
{
    const ModelRegistry registry(TestPaths::modelsDir());
    auto detector = FaceDetector::create(registry);
    QVERIFY2(detector.ok(), qPrintable(detector.ok() ? QString() : detector.error().message()));
    m_detector = std::move(detector.value());
}

cv::Mat TestFaceDetector::load(const QString &relative)
{
    auto image = ImageLoader().load(TestPaths::data(relative));
    if (!image)
        qWarning() << image.error().message();
    return image ? image.value() : cv::Mat();
}

void TestFaceDetector::findsEveryFaceOfAClassPhoto()
{
    QFile manifest(TestPaths::data(QStringLiteral("classrooms/manifest.json")));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject cls
        = QJsonDocument::fromJson(manifest.readAll()).object().value(QLatin1String("classes")).toArray()[1].toObject();
    const QJsonObject hard = cls.value(QLatin1String("variants")).toObject().value(QLatin1String("hard")).toObject();
    const cv::Mat image = load(QStringLiteral("classrooms/") + hard.value(QLatin1String("photo")).toString());
    QVERIFY(!image.empty());
    const auto found = m_detector->detect(image);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message()));
    const QJsonArray truth = hard.value(QLatin1String("faces")).toArray();
    int matched = 0;
    for (const auto &t : truth) {
        const QJsonArray b = t.toObject().value(QLatin1String("box")).toArray();
        const cv::Rect2f box(float(b[0].toDouble()), float(b[1].toDouble()), float(b[2].toDouble()),
                             float(b[3].toDouble()));
        for (const DetectedFace &f : found->faces) {
            const float inter = (f.box & box).area();
            if (inter / (f.box.area() + box.area() - inter) > 0.3f) {
                ++matched;
                QVERIFY2(!f.tooSmall, "a 31-49 px face must be recognisable");
                break;
            }
        }
    }
    QCOMPARE(matched, int(truth.size()));
    QVERIFY(found->faces.size() <= size_t(truth.size()) + 2);
}

void TestFaceDetector::reportsSmallFacesOfACrowdAsTooSmall()
{
    // A class photo with faces of 8-30 px: most are too small to recognise but
    // must still be reported, so the teacher can be asked for a closer photo.
    const auto found = m_detector->detect(load(QStringLiteral("group/crowds/25.jpg")));
    QVERIFY(found.ok());
    int small = 0;
    for (const DetectedFace &f : found->faces)
        small += f.tooSmall ? 1 : 0;
    QVERIFY2(found->faces.size() >= 250, qPrintable(QString::number(found->faces.size())));
    QVERIFY(small >= 200);
}

void TestFaceDetector::tooSmallThresholdIsASetting()
{
    DetectionSettings settings = m_detector->settings();
    const DetectionSettings saved = settings;
    settings.minRecognisableSize = 1000;
    m_detector->setSettings(settings);
    const auto found = m_detector->detect(load(QStringLiteral("group/crowds/10.jpg")));
    m_detector->setSettings(saved);
    QVERIFY(found.ok());
    QVERIFY(!found->faces.empty());
    for (const DetectedFace &f : found->faces)
        QVERIFY(f.tooSmall);
}

void TestFaceDetector::blankImageHasNoFace()
{
    const cv::Mat grey(480, 640, CV_8UC3, cv::Scalar(128, 128, 128));
    const auto found = m_detector->detect(grey);
    QVERIFY(found.ok());
    QVERIFY(found->faces.empty());
}

void TestFaceDetector::largePhotoIsTiled()
{
    // bald_guys.jpg (1986×1545) placed in a 5000×3000 canvas: the faces are
    // found through the tiles and reported in canvas coordinates.
    const cv::Mat photo = load(QStringLiteral("group/dlib-examples/bald_guys.jpg"));
    QVERIFY(!photo.empty());
    cv::Mat canvas(3000, 5000, CV_8UC3, cv::Scalar(90, 90, 90));
    const cv::Point offset(2500, 1000);
    photo.copyTo(canvas(cv::Rect(offset, photo.size())));
    const auto direct = m_detector->detect(photo);
    const auto tiled = m_detector->detect(canvas);
    QVERIFY(direct.ok() && tiled.ok());
    QVERIFY2(direct->faces.size() >= 20, qPrintable(QString::number(direct->faces.size())));
    QVERIFY2(tiled->faces.size() + 2 >= direct->faces.size(),
             qPrintable(QStringLiteral("%1 vs %2").arg(tiled->faces.size()).arg(direct->faces.size())));
    for (const DetectedFace &f : tiled->faces) {
        QVERIFY(f.box.x >= offset.x - 10);
        QVERIFY(f.box.y >= offset.y - 10);
    }
}

// bald_guys.jpg scaled by `scale` at (2500, 1000) of a grey 5000×3000 canvas.
cv::Mat TestFaceDetector::baldGuysOnCanvas(double scale)
{
    const cv::Mat photo = load(QStringLiteral("group/dlib-examples/bald_guys.jpg"));
    if (photo.empty())
        return {};
    cv::Mat scaled;
    cv::resize(photo, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::Mat canvas(3000, 5000, CV_8UC3, cv::Scalar(90, 90, 90));
    scaled.copyTo(canvas(cv::Rect(cv::Point(2500, 1000), scaled.size())));
    return canvas;
}

Result<FaceDetector::Output> TestFaceDetector::detectWith(const DetectionSettings &settings, const cv::Mat &image)
{
    m_detector->setSettings(settings);
    auto out = m_detector->detect(image);
    m_detector->setSettings(DetectionSettings {});
    return out;
}

void TestFaceDetector::tilesAnsweredByTheDownscaledPassAreSkipped()
{
    // bald_guys' faces (~70-100 px) are large enough for the downscaled pass:
    // the tiles over them are skipped, the empty ones still run, and no face is
    // lost against running every tile.
    const cv::Mat canvas = baldGuysOnCanvas(1.0);
    QVERIFY(!canvas.empty());
    DetectionSettings skip;
    skip.proposalAnsweredSize = 20.0;
    const auto skipping = detectWith(skip, canvas);
    const auto all = detectWith(DetectionSettings {}, canvas);
    QVERIFY(skipping.ok() && all.ok());
    QCOMPARE(all->tilesRun, all->tiles);
    QVERIFY2(skipping->tilesRun < skipping->tiles && skipping->tilesRun > 0,
             qPrintable(QStringLiteral("%1 of %2 tiles").arg(skipping->tilesRun).arg(skipping->tiles)));
    QCOMPARE(skipping->faces.size(), all->faces.size());
}

void TestFaceDetector::tilesRunWhereFacesAreSmall()
{
    // The same photo at 0.2: faces of ~15-20 px, below what the downscaled
    // pass sees. Their tiles run (also when answered tiles are skipped) and
    // find faces it missed.
    const cv::Mat canvas = baldGuysOnCanvas(0.2);
    QVERIFY(!canvas.empty());
    DetectionSettings skip;
    skip.proposalAnsweredSize = 20.0;
    const auto tiled = detectWith(skip, canvas);
    DetectionSettings none;
    none.proposalTileScale = 0.0;
    const auto untiled = detectWith(none, canvas);
    QVERIFY(tiled.ok() && untiled.ok());
    QCOMPARE(untiled->tilesRun, 0);
    QVERIFY2(
        tiled->faces.size() > untiled->faces.size(),
        qPrintable(QStringLiteral("%1 with tiles, %2 without").arg(tiled->faces.size()).arg(untiled->faces.size())));
}

void TestFaceDetector::badImageIsRefused()
{
    const auto empty = m_detector->detect(cv::Mat());
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code(), Error::Code::BadInput);
    const auto grey = m_detector->detect(cv::Mat(100, 100, CV_8UC1, cv::Scalar(0)));
    QVERIFY(!grey.ok());
}

void TestFaceDetector::cancellationStopsDetection()
{
    const std::atomic_bool cancelled { true };
    const auto found = m_detector->detect(load(QStringLiteral("group/dlib-examples/bald_guys.jpg")), &cancelled);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().code(), Error::Code::Cancelled);
}

void TestFaceDetector::missingModelsAreReported()
{
    QTemporaryDir empty;
    const auto detector = FaceDetector::create(ModelRegistry(empty.path()));
    QVERIFY(!detector.ok());
    QCOMPARE(detector.error().exitCode(), 4);
}

QTEST_GUILESS_MAIN(TestFaceDetector)
#include "tst_facedetector.moc"
