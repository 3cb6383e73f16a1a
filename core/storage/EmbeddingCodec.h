#pragma once

#include <QByteArray>

#include <optional>
#include <vector>

namespace rollcall {

// Embedding vectors as stored: float32 little-endian, no header (dimension in its own column).
class EmbeddingCodec
{
public:
    static QByteArray encode(const std::vector<float> &vector);
    // nullopt if the size is not a multiple of 4 or does not match `dimension` (when > 0).
    static std::optional<std::vector<float>> decode(const QByteArray &blob, int dimension = 0);
    // Scales to unit length in place; returns false for a zero vector.
    static bool normalise(std::vector<float> &vector);
};

} // namespace rollcall
