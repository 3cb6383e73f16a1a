#pragma once

#include "vision/embedding/Embedder.h"

#include <memory>

namespace rollcall {

class DlibNetworks;

// dlib's ResNet-29 (dlib_face_recognition_resnet_model_v1.dat): 150×150 chips,
// 128-d. Always installed, so it is the default embedder.
class DlibResNetEmbedder : public Embedder
{
public:
    static Result<std::unique_ptr<Embedder>> create(const EmbedderSpec &spec, const QString &modelPath);
    ~DlibResNetEmbedder() override;

    QString deviceName() const override;

protected:
    Result<std::vector<Embedding>> computeRaw(const std::vector<cv::Mat> &chips,
                                              const std::atomic_bool *cancel) override;

private:
    explicit DlibResNetEmbedder(const EmbedderSpec &spec);
    std::unique_ptr<DlibNetworks> m_net;
};

} // namespace rollcall
