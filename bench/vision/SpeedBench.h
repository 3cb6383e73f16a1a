#pragma once

#include <QStringList>

namespace rollcall::bench {

// `speed`: RollCall's mark of 12 MP class photos next to the face_recognition
// pipeline, in the same run (the ratio is the figure; machines are noisy).
int speedBench(const QStringList &args);

} // namespace rollcall::bench
