#pragma once

#include "common/Result.h"
#include "storage/EnrolmentPhoto.h"
#include "storage/StoredEmbedding.h"
#include "vision/matching/StudentTemplate.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace rollcall {

class Database;
class PhotoStore;

// Enrolment photos (face crops in the PhotoStore) and their embeddings per model.
class EnrolmentRepository
{
public:
    EnrolmentRepository(Database &db, PhotoStore &photos);

    // Stores the encoded crop in the photo store and, in one transaction, its photo row and
    // (when embedding is not empty) its embedding for modelId.
    Result<EnrolmentPhoto> addPhoto(const QString &studentUuid, const QByteArray &encodedCrop, EnrolmentPhoto info,
                                    const QString &modelId = {}, const std::vector<float> &embedding = {});
    // Adds an embedding (e.g. a re-embedding of an existing photo with another model).
    Result<StoredEmbedding> addEmbedding(StoredEmbedding embedding);
    Result<QList<EnrolmentPhoto>> photos(const QString &studentUuid);
    Result<std::vector<StoredEmbedding>> embeddingsOf(const QString &studentUuid, const QString &modelId);
    // Every live embedding of a model (duplicate-face checks across all students).
    Result<std::vector<StoredEmbedding>> embeddings(const QString &modelId);
    // Per active student of the class with at least one embedding of the model: the
    // L2-normalised mean of the L2-normalised embeddings. Ordered by student ID.
    Result<std::vector<StudentTemplate>> templates(const QString &classId, const QString &modelId);
    // Tombstones a photo and the embeddings made from it.
    Status removePhoto(const QString &photoId);

private:
    Result<std::vector<StoredEmbedding>> selectEmbeddings(const QString &where, const QVariantList &values);
    Status insertEmbedding(StoredEmbedding &embedding);

    Database &m_db;
    PhotoStore &m_photos;
};

} // namespace rollcall
