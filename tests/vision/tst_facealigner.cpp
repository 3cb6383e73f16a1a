#include "TestPaths.h"
#include "models/ModelRegistry.h"
#include "vision/ImageLoader.h"
#include "vision/alignment/FaceAligner.h"
#include "vision/detection/FaceDetector.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace rollcall;
using rollcall::test::TestPaths;

class TestFaceAligner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void landmarksLieInsideTheFace();
    void chipsAreUprightAndSized();
    void missingModelIsReported();
};

void TestFaceAligner::landmarksLieInsideTheFace()
{
    const ModelRegistry registry(TestPaths::modelsDir());
    auto aligner = FaceAligner::create(registry);
    QVERIFY2(aligner.ok(), qPrintable(aligner.ok() ? QString() : aligner.error().message()));
    auto detector = FaceDetector::create(registry);
    QVERIFY(detector.ok());
    const auto image
        = ImageLoader().load(TestPaths::data(QStringLiteral("faces/lfw-gray/Aaron_Eckhart/Aaron_Eckhart_0001.jpg")));
    QVERIFY(image.ok());
    const auto found = detector.value()->detect(image.value());
    QVERIFY(found.ok());
    QCOMPARE(found->faces.size(), size_t(1));
    const cv::Rect2f box = found->faces.front().box;
    const auto points = aligner.value()->landmarks(image.value(), { box });
    QCOMPARE(points.size(), size_t(1));
    cv::Rect2f grown(box.x - box.width * 0.1f, box.y - box.height * 0.1f, box.width * 1.2f, box.height * 1.2f);
    for (const cv::Point2f &p : points.front())
        QVERIFY(grown.contains(p));
    // dlib's order: the eye corners (points 0-3) are above the point under the nose (4).
    for (int i = 0; i < 4; ++i)
        QVERIFY(points.front()[size_t(i)].y < points.front()[4].y);
}

void TestFaceAligner::chipsAreUprightAndSized()
{
    const ModelRegistry registry(TestPaths::modelsDir());
    auto aligner = FaceAligner::create(registry);
    QVERIFY(aligner.ok());
    auto image
        = ImageLoader().load(TestPaths::data(QStringLiteral("faces/lfw-gray/Aaron_Eckhart/Aaron_Eckhart_0001.jpg")));
    QVERIFY(image.ok());
    auto detector = FaceDetector::create(registry);
    QVERIFY(detector.ok());
    const auto upright = detector.value()->detect(image.value());
    QVERIFY(upright.ok() && upright->faces.size() == 1);
    const auto chip = aligner.value()->chips(
        image.value(), aligner.value()->landmarks(image.value(), { upright->faces.front().box }), 150, 0.25);
    QVERIFY(chip.ok());
    QCOMPARE(chip->front().size(), cv::Size(150, 150));
    QCOMPARE(chip->front().type(), CV_8UC3);

    // The same face rotated by 20°: alignment undoes the rotation, so the chips agree.
    cv::Mat rotated;
    const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(125, 125), 20.0, 1.0);
    cv::warpAffine(image.value(), rotated, m, image->size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::Mat points(1, 1, CV_32FC2);
    const cv::Rect2f box = upright->faces.front().box;
    std::vector<cv::Point2f> centre { { box.x + box.width / 2, box.y + box.height / 2 } };
    cv::transform(centre, centre, m);
    const cv::Rect2f rotatedBox(centre[0].x - box.width / 2, centre[0].y - box.height / 2, box.width, box.height);
    const auto rotatedChip
        = aligner.value()->chips(rotated, aligner.value()->landmarks(rotated, { rotatedBox }), 150, 0.25);
    QVERIFY(rotatedChip.ok());
    cv::Mat a;
    cv::Mat b;
    cv::cvtColor(chip->front(), a, cv::COLOR_BGR2GRAY);
    cv::cvtColor(rotatedChip->front(), b, cv::COLOR_BGR2GRAY);
    const double difference = cv::norm(a, b, cv::NORM_L1) / double(a.total());
    QVERIFY2(difference < 20.0, qPrintable(QStringLiteral("mean difference %1").arg(difference)));
}

void TestFaceAligner::missingModelIsReported()
{
    QTemporaryDir empty;
    const auto aligner = FaceAligner::create(ModelRegistry(empty.path()));
    QVERIFY(!aligner.ok());
    QCOMPARE(aligner.error().code(), Error::Code::ModelMissing);
}

QTEST_GUILESS_MAIN(TestFaceAligner)
#include "tst_facealigner.moc"
