#include "vision/detection/YuNetDetector.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace rollcall {
namespace {

// The 2022mar model's anchors: four feature maps (strides 8…64) with these
// anchor sizes each, and the variances its regression was trained with.
constexpr std::array<int, 4> kSteps = { 8, 16, 32, 64 };
const std::array<std::vector<float>, 4> kMinSizes
    = { std::vector<float> { 10.f, 16.f, 24.f }, std::vector<float> { 32.f, 48.f }, std::vector<float> { 64.f, 96.f },
        std::vector<float> { 128.f, 192.f, 256.f } };
constexpr float kCentreVariance = 0.1f;
constexpr float kSizeVariance = 0.2f;

} // namespace

YuNetDetector::YuNetDetector(const std::string &modelPath, float scoreThreshold, float nmsThreshold, int topK,
                             int backend, int target)
    : m_net(cv::dnn::readNet(modelPath))
    , m_scoreThreshold(scoreThreshold)
    , m_nmsThreshold(nmsThreshold)
    , m_topK(topK)
{
    CV_Assert(!m_net.empty());
    m_net.setPreferableBackend(backend);
    m_net.setPreferableTarget(target);
}

void YuNetDetector::makePriors(const cv::Size &size)
{
    // The network halves the input twice, then once per feature map, rounding down.
    int h = ((size.height + 1) / 2) / 2;
    int w = ((size.width + 1) / 2) / 2;
    m_priors.clear();
    for (size_t k = 0; k < kSteps.size(); ++k) {
        h /= 2;
        w /= 2;
        const float step = float(kSteps[k]);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                for (const float minSize : kMinSizes[k]) {
                    m_priors.emplace_back((float(x) + 0.5f) * step / float(size.width),
                                          (float(y) + 0.5f) * step / float(size.height), minSize / float(size.width),
                                          minSize / float(size.height));
                }
            }
        }
    }
    m_priorsFor = size;
}

cv::Mat YuNetDetector::detect(const cv::Mat &bgr)
{
    if (bgr.empty())
        return {};
    if (bgr.size() != m_priorsFor)
        makePriors(bgr.size());
    m_net.setInput(cv::dnn::blobFromImage(bgr));
    std::vector<cv::Mat> outputs;
    m_net.forward(outputs, std::vector<cv::String> { "loc", "conf", "iou" });
    const float *loc = outputs[0].ptr<float>();
    const float *conf = outputs[1].ptr<float>();
    const float *iou = outputs[2].ptr<float>();
    CV_Assert(outputs[0].total() == m_priors.size() * 14 && outputs[1].total() == m_priors.size() * 2
              && outputs[2].total() == m_priors.size());

    const float width = float(bgr.cols);
    const float height = float(bgr.rows);
    std::vector<cv::Rect2i> boxes;
    std::vector<float> scores;
    std::vector<std::array<float, 15>> rows;
    for (size_t i = 0; i < m_priors.size(); ++i) {
        // The score is the geometric mean of the face class and the predicted IoU.
        const float cls = std::clamp(conf[i * 2 + 1], 0.f, 1.f);
        const float quality = std::clamp(iou[i], 0.f, 1.f);
        const float score = std::sqrt(cls * quality);
        if (score < m_scoreThreshold)
            continue;
        const cv::Rect2f &p = m_priors[i];
        const float *l = loc + i * 14;
        const float cx = (p.x + l[0] * kCentreVariance * p.width) * width;
        const float cy = (p.y + l[1] * kCentreVariance * p.height) * height;
        // OpenCV up to 4.7 scales the width with the centre variance (the height
        // with the size one); the boxes and RollCall's calibration follow it.
        const float w = p.width * std::exp(l[2] * kCentreVariance) * width;
        const float h = p.height * std::exp(l[3] * kSizeVariance) * height;
        std::array<float, 15> row {};
        row[0] = cx - w / 2.f;
        row[1] = cy - h / 2.f;
        row[2] = w;
        row[3] = h;
        for (int n = 0; n < 5; ++n) {
            row[size_t(4 + 2 * n)] = (p.x + l[4 + 2 * n] * kCentreVariance * p.width) * width;
            row[size_t(5 + 2 * n)] = (p.y + l[5 + 2 * n] * kCentreVariance * p.height) * height;
        }
        row[14] = score;
        boxes.emplace_back(int(row[0]), int(row[1]), int(row[2]), int(row[3]));
        scores.push_back(score);
        rows.push_back(row);
    }
    std::vector<int> keep;
    cv::dnn::NMSBoxes(boxes, scores, m_scoreThreshold, m_nmsThreshold, keep, 1.f, m_topK);
    cv::Mat faces(int(keep.size()), 15, CV_32F);
    for (size_t i = 0; i < keep.size(); ++i)
        std::copy(rows[size_t(keep[i])].begin(), rows[size_t(keep[i])].end(), faces.ptr<float>(int(i)));
    return faces;
}

} // namespace rollcall
