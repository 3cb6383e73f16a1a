#include "TestPaths.h"
#include "vision/ComputeDevice.h"
#include "vision/DeviceAgreement.h"
#include "vision/RecognitionPipeline.h"

#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace rollcall;
using rollcall::test::TestPaths;

// CUDA builds only (label "gpu"): the real CUDA plugin on a real GPU against
// the CPU in the same process. Fails, never skips, without a GPU.
class TestDeviceAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void classroomPhotosAgree();
    void twelveMegapixelPhotoRuns();
};

void TestDeviceAgreement::initTestCase()
{
    ComputeDevice::setPreference(ComputeDevice::Preference::Cuda);
    QVERIFY2(
        ComputeDevice::current().isCuda(),
        qPrintable(QStringLiteral("this test needs an NVIDIA GPU: %1").arg(ComputeDevice::cudaUnavailableReason())));
    qInfo().noquote() << "GPU:" << ComputeDevice::current().description();
}

void TestDeviceAgreement::classroomPhotosAgree()
{
    const QStringList photos = { TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")),
                                 TestPaths::data(QStringLiteral("classrooms/DEV-B/hard.jpg")),
                                 TestPaths::data(QStringLiteral("group/dlib-examples/bald_guys.jpg")) };
    const auto report = DeviceAgreement::compare(TestPaths::modelsDir(), photos, QStringLiteral("dlib-resnet-v1"));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message()));
    qInfo("faces cpu %d gpu %d paired %d; IoU min %.4f mean %.4f; cosine min %.6f mean %.6f; cpu %.0f ms gpu %.0f ms",
          report->cpuFaces, report->gpuFaces, report->paired, report->minIou, report->meanIou, report->minCosine,
          report->meanCosine, report->cpuMs, report->gpuMs);
    QCOMPARE(report->gpuBackend, QStringLiteral("cuda"));
    QString why;
    QVERIFY2(DeviceAgreement::agrees(*report, 0.999, &why), qPrintable(why)); // dlib runs FP32 on both
}

void TestDeviceAgreement::twelveMegapixelPhotoRuns()
{
    const cv::Mat photo = cv::imread(TestPaths::data(QStringLiteral("group/crowds/25.jpg")).toStdString());
    QVERIFY(!photo.empty());
    cv::Mat big;
    cv::resize(photo, big, cv::Size(4000, 3000), 0, 0, cv::INTER_CUBIC);
    RecognitionPipeline pipeline(TestPaths::modelsDir());
    pipeline.setKeepChips(false);
    pipeline.setInputs({ RecognitionPipeline::Input { QStringLiteral("crowds-25-12mp"), {}, big } });
    const auto result = pipeline.run();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result->device, QStringLiteral("cuda"));
    QVERIFY(result->photos.front().faces.size() > 20);
}

QTEST_GUILESS_MAIN(TestDeviceAgreement)
#include "tst_deviceagreement.moc"
