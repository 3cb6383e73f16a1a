#include "DeviceBench.h"

#include "BenchCommon.h"
#include "vision/ComputeDevice.h"
#include "vision/DeviceAgreement.h"
#include "vision/RecognitionPipeline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace rollcall::bench {
namespace {

struct Timing
{
    double detectMs = 0.0;
    double embedMs = 0.0;
    double totalMs = 0.0;
    int faces = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Median of `runs` runs after one warm-up (model loading, cuDNN autotuning).
Result<Timing> timePhoto(ComputeDevice::Preference device, const QString &photo, const QString &embedder, int runs)
{
    ComputeDevice::setPreference(device);
    RecognitionPipeline pipeline(modelsDir());
    pipeline.setEmbedderModel(embedder);
    pipeline.setKeepChips(false);
    pipeline.setPhotos({ photo });
    std::vector<double> detect, embed, total;
    Timing t;
    for (int i = 0; i <= runs; ++i) {
        auto result = pipeline.run();
        if (!result)
            return result.error();
        if (i == 0)
            continue;
        detect.push_back(result->timings.detectMs);
        embed.push_back(result->timings.embedMs + result->timings.alignMs);
        total.push_back(result->timings.totalMs);
        t.faces = int(result->photos.front().faces.size());
    }
    t.detectMs = median(detect);
    t.embedMs = median(embed);
    t.totalMs = median(total);
    return t;
}

} // namespace

int deviceBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("embedder"), QStringLiteral("embedding model id"), QStringLiteral("id"),
                       QStringLiteral("dlib-resnet-v1") });
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("timed runs per photo and device"), QStringLiteral("n"),
                       QStringLiteral("3") });
    parser.addOption({ QStringLiteral("min-cosine"), QStringLiteral("agreement threshold (0.999 FP32, 0.995 FP16)"),
                       QStringLiteral("x"), QStringLiteral("0.999") });
    parser.addOption({ QStringLiteral("precision"),
                       QStringLiteral("ONNX embedders on the GPU: fp16 or fp32 (default: ROLLCALL_CUDA_PRECISION, "
                                      "else fp16)"),
                       QStringLiteral("p") });
    parser.process(args);
    if (parser.isSet(QStringLiteral("precision"))) {
        ComputeDevice::Precision precision = ComputeDevice::Precision::Half;
        if (!ComputeDevice::parsePrecision(parser.value(QStringLiteral("precision")), &precision)) {
            print(QStringLiteral("--precision must be fp16 or fp32"));
            return 2;
        }
        ComputeDevice::setCudaPrecision(precision);
    }
    const QString embedder = parser.value(QStringLiteral("embedder"));
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QStringList photos = parser.positionalArguments();
    if (photos.isEmpty()) {
        photos << dataDir() + QStringLiteral("/group/dlib-examples/bald_guys.jpg");
        const QDir crowds(dataDir() + QStringLiteral("/group/crowds"));
        for (const QString &f : crowds.entryList({ QStringLiteral("*.jpg") }, QDir::Files, QDir::Name))
            photos << crowds.filePath(f);
    }

    ComputeDevice::setPreference(ComputeDevice::Preference::Cuda);
    const ComputeDevice gpu = ComputeDevice::current();
    if (!gpu.isCuda()) {
        print(QStringLiteral("No GPU: %1").arg(ComputeDevice::cudaUnavailableReason()));
        return 4;
    }
    print(QStringLiteral("GPU: %1; embedder %2 (ONNX embedders in %3 on OpenCV's %4 backend); median of %5 runs "
                         "after a warm-up")
              .arg(gpu.description(), embedder, ComputeDevice::precisionName(ComputeDevice::cudaPrecision()),
                   ComputeDevice::openCvHasCuda() ? QStringLiteral("CUDA") : QStringLiteral("CPU"))
              .arg(runs));
    print(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
              .arg(QStringLiteral("photo"), -16)
              .arg(QStringLiteral("faces"), 6)
              .arg(QStringLiteral("cpu det"), 9)
              .arg(QStringLiteral("gpu det"), 9)
              .arg(QStringLiteral("cpu emb"), 9)
              .arg(QStringLiteral("gpu emb"), 9)
              .arg(QStringLiteral("cpu all"), 9)
              .arg(QStringLiteral("gpu all"), 9)
              .arg(QStringLiteral("speed-up"), 9));
    double cpuSum = 0.0;
    double gpuSum = 0.0;
    for (const QString &photo : photos) {
        const auto cpu = timePhoto(ComputeDevice::Preference::Cpu, photo, embedder, runs);
        const auto cuda = timePhoto(ComputeDevice::Preference::Cuda, photo, embedder, runs);
        if (!cpu || !cuda) {
            print(QStringLiteral("%1: %2").arg(photo, (!cpu ? cpu.error() : cuda.error()).message()));
            return 1;
        }
        cpuSum += cpu->totalMs;
        gpuSum += cuda->totalMs;
        print(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                  .arg(QFileInfo(photo).fileName(), -16)
                  .arg(cuda->faces, 6)
                  .arg(cpu->detectMs, 9, 'f', 1)
                  .arg(cuda->detectMs, 9, 'f', 1)
                  .arg(cpu->embedMs, 9, 'f', 1)
                  .arg(cuda->embedMs, 9, 'f', 1)
                  .arg(cpu->totalMs, 9, 'f', 1)
                  .arg(cuda->totalMs, 9, 'f', 1)
                  .arg(cuda->totalMs > 0 ? cpu->totalMs / cuda->totalMs : 0.0, 8, 'f', 1)
              + QLatin1Char('x'));
    }
    print(QStringLiteral("all photos: cpu %1 ms, gpu %2 ms, %3x")
              .arg(cpuSum, 0, 'f', 0)
              .arg(gpuSum, 0, 'f', 0)
              .arg(gpuSum > 0 ? cpuSum / gpuSum : 0.0, 0, 'f', 1));

    const auto report = DeviceAgreement::compare(modelsDir(), photos, embedder);
    if (!report) {
        print(report.error().message());
        return 1;
    }
    const double minCosine = parser.value(QStringLiteral("min-cosine")).toDouble();
    QString why;
    const bool agrees = DeviceAgreement::agrees(*report, minCosine, &why);
    print(QStringLiteral("agreement: faces cpu %1 gpu %2 paired %3; IoU min %4 mean %5; cosine min %6 mean %7 "
                         "(%8 pairs); backend %9")
              .arg(report->cpuFaces)
              .arg(report->gpuFaces)
              .arg(report->paired)
              .arg(report->minIou, 0, 'f', 4)
              .arg(report->meanIou, 0, 'f', 4)
              .arg(report->minCosine, 0, 'f', 6)
              .arg(report->meanCosine, 0, 'f', 6)
              .arg(report->embeddedPairs)
              .arg(report->gpuBackend));
    print(agrees ? QStringLiteral("agreement: PASS (IoU >= 0.9, cosine >= %1)").arg(minCosine)
                 : QStringLiteral("agreement: FAIL: %1").arg(why));
    return agrees ? 0 : 1;
}

} // namespace rollcall::bench
