#include "vision/ImageHeader.h"

namespace rollcall {
namespace {

quint32 be16(const QByteArray &d, qsizetype at)
{
    return (quint32(quint8(d[at])) << 8) | quint8(d[at + 1]);
}

quint32 be32(const QByteArray &d, qsizetype at)
{
    return (be16(d, at) << 16) | be16(d, at + 2);
}

quint32 le16(const QByteArray &d, qsizetype at)
{
    return quint32(quint8(d[at])) | (quint32(quint8(d[at + 1])) << 8);
}

quint32 le32(const QByteArray &d, qsizetype at)
{
    return le16(d, at) | (le16(d, at + 2) << 16);
}

quint32 le24(const QByteArray &d, qsizetype at)
{
    return le16(d, at) | (quint32(quint8(d[at + 2])) << 16);
}

} // namespace

ImageHeader ImageHeader::parse(const QByteArray &data)
{
    ImageHeader header;
    if (data.size() >= 3 && quint8(data[0]) == 0xFF && quint8(data[1]) == 0xD8 && quint8(data[2]) == 0xFF)
        header.parseJpeg(data);
    else if (data.startsWith("\x89PNG\r\n\x1a\n"))
        header.parsePng(data);
    else if (data.startsWith("BM"))
        header.parseBmp(data);
    else if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        header.parseWebP(data);
    else if (data.startsWith(QByteArray("II*\0", 4)) || data.startsWith(QByteArray("MM\0*", 4)))
        header.parseTiff(data);
    return header;
}

QString ImageHeader::formatName() const
{
    switch (m_format) {
    case Format::Jpeg:
        return QStringLiteral("JPEG");
    case Format::Png:
        return QStringLiteral("PNG");
    case Format::Bmp:
        return QStringLiteral("BMP");
    case Format::WebP:
        return QStringLiteral("WebP");
    case Format::Tiff:
        return QStringLiteral("TIFF");
    case Format::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

void ImageHeader::parseJpeg(const QByteArray &data)
{
    m_format = Format::Jpeg;
    // Walk the marker segments up to the first start-of-scan; the frame header
    // (SOFn) before it holds the dimensions.
    qsizetype at = 2;
    qsizetype scanStart = -1;
    while (at + 4 <= data.size()) {
        if (quint8(data[at]) != 0xFF) {
            m_truncated = true; // not a marker where one must be: corrupt
            return;
        }
        const quint8 marker = quint8(data[at + 1]);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            at += 2;
            continue;
        }
        if (marker == 0xD9) // EOI before any scan
            break;
        const qsizetype length = be16(data, at + 2);
        if (length < 2)
            break;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && at + 9 <= data.size()) {
            m_height = be16(data, at + 5);
            m_width = be16(data, at + 7);
        }
        if (marker == 0xDA) {
            scanStart = at + 2 + length;
            break;
        }
        at += 2 + length;
    }
    if (scanStart < 0 || scanStart > data.size()) {
        m_truncated = true;
        return;
    }
    // Entropy-coded data never contains FF D9 (FF is stuffed as FF 00), so a
    // complete file has an EOI marker somewhere after its first scan.
    m_truncated = data.indexOf(QByteArray("\xFF\xD9", 2), scanStart) < 0;
}

void ImageHeader::parsePng(const QByteArray &data)
{
    m_format = Format::Png;
    if (data.size() >= 24 && data.mid(12, 4) == "IHDR") {
        m_width = be32(data, 16);
        m_height = be32(data, 20);
    }
    // The IEND chunk closes every complete PNG; look for it near the end so a
    // few bytes of trailing junk do not matter.
    const qsizetype tail = std::max<qsizetype>(0, data.size() - 4096);
    m_truncated = data.indexOf("IEND", tail) < 0;
}

void ImageHeader::parseBmp(const QByteArray &data)
{
    m_format = Format::Bmp;
    if (data.size() < 26)
        return;
    const quint32 dibSize = le32(data, 14);
    if (dibSize == 12) { // OS/2 BITMAPCOREHEADER: 16-bit dimensions
        m_width = le16(data, 18);
        m_height = le16(data, 20);
    } else {
        m_width = qint32(le32(data, 18));
        m_height = std::abs(qint64(qint32(le32(data, 22)))); // negative height: top-down
    }
}

void ImageHeader::parseWebP(const QByteArray &data)
{
    m_format = Format::WebP;
    if (data.size() < 30)
        return;
    const QByteArray chunk = data.mid(12, 4);
    if (chunk == "VP8 " && data.size() >= 30) {
        m_width = le16(data, 26) & 0x3FFF;
        m_height = le16(data, 28) & 0x3FFF;
    } else if (chunk == "VP8L" && data.size() >= 25) {
        const quint32 bits = le32(data, 21);
        m_width = (bits & 0x3FFF) + 1;
        m_height = ((bits >> 14) & 0x3FFF) + 1;
    } else if (chunk == "VP8X") {
        m_width = qint64(le24(data, 24)) + 1;
        m_height = qint64(le24(data, 27)) + 1;
    }
}

void ImageHeader::parseTiff(const QByteArray &data)
{
    m_format = Format::Tiff;
    const bool little = data[0] == 'I';
    auto u16 = [&](qsizetype at) { return little ? le16(data, at) : be16(data, at); };
    auto u32 = [&](qsizetype at) { return little ? le32(data, at) : be32(data, at); };
    if (data.size() < 8)
        return;
    const qsizetype ifd = u32(4);
    if (ifd + 2 > data.size())
        return;
    const quint32 count = u16(ifd);
    for (quint32 i = 0; i < count; ++i) {
        const qsizetype entry = ifd + 2 + qsizetype(i) * 12;
        if (entry + 12 > data.size())
            return;
        const quint32 tag = u16(entry);
        const quint32 type = u16(entry + 2);
        const qint64 value = type == 3 ? qint64(u16(entry + 8)) : qint64(u32(entry + 8));
        if (tag == 256)
            m_width = value;
        else if (tag == 257)
            m_height = value;
    }
}

} // namespace rollcall
