#include "FacenetContract.h"
#include "TestPaths.h"
#include "vision/ComputeDevice.h"
#include "vision/DeviceAgreement.h"
#include "vision/DlibBackendLoader.h"
#include "vision/DlibNetworks.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace rollcall;
using rollcall::test::CliRun;
using rollcall::test::FacenetContract;
using rollcall::test::runCli;
using rollcall::test::TestPaths;

// The plugin path end to end, with the tests' stand-in for the CUDA plugin
// (tests/support/fakecuda): a "GPU" that runs dlib on the CPU and runs out of
// memory on demand. On a machine with a GPU, tst_deviceagreement does the same
// against the real plugin.
class TestDlibBackendLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsAndLoadsThePlugin();
    void preferenceChoosesTheDevice();
    void precisionIsParsed();
    void pipelineOnThePluginMatchesTheCpu();
    void onnxEmbedderBesideThePlugin();
    void outOfMemoryInThePluginIsRetried();
    void brokenGpuMidRunMeansCpu_data();
    void brokenGpuMidRunMeansCpu();
    void batchesAreSizedFromFreeMemory();
    void twelveMegapixelPhotoOnANearlyFullGpu();
    void cliReportsTheDevice();
    void brokenOrMissingPluginMeansCpu();
    void lowestArchIsParsed();
    void gpuOlderThanTheKernelsMeansCpu();

private:
    std::vector<cv::Mat> chips() const;
};

void TestDlibBackendLoader::initTestCase()
{
    // Before anything asks for the device: the loader looks once per process.
    qputenv("ROLLCALL_PLUGIN_DIR", QByteArrayLiteral(ROLLCALL_FAKE_PLUGIN_DIR));
    qunsetenv("ROLLCALL_DEVICE");
    qunsetenv("ROLLCALL_FAKE_GPU_MAX_BATCH");
    qunsetenv("ROLLCALL_FAKE_GPU_FREE_MB");
    ComputeDevice::setPreference(ComputeDevice::Preference::Auto);
}

