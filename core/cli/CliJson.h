#pragma once

#include "vision/detection/DetectedFace.h"

#include <QJsonArray>
#include <QJsonObject>

#include <opencv2/core/types.hpp>

namespace rollcall {

// JSON pieces that several commands print the same way.
class CliJson
{
public:
    // [x, y, w, h] in whole pixels, clipped to the image.
    static QJsonArray box(const cv::Rect2f &box, cv::Size image);
    // {"box", "confidence", "too_small"} as `detect --json` prints it.
    static QJsonObject face(const DetectedFace &face, cv::Size image);
};

} // namespace rollcall
