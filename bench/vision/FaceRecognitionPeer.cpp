#include "FaceRecognitionPeer.h"

#include "vision/DlibNetworks.h"

#include <QElapsedTimer>

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/opencv/to_open_cv.h>

#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <fstream>

namespace rollcall::bench {
namespace {

constexpr double kTolerance = 0.6; // face_recognition's default

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double euclidean(const std::vector<float> &a, const std::vector<float> &b)
{
    double sum = 0.0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        sum += double(a[i] - b[i]) * double(a[i] - b[i]);
    return std::sqrt(sum);
}

} // namespace

struct FaceRecognitionPeer::Impl
{
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    dlib::shape_predictor landmarks;
    DlibNetworks resnet;
    std::vector<std::pair<QString, std::vector<float>>> known;

    // Faces, their 150 px chips, as face_recognition's face_locations and face_encodings.
    void findAndCrop(const cv::Mat &bgr, std::vector<dlib::rectangle> &rects, std::vector<cv::Mat> &chips,
                     double *detectMs, double *alignMs)
    {
        QElapsedTimer timer;
        timer.start();
        const dlib::cv_image<dlib::bgr_pixel> image(bgr);
        // detector(img, 1) in Python: once upsampled by 2, boxes mapped back.
        dlib::matrix<dlib::bgr_pixel> upsampled;
        dlib::pyramid_up(image, upsampled, dlib::pyramid_down<2>());
        rects.clear();
        for (const dlib::rectangle &r : detector(upsampled))
            rects.push_back(dlib::rectangle(r.left() / 2, r.top() / 2, r.right() / 2, r.bottom() / 2));
        upsampled.set_size(0, 0);
        if (detectMs)
            *detectMs += elapsedMs(timer);
        timer.restart();
        for (const dlib::rectangle &r : rects) {
            const dlib::full_object_detection shape = landmarks(image, r);
            dlib::matrix<dlib::bgr_pixel> chip;
            dlib::extract_image_chip(image, dlib::get_face_chip_details(shape, 150, 0.25), chip);
            chips.push_back(dlib::toMat(chip).clone());
        }
        if (alignMs)
            *alignMs += elapsedMs(timer);
    }
};

FaceRecognitionPeer::FaceRecognitionPeer()
    : d(std::make_unique<Impl>())
{ }

FaceRecognitionPeer::~FaceRecognitionPeer() = default;

Status FaceRecognitionPeer::load(const QString &modelsDir)
{
    const std::string predictor
        = QString(modelsDir + QStringLiteral("/shape_predictor_5_face_landmarks.dat")).toStdString();
    try {
        std::ifstream in(predictor, std::ios::binary);
        if (!in)
            return Error::modelMissing(QStringLiteral("Cannot open %1").arg(QString::fromStdString(predictor)));
        dlib::deserialize(d->landmarks, in);
    } catch (const std::exception &e) {
        return Error::modelMissing(QString::fromUtf8(e.what()));
    }
    return d->resnet.loadEmbedder(modelsDir + QStringLiteral("/dlib_face_recognition_resnet_model_v1.dat"));
}

void FaceRecognitionPeer::clearKnown()
{
    d->known.clear();
}

Status FaceRecognitionPeer::enrol(const QString &studentId, const QStringList &photos)
{
    for (const QString &path : photos) {
        const cv::Mat bgr = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
        if (bgr.empty())
            continue;
        std::vector<dlib::rectangle> rects;
        std::vector<cv::Mat> chips;
        d->findAndCrop(bgr, rects, chips, nullptr, nullptr);
        if (chips.empty())
            continue;
        size_t largest = 0;
        for (size_t i = 1; i < rects.size(); ++i) {
            if (rects[i].area() > rects[largest].area())
                largest = i;
        }
        auto encoding = d->resnet.embed({ chips[largest] }, 1);
        if (!encoding)
            return encoding.error();
        d->known.emplace_back(studentId, encoding->front());
    }
    return {};
}

Result<FaceRecognitionPeer::Output> FaceRecognitionPeer::run(const QString &photo)
{
    Output out;
    QElapsedTimer timer;
    timer.start();
    const cv::Mat bgr = cv::imread(photo.toStdString(), cv::IMREAD_COLOR);
    if (bgr.empty())
        return Error::badInput(QStringLiteral("Cannot read %1").arg(photo));
    out.stages.decodeMs = elapsedMs(timer);
    std::vector<dlib::rectangle> rects;
    std::vector<cv::Mat> chips;
    d->findAndCrop(bgr, rects, chips, &out.stages.detectMs, &out.stages.alignMs);
    timer.restart();
    std::vector<std::vector<float>> encodings;
    for (const cv::Mat &chip : chips) { // one face at a time, as compute_face_descriptor is called
        auto encoding = d->resnet.embed({ chip }, 1);
        if (!encoding)
            return encoding.error();
        encodings.push_back(encoding->front());
    }
    out.stages.embedMs = elapsedMs(timer);
    timer.restart();
    for (size_t i = 0; i < rects.size(); ++i) {
        Face face;
        face.box = cv::Rect2f(float(rects[i].left()), float(rects[i].top()), float(rects[i].width()),
                              float(rects[i].height()));
        double best = 1e9;
        for (const auto &[student, known] : d->known) {
            const double distance = euclidean(encodings[i], known);
            if (distance < best) {
                best = distance;
                face.student = distance <= kTolerance ? student : QString();
            }
        }
        face.distance = best;
        out.faces.push_back(face);
    }
    out.stages.matchMs = elapsedMs(timer);
    return out;
}

} // namespace rollcall::bench
