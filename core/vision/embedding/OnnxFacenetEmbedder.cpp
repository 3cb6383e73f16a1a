#include "vision/embedding/OnnxFacenetEmbedder.h"

#include "common/LogCategories.h"
#include "vision/AdaptiveBatcher.h"
#include "vision/ComputeDevice.h"
#include "vision/OutOfMemoryText.h"

#include <QFile>

#include <opencv2/imgproc.hpp>

#include <cstring>

namespace rollcall {

OnnxFacenetEmbedder::OnnxFacenetEmbedder(const EmbedderSpec &spec, int batchSize)
    : Embedder(spec)
    , m_requestedBatchSize(std::max(1, batchSize))
    , m_batchSize(m_requestedBatchSize)
{ }

Result<std::unique_ptr<Embedder>> OnnxFacenetEmbedder::create(const EmbedderSpec &spec, const QString &modelPath,
                                                              int batchSize)
{
    std::unique_ptr<OnnxFacenetEmbedder> embedder(new OnnxFacenetEmbedder(spec, batchSize));
    try {
        QFile file(modelPath);
        if (!file.open(QIODevice::ReadOnly))
            return Error::modelMissing(QStringLiteral("Cannot open model file %1").arg(modelPath));
        const QByteArray bytes = file.readAll();
        embedder->m_net = cv::dnn::readNetFromONNX(bytes.constData(), size_t(bytes.size()));
    } catch (const cv::Exception &e) {
        return Error::modelMissing(
            QStringLiteral("OpenCV cannot load the ONNX model %1: %2").arg(modelPath, QString::fromUtf8(e.what())));
    }
    if (embedder->m_net.empty())
        return Error::modelMissing(QStringLiteral("OpenCV cannot load the ONNX model %1").arg(modelPath));
    embedder->m_net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    embedder->m_net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
#ifdef ROLLCALL_CUDA_ENABLED
    if (ComputeDevice::current().isCuda() && ComputeDevice::openCvHasCuda()) {
        embedder->m_net.setPreferableBackend(cv::dnn::DNN_BACKEND_CUDA);
        embedder->m_net.setPreferableTarget(ComputeDevice::cudaPrecision() == ComputeDevice::Precision::Half
                                                ? cv::dnn::DNN_TARGET_CUDA_FP16
                                                : cv::dnn::DNN_TARGET_CUDA);
        embedder->m_device = QStringLiteral("cuda");
    }
#endif
    return std::unique_ptr<Embedder>(std::move(embedder));
}

cv::Mat OnnxFacenetEmbedder::prepare(const cv::Mat &chip) const
{
    const int size = m_spec.inputSize;
    cv::Mat sized;
    if (chip.rows == size && chip.cols == size) {
        sized = chip;
    } else if (m_spec.resize == EmbedderSpec::Resize::Letterbox) {
        // deepface: keep the aspect ratio, pad with black to a square.
        const double k = double(size) / std::max(chip.rows, chip.cols);
        cv::Mat scaled;
        cv::resize(chip, scaled, cv::Size(std::max(1, int(chip.cols * k)), std::max(1, int(chip.rows * k))), 0, 0,
                   k < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
        sized = cv::Mat(size, size, CV_8UC3, cv::Scalar::all(0));
        scaled.copyTo(sized(cv::Rect((size - scaled.cols) / 2, (size - scaled.rows) / 2, scaled.cols, scaled.rows)));
    } else {
        cv::resize(chip, sized, cv::Size(size, size), 0, 0, cv::INTER_AREA);
    }
    cv::Mat ordered;
    if (m_spec.colourOrder == EmbedderSpec::ColourOrder::Rgb)
        cv::cvtColor(sized, ordered, cv::COLOR_BGR2RGB);
    else
        ordered = sized;
    cv::Mat normalised;
    ordered.convertTo(normalised, CV_32F, m_spec.pixelScale, -m_spec.pixelMean * m_spec.pixelScale);
    return normalised; // H×W×3 float, continuous
}

cv::Mat OnnxFacenetEmbedder::makeBlob(const std::vector<cv::Mat> &chips) const
{
    const int n = int(chips.size());
    const int s = m_spec.inputSize;
    const bool nhwc = m_spec.layout == EmbedderSpec::Layout::Nhwc;
    const int shape[] = { n, nhwc ? s : 3, nhwc ? s : s, nhwc ? 3 : s };
    cv::Mat blob(4, shape, CV_32F);
    const size_t plane = size_t(s) * size_t(s);
    for (int i = 0; i < n; ++i) {
        const cv::Mat hwc = prepare(chips[size_t(i)]);
        float *dst = blob.ptr<float>(i);
        if (nhwc) {
            std::memcpy(dst, hwc.ptr<float>(), plane * 3 * sizeof(float));
        } else {
            cv::Mat channels[3] = { cv::Mat(s, s, CV_32F, dst), cv::Mat(s, s, CV_32F, dst + plane),
                                    cv::Mat(s, s, CV_32F, dst + 2 * plane) };
            cv::split(hwc, channels);
        }
    }
    return blob;
}

Result<std::vector<Embedding>> OnnxFacenetEmbedder::computeRaw(const std::vector<cv::Mat> &chips,
                                                               const std::atomic_bool *cancel)
{
    auto result = computeOnce(chips, cancel);
    if (result || m_device != QLatin1String("cuda") || !ComputeDevice::cpuMayCure(result.error()))
        return result;
    // A CUDA failure that smaller batches did not cure (a cuDNN error, one face
    // that does not fit): the CPU gives the same embeddings, more slowly.
    qCWarning(lcVision).noquote() << "The embedding model leaves the GPU for the CPU:" << result.error().message();
    m_net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    m_net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    m_device = QStringLiteral("cpu");
    m_batchSize = m_requestedBatchSize;
    return computeOnce(chips, cancel);
}

Result<std::vector<Embedding>> OnnxFacenetEmbedder::computeOnce(const std::vector<cv::Mat> &chips,
                                                                const std::atomic_bool *cancel)
{
    std::vector<Embedding> result;
    result.reserve(chips.size());
    for (const cv::Mat &chip : chips) {
        if (chip.type() != CV_8UC3 || chip.empty())
            return Error::badInput(QStringLiteral("Face chips must be 8-bit BGR"));
    }
    int batchSize = m_batchSize;
    if (m_device == QLatin1String("cuda"))
        batchSize = AdaptiveBatcher::batchForMemory(ComputeDevice::freeMemoryBytes(), kBytesPerChip, m_batchSize);
    AdaptiveBatcher batcher(batchSize);
    const Status s = batcher.run(chips.size(), [&](std::size_t begin, std::size_t end) -> Status {
        if (cancel && cancel->load())
            return Error::cancelled();
        const std::vector<cv::Mat> batch(chips.begin() + qsizetype(begin), chips.begin() + qsizetype(end));
        cv::Mat out;
        try {
            m_net.setInput(makeBlob(batch));
            out = m_net.forward();
        } catch (const cv::Exception &e) {
            const QString message
                = QStringLiteral("The embedding model \"%1\" failed: %2").arg(m_spec.id, QString::fromUtf8(e.what()));
            if (e.code == cv::Error::StsNoMem || OutOfMemoryText::matches(e.what()))
                return Error::outOfMemory(message);
            // On the GPU the device failed (the CPU may not); on the CPU the model did.
            return m_device == QLatin1String("cuda") ? Error::generic(message) : Error::modelMissing(message);
        }
        const int n = int(end - begin);
        if (out.total() != size_t(n) * size_t(m_spec.outputSize))
            return Error::modelMissing(QStringLiteral("The embedding model \"%1\" returned %2 values for %3 faces; "
                                                      "its descriptor says %4 per face")
                                           .arg(m_spec.id)
                                           .arg(out.total())
                                           .arg(n)
                                           .arg(m_spec.outputSize));
        const cv::Mat rows = out.reshape(1, n);
        for (int i = 0; i < n; ++i) {
            const float *p = rows.ptr<float>(i);
            result.emplace_back(p, p + m_spec.outputSize);
        }
        return {};
    });
    // Later photos start from the size that fitted.
    m_batchSize = std::min(m_batchSize, batcher.batchSize());
    if (!s.ok())
        return s.error();
    return result;
}

} // namespace rollcall
