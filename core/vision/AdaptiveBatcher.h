#pragma once

#include "common/Result.h"

#include <cstddef>
#include <functional>

namespace rollcall {

// Runs a network over many inputs in batches that fit the device: the first
// batch size comes from the free memory, and a batch that runs out of memory
// is retried in halves, down to one input, so a small or busy GPU is slower
// but never fails where a bigger one succeeds.
class AdaptiveBatcher
{
public:
    // Processes inputs [begin, end); returns Error::Code::OutOfMemory to ask for a smaller batch.
    using Step = std::function<Status(std::size_t begin, std::size_t end)>;

    // Inputs per batch when each needs bytesPerItem and half of freeBytes may
    // be used (the rest is left for cuDNN workspaces and other programs);
    // between 1 and maxBatch. freeBytes 0 means unknown (the CPU): maxBatch.
    static int batchForMemory(std::size_t freeBytes, std::size_t bytesPerItem, int maxBatch);

    explicit AdaptiveBatcher(int batchSize);

    // Calls step over [0, count) in order. Fails with step's error, or with
    // OutOfMemory when even a single input does not fit.
    Status run(std::size_t count, const Step &step);

    // The batch size that last succeeded (later runs start from it).
    int batchSize() const { return m_batchSize; }
    // How many times a batch was halved after running out of memory.
    int retries() const { return m_retries; }

private:
    int m_batchSize;
    int m_retries = 0;
};

} // namespace rollcall
