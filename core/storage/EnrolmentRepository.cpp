#include "storage/EnrolmentRepository.h"

#include "storage/Database.h"
#include "storage/EmbeddingCodec.h"
#include "storage/PhotoStore.h"
#include "storage/SqlHelper.h"

#include <QHash>

namespace rollcall {
namespace {

QVariant optionalReal(const std::optional<double> &value)
{
    return value ? QVariant(*value) : SqlHelper::nullReal();
}

std::optional<double> readReal(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

} // namespace

EnrolmentRepository::EnrolmentRepository(Database &db, PhotoStore &photos)
    : m_db(db)
    , m_photos(photos)
{ }

Status EnrolmentRepository::insertEmbedding(StoredEmbedding &embedding)
{
    if (embedding.modelId.isEmpty())
        return Error::badInput(QStringLiteral("An embedding needs a model id."));
    if (embedding.vector.empty())
        return Error::badInput(QStringLiteral("An embedding cannot be empty."));
    embedding.id = SqlHelper::newId();
    const qint64 now = m_db.clock().now();
    auto q
        = SqlHelper::exec(m_db.connection(),
                          QStringLiteral("INSERT INTO embeddings (id, created_at, updated_at, deleted, origin_device,"
                                         " student_uuid, model_id, dimension, vector, photo_id)"
                                         " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?)"),
                          { embedding.id, now, now, m_db.deviceId(), embedding.studentUuid, embedding.modelId,
                            qlonglong(embedding.vector.size()), EmbeddingCodec::encode(embedding.vector),
                            SqlHelper::nullableText(embedding.photoId) });
    return q ? Status() : Status(q.error());
}

Result<EnrolmentPhoto> EnrolmentRepository::addPhoto(const QString &studentUuid, const QByteArray &encodedCrop,
                                                     EnrolmentPhoto info, const QString &modelId,
                                                     const std::vector<float> &embedding)
{
    // The file goes first: if the transaction then fails, an unreferenced file is harmless
    // (same bytes, same name), whereas a row without its file would not be.
    auto hash = m_photos.put(encodedCrop);
    if (!hash)
        return hash.error();
    Status status = m_db.transaction([&]() -> Status {
        auto student = SqlHelper::exec(
            m_db.connection(), QStringLiteral("SELECT 1 FROM students WHERE id = ? AND deleted = 0"), { studentUuid });
        if (!student)
            return student.error();
        if (!student->next())
            return Error::badInput(QStringLiteral("No student with id %1.").arg(studentUuid));
        info.id = SqlHelper::newId();
        info.studentUuid = studentUuid;
        info.photoHash = *hash;
        info.createdAt = m_db.clock().now();
        auto q = SqlHelper::exec(
            m_db.connection(),
            QStringLiteral("INSERT INTO enrolment_photos (id, created_at, updated_at, deleted, origin_device,"
                           " student_uuid, photo_hash, source, width, height, detector_score, sharpness, brightness,"
                           " face_size) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { info.id, info.createdAt, info.createdAt, m_db.deviceId(), studentUuid, info.photoHash,
              SqlHelper::text(info.source), info.width, info.height, optionalReal(info.detectorScore),
              optionalReal(info.sharpness), optionalReal(info.brightness), optionalReal(info.faceSize) });
        if (!q)
            return q.error();
        if (embedding.empty())
            return {};
        StoredEmbedding stored { {}, studentUuid, modelId, embedding, info.id };
        return insertEmbedding(stored);
    });
    if (!status)
        return status.error();
    return info;
}

Result<StoredEmbedding> EnrolmentRepository::addEmbedding(StoredEmbedding embedding)
{
    Status status = m_db.transaction([&]() -> Status { return insertEmbedding(embedding); });
    if (!status)
        return status.error();
    return embedding;
}

Result<QList<EnrolmentPhoto>> EnrolmentRepository::photos(const QString &studentUuid)
{
    auto q
        = SqlHelper::exec(m_db.connection(),
                          QStringLiteral("SELECT id, student_uuid, photo_hash, source, width, height, detector_score,"
                                         " sharpness, brightness, face_size, created_at FROM enrolment_photos"
                                         " WHERE student_uuid = ? AND deleted = 0 ORDER BY created_at"),
                          { studentUuid });
    if (!q)
        return q.error();
    QList<EnrolmentPhoto> result;
    while (q->next()) {
        EnrolmentPhoto p;
        p.id = q->value(0).toString();
        p.studentUuid = q->value(1).toString();
        p.photoHash = q->value(2).toString();
        p.source = q->value(3).toString();
        p.width = q->value(4).toInt();
        p.height = q->value(5).toInt();
        p.detectorScore = readReal(q->value(6));
        p.sharpness = readReal(q->value(7));
        p.brightness = readReal(q->value(8));
        p.faceSize = readReal(q->value(9));
        p.createdAt = q->value(10).toLongLong();
        result << p;
    }
    return result;
}

Result<std::vector<StoredEmbedding>> EnrolmentRepository::selectEmbeddings(const QString &where,
                                                                           const QVariantList &values)
{
    auto q = SqlHelper::exec(m_db.connection(),
                             QStringLiteral("SELECT e.id, e.student_uuid, e.model_id, e.dimension, e.vector,"
                                            " coalesce(e.photo_id, '') FROM embeddings e"
                                            " JOIN students s ON s.id = e.student_uuid"
                                            " WHERE e.deleted = 0 AND s.deleted = 0 ")
                                 + where + QStringLiteral(" ORDER BY e.student_uuid, e.created_at"),
                             values);
    if (!q)
        return q.error();
    std::vector<StoredEmbedding> result;
    while (q->next()) {
        auto vector = EmbeddingCodec::decode(q->value(4).toByteArray(), q->value(3).toInt());
        if (!vector)
            return Error::storage(QStringLiteral("Embedding %1 is damaged (size does not match its dimension).")
                                      .arg(q->value(0).toString()));
        result.push_back({ q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), std::move(*vector),
                           q->value(5).toString() });
    }
    return result;
}

Result<std::vector<StoredEmbedding>> EnrolmentRepository::embeddingsOf(const QString &studentUuid,
                                                                       const QString &modelId)
{
    return selectEmbeddings(QStringLiteral("AND e.student_uuid = ? AND e.model_id = ?"), { studentUuid, modelId });
}

Result<std::vector<StoredEmbedding>> EnrolmentRepository::embeddings(const QString &modelId)
{
    return selectEmbeddings(QStringLiteral("AND e.model_id = ?"), { modelId });
}

Result<std::vector<StudentTemplate>> EnrolmentRepository::templates(const QString &classId, const QString &modelId)
{
    auto q = SqlHelper::exec(m_db.connection(),
                             QStringLiteral("SELECT s.id, s.student_id, s.name, e.dimension, e.vector"
                                            " FROM class_members m JOIN students s ON s.id = m.student_uuid"
                                            " JOIN embeddings e ON e.student_uuid = s.id"
                                            " WHERE m.class_id = ? AND m.deleted = 0 AND s.deleted = 0 AND s.active = 1"
                                            " AND e.deleted = 0 AND e.model_id = ?"
                                            " ORDER BY s.student_id, s.id, e.created_at"),
                             { classId, modelId });
    if (!q)
        return q.error();
    std::vector<StudentTemplate> result;
    std::vector<double> sum;
    auto finish = [&] {
        if (result.empty())
            return;
        StudentTemplate &t = result.back();
        t.embedding.assign(sum.begin(), sum.end());
        if (!EmbeddingCodec::normalise(t.embedding))
            result.pop_back(); // only zero vectors: nothing to match against
    };
    while (q->next()) {
        const QString uuid = q->value(0).toString();
        auto vector = EmbeddingCodec::decode(q->value(4).toByteArray(), q->value(3).toInt());
        if (!vector)
            return Error::storage(QStringLiteral("An embedding of student %1 is damaged.").arg(uuid));
        if (result.empty() || result.back().studentUuid != uuid) {
            finish();
            StudentTemplate t;
            t.studentUuid = uuid;
            t.studentId = q->value(1).toString();
            t.name = q->value(2).toString();
            result.push_back(std::move(t));
            sum.assign(vector->size(), 0.0);
        }
        if (vector->size() != sum.size())
            return Error::storage(
                QStringLiteral("Student %1 has embeddings of different sizes for model %2.").arg(uuid, modelId));
        if (!EmbeddingCodec::normalise(*vector))
            continue;
        for (size_t i = 0; i < sum.size(); ++i)
            sum[i] += (*vector)[i];
        ++result.back().sampleCount;
    }
    finish();
    return result;
}

Status EnrolmentRepository::removePhoto(const QString &photoId)
{
    return m_db.transaction([&]() -> Status {
        const QVariantList values { m_db.clock().now(), m_db.deviceId(), photoId };
        auto embeddings
            = SqlHelper::exec(m_db.connection(),
                              QStringLiteral("UPDATE embeddings SET deleted = 1, vector = x'', dimension = 0,"
                                             " updated_at = ?, origin_device = ? WHERE photo_id = ?"),
                              values);
        if (!embeddings)
            return embeddings.error();
        auto photo = SqlHelper::exec(m_db.connection(),
                                     QStringLiteral("UPDATE enrolment_photos SET deleted = 1, updated_at = ?,"
                                                    " origin_device = ? WHERE id = ? AND deleted = 0"),
                                     values);
        if (!photo)
            return photo.error();
        if (photo->numRowsAffected() != 1)
            return Error::badInput(QStringLiteral("No enrolment photo with id %1.").arg(photoId));
        return {};
    });
}

} // namespace rollcall
