#include "storage/EmbeddingCodec.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

namespace rollcall {

QByteArray EmbeddingCodec::encode(const std::vector<float> &vector)
{
    QByteArray blob(static_cast<qsizetype>(vector.size() * sizeof(float)), Qt::Uninitialized);
    auto *out = reinterpret_cast<uchar *>(blob.data());
    for (size_t i = 0; i < vector.size(); ++i) {
        quint32 bits = 0;
        std::memcpy(&bits, &vector[i], sizeof bits);
        qToLittleEndian(bits, out + i * sizeof bits);
    }
    return blob;
}

std::optional<std::vector<float>> EmbeddingCodec::decode(const QByteArray &blob, int dimension)
{
    if (blob.size() % 4 != 0 || (dimension > 0 && blob.size() != dimension * 4))
        return std::nullopt;
    std::vector<float> vector(static_cast<size_t>(blob.size() / 4));
    const auto *in = reinterpret_cast<const uchar *>(blob.constData());
    for (size_t i = 0; i < vector.size(); ++i) {
        const quint32 bits = qFromLittleEndian<quint32>(in + i * 4);
        std::memcpy(&vector[i], &bits, sizeof bits);
    }
    return vector;
}

bool EmbeddingCodec::normalise(std::vector<float> &vector)
{
    double sum = 0;
    for (float v : vector)
        sum += double(v) * double(v);
    if (sum <= 0 || !std::isfinite(sum))
        return false;
    const double scale = 1.0 / std::sqrt(sum);
    for (float &v : vector)
        v = static_cast<float>(v * scale);
    return true;
}

} // namespace rollcall
