#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace rollcall {

// Format and dimensions read from the first bytes of an image file, without
// decoding it, so oversized images (decompression bombs) are refused before
// any pixel buffer is allocated. Also notices obviously truncated JPEG/PNG
// files, which libjpeg would otherwise "decode" into grey filler.
class ImageHeader
{
public:
    enum class Format { Unknown, Jpeg, Png, Bmp, WebP, Tiff };

    // Parses the whole encoded file (it is in memory anyway for decoding).
    static ImageHeader parse(const QByteArray &data);

    Format format() const { return m_format; }
    QString formatName() const;
    // Dimensions as declared in the header; nullopt when they could not be read.
    std::optional<qint64> width() const { return m_width; }
    std::optional<qint64> height() const { return m_height; }
    bool hasDimensions() const { return m_width.has_value() && m_height.has_value(); }
    // True when the file ends before the image data does (JPEG without EOI after
    // its scan, PNG without IEND).
    bool truncated() const { return m_truncated; }

private:
    void parseJpeg(const QByteArray &data);
    void parsePng(const QByteArray &data);
    void parseBmp(const QByteArray &data);
    void parseWebP(const QByteArray &data);
    void parseTiff(const QByteArray &data);

    Format m_format = Format::Unknown;
    std::optional<qint64> m_width;
    std::optional<qint64> m_height;
    bool m_truncated = false;
};

} // namespace rollcall
