#pragma once

#include "common/Result.h"

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <array>
#include <memory>
#include <vector>

namespace rollcall {

class ModelRegistry;

// dlib's 5-point shape predictor plus dlib's face-chip geometry: turns a face
// box into the rotated, scaled square crop an embedder expects.
class FaceAligner
{
public:
    using Landmarks = std::array<cv::Point2f, 5>; // dlib's order: eye corners, then below the nose

    static Result<std::unique_ptr<FaceAligner>> create(const ModelRegistry &registry);
    ~FaceAligner();

    // Landmarks for each dlib-style face box in an 8-bit BGR image.
    std::vector<Landmarks> landmarks(const cv::Mat &bgr, const std::vector<cv::Rect2f> &boxes) const;
    // size×size 8-bit BGR chips; padding is dlib's (0.25 for its ResNet).
    Result<std::vector<cv::Mat>> chips(const cv::Mat &bgr, const std::vector<Landmarks> &landmarks, int size,
                                       double padding) const;

private:
    FaceAligner();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace rollcall
