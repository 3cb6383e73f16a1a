#include "vision/AdaptiveBatcher.h"

#include "common/LogCategories.h"

#include <algorithm>

namespace rollcall {

int AdaptiveBatcher::batchForMemory(std::size_t freeBytes, std::size_t bytesPerItem, int maxBatch)
{
    maxBatch = std::max(1, maxBatch);
    if (freeBytes == 0 || bytesPerItem == 0)
        return maxBatch;
    const std::size_t fit = (freeBytes / 2) / bytesPerItem;
    return int(std::clamp<std::size_t>(fit, 1, std::size_t(maxBatch)));
}

AdaptiveBatcher::AdaptiveBatcher(int batchSize)
    : m_batchSize(std::max(1, batchSize))
{ }

Status AdaptiveBatcher::run(std::size_t count, const Step &step)
{
    std::size_t begin = 0;
    while (begin < count) {
        const std::size_t end = std::min(count, begin + std::size_t(m_batchSize));
        Status s = step(begin, end);
        if (s.ok()) {
            begin = end;
            continue;
        }
        if (s.error().code() != Error::Code::OutOfMemory || end - begin <= 1)
            return s;
        // The failed range is redone, smaller; finished ranges are kept.
        m_batchSize = std::max(1, int(end - begin + 1) / 2);
        ++m_retries;
        qCWarning(lcVision) << "Out of memory with a batch of" << (end - begin) << "- retrying with" << m_batchSize;
    }
    return {};
}

} // namespace rollcall