std::vector<cv::Mat> TestDlibBackendLoader::chips() const
{
    const cv::Mat photo = cv::imread(TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")).toStdString());
    std::vector<cv::Mat> out;
    for (int i = 0; i < 6; ++i) {
        cv::Mat chip;
        cv::resize(photo(cv::Rect(60 * i, 40 * i, 300, 300)), chip, cv::Size(150, 150), 0, 0, cv::INTER_AREA);
        out.push_back(chip);
    }
    return out;
}

void TestDlibBackendLoader::findsAndLoadsThePlugin()
{
    // The variable replaces the default folders, so tests never pick up a plugin
    // installed beside the executable (the real one, in a CUDA build).
    QCOMPARE(DlibBackendLoader::searchPath(), QStringList { QStringLiteral(ROLLCALL_FAKE_PLUGIN_DIR) });
    const QByteArray saved = qgetenv("ROLLCALL_PLUGIN_DIR");
    qunsetenv("ROLLCALL_PLUGIN_DIR");
    const QStringList defaults = DlibBackendLoader::searchPath();
    qputenv("ROLLCALL_PLUGIN_DIR", saved);
    QVERIFY(!defaults.contains(QStringLiteral(ROLLCALL_FAKE_PLUGIN_DIR)));
    QCOMPARE(defaults.last(), QCoreApplication::applicationDirPath() + QStringLiteral("/plugins"));
    const DlibBackendLoader::PluginState state = DlibBackendLoader::pluginState();
    QVERIFY2(state.loaded, qPrintable(state.reason));
    QVERIFY(state.path.startsWith(QStringLiteral(ROLLCALL_FAKE_PLUGIN_DIR)));
    QVERIFY(state.path.contains(QLatin1String("rollcall_dlib_cuda")));
    QCOMPARE(state.deviceCount, 1);
    QVERIFY(state.reason.isEmpty());
    const auto device = DlibBackendLoader::cudaDevice(0, true);
    QVERIFY(device.has_value());
    QCOMPARE(QString::fromUtf8(device->name), QStringLiteral("RollCall fake GPU"));
    QCOMPARE(device->freeBytes, std::size_t(4096) << 20);
    // Without free memory the plugin need not create a CUDA context.
    const auto plain = DlibBackendLoader::cudaDevice(0);
    QVERIFY(plain.has_value());
    QCOMPARE(plain->freeBytes, std::size_t(0));
    QCOMPARE(plain->totalBytes, std::size_t(8192) << 20);
    QVERIFY(!DlibBackendLoader::cudaDevice(1).has_value());
    QVERIFY(!DlibBackendLoader::createCuda(1).ok());
}

void TestDlibBackendLoader::preferenceChoosesTheDevice()
{
    ComputeDevice::setPreference(ComputeDevice::Preference::Auto);
    QVERIFY(ComputeDevice::current().isCuda());
    QVERIFY2(ComputeDevice::current().description().contains(QLatin1String("RollCall fake GPU")),
             qPrintable(ComputeDevice::current().description()));
    QCOMPARE(ComputeDevice::freeMemoryBytes(), std::size_t(4096) << 20);
    QCOMPARE(DlibNetworks().deviceName(), QStringLiteral("cuda"));

    ComputeDevice::setPreference(ComputeDevice::Preference::Cpu);
    QVERIFY(!ComputeDevice::current().isCuda());
    QCOMPARE(ComputeDevice::freeMemoryBytes(), std::size_t(0));
    QCOMPARE(DlibNetworks().deviceName(), QStringLiteral("cpu"));
    QVERIFY(ComputeDevice::cudaUnavailableReason().contains(QLatin1String("--device cpu")));
    ComputeDevice::setPreference(ComputeDevice::Preference::Auto);
}

void TestDlibBackendLoader::precisionIsParsed()
{
    ComputeDevice::Precision p = ComputeDevice::Precision::Half;
    QVERIFY(ComputeDevice::parsePrecision(QStringLiteral(" FP32 "), &p));
    QCOMPARE(p, ComputeDevice::Precision::Single);
    QVERIFY(ComputeDevice::parsePrecision(QStringLiteral("half"), &p));
    QCOMPARE(p, ComputeDevice::Precision::Half);
    QVERIFY(!ComputeDevice::parsePrecision(QStringLiteral("int8"), &p));
    QCOMPARE(p, ComputeDevice::Precision::Half);
    QCOMPARE(ComputeDevice::precisionName(ComputeDevice::Precision::Single), QStringLiteral("fp32"));
}

void TestDlibBackendLoader::pipelineOnThePluginMatchesTheCpu()
{
    // Small batches on the "GPU" as well, so retries are part of what must agree.
    qputenv("ROLLCALL_FAKE_GPU_MAX_BATCH", "3");
    const auto report = DeviceAgreement::compare(TestPaths::modelsDir(),
                                                 { TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) },
                                                 QStringLiteral("dlib-resnet-v1"));
    qunsetenv("ROLLCALL_FAKE_GPU_MAX_BATCH");
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message()));
    QCOMPARE(report->gpuBackend, QStringLiteral("cuda"));
    QVERIFY(report->gpuDevice.contains(QLatin1String("RollCall fake GPU")));
    QCOMPARE(report->photos, 1);
    QVERIFY2(report->cpuFaces >= 20, "DEV-A/easy.jpg shows a whole class");
    QCOMPARE(report->gpuFaces, report->cpuFaces);
    QCOMPARE(report->paired, report->cpuFaces);
    QVERIFY(report->embeddedPairs >= 20);
    QString why;
    QVERIFY2(DeviceAgreement::agrees(*report, 0.9999, &why), qPrintable(why));
    QVERIFY(report->minIou > 0.999);
    // Preference is restored.
    QCOMPARE(ComputeDevice::preference(), ComputeDevice::Preference::Auto);
}

