#pragma once

#include <QStringList>

namespace rollcall::bench {

// quality [FILE…]: the enrolment quality measures (face size, sharpness,
// brightness, verdict) of registration photos; default: every classroom enrolment photo.
int qualityBench(const QStringList &args);

} // namespace rollcall::bench
