#include "TestPaths.h"
#include "vision/ImageLoader.h"
#include "vision/RecognitionPipeline.h"
#include "vision/quality/EnrolmentQualityChecker.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace rollcall;
using rollcall::test::TestPaths;

// Each refusal reason on a real registration photo altered at test time.
class TestEnrolmentQualityChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void goodPhotoIsUsable();
    void noFace();
    void twoFaces();
    void faceTooSmall();
    void tooBlurred();
    void tooDark();
    void tooBright();
    void duplicateRegistrationIsFound();

private:
    EnrolmentQualityChecker::Verdict check(const cv::Mat &image);
    std::unique_ptr<RecognitionPipeline> m_pipeline;
    cv::Mat m_photo;
};

void TestEnrolmentQualityChecker::initTestCase()
{
    m_pipeline = std::make_unique<RecognitionPipeline>(TestPaths::modelsDir());
    const auto photo = ImageLoader().load(TestPaths::data(QStringLiteral("classrooms/DEV-A/enrol/DEV-A-000_0002.jpg")));
    QVERIFY(photo.ok());
    m_photo = photo.value();
}

EnrolmentQualityChecker::Verdict TestEnrolmentQualityChecker::check(const cv::Mat &image)
{
    m_pipeline->setInputs({ { .path = QStringLiteral("test"), .data = {}, .image = image } });
    const auto result = m_pipeline->run();
    if (!result) {
        qWarning() << result.error().message();
        return {};
    }
    return EnrolmentQualityChecker().check(result->photos.front());
}

void TestEnrolmentQualityChecker::goodPhotoIsUsable()
{
    const auto v = check(m_photo);
    QVERIFY2(v.usable, qPrintable(v.reasons.join(QLatin1Char(' '))));
    QVERIFY(v.reasons.isEmpty());
    QVERIFY(v.sharpness > 12.0);
}

void TestEnrolmentQualityChecker::noFace()
{
    const auto v = check(cv::Mat(250, 250, CV_8UC3, cv::Scalar(120, 130, 140)));
    QVERIFY(!v.usable);
    QCOMPARE(v.reasons, QStringList { QStringLiteral("No face was found in the photo.") });
}

void TestEnrolmentQualityChecker::twoFaces()
{
    const auto other = ImageLoader().load(TestPaths::data(QStringLiteral("classrooms/DEV-A/enrol/DEV-A-001_0002.jpg")));
    QVERIFY(other.ok());
    cv::Mat pair;
    cv::hconcat(m_photo, other.value(), pair);
    const auto v = check(pair);
    QVERIFY(!v.usable);
    QVERIFY2(v.reasons.join(QLatin1Char(' ')).contains(QLatin1String("2 faces")), qPrintable(v.reasons.join(' ')));
}

void TestEnrolmentQualityChecker::faceTooSmall()
{
    cv::Mat small;
    cv::resize(m_photo, small, cv::Size(), 0.45, 0.45, cv::INTER_AREA);
    cv::Mat canvas(250, 250, CV_8UC3, cv::Scalar(128, 128, 128));
    small.copyTo(canvas(cv::Rect(60, 60, small.cols, small.rows)));
    const auto v = check(canvas);
    QVERIFY(!v.usable);
    QVERIFY2(v.reasons.join(QLatin1Char(' ')).contains(QLatin1String("too small")), qPrintable(v.reasons.join(' ')));
}

void TestEnrolmentQualityChecker::tooBlurred()
{
    cv::Mat blurred;
    cv::GaussianBlur(m_photo, blurred, cv::Size(0, 0), 3.0);
    const auto v = check(blurred);
    QVERIFY(!v.usable);
    QVERIFY2(v.reasons.join(QLatin1Char(' ')).contains(QLatin1String("blurred")), qPrintable(v.reasons.join(' ')));
}

void TestEnrolmentQualityChecker::tooDark()
{
    cv::Mat dark;
    m_photo.convertTo(dark, -1, 0.2, 0.0);
    const auto v = check(dark);
    QVERIFY(!v.usable);
    QVERIFY2(v.reasons.join(QLatin1Char(' ')).contains(QLatin1String("too dark")), qPrintable(v.reasons.join(' ')));
}

void TestEnrolmentQualityChecker::tooBright()
{
    cv::Mat bright;
    m_photo.convertTo(bright, -1, 0.25, 200.0);
    const auto v = check(bright);
    QVERIFY(!v.usable);
    QVERIFY2(v.reasons.join(QLatin1Char(' ')).contains(QLatin1String("too bright")), qPrintable(v.reasons.join(' ')));
}

void TestEnrolmentQualityChecker::duplicateRegistrationIsFound()
{
    std::vector<StudentTemplate> enrolled { { .studentId = QStringLiteral("A"), .embedding = { 1.0f, 0.0f, 0.0f } },
                                            { .studentId = QStringLiteral("B"), .embedding = { 0.0f, 1.0f, 0.0f } } };
    Embedding probe { 0.99f, 0.1f, 0.0f };
    Embedder::normalise(probe);
    const auto d = EnrolmentQualityChecker::possibleDuplicates(probe, enrolled, 0.08);
    QCOMPARE(d.size(), size_t(1));
    QCOMPARE(d.front().student, 0);
    QVERIFY(EnrolmentQualityChecker::possibleDuplicates({ 0.0f, 0.0f, 1.0f }, enrolled, 0.08).empty());
}

QTEST_GUILESS_MAIN(TestEnrolmentQualityChecker)
#include "tst_enrolmentqualitychecker.moc"
