#include "vision/DeviceAgreement.h"

#include "vision/ComputeDevice.h"
#include "vision/RecognitionPipeline.h"

#include <QElapsedTimer>

#include <algorithm>

namespace rollcall {
namespace {

// The preference is process-wide; put it back however compare() returns.
class PreferenceGuard
{
public:
    PreferenceGuard()
        : m_saved(ComputeDevice::preference())
    { }
    ~PreferenceGuard() { ComputeDevice::setPreference(m_saved); }
    PreferenceGuard(const PreferenceGuard &) = delete;
    PreferenceGuard &operator=(const PreferenceGuard &) = delete;

private:
    ComputeDevice::Preference m_saved;
};

Result<RecognitionResult> runOn(ComputeDevice::Preference device, const QString &modelsDir, const QStringList &photos,
                                const QString &embedderModel, double *ms)
{
    ComputeDevice::setPreference(device);
    RecognitionPipeline pipeline(modelsDir);
    pipeline.setEmbedderModel(embedderModel);
    pipeline.setKeepChips(false);
    pipeline.setPhotos(photos);
    if (Status s = pipeline.prepare(); !s.ok())
        return s.error();
    QElapsedTimer timer;
    timer.start();
    auto result = pipeline.run();
    *ms = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace

Result<DeviceAgreement::Report> DeviceAgreement::compare(const QString &modelsDir, const QStringList &photos,
                                                         const QString &embedderModel)
{
    PreferenceGuard guard;
    Report report;
    ComputeDevice::setPreference(ComputeDevice::Preference::Cuda);
    const ComputeDevice gpu = ComputeDevice::current();
    if (!gpu.isCuda())
        return Error::modelMissing(
            QStringLiteral("No GPU to compare with: %1").arg(ComputeDevice::cudaUnavailableReason()));
    report.gpuDevice = gpu.description();

    auto cpuRun = runOn(ComputeDevice::Preference::Cpu, modelsDir, photos, embedderModel, &report.cpuMs);
    if (!cpuRun)
        return cpuRun.error();
    auto gpuRun = runOn(ComputeDevice::Preference::Cuda, modelsDir, photos, embedderModel, &report.gpuMs);
    if (!gpuRun)
        return gpuRun.error();
    report.gpuBackend = gpuRun->device;

    double iouSum = 0.0;
    double cosineSum = 0.0;
    for (size_t p = 0; p < cpuRun->photos.size() && p < gpuRun->photos.size(); ++p) {
        const auto &cpuFaces = cpuRun->photos[p].faces;
        const auto &gpuFaces = gpuRun->photos[p].faces;
        ++report.photos;
        report.cpuFaces += int(cpuFaces.size());
        report.gpuFaces += int(gpuFaces.size());
        std::vector<bool> taken(gpuFaces.size(), false);
        for (const RecognisedFace &c : cpuFaces) {
            int best = -1;
            float bestIou = 0.5f;
            for (size_t g = 0; g < gpuFaces.size(); ++g) {
                const float overlap = boxIou(c.detection.box, gpuFaces[g].detection.box);
                if (!taken[g] && overlap >= bestIou) {
                    bestIou = overlap;
                    best = int(g);
                }
            }
            if (best < 0)
                continue;
            taken[size_t(best)] = true;
            ++report.paired;
            iouSum += bestIou;
            report.minIou = std::min(report.minIou, double(bestIou));
            const RecognisedFace &g = gpuFaces[size_t(best)];
            if (c.embedded && g.embedded) {
                const double similarity = 1.0 - double(Embedder::cosineDistance(c.embedding, g.embedding));
                ++report.embeddedPairs;
                cosineSum += similarity;
                report.minCosine = std::min(report.minCosine, similarity);
            }
        }
    }
    if (report.paired > 0)
        report.meanIou = iouSum / report.paired;
    if (report.embeddedPairs > 0)
        report.meanCosine = cosineSum / report.embeddedPairs;
    return report;
}

bool DeviceAgreement::agrees(const Report &report, double minCosine, QString *why)
{
    QString reason;
    if (report.cpuFaces != report.gpuFaces || report.paired != report.cpuFaces)
        reason = QStringLiteral("CPU found %1 faces, GPU %2, %3 paired")
                     .arg(report.cpuFaces)
                     .arg(report.gpuFaces)
                     .arg(report.paired);
    else if (report.minIou < 0.9)
        reason = QStringLiteral("a face's boxes overlap by IoU %1 < 0.9").arg(report.minIou, 0, 'f', 3);
    else if (report.minCosine < minCosine)
        reason = QStringLiteral("an embedding's cosine similarity is %1 < %2")
                     .arg(report.minCosine, 0, 'f', 5)
                     .arg(minCosine, 0, 'f', 3);
    if (why)
        *why = reason;
    return reason.isEmpty();
}

} // namespace rollcall
