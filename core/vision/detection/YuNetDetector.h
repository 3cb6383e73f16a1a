#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/dnn.hpp>

#include <string>
#include <vector>

namespace rollcall {

// YuNet's 2022mar model (face_detection_yunet_2022mar.onnx) run through OpenCV
// DNN with its own prior boxes and decoding. OpenCV's cv::FaceDetectorYN does
// this only up to 4.7; from 4.8 it expects the 2023 model, whose scores differ
// from those RollCall's thresholds were calibrated with. Doing it here keeps
// Debian's OpenCV 4.6 and the GPU build's 4.10 finding the same faces.
class YuNetDetector
{
public:
    // Throws cv::Exception when the model cannot be read.
    YuNetDetector(const std::string &modelPath, float scoreThreshold, float nmsThreshold, int topK, int backend,
                  int target);

    // Faces in an 8-bit BGR image, one row of 15 floats each, as FaceDetectorYN:
    // box x, y, w, h, five landmarks (right eye, left eye, nose tip, mouth
    // corners) and the score. Throws cv::Exception on a failed forward pass.
    cv::Mat detect(const cv::Mat &bgr);

private:
    void makePriors(const cv::Size &size);

    cv::dnn::Net m_net;
    float m_scoreThreshold;
    float m_nmsThreshold;
    int m_topK;
    cv::Size m_priorsFor;
    std::vector<cv::Rect2f> m_priors; // centre x, centre y, width, height, relative to the input
};

} // namespace rollcall
