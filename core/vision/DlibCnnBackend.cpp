#include "vision/DlibCnnBackend.h"

#include "vision/OutOfMemoryText.h"

#include <dlib/dnn.h>

#include <cmath>
#include <fstream>
#include <new>

namespace rollcall {
namespace {

// The detector run on face crops only needs the first pyramid levels (the face
// is already scaled to the size the network detects best); building the rest
// of dlib's 6/5 pyramid would double the work. dlib finds this overload by
// argument-dependent lookup; the serialised network does not record the
// pyramid type, so the same model file loads into both network types.
thread_local long t_minPyramidRows = 0;

class CropPyramid : public dlib::pyramid_down<6>
{
};

[[maybe_unused]] void find_pyramid_down_output_image_size(const CropPyramid &, long &nr, long &nc)
{
    nr = long(std::floor(5.0 / 6.0 * double(nr)));
    nc = long(std::floor(5.0 / 6.0 * double(nc)));
    if (nr < t_minPyramidRows) {
        nr = 0;
        nc = 0;
    }
}

// The network definitions must match the serialised models exactly; they are
// copied from dlib's dnn_mmod_face_detection_ex.cpp and dnn_face_recognition_ex.cpp.
namespace mmod {
using namespace dlib;
template<long num_filters, typename SUBNET> using con5d = con<num_filters, 5, 5, 2, 2, SUBNET>;
template<long num_filters, typename SUBNET> using con5 = con<num_filters, 5, 5, 1, 1, SUBNET>;
template<typename SUBNET>
using downsampler = relu<affine<con5d<32, relu<affine<con5d<32, relu<affine<con5d<16, SUBNET>>>>>>>>>;
template<typename SUBNET> using rcon5 = relu<affine<con5<45, SUBNET>>>;
template<typename PYRAMID>
using net_template = loss_mmod<con<1, 9, 9, 1, 1, rcon5<rcon5<rcon5<downsampler<input_rgb_image_pyramid<PYRAMID>>>>>>>;
using net_type = net_template<pyramid_down<6>>;
using crop_net_type = net_template<CropPyramid>;
} // namespace mmod

namespace resnet {
using namespace dlib;
template<template<int, template<typename> class, int, typename> class block, int N, template<typename> class BN,
         typename SUBNET>
using residual = add_prev1<block<N, BN, 1, tag1<SUBNET>>>;
template<template<int, template<typename> class, int, typename> class block, int N, template<typename> class BN,
         typename SUBNET>
using residual_down = add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<block<N, BN, 2, tag1<SUBNET>>>>>>;
template<int N, template<typename> class BN, int stride, typename SUBNET>
using block = BN<con<N, 3, 3, 1, 1, relu<BN<con<N, 3, 3, stride, stride, SUBNET>>>>>;
template<int N, typename SUBNET> using ares = relu<residual<block, N, affine, SUBNET>>;
template<int N, typename SUBNET> using ares_down = relu<residual_down<block, N, affine, SUBNET>>;
template<typename SUBNET> using alevel0 = ares_down<256, SUBNET>;
template<typename SUBNET> using alevel1 = ares<256, ares<256, ares_down<256, SUBNET>>>;
template<typename SUBNET> using alevel2 = ares<128, ares<128, ares_down<128, SUBNET>>>;
template<typename SUBNET> using alevel3 = ares<64, ares<64, ares<64, ares_down<64, SUBNET>>>>;
template<typename SUBNET> using alevel4 = ares<32, ares<32, ares<32, SUBNET>>>;
using anet_type = loss_metric<
    fc_no_bias<128,
               avg_pool_everything<alevel0<alevel1<alevel2<alevel3<
                   alevel4<max_pool<3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;
} // namespace resnet

dlib::matrix<dlib::rgb_pixel> toDlib(const cv::Mat &bgr)
{
    dlib::matrix<dlib::rgb_pixel> out(bgr.rows, bgr.cols);
    for (int y = 0; y < bgr.rows; ++y) {
        const auto *row = bgr.ptr<cv::Vec3b>(y);
        for (int x = 0; x < bgr.cols; ++x)
            out(y, x) = dlib::rgb_pixel(row[x][2], row[x][1], row[x][0]);
    }
    return out;
}

// CUDA and cuDNN report exhausted memory in their error text; the caller
// retries those with a smaller batch.
DlibBackend::Outcome failure(const std::exception &e, const char *what)
{
    const std::string text = e.what();
    const bool oom = dynamic_cast<const std::bad_alloc *>(&e) != nullptr || OutOfMemoryText::matches(text);
    return { oom ? DlibBackend::Failure::OutOfMemory : DlibBackend::Failure::Other, std::string(what) + ": " + text };
}

template<typename Net> DlibBackend::Outcome deserialiseFile(const std::string &path, Net &net)
{
    try {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return { DlibBackend::Failure::BadModel, "Cannot open model file " + path };
        dlib::deserialize(net, in);
    } catch (const std::exception &e) {
        return { DlibBackend::Failure::BadModel, "Model file " + path + " is not a valid dlib network: " + e.what() };
    }
    return {};
}

} // namespace

struct DlibCnnBackend::Impl
{
    std::unique_ptr<mmod::net_type> detector;
    std::unique_ptr<mmod::crop_net_type> cropDetector;
    std::unique_ptr<resnet::anet_type> embedder;
};

DlibCnnBackend::DlibCnnBackend()
    : d(std::make_unique<Impl>())
{ }

DlibCnnBackend::~DlibCnnBackend() = default;

DlibBackend::Outcome DlibCnnBackend::loadDetector(const std::string &path)
{
    try {
        auto net = std::make_unique<mmod::net_type>();
        if (Outcome o = deserialiseFile(path, *net); !o.ok())
            return o;
        auto cropNet = std::make_unique<mmod::crop_net_type>();
        if (Outcome o = deserialiseFile(path, *cropNet); !o.ok())
            return o;
        d->detector = std::move(net);
        d->cropDetector = std::move(cropNet);
    } catch (const std::exception &e) {
        return failure(e, "Cannot load the dlib face detector");
    }
    return {};
}

DlibBackend::Outcome DlibCnnBackend::loadEmbedder(const std::string &path)
{
    try {
        auto net = std::make_unique<resnet::anet_type>();
        if (Outcome o = deserialiseFile(path, *net); !o.ok())
            return o;
        d->embedder = std::move(net);
    } catch (const std::exception &e) {
        return failure(e, "Cannot load the dlib ResNet embedder");
    }
    return {};
}

bool DlibCnnBackend::hasDetector() const
{
    return d->detector != nullptr;
}

bool DlibCnnBackend::hasEmbedder() const
{
    return d->embedder != nullptr;
}

DlibBackend::Outcome DlibCnnBackend::detect(const std::vector<cv::Mat> &images, double adjustThreshold,
                                            int pyramidLevels, std::vector<std::vector<Detection>> *out)
{
    if (!d->detector)
        return { Failure::BadModel, "The dlib face detector is not loaded" };
    out->clear();
    if (images.empty())
        return {};
    try {
        std::vector<dlib::matrix<dlib::rgb_pixel>> batch;
        batch.reserve(images.size());
        for (const cv::Mat &image : images) {
            if (image.type() != CV_8UC3 || image.size() != images.front().size())
                return { Failure::BadInput, "dlib's detector needs 8-bit BGR images of one size per batch" };
            batch.push_back(toDlib(image));
        }
        std::vector<std::vector<dlib::mmod_rect>> dets;
        if (pyramidLevels > 0) {
            // Keep levels 0 … pyramidLevels-1 of images of this height.
            const double lastScale = std::pow(5.0 / 6.0, pyramidLevels - 1);
            t_minPyramidRows = long(std::floor(lastScale * double(batch.front().nr()))) - 1;
            dets = d->cropDetector->process_batch(batch, batch.size(), adjustThreshold);
        } else {
            dets = d->detector->process_batch(batch, batch.size(), adjustThreshold);
        }
        out->reserve(dets.size());
        for (const auto &perImage : dets) {
            std::vector<Detection> found;
            found.reserve(perImage.size());
            for (const dlib::mmod_rect &r : perImage) {
                found.push_back({ cv::Rect2f(float(r.rect.left()), float(r.rect.top()), float(r.rect.width()),
                                             float(r.rect.height())),
                                  r.detection_confidence });
            }
            out->push_back(std::move(found));
        }
    } catch (const std::exception &e) {
        out->clear();
        return failure(e, "dlib face detection failed");
    }
    return {};
}

DlibBackend::Outcome DlibCnnBackend::embed(const std::vector<cv::Mat> &chips, std::vector<std::vector<float>> *out)
{
    if (!d->embedder)
        return { Failure::BadModel, "The dlib ResNet embedder is not loaded" };
    out->clear();
    try {
        std::vector<dlib::matrix<dlib::rgb_pixel>> batch;
        batch.reserve(chips.size());
        for (const cv::Mat &chip : chips) {
            if (chip.rows != 150 || chip.cols != 150 || chip.type() != CV_8UC3)
                return { Failure::BadInput, "dlib ResNet needs 150×150 BGR face chips" };
            batch.push_back(toDlib(chip));
        }
        const auto descriptors = d->embedder->process_batch(batch, batch.size());
        out->reserve(descriptors.size());
        for (const auto &v : descriptors)
            out->emplace_back(v.begin(), v.end());
    } catch (const std::exception &e) {
        out->clear();
        return failure(e, "dlib face embedding failed");
    }
    return {};
}

} // namespace rollcall
