#include "reports/AttendanceStats.h"

#include <algorithm>
#include <cmath>

namespace rollcall {

qint64 AttendanceStats::basisPoints(double percent)
{
    return std::clamp<qint64>(qint64(std::llround(percent * 100.0)), 0, 10000);
}

std::optional<double> AttendanceStats::rate() const
{
    if (counted() == 0)
        return std::nullopt;
    return double(attended()) / double(counted());
}

bool AttendanceStats::isBelow(double thresholdPercent) const
{
    return counted() > 0 && qint64(attended()) * 10000 < basisPoints(thresholdPercent) * counted();
}

std::optional<int> AttendanceStats::sessionsNeeded(double thresholdPercent) const
{
    return sessionsNeeded(attended(), counted(), thresholdPercent);
}

std::optional<int> AttendanceStats::sessionsNeeded(int attended, int counted, double thresholdPercent)
{
    const qint64 t = basisPoints(thresholdPercent);
    // (a + k) / (n + k) >= t / 10000  <=>  k * (10000 - t) >= t * n - 10000 * a
    const qint64 deficit = t * counted - qint64(attended) * 10000;
    if (deficit <= 0)
        return 0;
    const qint64 gain = 10000 - t;
    if (gain == 0)
        return std::nullopt;
    return int((deficit + gain - 1) / gain);
}

} // namespace rollcall
