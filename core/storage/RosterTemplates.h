#pragma once

#include "common/Result.h"
#include "storage/Student.h"
#include "vision/matching/StudentTemplate.h"

#include <QList>
#include <QString>

#include <vector>

namespace rollcall {

class Database;
class PhotoStore;
class RecognitionPipeline;

// The roster of a class as the matcher needs it, for the pipeline's embedding
// model: every active member, and for each one with consent and enrolment photos the mean
// of their embeddings (RosterMatcher::meanTemplate). Members enrolled under
// another model are re-embedded from their stored crops first, and the new
// embeddings saved, so changing the model needs no new photos. A member without
// consent to face recognition gets no template, whatever is stored: they are marked
// by hand.
class RosterTemplates
{
public:
    struct Roster
    {
        QList<Student> members; // active members, by student ID
        std::vector<StudentTemplate> templates; // members that can be recognised
        QStringList notEnrolled; // student IDs of members without any usable photo
        QStringList withoutConsent; // student IDs of members never matched: no consent recorded
        int reembedded = 0; // photos embedded now for this model
    };

    static Result<Roster> load(Database &db, PhotoStore &photos, const QString &classId, RecognitionPipeline &pipeline);
};

} // namespace rollcall
