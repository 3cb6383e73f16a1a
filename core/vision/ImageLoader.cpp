#include "vision/ImageLoader.h"

#include "common/LogCategories.h"
#include "vision/ImageHeader.h"

#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace rollcall {

ImageLoader::ImageLoader(ImageLimits limits)
    : m_limits(limits)
{ }

Result<cv::Mat> ImageLoader::load(const QString &path) const
{
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    if (!info.exists())
        return Error::badInput(QStringLiteral("%1: no such file").arg(path));
    if (!info.isFile())
        return Error::badInput(QStringLiteral("%1: not a file").arg(path));
    if (info.size() > m_limits.maxFileBytes)
        return Error::badInput(QStringLiteral("%1: file is too large (%2 MB; the limit is %3 MB)")
                                   .arg(name)
                                   .arg(info.size() / 1000000)
                                   .arg(m_limits.maxFileBytes / 1000000));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()));
    // Read through Qt, not cv::imread, so non-ASCII paths work everywhere.
    return decode(file.readAll(), name);
}

ImageLoader::HeaderCheck ImageLoader::checkHeader(const ImageHeader &header) const
{
    if (header.format() == ImageHeader::Format::Unknown)
        return HeaderCheck::NotAnImage;
    if (header.hasDimensions()) {
        if (*header.width() <= 0 || *header.height() <= 0)
            return HeaderCheck::EmptyImage;
        // PNG and TIFF dimensions reach 2^32 each, so their product can overflow
        // qint64: compare by division.
        if (*header.width() > m_limits.maxPixels / *header.height())
            return HeaderCheck::TooManyPixels;
    }
    return header.truncated() ? HeaderCheck::Truncated : HeaderCheck::Ok;
}

Result<cv::Mat> ImageLoader::decode(const QByteArray &data, const QString &name) const
{
    if (data.isEmpty())
        return Error::badInput(QStringLiteral("%1: the file is empty").arg(name));
    const ImageHeader header = ImageHeader::parse(data);
    switch (checkHeader(header)) {
    case HeaderCheck::Ok:
        break;
    case HeaderCheck::NotAnImage:
        return Error::badInput(
            QStringLiteral("%1: not a supported image (JPEG, PNG, BMP, WebP or TIFF expected)").arg(name));
    case HeaderCheck::EmptyImage:
        return Error::badInput(
            QStringLiteral("%1: the %2 header declares an empty image").arg(name, header.formatName()));
    case HeaderCheck::TooManyPixels: {
        const double pixels = double(*header.width()) * double(*header.height());
        return Error::badInput(QStringLiteral("%1: the image is too large (%2×%3 = %4 megapixels; the limit is "
                                              "%5 megapixels)")
                                   .arg(name)
                                   .arg(*header.width())
                                   .arg(*header.height())
                                   .arg(pixels / 1e6, 0, 'f', 1)
                                   .arg(double(m_limits.maxPixels) / 1e6, 0, 'f', 0));
    }
    case HeaderCheck::Truncated:
        return Error::badInput(
            QStringLiteral("%1: the %2 file is truncated or corrupt").arg(name, header.formatName()));
    }

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, int(data.size()), CV_8U, const_cast<char *>(data.constData()));
        // ANYDEPTH|ANYCOLOR keeps 16-bit and grey data intact for a controlled
        // conversion below; OpenCV applies the EXIF orientation with these flags.
        decoded = cv::imdecode(buffer, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
    } catch (const cv::Exception &e) {
        qCWarning(lcVision) << "OpenCV failed to decode" << name << e.what();
        decoded.release();
    }
    if (decoded.empty())
        return Error::badInput(
            QStringLiteral("%1: the %2 data cannot be decoded (corrupt file?)").arg(name, header.formatName()));
    if (qint64(decoded.total()) > m_limits.maxPixels) // header without dimensions (rare TIFF/WebP variants)
        return Error::badInput(
            QStringLiteral("%1: the image is too large (%2×%3)").arg(name).arg(decoded.cols).arg(decoded.rows));

    cv::Mat eightBit;
    switch (decoded.depth()) {
    case CV_8U:
        eightBit = decoded;
        break;
    case CV_8S:
        decoded.convertTo(eightBit, CV_8U, 1.0, 128.0);
        break;
    case CV_16U:
        decoded.convertTo(eightBit, CV_8U, 1.0 / 257.0);
        break;
    case CV_16S:
        decoded.convertTo(eightBit, CV_8U, 1.0 / 257.0, 128.0);
        break;
    case CV_32F:
    case CV_64F:
        decoded.convertTo(eightBit, CV_8U, 255.0); // floating-point images are 0..1
        break;
    default:
        decoded.convertTo(eightBit, CV_8U);
        break;
    }

    cv::Mat bgr;
    switch (eightBit.channels()) {
    case 1:
        cv::cvtColor(eightBit, bgr, cv::COLOR_GRAY2BGR);
        break;
    case 2: {
        cv::Mat grey;
        cv::extractChannel(eightBit, grey, 0);
        cv::cvtColor(grey, bgr, cv::COLOR_GRAY2BGR);
        break;
    }
    case 3:
        bgr = eightBit;
        break;
    case 4:
        cv::cvtColor(eightBit, bgr, cv::COLOR_BGRA2BGR);
        break;
    default:
        return Error::badInput(
            QStringLiteral("%1: unsupported number of colour channels (%2)").arg(name).arg(eightBit.channels()));
    }
    if (!bgr.isContinuous())
        bgr = bgr.clone();
    return bgr;
}

} // namespace rollcall
