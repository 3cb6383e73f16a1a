#pragma once

#include <QStringList>

namespace rollcall::bench {

// detect [--set k=v…] FILE…: RollCall's detector vs the stock single-pass dlib
// CNN, each file in a fresh process so peak RSS is per run.
int detectionBench(const QStringList &args);
// detect-one --mode ours|stock [--upsample N] [--set k=v…] FILE: one run, one JSON line.
int detectOne(const QStringList &args);
// memory [--megapixels N]: a synthetic large photo (tiled from a real class photo) through detection.
int memoryBench(const QStringList &args);

} // namespace rollcall::bench
