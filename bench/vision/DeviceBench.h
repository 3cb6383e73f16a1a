#pragma once

#include <QStringList>

namespace rollcall::bench {

// devices [--embedder ID] [--runs N] [FILE…]: detection and embedding times per
// photo on the CPU and on the GPU in the same run, then the CPU/GPU agreement
// (faces paired by IoU, embeddings by cosine similarity). Exit 1 when they
// disagree beyond the thresholds, 4 without a GPU.
int deviceBench(const QStringList &args);

} // namespace rollcall::bench
