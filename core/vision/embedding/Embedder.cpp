#include "vision/embedding/Embedder.h"

#include <cmath>

namespace rollcall {

void Embedder::normalise(Embedding &v)
{
    double norm = 0.0;
    for (const float x : v)
        norm += double(x) * x;
    norm = std::sqrt(norm);
    if (norm <= 0.0)
        return;
    for (float &x : v)
        x = float(x / norm);
}

float Embedder::cosineDistance(const Embedding &a, const Embedding &b)
{
    if (a.size() != b.size() || a.empty())
        return 2.0f;
    double dot = 0.0;
    for (size_t i = 0; i < a.size(); ++i)
        dot += double(a[i]) * b[i];
    return float(1.0 - dot);
}

} // namespace rollcall
