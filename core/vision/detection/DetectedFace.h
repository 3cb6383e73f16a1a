#pragma once

#include <opencv2/core/types.hpp>

#include <algorithm>
#include <array>

namespace rollcall {

// One face found in a photo, in original-image pixels.
struct DetectedFace
{
    // dlib-style box (the one dlib's 5-point predictor expects): the dlib CNN's
    // own box when it confirmed the face, YuNet's box mapped to dlib's framing otherwise.
    cv::Rect2f box;
    float confidence = 0.0f; // YuNet's score, 0..1
    double dlibConfidence = 0.0; // the CNN's detection score when confirmed
    bool confirmed = false; // the dlib CNN found this face in its crop
    bool tooSmall = false; // below DetectionSettings::minRecognisableSize: reported, not recognised
    // YuNet's landmarks: right eye, left eye, nose tip, right and left mouth corner.
    std::array<cv::Point2f, 5> landmarks {};
    bool hasLandmarks = false;

    float size() const { return std::max(box.width, box.height); }
};

// Intersection over union of two boxes, 0 when both are empty.
inline float boxIou(const cv::Rect2f &a, const cv::Rect2f &b)
{
    const float inter = (a & b).area();
    const float uni = a.area() + b.area() - inter;
    return uni > 0.0f ? inter / uni : 0.0f;
}

} // namespace rollcall
