#pragma once

#include <QString>

namespace rollcall {

enum class MatchBand { Confident, Uncertain, Unknown };

// The matcher's verdict on one face.
struct FaceMatch
{
    MatchBand band = MatchBand::Unknown;
    int student = -1; // index into the roster, -1 for unknown
    QString studentId;
    float distance = 2.0f; // cosine distance to that student's template
    // The closest student whatever the assignment (for unknown faces, so the
    // teacher can be offered "is this X?").
    int nearest = -1;
    QString nearestStudentId;
    float nearestDistance = 2.0f;

    bool isMatch() const { return band != MatchBand::Unknown; }
    static QString bandName(MatchBand band)
    {
        switch (band) {
        case MatchBand::Confident:
            return QStringLiteral("confident");
        case MatchBand::Uncertain:
            return QStringLiteral("uncertain");
        case MatchBand::Unknown:
            break;
        }
        return QStringLiteral("unknown");
    }
};

} // namespace rollcall
