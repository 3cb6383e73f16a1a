#include "handoff/QrCode.h"

#include <qrencode.h>

#include <memory>

namespace rollcall {

Result<QrCode> QrCode::encode(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return Error::generic(QStringLiteral("the address cannot be encoded as a QR code"));
    QrCode result;
    result.m_size = code->width;
    result.m_modules.reserve(qsizetype(code->width) * code->width);
    for (int i = 0; i < code->width * code->width; ++i)
        result.m_modules.append((code->data[i] & 1) != 0); // bit 0: dark module
    return result;
}

} // namespace rollcall
