#pragma once

#include <QString>

#include <optional>

namespace rollcall {

// An aligned face crop used to enrol a student. The image lives in the PhotoStore
// under its SHA-256 (`photoHash`); the quality figures come from the engine.
struct EnrolmentPhoto
{
    QString id {};
    QString studentUuid {};
    QString photoHash {};
    QString source {}; // e.g. "camera", "file:IMG_0012.jpg", "import"
    int width = 0;
    int height = 0;
    std::optional<double> detectorScore {};
    std::optional<double> sharpness {};
    std::optional<double> brightness {};
    std::optional<double> faceSize {};
    qint64 createdAt = 0;
};

} // namespace rollcall
