#include "vision/DlibNetworks.h"

#include "common/LogCategories.h"
#include "vision/AdaptiveBatcher.h"
#include "vision/ComputeDevice.h"
#include "vision/DlibBackendLoader.h"

#include <QFile>

#include <cmath>

namespace rollcall {
namespace {

Error toError(const DlibBackend::Outcome &outcome)
{
    const QString message = QString::fromStdString(outcome.message);
    switch (outcome.failure) {
    case DlibBackend::Failure::OutOfMemory:
        return Error::outOfMemory(message);
    case DlibBackend::Failure::BadModel:
        return Error::modelMissing(message);
    case DlibBackend::Failure::BadInput:
        return Error::badInput(message);
    case DlibBackend::Failure::None:
    case DlibBackend::Failure::Other:
        break;
    }
    return Error::generic(message);
}

// Measured on the MMOD network's layer outputs (~30 floats per pixel of dlib's
// tiled pyramid image) with a margin for cuDNN's workspace.
constexpr double kMmodBytesPerPyramidPixel = 160.0;
// ResNet-29 on a 150×150 chip holds ~2 M floats of activations.
constexpr std::size_t kResNetBytesPerChip = 12u << 20;

} // namespace

DlibNetworks::DlibNetworks()
{
    if (ComputeDevice::current().isCuda()) {
        auto cuda = DlibBackendLoader::createCuda(0);
        if (cuda) {
            m_backend = std::move(cuda.value());
            m_onGpu = true;
        } else {
            qCWarning(lcVision).noquote() << "Running dlib on the CPU:" << cuda.error().message();
        }
    }
    if (!m_backend)
        m_backend = DlibBackendLoader::createCpu();
}

DlibNetworks::DlibNetworks(std::unique_ptr<DlibBackend> backend, bool onGpu)
    : m_backend(std::move(backend))
    , m_onGpu(onGpu)
{ }

DlibNetworks::~DlibNetworks() = default;

Status DlibNetworks::loadDetector(const QString &path)
{
    const DlibBackend::Outcome o = m_backend->loadDetector(QFile::encodeName(path).toStdString());
    if (!o.ok())
        return toError(o);
    return {};
}

Status DlibNetworks::loadEmbedder(const QString &path)
{
    const DlibBackend::Outcome o = m_backend->loadEmbedder(QFile::encodeName(path).toStdString());
    if (!o.ok())
        return toError(o);
    return {};
}

bool DlibNetworks::hasDetector() const
{
    return m_backend->hasDetector();
}

bool DlibNetworks::hasEmbedder() const
{
    return m_backend->hasEmbedder();
}

QString DlibNetworks::deviceName() const
{
    return m_onGpu ? QStringLiteral("cuda") : QStringLiteral("cpu");
}

std::size_t DlibNetworks::detectorBytesPerImage(const cv::Size &size, int pyramidLevels)
{
    // dlib's pyramid_down<6> keeps 5/6 of each side per level: the levels add
    // up to 1/(1 - 25/36) ≈ 3.3 times the image's pixels when all are kept.
    double levels = 0.0;
    const int count = pyramidLevels > 0 ? pyramidLevels : 64;
    for (int i = 0; i < count; ++i)
        levels += std::pow(25.0 / 36.0, i);
    return std::size_t(double(size.area()) * levels * kMmodBytesPerPyramidPixel);
}

std::size_t DlibNetworks::embedderBytesPerChip()
{
    return kResNetBytesPerChip;
}

int DlibNetworks::batchFor(std::size_t bytesPerItem, int requested) const
{
    if (!m_onGpu)
        return std::max(1, requested);
    const std::size_t freeBytes = ComputeDevice::freeMemoryBytes();
    return AdaptiveBatcher::batchForMemory(freeBytes, bytesPerItem, requested);
}

Result<std::vector<std::vector<DlibNetworks::Detection>>>
DlibNetworks::detect(const std::vector<cv::Mat> &images, double adjustThreshold, int batchSize, int pyramidLevels)
{
    if (!m_backend->hasDetector())
        return Error::modelMissing(QStringLiteral("The dlib face detector is not loaded"));
    std::vector<std::vector<Detection>> result;
    if (images.empty())
        return result;
    result.reserve(images.size());
    AdaptiveBatcher batcher(
        std::min(m_detectCap, batchFor(detectorBytesPerImage(images.front().size(), pyramidLevels), batchSize)));
    const Status s = batcher.run(images.size(), [&](std::size_t begin, std::size_t end) -> Status {
        const std::vector<cv::Mat> batch(images.begin() + std::ptrdiff_t(begin), images.begin() + std::ptrdiff_t(end));
        std::vector<std::vector<Detection>> found;
        const DlibBackend::Outcome o = m_backend->detect(batch, adjustThreshold, pyramidLevels, &found);
        if (!o.ok())
            return toError(o);
        if (found.size() != batch.size())
            return Error::generic(
                QStringLiteral("dlib returned detections for %1 of %2 images").arg(found.size()).arg(batch.size()));
        for (auto &perImage : found)
            result.push_back(std::move(perImage));
        return {};
    });
    m_retries += batcher.retries();
    if (batcher.retries() > 0)
        m_detectCap = batcher.batchSize(); // what fitted; later calls start there
    if (!s.ok())
        return s.error();
    return result;
}

Result<std::vector<std::vector<float>>> DlibNetworks::embed(const std::vector<cv::Mat> &chips, int batchSize)
{
    if (!m_backend->hasEmbedder())
        return Error::modelMissing(QStringLiteral("The dlib ResNet embedder is not loaded"));
    std::vector<std::vector<float>> result;
    result.reserve(chips.size());
    AdaptiveBatcher batcher(std::min(m_embedCap, batchFor(embedderBytesPerChip(), batchSize)));
    const Status s = batcher.run(chips.size(), [&](std::size_t begin, std::size_t end) -> Status {
        const std::vector<cv::Mat> batch(chips.begin() + std::ptrdiff_t(begin), chips.begin() + std::ptrdiff_t(end));
        std::vector<std::vector<float>> vectors;
        const DlibBackend::Outcome o = m_backend->embed(batch, &vectors);
        if (!o.ok())
            return toError(o);
        if (vectors.size() != batch.size())
            return Error::generic(
                QStringLiteral("dlib returned %1 descriptors for %2 chips").arg(vectors.size()).arg(batch.size()));
        for (auto &v : vectors)
            result.push_back(std::move(v));
        return {};
    });
    m_retries += batcher.retries();
    if (batcher.retries() > 0)
        m_embedCap = batcher.batchSize();
    if (!s.ok())
        return s.error();
    return result;
}

} // namespace rollcall
