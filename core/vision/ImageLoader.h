#pragma once

#include "common/Result.h"
#include "vision/VisionSettings.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace rollcall {

class ImageHeader;

// The one image decoder: JPEG, PNG, BMP, WebP and TIFF through OpenCV, with the
// EXIF orientation applied and every input turned into 8-bit BGR. Refuses
// unreadable, truncated, non-image and oversized files with a BadInput error
// that names the file and the reason; dimensions are checked from the header
// before the pixels are decoded.
class ImageLoader
{
public:
    explicit ImageLoader(ImageLimits limits = {});

    Result<cv::Mat> load(const QString &path) const;
    // name is used in error messages only.
    Result<cv::Mat> decode(const QByteArray &data, const QString &name) const;

    const ImageLimits &limits() const { return m_limits; }

    // Whether the header allows decoding within the limits; decode() applies it
    // first, and callers that only accept files (the phone page) use it alone.
    enum class HeaderCheck { Ok, NotAnImage, EmptyImage, TooManyPixels, Truncated };
    HeaderCheck checkHeader(const ImageHeader &header) const;

private:
    ImageLimits m_limits;
};

} // namespace rollcall
