#pragma once

#include "common/Error.h"
#include "vision/detection/DetectedFace.h"
#include "vision/embedding/Embedder.h"
#include "vision/matching/FaceMatch.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace rollcall {

// Everything RecognitionPipeline found in a set of photos of one class. These
// are plain result records of a single run, kept together in one header.

// One face of one photo.
struct RecognisedFace
{
    DetectedFace detection; // box in original-image pixels
    bool embedded = false; // false for too-small faces (and when nothing was embedded)
    Embedding embedding; // L2-normalised
    cv::Mat chip; // the aligned 8-bit BGR chip the embedder saw (kept on request)
    cv::Mat crop; // a larger aligned crop for storage (FaceAligner::storedCrop geometry)
    FaceMatch match; // Unknown when no roster was given
};

struct PhotoResult
{
    QString source; // file path, or the name given with the image
    cv::Size size; // of the decoded image, after EXIF rotation
    std::vector<RecognisedFace> faces;
};

// A student seen in the session: the best of their matches over all photos.
struct StudentPresence
{
    int student = -1; // roster index
    int photo = -1;
    int face = -1;
    float distance = 2.0f;
    MatchBand band = MatchBand::Unknown;
};

struct StageTimings
{
    double decodeMs = 0.0;
    double detectMs = 0.0;
    double alignMs = 0.0;
    double embedMs = 0.0;
    double matchMs = 0.0;
    double totalMs = 0.0;
};

struct RecognitionResult
{
    std::vector<PhotoResult> photos;
    std::vector<StudentPresence> present; // roster order
    StageTimings timings;
    QString detector;
    QString embedderModel;
    QString device;
};

} // namespace rollcall

Q_DECLARE_METATYPE(rollcall::RecognitionResult)
