#include "vision/quality/EnrolmentQualityChecker.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace rollcall {
namespace {

cv::Mat greyChip(const cv::Mat &chip)
{
    cv::Mat grey;
    if (chip.channels() == 3)
        cv::cvtColor(chip, grey, cv::COLOR_BGR2GRAY);
    else
        grey = chip;
    if (grey.rows != 150 || grey.cols != 150) {
        cv::Mat resized;
        cv::resize(grey, resized, cv::Size(150, 150), 0, 0, cv::INTER_AREA);
        grey = resized;
    }
    return grey;
}

} // namespace

EnrolmentQualityChecker::EnrolmentQualityChecker(QualitySettings settings)
    : m_settings(settings)
{ }

double EnrolmentQualityChecker::sharpness(const cv::Mat &chip)
{
    if (chip.empty())
        return 0.0;
    cv::Mat laplacian;
    cv::Laplacian(greyChip(chip), laplacian, CV_64F);
    cv::Scalar mean;
    cv::Scalar stddev;
    cv::meanStdDev(laplacian, mean, stddev);
    return stddev[0] * stddev[0];
}

double EnrolmentQualityChecker::brightness(const cv::Mat &chip)
{
    if (chip.empty())
        return 0.0;
    const cv::Mat grey = greyChip(chip);
    return cv::mean(grey(cv::Rect(38, 38, 75, 75)))[0];
}

EnrolmentQualityChecker::Verdict EnrolmentQualityChecker::check(const PhotoResult &photo) const
{
    Verdict v;
    float largest = 0.0f;
    for (size_t i = 0; i < photo.faces.size(); ++i) {
        const RecognisedFace &f = photo.faces[i];
        if (f.detection.size() > largest) {
            largest = f.detection.size();
            v.face = int(i);
        }
    }
    if (v.face < 0) {
        v.reasons << QStringLiteral("No face was found in the photo.");
        return v;
    }
    int faces = 0;
    for (const RecognisedFace &f : photo.faces) {
        if (f.detection.size() >= m_settings.secondFaceRatio * largest)
            ++faces;
    }
    if (faces > 1)
        v.reasons << QStringLiteral("The photo shows %1 faces; use a photo of the student alone.").arg(faces);

    const RecognisedFace &face = photo.faces[size_t(v.face)];
    if (largest < float(m_settings.minFaceSize))
        v.reasons << QStringLiteral("The face is too small (%1 pixels; at least %2 are needed). Take the photo "
                                    "closer or use a larger image.")
                         .arg(qRound(largest))
                         .arg(m_settings.minFaceSize);
    if (!face.embedded || face.chip.empty()) {
        if (v.reasons.isEmpty())
            v.reasons << QStringLiteral("The face could not be analysed.");
        return v;
    }
    v.sharpness = sharpness(face.chip);
    v.brightness = brightness(face.chip);
    if (v.sharpness < m_settings.minSharpness)
        v.reasons << QStringLiteral("The photo is too blurred (sharpness %1; at least %2 is needed). Hold the "
                                    "camera still and focus on the face.")
                         .arg(qRound(v.sharpness))
                         .arg(qRound(m_settings.minSharpness));
    if (v.brightness < m_settings.minBrightness)
        v.reasons
            << QStringLiteral("The face is too dark (brightness %1 of 255). Use more light.").arg(qRound(v.brightness));
    else if (v.brightness > m_settings.maxBrightness)
        v.reasons << QStringLiteral("The face is too bright (brightness %1 of 255). Avoid direct light or flash.")
                         .arg(qRound(v.brightness));
    v.usable = v.reasons.isEmpty();
    return v;
}

std::vector<EnrolmentQualityChecker::Duplicate>
EnrolmentQualityChecker::possibleDuplicates(const Embedding &candidate, const std::vector<StudentTemplate> &enrolled,
                                            double threshold)
{
    std::vector<Duplicate> result;
    for (size_t i = 0; i < enrolled.size(); ++i) {
        const float d = Embedder::cosineDistance(candidate, enrolled[i].embedding);
        if (d <= threshold)
            result.push_back({ int(i), d });
    }
    std::sort(result.begin(), result.end(),
              [](const Duplicate &a, const Duplicate &b) { return a.distance < b.distance; });
    return result;
}

} // namespace rollcall
