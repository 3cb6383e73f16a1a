#include "vision/detection/FaceDetector.h"

#include "common/LogCategories.h"
#include "models/ModelRegistry.h"
#include "vision/ComputeDevice.h"
#include "vision/DlibNetworks.h"
#include "vision/OutOfMemoryText.h"
#include "vision/detection/YuNetDetector.h"

#include <QElapsedTimer>
#include <QThread>

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <thread>

namespace rollcall {
namespace {

// Intersection over the smaller box: catches a partial box inside a full one.
float iomin(const cv::Rect2f &a, const cv::Rect2f &b)
{
    const float inter = (a & b).area();
    const float smaller = std::min(a.area(), b.area());
    return smaller > 0.0f ? inter / smaller : 0.0f;
}

// Keeps the better of overlapping faces; `better` orders candidates.
template<typename Better>
std::vector<DetectedFace> suppress(std::vector<DetectedFace> faces, float iouLimit, float iominLimit, Better better)
{
    std::sort(faces.begin(), faces.end(), better);
    std::vector<DetectedFace> kept;
    kept.reserve(faces.size());
    for (const DetectedFace &f : faces) {
        bool overlaps = false;
        for (const DetectedFace &k : kept) {
            if (boxIou(f.box, k.box) > iouLimit || iomin(f.box, k.box) > iominLimit) {
                overlaps = true;
                break;
            }
        }
        if (!overlaps)
            kept.push_back(f);
    }
    return kept;
}

// YuNet boxes run from the hairline to the chin; dlib's CNN and its 5-point
// predictor use a tighter square around eyes, nose and mouth. This maps one to
// the other (fitted on faces both detectors found; see docs/vision.md).
cv::Rect2f yunetToDlibBox(const cv::Rect2f &b)
{
    const float side = 0.74f * std::max(b.width, b.height);
    const float cx = b.x + 0.5f * b.width;
    const float cy = b.y + 0.49f * b.height;
    return { cx - side / 2, cy - side / 2, side, side };
}

// A square crop of `side` pixels around `centre`, scaled to outSize×outSize
// (black outside the image). Returns the scale factor crop/original.
double cropScaled(const cv::Mat &image, cv::Point2f centre, float side, int outSize, cv::Mat &out)
{
    const double k = double(outSize) / side;
    const double x0 = centre.x - side / 2.0;
    const double y0 = centre.y - side / 2.0;
    if (k >= 1.0) {
        const cv::Matx23d m(k, 0, -x0 * k, 0, k, -y0 * k);
        cv::warpAffine(image, out, m, cv::Size(outSize, outSize), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
        return k;
    }
    // Downscaling: area interpolation on the padded region avoids aliasing.
    const cv::Rect region(int(std::floor(x0)), int(std::floor(y0)), int(std::ceil(side)), int(std::ceil(side)));
    const cv::Rect inside = region & cv::Rect(0, 0, image.cols, image.rows);
    cv::Mat padded(region.size(), image.type(), cv::Scalar::all(0));
    if (!inside.empty())
        image(inside).copyTo(padded(inside - region.tl()));
    cv::resize(padded, out, cv::Size(outSize, outSize), 0, 0, cv::INTER_AREA);
    return double(outSize) / region.width;
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

FaceDetector::FaceDetector() = default;
FaceDetector::~FaceDetector() = default;

Result<std::unique_ptr<FaceDetector>> FaceDetector::create(const ModelRegistry &registry,
                                                           const DetectionSettings &settings)
{
    const auto yunetPath = registry.requireFile(QStringLiteral("yunet-2022mar"));
    if (!yunetPath)
        return yunetPath.error();
    const auto mmodPath = registry.requireFile(QStringLiteral("dlib-mmod-face"));
    if (!mmodPath)
        return mmodPath.error();

    std::unique_ptr<FaceDetector> detector(new FaceDetector);
    detector->m_settings = settings;
    detector->m_dlib = std::make_unique<DlibNetworks>();
    if (Status s = detector->m_dlib->loadDetector(mmodPath.value()); !s.ok())
        return s.error();
    detector->m_yunetPath = yunetPath.value();
    // YuNet follows dlib onto the GPU; OpenCV's CUDA backend needs a CUDA OpenCV.
    if (Status s = detector->loadYunet(detector->m_dlib->onGpu() && ComputeDevice::openCvHasCuda()); !s.ok())
        return s.error();
    return detector;
}

QString FaceDetector::deviceName() const
{
    return m_dlib->deviceName();
}

std::unique_ptr<YuNetDetector> FaceDetector::makeYunet(bool gpu) const
{
    int backend = cv::dnn::DNN_BACKEND_OPENCV;
    int target = cv::dnn::DNN_TARGET_CPU;
#ifdef ROLLCALL_CUDA_ENABLED
    if (gpu) {
        backend = cv::dnn::DNN_BACKEND_CUDA;
        target = cv::dnn::DNN_TARGET_CUDA;
    }
#else
    Q_UNUSED(gpu)
#endif
    return std::make_unique<YuNetDetector>(m_yunetPath.toStdString(), m_settings.proposalScoreThreshold,
                                           m_settings.proposalNmsThreshold, 5000, backend, target);
}

Status FaceDetector::loadYunet(bool gpu)
{
#ifndef ROLLCALL_CUDA_ENABLED
    gpu = false;
#endif
    try {
        m_yunet = makeYunet(gpu);
        m_yunetLane.reset();
    } catch (const cv::Exception &e) {
        return Error::modelMissing(
            QStringLiteral("Cannot load the YuNet face detector %1: %2").arg(m_yunetPath, QString::fromUtf8(e.what())));
    }
    m_yunetOnGpu = gpu;
    return {};
}

void FaceDetector::proposeIn(YuNetDetector &net, const cv::Mat &image, double scale, cv::Point2f offset,
                             bool dropBorderFaces, std::vector<DetectedFace> &out)
{
    const cv::Mat rows = net.detect(image);
    const float margin = 2.0f;
    for (int i = 0; i < rows.rows; ++i) {
        const float *r = rows.ptr<float>(i);
        const cv::Rect2f local(r[0], r[1], r[2], r[3]);
        if (dropBorderFaces
            && (local.x < margin || local.y < margin || local.br().x > image.cols - margin
                || local.br().y > image.rows - margin))
            continue; // cut by the tile edge; the overlapping tile or the downscaled pass has it whole
        DetectedFace face;
        const auto toOriginal
            = [&](float x, float y) { return cv::Point2f(float(x / scale + offset.x), float(y / scale + offset.y)); };
        const cv::Point2f tl = toOriginal(local.x, local.y);
        const cv::Point2f br = toOriginal(local.br().x, local.br().y);
        face.box = cv::Rect2f(tl, br);
        for (int p = 0; p < 5; ++p)
            face.landmarks[size_t(p)] = toOriginal(r[4 + 2 * p], r[5 + 2 * p]);
        face.hasLandmarks = true;
        face.confidence = r[14];
        out.push_back(face);
    }
}

Result<std::vector<DetectedFace>> FaceDetector::propose(const cv::Mat &bgr, const std::atomic_bool *cancel)
{
    auto proposals = proposeOnce(bgr, cancel);
    if (!proposals && m_yunetOnGpu && ComputeDevice::cpuMayCure(proposals.error())) {
        // Out of memory: YuNet's tiles are small, and a GPU this full is better
        // left to dlib. Any other CUDA failure: the CPU gives the same faces.
        qCWarning(lcVision).noquote() << "YuNet leaves the GPU for the CPU:" << proposals.error().message();
        if (Status s = loadYunet(false); !s.ok())
            return s.error();
        proposals = proposeOnce(bgr, cancel);
    }
    return proposals;
}

Status FaceDetector::proposeInTiles(const cv::Mat &source, double scale,
                                    const std::vector<std::pair<cv::Rect, cv::Point2f>> &tiles,
                                    std::vector<DetectedFace> &out, const std::atomic_bool *cancel)
{
    // On the CPU two tiles run at once, each on its own network: OpenCV's own
    // threads keep only ~1.4 of 2 cores busy on one tile. The faces are the
    // same and come back in tile order.
    std::vector<YuNetDetector *> nets { m_yunet.get() };
    if (!m_yunetOnGpu && tiles.size() > 1 && QThread::idealThreadCount() > 1) {
        if (!m_yunetLane) {
            try {
                m_yunetLane = makeYunet(false);
            } catch (const cv::Exception &) {
                m_yunetLane.reset(); // the main network loaded; do with one
            }
        }
        if (m_yunetLane)
            nets.push_back(m_yunetLane.get());
    }
    std::vector<std::vector<DetectedFace>> perTile(tiles.size());
    std::vector<QString> failures(nets.size());
    std::vector<bool> outOfMemory(nets.size(), false);
    const auto work = [&](size_t lane) {
        for (size_t i = lane; i < tiles.size(); i += nets.size()) {
            if (isCancelled(cancel))
                return;
            try {
                proposeIn(*nets[lane], source(tiles[i].first).clone(), scale, tiles[i].second, true, perTile[i]);
            } catch (const cv::Exception &e) {
                failures[lane] = QString::fromUtf8(e.what());
                outOfMemory[lane] = e.code == cv::Error::StsNoMem || OutOfMemoryText::matches(e.what());
                return;
            }
        }
    };
    std::vector<std::thread> threads;
    for (size_t lane = 1; lane < nets.size(); ++lane)
        threads.emplace_back(work, lane);
    work(0);
    for (std::thread &t : threads)
        t.join();
    if (isCancelled(cancel))
        return Error::cancelled();
    for (size_t lane = 0; lane < nets.size(); ++lane) {
        if (!failures[lane].isEmpty()) {
            const QString message = QStringLiteral("YuNet face detection failed: %1").arg(failures[lane]);
            return outOfMemory[lane] ? Error::outOfMemory(message) : Error::generic(message);
        }
    }
    for (std::vector<DetectedFace> &faces : perTile)
        out.insert(out.end(), faces.begin(), faces.end());
    return {};
}

Result<std::vector<DetectedFace>> FaceDetector::proposeOnce(const cv::Mat &bgr, const std::atomic_bool *cancel)
{
    std::vector<DetectedFace> raw;
    const int longSide = std::max(bgr.cols, bgr.rows);
    try {
        if (longSide <= m_settings.proposalWholeSide) {
            proposeIn(*m_yunet, bgr, 1.0, {}, false, raw);
        } else {
            // Large faces: the whole photo, downscaled.
            const double scale = double(m_settings.proposalWholeSide) / longSide;
            cv::Mat small;
            cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
            proposeIn(*m_yunet, small, scale, {}, false, raw);
            small.release();
            // Small faces: tiles at a finer scale that overlap by more than a face
            // the downscaled pass could miss. A tile is skipped where the downscaled
            // pass already answered: it found faces there, all well above the
            // size it starts missing them (rows of faces shrink with depth, so a
            // much smaller one among them is unlikely). Empty tiles run.
            std::vector<cv::Rect2f> answered;
            for (const DetectedFace &f : raw)
                answered.push_back(f.box);
            const double tileScale = m_settings.proposalTileScale;
            cv::Mat scaled;
            if (tileScale > 0.0 && tileScale < 1.0)
                cv::resize(bgr, scaled, cv::Size(), tileScale, tileScale, cv::INTER_AREA);
            const cv::Mat &source = scaled.empty() ? bgr : scaled;
            const double k = scaled.empty() ? 1.0 : tileScale;
            const int tile = m_settings.proposalTileSize;
            const int stride = tile - m_settings.proposalTileOverlap;
            const float answeredSize = float(m_settings.proposalAnsweredSize / scale);
            std::vector<std::pair<cv::Rect, cv::Point2f>> todo; // tile in source, its origin in the photo
            for (int y = 0; tileScale > 0.0 && y < source.rows; y += stride) {
                for (int x = 0; x < source.cols; x += stride) {
                    const cv::Rect r = cv::Rect(x, y, tile, tile) & cv::Rect(0, 0, source.cols, source.rows);
                    const cv::Rect2f inOriginal(float(r.x / k), float(r.y / k), float(r.width / k),
                                                float(r.height / k));
                    int inside = 0;
                    bool hasSmall = false;
                    for (const cv::Rect2f &b : answered) {
                        if (inOriginal.contains(cv::Point2f(b.x + b.width / 2, b.y + b.height / 2))) {
                            ++inside;
                            hasSmall = hasSmall || std::max(b.width, b.height) < answeredSize;
                        }
                    }
                    ++m_tiles;
                    const bool skip = answeredSize > 0.0f && inside > 0 && !hasSmall;
                    if (r.width >= 32 && r.height >= 32 && !skip)
                        todo.emplace_back(r, inOriginal.tl());
                    if (x + tile >= source.cols)
                        break;
                }
                if (y + tile >= source.rows)
                    break;
            }
            m_tilesRun = int(todo.size());
            if (Status s = proposeInTiles(source, k, todo, raw, cancel); !s.ok())
                return s.error();
        }
    } catch (const cv::Exception &e) {
        const QString message = QStringLiteral("YuNet face detection failed: %1").arg(QString::fromUtf8(e.what()));
        if (e.code == cv::Error::StsNoMem || OutOfMemoryText::matches(e.what()))
            return Error::outOfMemory(message);
        return Error::generic(message);
    }

    std::vector<DetectedFace> faces;
    faces.reserve(raw.size());
    for (DetectedFace &f : raw) {
        f.box = yunetToDlibBox(f.box);
        if (f.size() < m_settings.minFaceSize)
            continue;
        f.tooSmall = f.size() < m_settings.minRecognisableSize;
        if (f.tooSmall && f.confidence < m_settings.tooSmallScoreThreshold)
            continue;
        faces.push_back(f);
    }
    return suppress(std::move(faces), m_settings.proposalNmsThreshold, 0.7f,
                    [](const DetectedFace &a, const DetectedFace &b) { return a.confidence > b.confidence; });
}

Status FaceDetector::confirm(const cv::Mat &bgr, std::vector<DetectedFace> &faces, const std::atomic_bool *cancel)
{
    const int cropSize = int(std::lround(m_settings.confirmCropFactor * m_settings.confirmFaceSize));
    const size_t batch = size_t(std::max(1, m_settings.confirmBatchSize));
    std::vector<size_t> todo;
    for (size_t i = 0; i < faces.size(); ++i) {
        if (!faces[i].tooSmall)
            todo.push_back(i);
    }
    for (size_t begin = 0; begin < todo.size(); begin += batch) {
        if (isCancelled(cancel))
            return Error::cancelled();
        const size_t end = std::min(todo.size(), begin + batch);
        std::vector<cv::Mat> crops;
        std::vector<double> scales;
        std::vector<cv::Point2f> origins;
        for (size_t j = begin; j < end; ++j) {
            const DetectedFace &f = faces[todo[j]];
            const cv::Point2f centre(f.box.x + f.box.width / 2, f.box.y + f.box.height / 2);
            const float side = float(m_settings.confirmCropFactor) * f.size();
            cv::Mat crop;
            scales.push_back(cropScaled(bgr, centre, side, cropSize, crop));
            origins.emplace_back(centre.x - side / 2, centre.y - side / 2);
            crops.push_back(std::move(crop));
        }
        const auto detections
            = m_dlib->detect(crops, m_settings.dlibAdjustThreshold, int(crops.size()), m_settings.confirmPyramidLevels);
        if (!detections)
            return detections.error();
        for (size_t j = begin; j < end; ++j) {
            DetectedFace &f = faces[todo[j]];
            const double k = scales[j - begin];
            const cv::Point2f origin = origins[j - begin];
            // The crop may hold neighbours too: take the detection that best
            // matches this proposal.
            float bestOverlap = 0.3f;
            const DlibNetworks::Detection *best = nullptr;
            cv::Rect2f bestBox;
            for (const auto &d : detections.value()[j - begin]) {
                const cv::Rect2f box(float(d.box.x / k + origin.x), float(d.box.y / k + origin.y),
                                     float(d.box.width / k), float(d.box.height / k));
                const float overlap = boxIou(box, f.box);
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = &d;
                    bestBox = box;
                }
            }
            if (best) {
                f.confirmed = true;
                f.dlibConfidence = best->confidence;
                f.box = bestBox;
            }
        }
    }
    return {};
}

Result<FaceDetector::Output> FaceDetector::detect(const cv::Mat &bgr, const std::atomic_bool *cancel)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return Error::badInput(QStringLiteral("Face detection needs an 8-bit colour image"));
    Output output;
    QElapsedTimer timer;
    timer.start();
    m_tiles = 0;
    m_tilesRun = 0;
    auto proposals = propose(bgr, cancel);
    if (!proposals)
        return proposals.error();
    output.proposeMs = double(timer.nsecsElapsed()) / 1e6;
    output.proposals = int(proposals->size());
    output.tiles = m_tiles;
    output.tilesRun = m_tilesRun;

    timer.restart();
    std::vector<DetectedFace> faces = std::move(proposals.value());
    if (Status s = confirm(bgr, faces, cancel); !s.ok())
        return s.error();
    std::vector<DetectedFace> kept;
    kept.reserve(faces.size());
    for (DetectedFace &f : faces) {
        if (f.tooSmall || f.confirmed || f.confidence >= m_settings.keepUnconfirmedScore) {
            f.tooSmall = f.size() < m_settings.minRecognisableSize;
            kept.push_back(f);
        }
    }
    output.faces = suppress(std::move(kept), m_settings.nmsIou, 0.7f, [](const DetectedFace &a, const DetectedFace &b) {
        if (a.confirmed != b.confirmed)
            return a.confirmed;
        return a.confidence > b.confidence;
    });
    // Reading order (top to bottom, left to right) makes output stable and readable.
    std::sort(output.faces.begin(), output.faces.end(), [](const DetectedFace &a, const DetectedFace &b) {
        const float rowA = std::floor(a.box.y / std::max(1.0f, a.box.height));
        const float rowB = std::floor(b.box.y / std::max(1.0f, b.box.height));
        if (rowA != rowB)
            return a.box.y < b.box.y;
        return a.box.x < b.box.x;
    });
    output.confirmMs = double(timer.nsecsElapsed()) / 1e6;
    return output;
}

Result<FaceDetector::Output> FaceDetector::detectWithDlibOnly(const cv::Mat &bgr, int upsample)
{
    Output output;
    QElapsedTimer timer;
    timer.start();
    cv::Mat image = bgr;
    double scale = 1.0;
    for (int i = 0; i < upsample; ++i) {
        cv::Mat up;
        cv::pyrUp(image, up);
        image = up;
        scale *= 2.0;
    }
    const auto detections = m_dlib->detect({ image }, 0.0, 1);
    if (!detections)
        return detections.error();
    for (const auto &d : detections->front()) {
        DetectedFace f;
        f.box = cv::Rect2f(float(d.box.x / scale), float(d.box.y / scale), float(d.box.width / scale),
                           float(d.box.height / scale));
        f.confirmed = true;
        f.dlibConfidence = d.confidence;
        f.confidence = 1.0f;
        f.tooSmall = f.size() < m_settings.minRecognisableSize;
        output.faces.push_back(f);
    }
    output.confirmMs = double(timer.nsecsElapsed()) / 1e6;
    return output;
}

} // namespace rollcall
