#include "vision/matching/RosterMatcher.h"

#include "vision/matching/HungarianAssignment.h"

#include <algorithm>

namespace rollcall {

RosterMatcher::RosterMatcher(Thresholds thresholds)
    : m_thresholds(thresholds)
{ }

RosterMatcher::Thresholds RosterMatcher::thresholdsFrom(const EmbedderSpec &spec)
{
    return { spec.matchThreshold,  spec.uncertainBand, spec.ambiguityMargin,
             spec.confidentMargin, spec.smallFacePx,   spec.smallFaceConfident };
}

Embedding RosterMatcher::meanTemplate(const std::vector<Embedding> &samples)
{
    if (samples.empty())
        return {};
    Embedding mean(samples.front().size(), 0.0f);
    for (const Embedding &sample : samples) {
        Embedding unit = sample;
        Embedder::normalise(unit);
        for (size_t i = 0; i < mean.size() && i < unit.size(); ++i)
            mean[i] += unit[i] / float(samples.size());
    }
    return mean;
}

std::vector<FaceMatch> RosterMatcher::match(const std::vector<Embedding> &faces,
                                            const std::vector<float> &faceSizes) const
{
    std::vector<FaceMatch> result(faces.size());
    if (faces.empty() || m_roster.empty())
        return result;

    std::vector<std::vector<double>> distance(faces.size(), std::vector<double>(m_roster.size()));
    for (size_t f = 0; f < faces.size(); ++f) {
        for (size_t s = 0; s < m_roster.size(); ++s)
            distance[f][s] = Embedder::cosineDistance(faces[f], m_roster[s].embedding);
    }
    // Capping the cost at the threshold makes "no match" cost as much as the
    // worst acceptable match, so the assignment maximises the summed margin
    // below the threshold rather than pairing up faces at any price.
    std::vector<std::vector<double>> cost = distance;
    for (auto &row : cost) {
        for (double &c : row)
            c = std::min(c, m_thresholds.match);
    }
    const std::vector<int> assigned = HungarianAssignment::solve(cost);

    for (size_t f = 0; f < faces.size(); ++f) {
        FaceMatch &m = result[f];
        const auto &row = distance[f];
        const auto nearest = std::min_element(row.begin(), row.end());
        m.nearest = int(nearest - row.begin());
        m.nearestStudentId = m_roster[size_t(m.nearest)].studentId;
        m.nearestDistance = float(*nearest);
        const int s = assigned[f];
        if (s < 0 || row[size_t(s)] > m_thresholds.match)
            continue;
        m.student = s;
        m.studentId = m_roster[size_t(s)].studentId;
        m.distance = float(row[size_t(s)]);
        double runnerUp = 2.0;
        for (size_t other = 0; other < row.size(); ++other) {
            if (int(other) != s)
                runnerUp = std::min(runnerUp, row[other]);
        }
        const bool nearThreshold = row[size_t(s)] > m_thresholds.match - m_thresholds.uncertainBand;
        const bool ambiguous = runnerUp - row[size_t(s)] < m_thresholds.ambiguityMargin;
        if (nearThreshold && ambiguous) {
            m = FaceMatch { MatchBand::Unknown, -1, {}, 2.0f, m.nearest, m.nearestStudentId, m.nearestDistance };
            continue;
        }
        const bool small
            = m_thresholds.smallFacePx > 0 && f < faceSizes.size() && faceSizes[f] < float(m_thresholds.smallFacePx);
        const bool sure = runnerUp - row[size_t(s)] >= m_thresholds.confidentMargin
            && (!small || row[size_t(s)] <= m_thresholds.smallFaceConfident);
        m.band = nearThreshold || ambiguous || !sure ? MatchBand::Uncertain : MatchBand::Confident;
    }
    return result;
}

} // namespace rollcall
