#pragma once

#include "vision/matching/StudentTemplate.h"
#include "vision/RecognitionResult.h"
#include "vision/VisionSettings.h"

#include <QStringList>

#include <vector>

namespace rollcall {

// Decides whether a registration photo is good enough to enrol from, with
// reasons a member of staff can act on.
class EnrolmentQualityChecker
{
public:
    struct Verdict
    {
        bool usable = false;
        QStringList reasons; // user-facing, one sentence each; empty when usable
        int face = -1; // index of the student's face in the photo result
        double sharpness = 0.0;
        double brightness = 0.0;
    };

    struct Duplicate
    {
        int student = -1; // index into the enrolled templates
        float distance = 2.0f;
    };

    explicit EnrolmentQualityChecker(QualitySettings settings = {});

    // photo must come from RecognitionPipeline with chips kept.
    Verdict check(const PhotoResult &photo) const;
    // Enrolled students whose template is within threshold of a new student's
    // embedding, closest first: a possible duplicate registration.
    static std::vector<Duplicate> possibleDuplicates(const Embedding &candidate,
                                                     const std::vector<StudentTemplate> &enrolled, double threshold);

    // Variance of the Laplacian of the chip scaled to 150 px (higher is sharper).
    static double sharpness(const cv::Mat &chip);
    // Mean grey level of the middle of the chip (the face), 0..255.
    static double brightness(const cv::Mat &chip);

private:
    QualitySettings m_settings;
};

} // namespace rollcall
