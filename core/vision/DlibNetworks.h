#pragma once

#include "common/Result.h"

#include <QString>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <memory>
#include <vector>

namespace rollcall {

// dlib's two CNNs (the MMOD face detector and the ResNet-29 face embedder)
// behind a dlib-free interface. This is the only translation unit that
// includes <dlib/dnn.h>, which takes minutes to compile. Not thread-safe: the
// networks keep state between forward passes, so each thread owns its own.
class DlibNetworks
{
public:
    struct Detection
    {
        cv::Rect2f box;
        double confidence = 0.0;
    };

    DlibNetworks();
    ~DlibNetworks();
    DlibNetworks(const DlibNetworks &) = delete;
    DlibNetworks &operator=(const DlibNetworks &) = delete;

    Status loadDetector(const QString &path);
    Status loadEmbedder(const QString &path);
    bool hasDetector() const;
    bool hasEmbedder() const;

    // Runs the MMOD detector on 8-bit BGR images that all have the same size,
    // batchSize at a time. adjustThreshold is added to the detector's threshold.
    // pyramidLevels > 0 limits dlib's image pyramid to that many levels (for
    // crops in which the face already has the right size); 0 runs the full pyramid.
    Result<std::vector<std::vector<Detection>>> detect(const std::vector<cv::Mat> &images, double adjustThreshold,
                                                       int batchSize, int pyramidLevels = 0);
    // 128-d descriptors (not normalised) of 150×150 8-bit BGR face chips.
    Result<std::vector<std::vector<float>>> embed(const std::vector<cv::Mat> &chips, int batchSize);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace rollcall
