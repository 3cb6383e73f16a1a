#include "vision/DlibNetworks.h"

#include "common/LogCategories.h"
#include "vision/AdaptiveBatcher.h"
#include "vision/ComputeDevice.h"
#include "vision/DlibBackendLoader.h"

#include <QFile>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <thread>

#include <dlfcn.h>

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

// One backend pass per batch over all inputs, outputs kept in input order;
// batches shrink after running out of memory and cap keeps the size that fitted,
// so later calls start there (the GPU stays as full).
template<typename Output, typename Forward>
Result<std::vector<Output>> runInBatches(const std::vector<cv::Mat> &inputs, int batchSize, int &cap, int &retries,
                                         const Forward &forward)
{
    std::vector<Output> result;
    result.reserve(inputs.size());
    AdaptiveBatcher batcher(std::min(cap, batchSize));
    const Status s = batcher.run(inputs.size(), [&](std::size_t begin, std::size_t end) -> Status {
        const std::vector<cv::Mat> batch(inputs.begin() + std::ptrdiff_t(begin), inputs.begin() + std::ptrdiff_t(end));
        std::vector<Output> out;
        const DlibBackend::Outcome o = forward(batch, &out);
        if (!o.ok())
            return toError(o);
        if (out.size() != batch.size())
            return Error::generic(
                QStringLiteral("dlib returned results for %1 of %2 inputs").arg(out.size()).arg(batch.size()));
        for (Output &item : out)
            result.push_back(std::move(item));
        return {};
    });
    retries += batcher.retries();
    if (batcher.retries() > 0)
        cap = batcher.batchSize();
    if (!s.ok())
        return s.error();
    return result;
}

int defaultLanes()
{
    return std::clamp(QThread::idealThreadCount(), 1, 4);
}

// OpenBLAS (Debian's default BLAS, which dlib's CPU layers call) starts its own
// threads per multiplication; with one lane per core they only fight the lanes
// (measured: embedding 2.1 s with them, 1.5 s without, on 2 cores).
void oneBlasThreadPerLane()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using SetThreads = void (*)(int);
        if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
            set(1);
    });
}

// Measured on the MMOD network's layer outputs (~30 floats per pixel of dlib's
// tiled pyramid image) with a margin for cuDNN's workspace.
constexpr double kMmodBytesPerPyramidPixel = 160.0;
// ResNet-29 on a 150×150 chip holds ~2 M floats of activations.
constexpr std::size_t kResNetBytesPerChip = 12u << 20;
constexpr int kCpuEmbedBatch = 4;

} // namespace

DlibNetworks::DlibNetworks()
    : m_lanesWanted(defaultLanes())
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
    , m_lanesWanted(1) // the given backend does all the work
{ }

DlibNetworks::~DlibNetworks() = default;

Status DlibNetworks::loadDetector(const QString &path)
{
    const DlibBackend::Outcome o = m_backend->loadDetector(QFile::encodeName(path).toStdString());
    if (!o.ok())
        return toError(o);
    m_detectorPath = path;
    return {};
}

