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

    // Enrolment stores one aligned crop per photo, larger and with more margin
    // than any embedder's chip, so that a later model's chip can be cut from it
    // (chipFromStoredCrop) without the original photo.
    static constexpr int StoredCropSize = 256;
    static constexpr double StoredCropPadding = 0.5;

    static Result<std::unique_ptr<FaceAligner>> create(const ModelRegistry &registry);
    ~FaceAligner();

    // Landmarks for each dlib-style face box in an 8-bit BGR image.
    std::vector<Landmarks> landmarks(const cv::Mat &bgr, const std::vector<cv::Rect2f> &boxes) const;
    // size×size 8-bit BGR chips; padding is dlib's (0.25 for its ResNet).
    Result<std::vector<cv::Mat>> chips(const cv::Mat &bgr, const std::vector<Landmarks> &landmarks, int size,
                                       double padding) const;

    // The chip of `size` px and dlib padding `padding` cut from a stored crop:
    // dlib's chips of one face differ only in scale about the same centre.
    static cv::Mat chipFromStoredCrop(const cv::Mat &crop, int size, double padding);

private:
    FaceAligner();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace rollcall
