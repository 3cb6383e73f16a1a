#pragma once

#include "common/Result.h"
#include "storage/Student.h"
#include "vision/embedding/Embedder.h"
#include "vision/matching/StudentTemplate.h"
#include "vision/quality/EnrolmentAnalyser.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace rollcall {

class Database;
class PhotoStore;
class RecognitionPipeline;

// Enrols one student from registration photo files: each file is decoded
// (ImageLoader, inside the pipeline) and judged by EnrolmentAnalyser; the accepted
// photos are stored (aligned crop in the photo store, embedding for the pipeline's
// model), and the student's template is the mean of those embeddings. The one
// enrolment path of `rollcall-cli student add` and the roster import with photos.
class StudentEnroller
{
public:
    // An enrolled student whose face is close to the new photos: perhaps the same person
    // registered twice.
    struct Duplicate
    {
        QString studentUuid;
        QString studentId;
        QString name;
        double distance = 0.0;
    };

    struct Outcome
    {
        QString modelId; // the embedder whose embeddings are stored
        std::vector<EnrolmentAnalyser::Photo> photos; // every photo, in the order given
        Embedding meanEmbedding; // L2-normalised mean of the accepted photos' embeddings
        std::vector<Duplicate> possibleDuplicates; // closest first
        int stored = 0; // accepted photos stored by enrolNew()/addPhotos()
        int alreadyStored = 0; // accepted photos the student already had (same face crop)

        int usable() const;
    };

    StudentEnroller(Database &db, PhotoStore &photos, RecognitionPipeline &pipeline);

    // Judges the photos and looks for possible duplicate registrations among the other
    // enrolled students (all but exceptStudentUuid). Writes nothing. Fails only when the
    // models cannot run or the database cannot be read: a bad photo is a refused Photo.
    Result<Outcome> analyse(const QStringList &paths, const QString &exceptStudentUuid = {});
    // Adds a new student (to classId) with the accepted photos in one transaction.
    // BadInput, and nothing written, when no photo was accepted or the student has not
    // consented to face recognition (student.consent).
    Result<Student> enrolNew(const Student &student, const QString &classId, Outcome &outcome);
    // Adds the accepted photos to an existing student in one transaction; photos whose
    // face crop the student already has are counted in alreadyStored, not stored again.
    // BadInput, and nothing written, for a student without consent.
    Status addPhotos(const QString &studentUuid, Outcome &outcome);

    // Enrolled students (with embeddings of modelId) whose mean template is within
    // threshold of probe, closest first. probe is the plain (not re-normalised)
    // mean of the new photos' embeddings, so the distance is the mean distance
    // between their photos, on the scale of the match threshold.
    static Result<std::vector<Duplicate>> possibleDuplicates(Database &db, PhotoStore &photos, const QString &modelId,
                                                             const Embedding &probe, double threshold,
                                                             const QString &exceptStudentUuid = {});
    // "NAME.jpg: reason reason" for people.
    static QString describe(const EnrolmentAnalyser::Photo &photo);

private:
    Status store(const QString &studentUuid, Outcome &outcome);

    Database &m_db;
    PhotoStore &m_photos;
    RecognitionPipeline &m_pipeline;
};

} // namespace rollcall
