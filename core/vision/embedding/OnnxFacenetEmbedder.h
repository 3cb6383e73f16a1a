#pragma once

#include "vision/embedding/Embedder.h"

#include <opencv2/dnn.hpp>

#include <memory>

namespace rollcall {

// A Facenet512-style ONNX model run by OpenCV's DNN module: NHWC [N,H,W,3]
// (tf2onnx export of deepface's Keras model) or NCHW [N,3,H,W] (facenet-pytorch),
// pixels normalised as the descriptor says, all faces of a photo in a few
// batched forward passes. Uses the CUDA backend (FP16) when OpenCV has CUDA
// and the compute device is a GPU, the CPU otherwise.
class OnnxFacenetEmbedder : public Embedder
{
public:
    static Result<std::unique_ptr<Embedder>> create(const EmbedderSpec &spec, const QString &modelPath,
                                                    int batchSize = 16);

    QString deviceName() const override { return m_device; }

    // The network input for chips (exposed for tests): NCHW or NHWC float blob.
    cv::Mat makeBlob(const std::vector<cv::Mat> &chips) const;

protected:
    Result<std::vector<Embedding>> computeRaw(const std::vector<cv::Mat> &chips,
                                              const std::atomic_bool *cancel) override;

private:
    OnnxFacenetEmbedder(const EmbedderSpec &spec, int batchSize);
    cv::Mat prepare(const cv::Mat &chip) const;
    Result<std::vector<Embedding>> computeOnce(const std::vector<cv::Mat> &chips, const std::atomic_bool *cancel);

    // Inception-ResNet activations for one 160×160 face, with a margin, for
    // sizing batches from the GPU's free memory.
    static constexpr std::size_t kBytesPerChip = 48u << 20;

    cv::dnn::Net m_net;
    const int m_requestedBatchSize;
    int m_batchSize;
    QString m_device = QStringLiteral("cpu");
};

} // namespace rollcall
