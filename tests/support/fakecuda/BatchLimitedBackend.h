#pragma once

#include "vision/DlibCnnBackend.h"

#include <algorithm>
#include <cstddef>
#include <functional>

namespace rollcall::test {

// The real CPU backend behind a "device" that holds at most maxBatch() inputs
// per pass, as a nearly full GPU would: larger batches fail with OutOfMemory.
// When failure() gives a message, every pass fails with it instead, as a
// broken cuDNN would. Used by tst_dlibnetworks directly and by the stand-in
// CUDA plugin.
class BatchLimitedBackend final : public DlibBackend
{
public:
    // maxBatch is asked on every pass; largestBatch, if given, records the
    // largest batch that ran.
    explicit BatchLimitedBackend(std::function<std::size_t()> maxBatch, int *largestBatch = nullptr,
                                 std::function<const char *()> failure = {})
        : m_maxBatch(std::move(maxBatch))
        , m_largest(largestBatch)
        , m_failure(std::move(failure))
    { }

    Outcome loadDetector(const std::string &path) override { return m_cpu.loadDetector(path); }
    Outcome loadEmbedder(const std::string &path) override { return m_cpu.loadEmbedder(path); }
    bool hasDetector() const override { return m_cpu.hasDetector(); }
    bool hasEmbedder() const override { return m_cpu.hasEmbedder(); }

    Outcome detect(const std::vector<cv::Mat> &images, double adjustThreshold, int pyramidLevels,
                   std::vector<std::vector<Detection>> *out) override
    {
        if (const char *message = m_failure ? m_failure() : nullptr)
            return { Failure::Other, message };
        if (!admit(images.size()))
            return outOfMemory();
        return m_cpu.detect(images, adjustThreshold, pyramidLevels, out);
    }

    Outcome embed(const std::vector<cv::Mat> &chips, std::vector<std::vector<float>> *out) override
    {
        if (const char *message = m_failure ? m_failure() : nullptr)
            return { Failure::Other, message };
        if (!admit(chips.size()))
            return outOfMemory();
        return m_cpu.embed(chips, out);
    }

private:
    bool admit(std::size_t count)
    {
        if (count > m_maxBatch())
            return false;
        if (m_largest)
            *m_largest = std::max(*m_largest, int(count));
        return true;
    }
    static Outcome outOfMemory() { return { Failure::OutOfMemory, "CUDA error: out of memory (test device)" }; }

    DlibCnnBackend m_cpu;
    std::function<std::size_t()> m_maxBatch;
    int *m_largest;
    std::function<const char *()> m_failure;
};

} // namespace rollcall::test
