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
    // the model expects). Returns L2-normalised embeddings; with the spec's
    // flip_average, each is the mean of the chip's and its mirror image's.
    // cancel is checked between batches.
    Result<std::vector<Embedding>> embed(const std::vector<cv::Mat> &chips, const std::atomic_bool *cancel = nullptr);
    // Like embed(), but each embedding is the mean over `jitters` slightly
    // shifted, scaled, rotated and mirrored copies of the chip as well: steadier
    // enrolment templates (dlib's "num_jitters"), at jitters+1 times the cost.
    Result<std::vector<Embedding>> embedJittered(const std::vector<cv::Mat> &chips, int jitters,
                                                 const std::atomic_bool *cancel = nullptr);
    // "cpu" or "cuda".
    virtual QString deviceName() const = 0;

    static void normalise(Embedding &v);
    static float cosineDistance(const Embedding &a, const Embedding &b);

protected:
    // The model's raw outputs for chips, in order, batched as the model likes.
    virtual Result<std::vector<Embedding>> computeRaw(const std::vector<cv::Mat> &chips, const std::atomic_bool *cancel)
        = 0;

    EmbedderSpec m_spec;
};

} // namespace rollcall
