#include "TestPaths.h"
#include "vision/detection/YuNetDetector.h"

#include <QtTest>

#include <opencv2/core/version.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect/face.hpp>

#include <cmath>

using namespace rollcall;
using rollcall::test::TestPaths;

class TestYuNetDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameFacesAsOpenCvsOwnDecoder_data();
    void sameFacesAsOpenCvsOwnDecoder();
    void findsTheFacesOfAGroupPhoto();
    void emptyImageHasNoFaces();

private:
    std::string m_model;
};

void TestYuNetDetector::initTestCase()
{
    m_model = QString(TestPaths::modelsDir() + QStringLiteral("/face_detection_yunet_2022mar.onnx")).toStdString();
    QVERIFY2(QFile::exists(QString::fromStdString(m_model)), "run scripts/fetch-models.sh");
}

void TestYuNetDetector::sameFacesAsOpenCvsOwnDecoder_data()
{
    QTest::addColumn<QString>("photo");
    QTest::addColumn<int>("width"); // resized to this width first (0: as is)
    QTest::newRow("crowd") << QStringLiteral("group/crowds/10.jpg") << 0;
    QTest::newRow("class, odd size") << QStringLiteral("classrooms/DEV-A/easy.jpg") << 777;
    QTest::newRow("bald guys") << QStringLiteral("group/dlib-examples/bald_guys.jpg") << 960;
}

void TestYuNetDetector::sameFacesAsOpenCvsOwnDecoder()
{
#if CV_VERSION_MAJOR * 100 + CV_VERSION_MINOR >= 408
    // OpenCV 4.8 and later decode only the 2023 model, so there is nothing to
    // compare with here; the comparison runs in the Debian 12 (OpenCV 4.6) build.
    QSKIP("OpenCV >= 4.8 has no decoder for the 2022mar model to compare with; compared in the OpenCV 4.6 build");
#else
    QFETCH(QString, photo);
    QFETCH(int, width);
    cv::Mat image = cv::imread(TestPaths::data(photo).toStdString());
    QVERIFY(!image.empty());
    if (width > 0)
        cv::resize(image, image, cv::Size(width, image.rows * width / image.cols), 0, 0, cv::INTER_AREA);

    YuNetDetector ours(m_model, 0.5f, 0.3f, 5000, cv::dnn::DNN_BACKEND_OPENCV, cv::dnn::DNN_TARGET_CPU);
    const cv::Mat got = ours.detect(image);
    auto reference = cv::FaceDetectorYN::create(m_model, std::string(), image.size(), 0.5f, 0.3f, 5000);
    cv::Mat expected;
    reference->detect(image, expected);
    QVERIFY(expected.rows > 0);
    QCOMPARE(got.rows, expected.rows);
    QCOMPARE(got.cols, 15);
    for (int r = 0; r < got.rows; ++r) {
        for (int c = 0; c < 15; ++c) {
            const float a = got.at<float>(r, c);
            const float b = expected.at<float>(r, c);
            QVERIFY2(std::abs(a - b) <= 1e-3f * std::max(1.f, std::abs(b)),
                     qPrintable(QStringLiteral("row %1 col %2: %3 vs %4").arg(r).arg(c).arg(a).arg(b)));
        }
    }
#endif
}

void TestYuNetDetector::findsTheFacesOfAGroupPhoto()
{
    // bald_guys.jpg has 24 faces, all large enough for YuNet at half size.
    cv::Mat image = cv::imread(TestPaths::data(QStringLiteral("group/dlib-examples/bald_guys.jpg")).toStdString());
    QVERIFY(!image.empty());
    cv::resize(image, image, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    YuNetDetector yunet(m_model, 0.5f, 0.3f, 5000, cv::dnn::DNN_BACKEND_OPENCV, cv::dnn::DNN_TARGET_CPU);
    const cv::Mat faces = yunet.detect(image);
    QVERIFY2(faces.rows >= 22 && faces.rows <= 26, qPrintable(QString::number(faces.rows)));
    for (int r = 0; r < faces.rows; ++r) {
        const float *f = faces.ptr<float>(r);
        QVERIFY(f[14] >= 0.5f && f[14] <= 1.f);
        QVERIFY(f[2] > 10.f && f[3] > 10.f);
        // The eyes lie inside the box.
        QVERIFY(f[4] > f[0] && f[4] < f[0] + f[2] && f[5] > f[1] && f[5] < f[1] + f[3]);
    }
    // Same detector, another size: the priors follow the input.
    cv::Mat smaller;
    cv::resize(image, smaller, cv::Size(641, 499));
    QVERIFY(yunet.detect(smaller).rows > 15);
}

void TestYuNetDetector::emptyImageHasNoFaces()
{
    YuNetDetector yunet(m_model, 0.5f, 0.3f, 5000, cv::dnn::DNN_BACKEND_OPENCV, cv::dnn::DNN_TARGET_CPU);
    QCOMPARE(yunet.detect(cv::Mat()).rows, 0);
    QCOMPARE(yunet.detect(cv::Mat(240, 320, CV_8UC3, cv::Scalar::all(128))).rows, 0);
    QVERIFY_THROWS_EXCEPTION(cv::Exception, YuNetDetector("/nonexistent.onnx", 0.5f, 0.3f, 10, 0, 0));
}

QTEST_GUILESS_MAIN(TestYuNetDetector)
#include "tst_yunetdetector.moc"
