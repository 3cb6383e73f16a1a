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
// model: every active member, and for each one with enrolment photos the mean
// of their embeddings (RosterMatcher::meanTemplate). Members enrolled under
// another model are re-embedded from their stored crops first, and the new
// embeddings saved, so changing the model needs no new photos.
class RosterTemplates
{
public:
    struct Roster
    {
        QList<Student> members; // active members, by student ID
        std::vector<StudentTemplate> templates; // members that can be recognised
        QStringList notEnrolled; // student IDs of members without any usable photo
        int reembedded = 0; // photos embedded now for this model
    };

    static Result<Roster> load(Database &db, PhotoStore &photos, const QString &classId, RecognitionPipeline &pipeline);
};

} // namespace rollcall