void TestDlibBackendLoader::onnxEmbedderBesideThePlugin()
{
    // A Facenet512-shaped ONNX embedder with dlib on the plugin: OpenCV runs it on
    // its own CUDA backend when it has one, on the CPU otherwise, and the result
    // says which half ran where.
    QTemporaryDir contract;
    QTemporaryDir models;
    const QString failure = FacenetContract::installDeepfaceModel(contract.path(), models.path());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const auto report
        = DeviceAgreement::compare(models.path(), { TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) },
                                   QStringLiteral("facenet512-deepface"));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message()));
    const bool openCvGpu = ComputeDevice::openCvHasCuda();
    QCOMPARE(report->gpuBackend, openCvGpu ? QStringLiteral("cuda") : QStringLiteral("cuda/cpu"));
    QVERIFY(report->embeddedPairs >= 20);
    QString why;
    QVERIFY2(DeviceAgreement::agrees(*report, openCvGpu ? 0.995 : 0.9999, &why), qPrintable(why));
}

void TestDlibBackendLoader::outOfMemoryInThePluginIsRetried()
{
    const QString model = TestPaths::modelsDir() + QStringLiteral("/dlib_face_recognition_resnet_model_v1.dat");
    const std::vector<cv::Mat> input = chips();
    ComputeDevice::setPreference(ComputeDevice::Preference::Cpu);
    DlibNetworks cpu;
    ComputeDevice::setPreference(ComputeDevice::Preference::Auto);
    QVERIFY(cpu.loadEmbedder(model).ok());
    const auto expected = cpu.embed(input, 16);
    QVERIFY(expected.ok());

    qputenv("ROLLCALL_FAKE_GPU_MAX_BATCH", "2");
    DlibNetworks gpu;
    QVERIFY(gpu.onGpu());
    QVERIFY(gpu.loadEmbedder(model).ok());
    const auto got = gpu.embed(input, 16);
    qunsetenv("ROLLCALL_FAKE_GPU_MAX_BATCH");
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message()));
    QVERIFY(gpu.outOfMemoryRetries() >= 2);
    QCOMPARE(got->size(), expected->size());
    for (size_t i = 0; i < got->size(); ++i) {
        for (size_t k = 0; k < got->at(i).size(); ++k)
            QVERIFY(std::abs(got->at(i)[k] - expected->at(i)[k]) < 1e-4f);
    }
}

void TestDlibBackendLoader::brokenGpuMidRunMeansCpu_data()
{
    QTest::addColumn<QByteArray>("failure");
    QTest::newRow("cuDNN error") << QByteArrayLiteral("cudnn");
    QTest::newRow("not even one input fits") << QByteArrayLiteral("oom");
}

void TestDlibBackendLoader::brokenGpuMidRunMeansCpu()
{
    // The plugin loads and finds its GPU, then every pass fails: the photo is
    // still marked, on the CPU, with the same faces, and the result says so.
    QFETCH(QByteArray, failure);
    const QString photo = TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg"));
    qputenv("ROLLCALL_FAKE_GPU_FAIL", failure);
    const auto report = DeviceAgreement::compare(TestPaths::modelsDir(), { photo }, QStringLiteral("dlib-resnet-v1"));
    const CliRun run = runCli({ QStringLiteral("detect"), QStringLiteral("--json"), photo });
    qunsetenv("ROLLCALL_FAKE_GPU_FAIL");
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message()));
    QCOMPARE(report->gpuBackend, QStringLiteral("cpu"));
    QVERIFY(report->cpuFaces >= 20);
    QString why;
    QVERIFY2(DeviceAgreement::agrees(*report, 0.9999, &why), qPrintable(why));
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("device")).toString(), QStringLiteral("cpu"));
    QVERIFY2(run.err.contains("leaves the GPU for the CPU"), run.err.constData());
}

