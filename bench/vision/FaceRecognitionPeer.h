#pragma once

#include "common/Result.h"
#include "vision/RecognitionResult.h"

#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <memory>
#include <vector>

namespace rollcall::bench {

// The pipeline of the face_recognition Python package, the usual way to take
// attendance from a photo, on Debian's dlib: HOG detector with one upsampling,
// 5-point landmarks, dlib's ResNet on one 150 px chip (padding 0.25) per face,
// and a face is the known person nearest in Euclidean distance if within 0.6.
// It is the yardstick of `rollcall-bench-vision speed`. Not thread-safe.
class FaceRecognitionPeer
{
public:
    struct Face
    {
        cv::Rect2f box;
        QString student; // empty: unknown
        double distance = 0.0;
    };
    struct Output
    {
        std::vector<Face> faces;
        StageTimings stages; // totalMs unused
    };

    FaceRecognitionPeer();
    ~FaceRecognitionPeer();

    Status load(const QString &modelsDir);
    // Every face found in a student's photos becomes one known encoding, as
    // face_recognition's examples do (largest face per photo).
    Status enrol(const QString &studentId, const QStringList &photos);
    void clearKnown();
    Result<Output> run(const QString &photo);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace rollcall::bench
