#pragma once

#include "vision/embedding/Embedder.h"
#include "vision/matching/FaceMatch.h"
#include "vision/matching/StudentTemplate.h"

#include <vector>

namespace rollcall {

// Matches the faces of one photo against the roster of the class being
// marked: cosine distance to each student's mean enrolment embedding, then a
// one-to-one assignment (Hungarian algorithm) so no student gets two faces and
// no face two students. Verdicts, with t = match, b = uncertainBand, m = ambiguityMargin:
//   d ≤ t − b                 confident, if every other student is at least c
//                             (confidentMargin) farther and, for a face narrower than
//                             smallFacePx, d ≤ smallFaceConfident; else uncertain
//   t − b < d ≤ t             uncertain, but only if every other student is at least m
//                             farther; otherwise unknown (a stranger who happens to
//                             look a bit like several students)
//   d > t                     unknown
// (c and the small-face cut were chosen on the realistic classroom sets so that a
// stranger or someone else's face goes to review rather than into the register;
// docs/vision.md has the figures.)
// Unknown faces still carry their nearest student, for review.
class RosterMatcher
{
public:
    struct Thresholds
    {
        double match = 0.3;
        double uncertainBand = 0.05;
        double ambiguityMargin = 0.0;
        double confidentMargin = 0.0;
        int smallFacePx = 0; // 0: no small-face rule
        double smallFaceConfident = 0.0;
    };

    explicit RosterMatcher(Thresholds thresholds);
    static Thresholds thresholdsFrom(const EmbedderSpec &spec);

    void setRoster(std::vector<StudentTemplate> roster) { m_roster = std::move(roster); }
    const std::vector<StudentTemplate> &roster() const { return m_roster; }
    const Thresholds &thresholds() const { return m_thresholds; }

    // One verdict per face, in the order given. faceSizes (box widths in pixels,
    // one per face) enable the small-face rule; empty: every face counts as large.
    std::vector<FaceMatch> match(const std::vector<Embedding> &faces, const std::vector<float> &faceSizes = {}) const;

    // A student's template: the mean of their L2-normalised enrolment
    // embeddings, deliberately NOT re-normalised. 1 − e·mean is then the mean
    // cosine distance from face e to the student's photos: a student whose
    // photos disagree gets a shorter template and so a larger distance, which
    // stops a "blurred" average from attracting strangers (docs/vision.md has
    // the measurements). One sample gives the sample itself.
    static Embedding meanTemplate(const std::vector<Embedding> &samples);

private:
    Thresholds m_thresholds;
    std::vector<StudentTemplate> m_roster;
};

} // namespace rollcall
