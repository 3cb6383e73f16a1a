#include "storage/RosterTemplates.h"

#include "common/LogCategories.h"
#include "storage/Database.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"
#include "vision/ImageLoader.h"
#include "vision/RecognitionPipeline.h"
#include "vision/matching/RosterMatcher.h"

namespace rollcall {

Result<RosterTemplates::Roster> RosterTemplates::load(Database &db, PhotoStore &photos, const QString &classId,
                                                      RecognitionPipeline &pipeline)
{
    const QString modelId = pipeline.embedderModel();
    auto members = StudentRepository(db).list(classId, false);
    if (!members)
        return members.error();
    EnrolmentRepository enrolments(db, photos);
    Roster roster;
    for (const Student &student : std::as_const(*members)) {
        if (!student.active)
            continue;
        roster.members.append(student);
        if (!student.consent) {
            roster.withoutConsent << student.studentId;
            continue;
        }
        auto stored = enrolments.embeddingsOf(student.studentUuid, modelId);
        if (!stored)
            return stored.error();
        std::vector<Embedding> samples;
        for (const StoredEmbedding &e : *stored)
            samples.push_back(e.vector);
        if (samples.empty()) {
            // Enrolled under another model? Embed the stored crops with this one.
            auto enrolmentPhotos = enrolments.photos(student.studentUuid);
            if (!enrolmentPhotos)
                return enrolmentPhotos.error();
            std::vector<cv::Mat> crops;
            QStringList photoIds;
            for (const EnrolmentPhoto &p : std::as_const(*enrolmentPhotos)) {
                const auto bytes = photos.read(p.photoHash);
                if (!bytes) {
                    qCWarning(lcVision) << "Enrolment photo missing from the photo store:" << p.photoHash;
                    continue;
                }
                auto crop = ImageLoader().decode(*bytes, p.photoHash);
                if (!crop) {
                    qCWarning(lcVision) << crop.error().message();
                    continue;
                }
                crops.push_back(crop.value());
                photoIds << p.id;
            }
            if (!crops.empty()) {
                auto embedded = pipeline.embedStoredCrops(crops);
                if (!embedded)
                    return embedded.error();
                for (qsizetype i = 0; i < photoIds.size(); ++i) {
                    StoredEmbedding e { .studentUuid = student.studentUuid,
                                        .modelId = modelId,
                                        .vector = embedded->at(size_t(i)),
                                        .photoId = photoIds[i] };
                    auto saved = enrolments.addEmbedding(e);
                    if (!saved)
                        return saved.error();
                    samples.push_back(e.vector);
                    ++roster.reembedded;
                }
            }
        }
        if (samples.empty()) {
            roster.notEnrolled << student.studentId;
            continue;
        }
        roster.templates.push_back({ .studentUuid = student.studentUuid,
                                     .studentId = student.studentId,
                                     .name = student.name,
                                     .embedding = RosterMatcher::meanTemplate(samples),
                                     .sampleCount = int(samples.size()) });
    }
    return roster;
}

} // namespace rollcall
