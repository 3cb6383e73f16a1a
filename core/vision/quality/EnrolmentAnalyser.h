#pragma once

#include "common/Result.h"
#include "vision/RecognitionPipeline.h"
#include "vision/embedding/Embedder.h"
#include "vision/quality/EnrolmentQualityChecker.h"

#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace rollcall {

// Runs registration photos through the pipeline one by one and judges each:
// the enrolment path shared by `rollcall-cli student add` and the GUI.
class EnrolmentAnalyser
{
public:
    struct Photo
    {
        QString path;
        bool usable = false;
        QStringList reasons; // why it was refused (decode errors included)
        Embedding embedding; // of the student's face, when usable
        cv::Mat chip; // the aligned chip the embedder saw
        cv::Mat crop; // the larger aligned crop enrolment stores (FaceAligner::StoredCropSize)
        cv::Rect2f box;
        double confidence = 0.0; // the detector's
        double faceSize = 0.0; // pixels
        double sharpness = 0.0;
        double brightness = 0.0;
    };

    // Quality rules and jitters from the pipeline's config (the settings).
    explicit EnrolmentAnalyser(RecognitionPipeline &pipeline);
    EnrolmentAnalyser(RecognitionPipeline &pipeline, QualitySettings settings);
    // Jittered copies embedded per registration photo (QualitySettings default).
    void setJitters(int jitters) { m_jitters = jitters; }

    // Fails only when the models cannot run (a bad photo is a refused Photo).
    Result<std::vector<Photo>> analyse(const QStringList &paths);
    // The same for photos in memory (encoded bytes or a decoded image); each
    // input's path is the name used in Photo::path and in the reasons.
    Result<std::vector<Photo>> analyse(const std::vector<RecognitionPipeline::Input> &inputs);
    // The student's template from the usable photos (empty if none).
    static Embedding templateOf(const std::vector<Photo> &photos);

private:
    RecognitionPipeline &m_pipeline;
    EnrolmentQualityChecker m_checker;
    int m_jitters = 0;
};

} // namespace rollcall
