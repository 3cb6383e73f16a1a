#include "FacenetContract.h"
#include "TestPaths.h"
#include "models/ModelRegistry.h"
#include "vision/ComputeDevice.h"
#include "vision/DeviceAgreement.h"
#include "vision/RecognitionPipeline.h"
#include "vision/embedding/EmbedderSpec.h"
#include "vision/embedding/OnnxFacenetEmbedder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace rollcall;
using rollcall::test::FacenetContract;
using rollcall::test::TestPaths;

// CUDA builds only (label "gpu"): the real CUDA plugin on a real GPU against
// the CPU in the same process. Fails, never skips, without a GPU.
class TestDeviceAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void classroomPhotosAgree();
    void facenetOnOpenCvCudaAgrees_data();
    void facenetOnOpenCvCudaAgrees();
    void precisionSettingIsUsed();
    void twelveMegapixelPhotoRuns();

private:
    std::vector<std::vector<float>> embedChips(ComputeDevice::Preference device, ComputeDevice::Precision precision);

    QTemporaryDir m_contract;
    QTemporaryDir m_models; // the real required models plus the contract's Facenet512
};

void TestDeviceAgreement::initTestCase()
{
    ComputeDevice::setPreference(ComputeDevice::Preference::Cuda);
    QVERIFY2(
        ComputeDevice::current().isCuda(),
        qPrintable(QStringLiteral("this test needs an NVIDIA GPU: %1").arg(ComputeDevice::cudaUnavailableReason())));
    qInfo().noquote() << "GPU:" << ComputeDevice::current().description();
    QVERIFY2(ComputeDevice::openCvHasCuda(), "OpenCV in this CUDA build sees no CUDA device");
    const QString failure = FacenetContract::installDeepfaceModel(m_contract.path(), m_models.path());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
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

void TestDeviceAgreement::facenetOnOpenCvCudaAgrees_data()
{
    QTest::addColumn<QString>("precision");
    QTest::addColumn<double>("minCosine");
    QTest::newRow("fp32") << QStringLiteral("fp32") << 0.999;
    QTest::newRow("fp16") << QStringLiteral("fp16") << 0.995;
}

void TestDeviceAgreement::facenetOnOpenCvCudaAgrees()
{
    // The real weights cannot be had here; the contract model has Facenet512's
    // shape and ops, so it exercises OpenCV's CUDA backend the same way.
    QFETCH(QString, precision);
    QFETCH(double, minCosine);
    ComputeDevice::Precision p = ComputeDevice::Precision::Half;
    QVERIFY(ComputeDevice::parsePrecision(precision, &p));
    const ComputeDevice::Precision saved = ComputeDevice::cudaPrecision();
    ComputeDevice::setCudaPrecision(p);
    const QStringList photos = { TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")),
                                 TestPaths::data(QStringLiteral("group/dlib-examples/bald_guys.jpg")) };
    const auto report = DeviceAgreement::compare(m_models.path(), photos, QStringLiteral("facenet512-deepface"));
    ComputeDevice::setCudaPrecision(saved);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message()));
    qInfo("%s: faces %d paired %d; cosine min %.6f mean %.6f; cpu %.0f ms gpu %.0f ms", qPrintable(precision),
          report->cpuFaces, report->paired, report->minCosine, report->meanCosine, report->cpuMs, report->gpuMs);
    QCOMPARE(report->gpuBackend, QStringLiteral("cuda"));
    QVERIFY(report->embeddedPairs >= 20);
    QString why;
    QVERIFY2(DeviceAgreement::agrees(*report, minCosine, &why), qPrintable(why));
}

std::vector<std::vector<float>> TestDeviceAgreement::embedChips(ComputeDevice::Preference device,
                                                                ComputeDevice::Precision precision)
{
    const ComputeDevice::Preference savedDevice = ComputeDevice::preference();
    const ComputeDevice::Precision savedPrecision = ComputeDevice::cudaPrecision();
    ComputeDevice::setPreference(device);
    ComputeDevice::setCudaPrecision(precision);
    const QString expectedDevice = ComputeDevice::current().name();
    const ModelRegistry registry(m_models.path());
    const auto spec = EmbedderSpec::fromDescriptor(*registry.descriptor(QStringLiteral("facenet512-deepface")));
    auto embedder = OnnxFacenetEmbedder::create(spec.value(), m_contract.filePath(QStringLiteral("facenet_nhwc.onnx")));
    ComputeDevice::setPreference(savedDevice);
    ComputeDevice::setCudaPrecision(savedPrecision);
    if (!embedder.ok() || embedder.value()->deviceName() != expectedDevice)
        return {};
    auto embeddings = embedder.value()->embed(FacenetContract::chips(m_contract.path()));
    return embeddings.ok() ? embeddings.value() : std::vector<std::vector<float>> {};
}

void TestDeviceAgreement::precisionSettingIsUsed()
{
    // FP16 and FP32 must really be two different computations, each close to the CPU.
    const auto cpu = embedChips(ComputeDevice::Preference::Cpu, ComputeDevice::Precision::Single);
    const auto fp32 = embedChips(ComputeDevice::Preference::Cuda, ComputeDevice::Precision::Single);
    const auto fp16 = embedChips(ComputeDevice::Preference::Cuda, ComputeDevice::Precision::Half);
    QCOMPARE(cpu.size(), size_t(7));
    QCOMPARE(fp32.size(), cpu.size());
    QCOMPARE(fp16.size(), cpu.size());
    double fp16VsFp32 = 0.0;
    for (size_t i = 0; i < cpu.size(); ++i) {
        QVERIFY(1.0 - Embedder::cosineDistance(cpu[i], fp32[i]) >= 0.999);
        QVERIFY(1.0 - Embedder::cosineDistance(cpu[i], fp16[i]) >= 0.995);
        for (size_t k = 0; k < fp16[i].size(); ++k)
            fp16VsFp32 = std::max(fp16VsFp32, double(std::abs(fp16[i][k] - fp32[i][k])));
    }
    qInfo("largest FP16/FP32 difference in a normalised embedding: %g", fp16VsFp32);
    QVERIFY(fp16VsFp32 > 0.0);
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
