#pragma once

#include "common/Result.h"
#include "vision/VisionSettings.h"
#include "vision/detection/DetectedFace.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

namespace rollcall {

class DlibNetworks;
class YuNetDetector;
class ModelRegistry;

// Finds faces of every size in a photo without the cost of running dlib's CNN
// over the whole (upsampled) image: YuNet proposes faces over the whole photo
// (downscaled for large faces, tiled at a finer scale for small ones where
// the downscaled pass leaves doubt, so memory stays bounded), dlib's CNN confirms and re-boxes each proposal on a
// small crop scaled so the face is ~80 px, and non-maximum suppression merges
// the rest. Faces too small to recognise are still reported, flagged.
class FaceDetector
{
public:
    struct Output
    {
        std::vector<DetectedFace> faces;
        int proposals = 0;
        int tiles = 0; // of the fine pass over a large photo
        int tilesRun = 0; // of them: not answered by the downscaled pass
        double proposeMs = 0.0;
        double confirmMs = 0.0;
    };

    ~FaceDetector();

    static Result<std::unique_ptr<FaceDetector>> create(const ModelRegistry &registry,
                                                        const DetectionSettings &settings = {});

    // bgr: 8-bit BGR. cancel, if given, is checked between tiles and batches.
    Result<Output> detect(const cv::Mat &bgr, const std::atomic_bool *cancel = nullptr);
    // The stock path for comparison in benchmarks: dlib's CNN over the whole
    // image, upsampled `upsample` times by 2, as dlib's examples do.
    Result<Output> detectWithDlibOnly(const cv::Mat &bgr, int upsample);

    const DetectionSettings &settings() const { return m_settings; }
    void setSettings(const DetectionSettings &settings) { m_settings = settings; }
    // Where dlib's detector runs now ("cpu" after it left the GPU).
    QString deviceName() const;
    static QString name() { return QStringLiteral("yunet+dlib-cnn"); }

private:
    FaceDetector();
    Status loadYunet(bool gpu);
    Result<std::vector<DetectedFace>> propose(const cv::Mat &bgr, const std::atomic_bool *cancel);
    Result<std::vector<DetectedFace>> proposeOnce(const cv::Mat &bgr, const std::atomic_bool *cancel);
    std::unique_ptr<YuNetDetector> makeYunet(bool gpu) const;
    static void proposeIn(YuNetDetector &net, const cv::Mat &image, double scale, cv::Point2f offset,
                          bool dropBorderFaces, std::vector<DetectedFace> &out);
    Status proposeInTiles(const cv::Mat &source, double scale,
                          const std::vector<std::pair<cv::Rect, cv::Point2f>> &tiles, std::vector<DetectedFace> &out,
                          const std::atomic_bool *cancel);
    Status confirm(const cv::Mat &bgr, std::vector<DetectedFace> &faces, const std::atomic_bool *cancel);

    DetectionSettings m_settings;
    std::unique_ptr<YuNetDetector> m_yunet;
    std::unique_ptr<YuNetDetector> m_yunetLane; // a second CPU network for tiles
    QString m_yunetPath;
    bool m_yunetOnGpu = false;
    int m_tiles = 0;
    int m_tilesRun = 0;
    std::unique_ptr<DlibNetworks> m_dlib;
};

} // namespace rollcall
