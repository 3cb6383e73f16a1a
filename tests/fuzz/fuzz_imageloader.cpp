// ImageHeader::parse and ImageLoader::decode: the bytes of a photo file (camera,
// roster folder, imported session) before anything else looks at them.
#include "FuzzSupport.h"

#include "vision/ImageHeader.h"
#include "vision/ImageLoader.h"

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>

#include <cstdlib>

using namespace rollcall;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    // OpenCV's worker threads only add time to each run, its warnings about bad
    // input only noise.
    cv::setNumThreads(0);
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const ImageHeader header = ImageHeader::parse(input);
    if (header.format() == ImageHeader::Format::Unknown && (header.hasDimensions() || header.truncated()))
        std::abort(); // nothing is known about an unknown format

    // A small pixel limit keeps each run fast; the checks are the same code.
    ImageLimits limits;
    limits.maxPixels = 1'000'000;
    const ImageLoader loader(limits);
    const auto image = loader.decode(input, QStringLiteral("fuzz"));
    if (image) {
        const cv::Mat &m = *image;
        // The decoder's contract: non-empty, continuous 8-bit BGR within the limit.
        if (m.empty() || m.type() != CV_8UC3 || !m.isContinuous() || qint64(m.total()) > limits.maxPixels)
            std::abort();
    } else if (image.error().message().isEmpty()) {
        std::abort();
    }
    return 0;
}
