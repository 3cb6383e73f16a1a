#pragma once

#include <QStringList>

namespace rollcall::bench {

// classroom [--threshold T…] [--model ID]: enrols both classes of
// classrooms/manifest.json through the engine, marks easy.jpg and hard.jpg and
// scores the result against the ground truth.
int classroomBench(const QStringList &args);

} // namespace rollcall::bench
