#pragma once

#include "vision/embedding/Embedder.h"
#include "vision/matching/FaceMatch.h"
#include "vision/matching/StudentTemplate.h"

#include <vector>

namespace rollcall {

// Matches the faces of one photo against the roster of the class being
// marked: cosine distance to each student's mean template, then a one-to-one
// assignment (Hungarian algorithm) so no student gets two faces and no face two
// students. A pair farther apart than matchThreshold is never assigned;
// assigned pairs within uncertainBand of the threshold, or whose face is almost
// as close to another student (ambiguityMargin), are "uncertain".
class RosterMatcher
{
public:
    struct Thresholds
    {
        double match = 0.3;
        double uncertainBand = 0.05;
        double ambiguityMargin = 0.0;
    };

    explicit RosterMatcher(Thresholds thresholds);
    static Thresholds thresholdsFrom(const EmbedderSpec &spec);

    void setRoster(std::vector<StudentTemplate> roster) { m_roster = std::move(roster); }
    const std::vector<StudentTemplate> &roster() const { return m_roster; }
    const Thresholds &thresholds() const { return m_thresholds; }

    // One verdict per face, in the order given.
    std::vector<FaceMatch> match(const std::vector<Embedding> &faces) const;

    // L2-normalised mean of a student's enrolment embeddings.
    static Embedding meanTemplate(const std::vector<Embedding> &samples);

private:
    Thresholds m_thresholds;
    std::vector<StudentTemplate> m_roster;
};

} // namespace rollcall