void TestDlibBackendLoader::batchesAreSizedFromFreeMemory()
{
    const QString model = TestPaths::modelsDir() + QStringLiteral("/dlib_face_recognition_resnet_model_v1.dat");
    // 20 MiB free: half of it holds one 12 MiB chip at most, so the device
    // that fits only one never sees a larger batch and nothing is retried.
    qputenv("ROLLCALL_FAKE_GPU_FREE_MB", "20");
    qputenv("ROLLCALL_FAKE_GPU_MAX_BATCH", "1");
    DlibNetworks gpu;
    QVERIFY(gpu.onGpu());
    QVERIFY(gpu.loadEmbedder(model).ok());
    const auto got = gpu.embed(chips(), 16);
    qunsetenv("ROLLCALL_FAKE_GPU_FREE_MB");
    qunsetenv("ROLLCALL_FAKE_GPU_MAX_BATCH");
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message()));
    QCOMPARE(got->size(), size_t(6));
    QCOMPARE(gpu.outOfMemoryRetries(), 0);
}

void TestDlibBackendLoader::twelveMegapixelPhotoOnANearlyFullGpu()
{
    // 64 MiB free and room for two crops per batch: the photo still goes through,
    // with the same faces and embeddings as on the CPU.
    const cv::Mat photo = cv::imread(TestPaths::data(QStringLiteral("group/crowds/25.jpg")).toStdString());
    QVERIFY(!photo.empty());
    cv::Mat big;
    cv::resize(photo, big, cv::Size(4000, 3000), 0, 0, cv::INTER_CUBIC);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("12mp.jpg"));
    QVERIFY(cv::imwrite(path.toStdString(), big));
    qputenv("ROLLCALL_FAKE_GPU_FREE_MB", "64");
    qputenv("ROLLCALL_FAKE_GPU_MAX_BATCH", "2");
    const auto report = DeviceAgreement::compare(TestPaths::modelsDir(), { path }, QStringLiteral("dlib-resnet-v1"));
    qunsetenv("ROLLCALL_FAKE_GPU_FREE_MB");
    qunsetenv("ROLLCALL_FAKE_GPU_MAX_BATCH");
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message()));
    QVERIFY2(report->cpuFaces > 100, qPrintable(QString::number(report->cpuFaces)));
    QString why;
    QVERIFY2(DeviceAgreement::agrees(*report, 0.9999, &why), qPrintable(why));
}

