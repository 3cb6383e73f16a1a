#pragma once

#include <QStringList>

namespace rollcall::bench {

// lfw [--model ID] [--cache FILE] [--limit N]: LFW 10-fold verification on
// faces/lfw-gray with lfw-pairs.txt through RollCall's pipeline.
int lfwBench(const QStringList &args);

} // namespace rollcall::bench
