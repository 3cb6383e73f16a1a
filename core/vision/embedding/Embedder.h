#pragma once

#include "common/Result.h"
#include "vision/embedding/EmbedderSpec.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <atomic>
#include <vector>

namespace rollcall {

using Embedding = std::vector<float>;

// Turns aligned face chips into L2-normalised embeddings. Implementations are
// chosen by the model descriptor (EmbedderFactory); each instance belongs to
// one thread.
class Embedder
{
public:
    explicit Embedder(EmbedderSpec spec)
        : m_spec(std::move(spec))
    { }
    virtual ~Embedder() = default;

    const EmbedderSpec &spec() const { return m_spec; }
    // chips: 8-bit BGR, ideally spec().inputSize square (others are resized as
    // the model expects). cancel is checked between batches.
    virtual Result<std::vector<Embedding>> embed(const std::vector<cv::Mat> &chips,
                                                 const std::atomic_bool *cancel = nullptr)
        = 0;
    // "cpu" or "cuda".
    virtual QString deviceName() const = 0;

    static void normalise(Embedding &v);
    static float cosineDistance(const Embedding &a, const Embedding &b);

protected:
    EmbedderSpec m_spec;
};

} // namespace rollcall