void TestDlibBackendLoader::cliReportsTheDevice()
{
    CliRun run = runCli({ QStringLiteral("--version") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Compute device: cuda (RollCall fake GPU, 8192 MiB, sm_75)"), run.out.constData());
    QVERIFY2(run.out.contains("CUDA plugin: " ROLLCALL_FAKE_PLUGIN_DIR), run.out.constData());
    QVERIFY2(run.out.contains("(kernels for 7.5)"), run.out.constData());
    // The stand-in GPU is dlib's only; OpenCV's own CUDA backend is reported apart.
    QVERIFY2(run.out.contains(ComputeDevice::openCvHasCuda() ? "OpenCV DNN: cuda (ONNX embedders in fp16)"
                                                             : "OpenCV DNN: cpu ("),
             run.out.constData());

    run = runCli({ QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--version") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Compute device: cpu"), run.out.constData());

    qputenv("ROLLCALL_DEVICE", "cpu"); // the environment sets the default, --device overrides it
    run = runCli({ QStringLiteral("--version") });
    QVERIFY2(run.out.contains("Compute device: cpu"), run.out.constData());
    run = runCli({ QStringLiteral("--device"), QStringLiteral("cuda"), QStringLiteral("--version") });
    qunsetenv("ROLLCALL_DEVICE");
    QVERIFY2(run.out.contains("Compute device: cuda"), run.out.constData());

    run = runCli({ QStringLiteral("detect"), QStringLiteral("--json"),
                   TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("device")).toString(), QStringLiteral("cuda"));
}

void TestDlibBackendLoader::brokenOrMissingPluginMeansCpu()
{
    QTemporaryDir broken;
    QFile fake(broken.filePath(QStringLiteral("librollcall_dlib_cuda.so")));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("not a shared library");
    fake.close();
    const QByteArray saved = qgetenv("ROLLCALL_PLUGIN_DIR");

    qputenv("ROLLCALL_PLUGIN_DIR", broken.path().toUtf8());
    CliRun run = runCli({ QStringLiteral("--version") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Compute device: cpu"), run.out.constData());
    QVERIFY2(run.out.contains("cannot be loaded"), run.out.constData());
    // And the CPU still does the work.
    run = runCli(
        { QStringLiteral("detect"), QStringLiteral("--json"), TestPaths::data(QStringLiteral("group/crowds/10.jpg")) });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("device")).toString(),
             QStringLiteral("cpu"));

    QTemporaryDir empty;
    qputenv("ROLLCALL_PLUGIN_DIR", empty.path().toUtf8());
    run = runCli({ QStringLiteral("--version") });
    const CliRun forced = runCli({ QStringLiteral("--device"), QStringLiteral("cuda"), QStringLiteral("detect"),
                                   TestPaths::data(QStringLiteral("group/crowds/10.jpg")) });
    qputenv("ROLLCALL_PLUGIN_DIR", saved);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Compute device: cpu"), run.out.constData());
    QVERIFY2(run.out.contains("CPU because:"), run.out.constData());
    // Asking for the GPU where there is none is an error, not a silent CPU run.
    QCOMPARE(forced.exitCode, 4);
    QVERIFY2(forced.err.contains("--device cuda: no usable GPU"), forced.err.constData());
}

void TestDlibBackendLoader::lowestArchIsParsed()
{
    QCOMPARE(DlibBackendLoader::lowestArch(QStringLiteral("7.5")), 75);
    QCOMPARE(DlibBackendLoader::lowestArch(QStringLiteral("8.6 7.5 9.0")), 75);
    QCOMPARE(DlibBackendLoader::lowestArch(QStringLiteral("9.0,8.9")), 89);
    QCOMPARE(DlibBackendLoader::lowestArch(QStringLiteral("sm_75 7")), 0);
    QCOMPARE(DlibBackendLoader::lowestArch(QString()), 0);
}

void TestDlibBackendLoader::gpuOlderThanTheKernelsMeansCpu()
{
    // The plugin's kernels (SASS + PTX) run on their architecture and newer ones;
    // an older GPU would fail at the first launch, so it means the CPU.
    qputenv("ROLLCALL_FAKE_GPU_CC", "6.1");
    CliRun old = runCli({ QStringLiteral("--version") });
    const CliRun forced = runCli({ QStringLiteral("--device"), QStringLiteral("cuda"), QStringLiteral("detect"),
                                   TestPaths::data(QStringLiteral("group/crowds/10.jpg")) });
    const CliRun work = runCli(
        { QStringLiteral("detect"), QStringLiteral("--json"), TestPaths::data(QStringLiteral("group/crowds/10.jpg")) });
    qputenv("ROLLCALL_FAKE_GPU_CC", "8.6");
    const CliRun newer = runCli({ QStringLiteral("--version") });
    qputenv("ROLLCALL_FAKE_GPU_ARCHS", "none");
    const CliRun noArchs = runCli({ QStringLiteral("--version") });
    qunsetenv("ROLLCALL_FAKE_GPU_ARCHS");
    qunsetenv("ROLLCALL_FAKE_GPU_CC");

    QCOMPARE(old.exitCode, 0);
    QVERIFY2(old.out.contains("Compute device: cpu"), old.out.constData());
    QVERIFY2(old.out.contains("CPU because: the GPU RollCall fake GPU (sm_61) is older than this build's CUDA "
                              "kernels (7.5, for sm_75 and newer)"),
             old.out.constData());
    QCOMPARE(forced.exitCode, 4);
    QVERIFY2(forced.err.contains("sm_61"), forced.err.constData());
    QCOMPARE(work.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(work.out).object().value(QStringLiteral("device")).toString(),
             QStringLiteral("cpu"));

    QCOMPARE(newer.exitCode, 0);
    QVERIFY2(newer.out.contains("Compute device: cuda (RollCall fake GPU, 8192 MiB, sm_86)"), newer.out.constData());

    QVERIFY2(noArchs.out.contains("Compute device: cpu"), noArchs.out.constData());
    QVERIFY2(noArchs.out.contains("names no CUDA architecture"), noArchs.out.constData());
}

QTEST_GUILESS_MAIN(TestDlibBackendLoader)
#include "tst_dlibbackendloader.moc"
