#pragma once

#include "vision/DlibBackend.h"

#include <memory>

namespace rollcall {

// dlib's MMOD face detector and ResNet-29 embedder on whatever dlib this file
// is compiled against: the system's (CPU, built into RollCall) or the CUDA
// build (compiled a second time into the CUDA plugin). The only translation
// unit that includes <dlib/dnn.h>, which takes minutes to compile. Not
// thread-safe: the networks keep state between forward passes.
class DlibCnnBackend final : public DlibBackend
{
public:
    DlibCnnBackend();
    ~DlibCnnBackend() override;
    DlibCnnBackend(const DlibCnnBackend &) = delete;
    DlibCnnBackend &operator=(const DlibCnnBackend &) = delete;

    Outcome loadDetector(const std::string &path) override;
    Outcome loadEmbedder(const std::string &path) override;
    bool hasDetector() const override;
    bool hasEmbedder() const override;
    Outcome detect(const std::vector<cv::Mat> &images, double adjustThreshold, int pyramidLevels,
                   std::vector<std::vector<Detection>> *out) override;
    Outcome embed(const std::vector<cv::Mat> &chips, std::vector<std::vector<float>> *out) override;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace rollcall
