#pragma once

#include <QRectF>
#include <QString>

#include <limits>

namespace rollcall {

// One face of a classroom photo under review, in the photo's pixel coordinates.
// The automatic fields come from recognition; the teacher's corrections are kept
// beside them so the difference can be audited on save.
struct ReviewFace
{
    enum class Band { Confident, Uncertain, Unknown };
    // What the photo view draws; derived from the fields below.
    enum class Display { Confident, Uncertain, Unknown, TooSmall, NotStudent, Manual };

    int photo = 0; // index of the photo in the review
    QRectF box;
    bool tooSmall = false;
    Band band = Band::Unknown; // the recognition band of the automatic match
    QString autoStudentUuid; // the automatic match (empty: none)
    double autoDistance = std::numeric_limits<double>::quiet_NaN();
    QString nearestStudentUuid; // nearest roster student even when unmatched
    double nearestDistance = std::numeric_limits<double>::quiet_NaN();

    QString studentUuid; // current assignment
    bool notStudent = false; // the teacher said this is not a student
    bool manual = false; // the current assignment was made or confirmed by the teacher

    bool assigned() const { return !studentUuid.isEmpty(); }
    Display display() const
    {
        if (notStudent)
            return Display::NotStudent;
        if (manual && assigned())
            return Display::Manual;
        if (assigned())
            return band == Band::Uncertain ? Display::Uncertain : Display::Confident;
        return tooSmall ? Display::TooSmall : Display::Unknown;
    }
};

} // namespace rollcall
