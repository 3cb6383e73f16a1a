#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

namespace rollcall {

// A QR code as a square of modules (libqrencode, error correction M), without
// the quiet zone; the caller draws it with a margin of four modules.
class QrCode
{
public:
    static Result<QrCode> encode(const QString &text);

    int size() const { return m_size; }
    bool isDark(int x, int y) const { return m_modules.at(y * m_size + x); }

private:
    int m_size = 0;
    QList<bool> m_modules;
};

} // namespace rollcall
