#include "vision/alignment/FaceAligner.h"

#include "models/ModelRegistry.h"

#include <QFile>

#include <opencv2/imgproc.hpp>

#include <dlib/image_processing/shape_predictor.h>
#include <dlib/image_transforms/interpolation.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/opencv/to_open_cv.h>

#include <fstream>

namespace rollcall {

struct FaceAligner::Impl
{
    dlib::shape_predictor predictor;
};

FaceAligner::FaceAligner()
    : d(std::make_unique<Impl>())
{ }

FaceAligner::~FaceAligner() = default;

Result<std::unique_ptr<FaceAligner>> FaceAligner::create(const ModelRegistry &registry)
{
    const auto path = registry.requireFile(QStringLiteral("dlib-shape5"));
    if (!path)
        return path.error();
    std::unique_ptr<FaceAligner> aligner(new FaceAligner);
    try {
        std::ifstream in(QFile::encodeName(path.value()).toStdString(), std::ios::binary);
        if (!in)
            return Error::modelMissing(QStringLiteral("Cannot open model file %1").arg(path.value()));
        dlib::deserialize(aligner->d->predictor, in);
    } catch (const std::exception &e) {
        return Error::modelMissing(QStringLiteral("Model file %1 is not a dlib shape predictor: %2")
                                       .arg(path.value(), QString::fromUtf8(e.what())));
    }
    if (aligner->d->predictor.num_parts() != 5)
        return Error::modelMissing(QStringLiteral("Model file %1 is not a 5-point shape predictor").arg(path.value()));
    return aligner;
}

cv::Mat FaceAligner::chipFromStoredCrop(const cv::Mat &crop, int size, double padding)
{
    // A dlib chip with padding p shows the aligned face box scaled by (1 + 2p).
    const double side = crop.cols * (1.0 + 2.0 * padding) / (1.0 + 2.0 * StoredCropPadding);
    cv::Mat chip;
    const int whole = int(std::lround(side));
    if (whole <= crop.cols) {
        const int offset = (crop.cols - whole) / 2;
        cv::resize(crop(cv::Rect(offset, offset, whole, whole)), chip, cv::Size(size, size), 0, 0,
                   whole > size ? cv::INTER_AREA : cv::INTER_LINEAR);
        return chip;
    }
    const double k = size / side; // more margin than was stored: repeat the edge
    const cv::Matx23d m(k, 0, size / 2.0 - crop.cols / 2.0 * k, 0, k, size / 2.0 - crop.rows / 2.0 * k);
    cv::warpAffine(crop, chip, m, cv::Size(size, size), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return chip;
}

std::vector<FaceAligner::Landmarks> FaceAligner::landmarks(const cv::Mat &bgr,
                                                           const std::vector<cv::Rect2f> &boxes) const
{
    const dlib::cv_image<dlib::bgr_pixel> image(bgr);
    std::vector<Landmarks> result;
    result.reserve(boxes.size());
    for (const cv::Rect2f &b : boxes) {
        const dlib::rectangle rect(std::lround(b.x), std::lround(b.y), std::lround(b.x + b.width - 1),
                                   std::lround(b.y + b.height - 1));
        const dlib::full_object_detection shape = d->predictor(image, rect);
        Landmarks points;
        for (unsigned long i = 0; i < 5; ++i)
            points[i] = cv::Point2f(float(shape.part(i).x()), float(shape.part(i).y()));
        result.push_back(points);
    }
    return result;
}

Result<std::vector<cv::Mat>> FaceAligner::chips(const cv::Mat &bgr, const std::vector<Landmarks> &landmarks, int size,
                                                double padding) const
{
    std::vector<cv::Mat> result;
    result.reserve(landmarks.size());
    try {
        const dlib::cv_image<dlib::bgr_pixel> image(bgr);
        std::vector<dlib::chip_details> details;
        details.reserve(landmarks.size());
        for (const Landmarks &points : landmarks) {
            std::vector<dlib::point> parts;
            for (const cv::Point2f &p : points)
                parts.emplace_back(std::lround(p.x), std::lround(p.y));
            const dlib::full_object_detection shape(dlib::rectangle(), parts);
            details.push_back(dlib::get_face_chip_details(shape, unsigned(size), padding));
        }
        dlib::array<dlib::matrix<dlib::bgr_pixel>> chips;
        dlib::extract_image_chips(image, details, chips);
        for (auto &chip : chips)
            result.push_back(dlib::toMat(chip).clone());
    } catch (const std::exception &e) {
        return Error::generic(QStringLiteral("Face alignment failed: %1").arg(QString::fromUtf8(e.what())));
    }
    return result;
}

} // namespace rollcall