Status DlibNetworks::loadEmbedder(const QString &path)
{
    const DlibBackend::Outcome o = m_backend->loadEmbedder(QFile::encodeName(path).toStdString());
    if (!o.ok())
        return toError(o);
    m_embedderPath = path;
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

bool DlibNetworks::fallBackToCpu(const Error &gpuError)
{
    if (!m_onGpu || !ComputeDevice::cpuMayCure(gpuError))
        return false;
    std::unique_ptr<DlibBackend> cpu = DlibBackendLoader::createCpu();
    for (const auto &[path, load] : { std::pair { m_detectorPath, &DlibBackend::loadDetector },
                                      std::pair { m_embedderPath, &DlibBackend::loadEmbedder } }) {
        if (!path.isEmpty() && !((*cpu).*load)(QFile::encodeName(path).toStdString()).ok())
            return false;
    }
    qCWarning(lcVision).noquote() << "dlib leaves the GPU for the CPU:" << gpuError.message();
    m_backend = std::move(cpu);
    m_onGpu = false;
    m_fallbackReason = gpuError.message();
    return true;
}

std::vector<DlibBackend *> DlibNetworks::lanes(std::size_t count)
{
    std::vector<DlibBackend *> out { m_backend.get() };
    count = std::min(count, std::size_t(m_lanesWanted));
    while (m_extraLanes.size() + 1 < count) {
        std::unique_ptr<DlibBackend> cpu = DlibBackendLoader::createCpu();
        bool loaded = true;
        for (const auto &[path, load] : { std::pair { m_detectorPath, &DlibBackend::loadDetector },
                                          std::pair { m_embedderPath, &DlibBackend::loadEmbedder } }) {
            if (!path.isEmpty() && !((*cpu).*load)(QFile::encodeName(path).toStdString()).ok())
                loaded = false;
        }
        if (!loaded)
            break; // the main backend loaded these files; do with fewer lanes
        m_extraLanes.push_back(std::move(cpu));
    }
    for (std::size_t i = 0; i + 1 < count && i < m_extraLanes.size(); ++i)
        out.push_back(m_extraLanes[i].get());
    if (out.size() > 1)
        oneBlasThreadPerLane();
    return out;
}

// CPU: contiguous shares of the inputs, one per lane, each on its own thread
// (the first on the caller's); outputs in input order.
template<typename Output, typename Forward>
Result<std::vector<Output>> DlibNetworks::inLanes(const std::vector<cv::Mat> &inputs, int batchSize,
                                                  const Forward &forward)
{
    const std::vector<DlibBackend *> backends = lanes(inputs.size());
    const std::size_t n = backends.size();
    std::vector<Result<std::vector<Output>>> parts(n, std::vector<Output>());
    std::vector<int> caps(n, 1 << 20);
    std::vector<int> retries(n, 0);
    const auto runPart = [&](std::size_t lane) {
        const std::size_t begin = inputs.size() * lane / n;
        const std::size_t end = inputs.size() * (lane + 1) / n;
        const std::vector<cv::Mat> share(inputs.begin() + std::ptrdiff_t(begin), inputs.begin() + std::ptrdiff_t(end));
        parts[lane] = runInBatches<Output>(share, batchSize, caps[lane], retries[lane],
                                           [&](const std::vector<cv::Mat> &slice, std::vector<Output> *out) {
                                               return forward(*backends[lane], slice, out);
                                           });
    };
    std::vector<std::thread> threads;
    for (std::size_t lane = 1; lane < n; ++lane)
        threads.emplace_back(runPart, lane);
    runPart(0);
    for (std::thread &t : threads)
        t.join();
    std::vector<Output> result;
    result.reserve(inputs.size());
    for (std::size_t lane = 0; lane < n; ++lane) {
        m_retries += retries[lane];
        if (!parts[lane])
            return parts[lane].error();
        for (Output &item : parts[lane].value())
            result.push_back(std::move(item));
    }
    return result;
}

Result<std::vector<std::vector<DlibNetworks::Detection>>>
DlibNetworks::detect(const std::vector<cv::Mat> &images, double adjustThreshold, int batchSize, int pyramidLevels)
{
    auto result = detectOnce(images, adjustThreshold, batchSize, pyramidLevels);
    if (!result && fallBackToCpu(result.error()))
        result = detectOnce(images, adjustThreshold, batchSize, pyramidLevels);
    return result;
}

Result<std::vector<std::vector<float>>> DlibNetworks::embed(const std::vector<cv::Mat> &chips, int batchSize)
{
    auto result = embedOnce(chips, batchSize);
    if (!result && fallBackToCpu(result.error()))
        result = embedOnce(chips, batchSize);
    return result;
}

Result<std::vector<std::vector<DlibNetworks::Detection>>>
DlibNetworks::detectOnce(const std::vector<cv::Mat> &images, double adjustThreshold, int batchSize, int pyramidLevels)
{
    if (!m_backend->hasDetector())
        return Error::modelMissing(QStringLiteral("The dlib face detector is not loaded"));
    if (images.empty())
        return std::vector<std::vector<Detection>>();
    const int batch = batchFor(detectorBytesPerImage(images.front().size(), pyramidLevels), batchSize);
    if (m_onGpu)
        return runInBatches<std::vector<Detection>>(
            images, batch, m_detectCap, m_retries, [&](const std::vector<cv::Mat> &slice, auto *out) {
                return m_backend->detect(slice, adjustThreshold, pyramidLevels, out);
            });
    return inLanes<std::vector<Detection>>(images, batch, [&](DlibBackend &backend, const auto &slice, auto *out) {
        return backend.detect(slice, adjustThreshold, pyramidLevels, out);
    });
}

Result<std::vector<std::vector<float>>> DlibNetworks::embedOnce(const std::vector<cv::Mat> &chips, int batchSize)
{
    if (!m_backend->hasEmbedder())
        return Error::modelMissing(QStringLiteral("The dlib ResNet embedder is not loaded"));
    const int batch = batchFor(embedderBytesPerChip(), batchSize);
    if (m_onGpu)
        return runInBatches<std::vector<float>>(
            chips, batch, m_embedCap, m_retries,
            [&](const std::vector<cv::Mat> &slice, auto *out) { return m_backend->embed(slice, out); });
    // On the CPU a batch buys no speed, only activations (~8 MB a chip, per lane).
    return inLanes<std::vector<float>>(
        chips, std::min(batch, kCpuEmbedBatch),
        [](DlibBackend &backend, const auto &slice, auto *out) { return backend.embed(slice, out); });
}

} // namespace rollcall
