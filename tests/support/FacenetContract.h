#pragma once

#include <QString>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace rollcall::test {

// The Facenet512 stand-in models: tests/vision/make_facenet_contract.py writes
// ONNX graphs with both exports' input/output contract (the real weights cannot
// be downloaded here), seven chips and the NumPy reference outputs.
class FacenetContract
{
public:
    // Writes facenet_{nhwc,nchw}.onnx, chips.bin and expected_{nhwc,nchw}.bin
    // into dir. Empty on success, otherwise why it failed.
    static QString generate(const QString &dir);
    // The seven 160×160 BGR chips generate() wrote into dir; empty if unreadable.
    static std::vector<cv::Mat> chips(const QString &dir);
    // Fills dir with links to the real required models (detector, landmarks,
    // dlib's ResNet) and nothing else, so an ONNX embedder can be installed there.
    static QString linkRequiredModels(const QString &dir);
    // generate() into contractDir, then a models folder in modelsDir with the
    // required models and the NHWC graph installed as "facenet512-deepface".
    // Empty on success, otherwise why it failed.
    static QString installDeepfaceModel(const QString &contractDir, const QString &modelsDir);
};

} // namespace rollcall::test
