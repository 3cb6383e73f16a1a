#pragma once

#include <QtGlobal>

#include <optional>

namespace rollcall {

// Attendance counts of one student (or one session) and the rules every report uses:
//
//   attended = present + late               (a late arrival counts as attended)
//   counted  = present + late + absent      (excused sessions count neither way, nor do
//                                            records still to review: an uncertain match
//                                            is neither attended nor absent until decided)
//   rate     = attended / counted           (none when counted = 0)
//
// Sessions needed to reach a threshold t (a fraction, e.g. 0.75): the smallest k ≥ 0
// such that, attending the next k sessions,  (attended + k) / (counted + k) ≥ t,
// i.e. k = max(0, ⌈(t·counted − attended) / (1 − t)⌉). For t = 100 % it is 0 when
// nothing was missed and unreachable otherwise. The threshold is handled in basis
// points (hundredths of a percent) so the arithmetic is exact.
class AttendanceStats
{
public:
    static constexpr double kDefaultThresholdPercent = 75.0;

    int present = 0;
    int late = 0;
    int absent = 0;
    int excused = 0;
    int review = 0;

    int attended() const { return present + late; }
    int counted() const { return present + late + absent; }
    int total() const { return present + late + absent + excused + review; }
    std::optional<double> rate() const;

    // Whether the rate is below thresholdPercent (false when nothing is counted).
    bool isBelow(double thresholdPercent) const;
    // Sessions to attend in a row to reach thresholdPercent; nullopt: unreachable.
    std::optional<int> sessionsNeeded(double thresholdPercent) const;

    static std::optional<int> sessionsNeeded(int attended, int counted, double thresholdPercent);

private:
    static qint64 basisPoints(double percent);
};

} // namespace rollcall
