#include "vision/embedding/DlibResNetEmbedder.h"

#include "vision/DlibNetworks.h"

#include <opencv2/imgproc.hpp>

namespace rollcall {
namespace {
constexpr int kBatch = 16;
}

DlibResNetEmbedder::DlibResNetEmbedder(const EmbedderSpec &spec)
    : Embedder(spec)
    , m_net(std::make_unique<DlibNetworks>())
{ }

DlibResNetEmbedder::~DlibResNetEmbedder() = default;

Result<std::unique_ptr<Embedder>> DlibResNetEmbedder::create(const EmbedderSpec &spec, const QString &modelPath)
{
    std::unique_ptr<DlibResNetEmbedder> embedder(new DlibResNetEmbedder(spec));
    if (Status s = embedder->m_net->loadEmbedder(modelPath); !s.ok())
        return s.error();
    return std::unique_ptr<Embedder>(std::move(embedder));
}

Result<std::vector<Embedding>> DlibResNetEmbedder::computeRaw(const std::vector<cv::Mat> &chips,
                                                              const std::atomic_bool *cancel)
{
    std::vector<Embedding> result;
    result.reserve(chips.size());
    for (size_t begin = 0; begin < chips.size(); begin += kBatch) {
        if (cancel && cancel->load())
            return Error::cancelled();
        std::vector<cv::Mat> batch;
        for (size_t i = begin; i < std::min(chips.size(), begin + kBatch); ++i) {
            const cv::Mat &chip = chips[i];
            if (chip.type() != CV_8UC3)
                return Error::badInput(QStringLiteral("Face chips must be 8-bit BGR"));
            if (chip.rows == 150 && chip.cols == 150) {
                batch.push_back(chip);
            } else {
                cv::Mat resized;
                cv::resize(chip, resized, cv::Size(150, 150), 0, 0, cv::INTER_AREA);
                batch.push_back(resized);
            }
        }
        auto vectors = m_net->embed(batch, int(batch.size()));
        if (!vectors)
            return vectors.error();
        for (auto &v : vectors.value())
            result.push_back(std::move(v));
    }
    return result;
}

QString DlibResNetEmbedder::deviceName() const
{
    return m_net->deviceName();
}

} // namespace rollcall
