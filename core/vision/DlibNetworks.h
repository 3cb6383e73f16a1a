#pragma once

#include "common/Result.h"
#include "vision/DlibBackend.h"

#include <QString>

#include <algorithm>
#include <memory>
#include <vector>

namespace rollcall {

// dlib's two CNNs (the MMOD face detector and the ResNet-29 face embedder) on
// the compute device: the CUDA plugin's backend when ComputeDevice chose CUDA,
// the built-in CPU backend otherwise (also when the plugin fails to start).
// Splits work into batches that fit the GPU's free memory and retries smaller
// ones after running out. A GPU failure that smaller batches cannot cure (a
// cuDNN error, one input that does not fit) moves the networks to the CPU for
// the rest of their life and redoes the call there. On the CPU, where dlib's
// layers keep one core busy, a call is split over one backend per core
// ("lanes", each on its own thread). Not thread-safe: each thread owns its own.
class DlibNetworks
{
public:
    using Detection = DlibBackend::Detection;

    DlibNetworks();
    // For tests: a given backend; onGpu sizes batches from the GPU's free memory.
    DlibNetworks(std::unique_ptr<DlibBackend> backend, bool onGpu);
    ~DlibNetworks();
    DlibNetworks(const DlibNetworks &) = delete;
    DlibNetworks &operator=(const DlibNetworks &) = delete;

    Status loadDetector(const QString &path);
    Status loadEmbedder(const QString &path);
    bool hasDetector() const;
    bool hasEmbedder() const;

    // Runs the MMOD detector on 8-bit BGR images that all have the same size,
    // at most batchSize at a time. adjustThreshold is added to the detector's
    // threshold. pyramidLevels > 0 limits dlib's image pyramid to that many
    // levels (for crops in which the face already has the right size); 0 runs
    // the full pyramid.
    Result<std::vector<std::vector<Detection>>> detect(const std::vector<cv::Mat> &images, double adjustThreshold,
                                                       int batchSize, int pyramidLevels = 0);
    // 128-d descriptors (not normalised) of 150×150 8-bit BGR face chips.
    Result<std::vector<std::vector<float>>> embed(const std::vector<cv::Mat> &chips, int batchSize);

    bool onGpu() const { return m_onGpu; }
    // CPU backends a call is split over: the cores, at most 4 (1 for a given backend).
    void setCpuLanes(int lanes) { m_lanesWanted = std::max(1, lanes); }
    int cpuLanes() const { return m_lanesWanted; }
    // Backends loaded so far (the main one and the extra CPU lanes).
    int backendsLoaded() const { return 1 + int(m_extraLanes.size()); }
    // "cuda" or "cpu": where these networks actually run.
    QString deviceName() const;
    // Batches halved after running out of memory, over this object's life.
    int outOfMemoryRetries() const { return m_retries; }
    // Why the networks left the GPU; empty while they have not.
    QString cpuFallbackReason() const { return m_fallbackReason; }

    // Rough device memory one input needs (activations plus margin), for batch sizing.
    static std::size_t detectorBytesPerImage(const cv::Size &size, int pyramidLevels);
    static std::size_t embedderBytesPerChip();

private:
    int batchFor(std::size_t bytesPerItem, int requested) const;
    Result<std::vector<std::vector<Detection>>> detectOnce(const std::vector<cv::Mat> &images, double adjustThreshold,
                                                           int batchSize, int pyramidLevels);
    Result<std::vector<std::vector<float>>> embedOnce(const std::vector<cv::Mat> &chips, int batchSize);
    // Swaps in the CPU backend with the same models; false when that is not
    // the cure (already on the CPU, bad input, a reload that fails).
    bool fallBackToCpu(const Error &gpuError);
    // Backends for up to `count` lanes (the main one first); fewer when one fails to load.
    std::vector<DlibBackend *> lanes(std::size_t count);
    template<typename Output, typename Forward>
    Result<std::vector<Output>> inLanes(const std::vector<cv::Mat> &inputs, int batchSize, const Forward &forward);

    std::unique_ptr<DlibBackend> m_backend;
    bool m_onGpu = false;
    int m_retries = 0;
    QString m_detectorPath;
    QString m_embedderPath;
    QString m_fallbackReason;
    // Largest batches that fitted after running out of memory (the GPU stays as full).
    int m_detectCap = 1 << 20;
    int m_embedCap = 1 << 20;
    int m_lanesWanted;
    std::vector<std::unique_ptr<DlibBackend>> m_extraLanes; // CPU only
};

} // namespace rollcall
