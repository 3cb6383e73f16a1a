#include "storage/StudentEnroller.h"

#include "models/FileHasher.h"
#include "storage/Database.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"
#include "vision/RecognitionPipeline.h"
#include "vision/matching/RosterMatcher.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <optional>

namespace rollcall {

int StudentEnroller::Outcome::usable() const
{
    return int(std::count_if(photos.cbegin(), photos.cend(), [](const auto &p) { return p.usable; }));
}

StudentEnroller::StudentEnroller(Database &db, PhotoStore &photos, RecognitionPipeline &pipeline)
    : m_db(db)
    , m_photos(photos)
    , m_pipeline(pipeline)
{ }

QString StudentEnroller::describe(const EnrolmentAnalyser::Photo &photo)
{
    // Decoding errors already start with the file name.
    const QString name = QFileInfo(photo.path).fileName();
    const QString reasons = photo.reasons.join(QLatin1Char(' '));
    return reasons.startsWith(name + QLatin1Char(':')) ? reasons : name + QStringLiteral(": ") + reasons;
}

Result<StudentEnroller::Outcome> StudentEnroller::analyse(const QStringList &paths, const QString &exceptStudentUuid)
{
    const auto spec = m_pipeline.embedderSpec();
    if (!spec)
        return spec.error();
    EnrolmentAnalyser analyser(m_pipeline);
    auto analysed = analyser.analyse(paths);
    if (!analysed)
        return analysed.error();
    Outcome outcome;
    outcome.modelId = spec->id;
    outcome.photos = std::move(*analysed);
    if (outcome.usable() == 0)
        return outcome;
    // The plain mean as the probe: its distance to a template is then the mean of
    // each photo's distance, the scale the match threshold is calibrated on; the
    // re-normalised mean sits closer to every face (6 of 30 classmates flagged).
    const Embedding probe = EnrolmentAnalyser::templateOf(outcome.photos);
    outcome.meanEmbedding = probe;
    Embedder::normalise(outcome.meanEmbedding);
    // A confident match against someone else is worth a warning.
    auto duplicates = possibleDuplicates(m_db, m_photos, spec->id, probe, spec->matchThreshold - spec->uncertainBand,
                                         exceptStudentUuid);
    if (!duplicates)
        return duplicates.error();
    outcome.possibleDuplicates = std::move(*duplicates);
    return outcome;
}

Result<std::vector<StudentEnroller::Duplicate>>
StudentEnroller::possibleDuplicates(Database &db, PhotoStore &photos, const QString &modelId, const Embedding &probe,
                                    double threshold, const QString &exceptStudentUuid)
{
    auto existing = EnrolmentRepository(db, photos).embeddings(modelId);
    if (!existing)
        return existing.error();
    QHash<QString, std::vector<Embedding>> byStudent;
    for (const StoredEmbedding &e : *existing) {
        if (e.studentUuid != exceptStudentUuid)
            byStudent[e.studentUuid].push_back(e.vector);
    }
    std::vector<StudentTemplate> enrolled;
    for (auto it = byStudent.constBegin(); it != byStudent.constEnd(); ++it)
        enrolled.push_back({ .studentUuid = it.key(), .embedding = RosterMatcher::meanTemplate(it.value()) });
    std::vector<Duplicate> out;
    StudentRepository students(db);
    for (const auto &d : EnrolmentQualityChecker::possibleDuplicates(probe, enrolled, threshold)) {
        const QString uuid = enrolled[size_t(d.student)].studentUuid;
        auto other = students.find(uuid);
        if (!other)
            continue; // forgotten since
        out.push_back({ uuid, other->studentId, other->name, double(d.distance) });
    }
    return out;
}

Status StudentEnroller::store(const QString &studentUuid, Outcome &outcome)
{
    EnrolmentRepository enrolments(m_db, m_photos);
    auto had = enrolments.photos(studentUuid);
    if (!had)
        return had.error();
    QSet<QString> hashes;
    for (const EnrolmentPhoto &p : *had)
        hashes.insert(p.photoHash);
    outcome.stored = 0;
    outcome.alreadyStored = 0;
    for (const auto &p : outcome.photos) {
        if (!p.usable)
            continue;
        std::vector<uchar> png;
        if (p.crop.empty() || !cv::imencode(".png", p.crop, png))
            return Error::generic(QStringLiteral("Cannot encode the face crop of %1").arg(p.path));
        const QByteArray bytes(reinterpret_cast<const char *>(png.data()), qsizetype(png.size()));
        // Importing the same folder again must not count a photo twice in the template.
        if (hashes.contains(FileHasher::sha256Hex(bytes))) {
            ++outcome.alreadyStored;
            continue;
        }
        auto photo = enrolments.addPhoto(studentUuid, bytes,
                                         { .source = QStringLiteral("file:") + QFileInfo(p.path).fileName(),
                                           .width = p.crop.cols,
                                           .height = p.crop.rows,
                                           .detectorScore = p.confidence,
                                           .sharpness = p.sharpness,
                                           .brightness = p.brightness,
                                           .faceSize = p.faceSize },
                                         outcome.modelId, p.embedding);
        if (!photo)
            return photo.error();
        hashes.insert(photo->photoHash);
        ++outcome.stored;
    }
    return {};
}

Result<Student> StudentEnroller::enrolNew(const Student &student, const QString &classId, Outcome &outcome)
{
    if (!student.consent)
        return Error::badInput(
            QStringLiteral("%1 has not consented to face recognition; no photo was stored.").arg(student.studentId));
    if (outcome.usable() == 0)
        return Error::badInput(
            QStringLiteral("No usable photo of %1; the student was not enrolled.").arg(student.studentId));
    std::optional<Student> added;
    const Status saved = m_db.transaction([&]() -> Status {
        auto created = StudentRepository(m_db, &m_photos).add(student, classId);
        if (!created)
            return created.error();
        added = *created;
        return store(created->studentUuid, outcome);
    });
    if (!saved)
        return saved.error();
    return *added;
}

Status StudentEnroller::addPhotos(const QString &studentUuid, Outcome &outcome)
{
    if (outcome.usable() == 0)
        return Error::badInput(QStringLiteral("No usable photo; nothing was enrolled."));
    return m_db.transaction([&]() -> Status {
        // Read inside the transaction: consent withdrawn meanwhile is seen.
        auto student = StudentRepository(m_db).find(studentUuid);
        if (!student)
            return student.error();
        if (!student->consent)
            return Error::badInput(QStringLiteral("%1 has not consented to face recognition; no photo was stored.")
                                       .arg(student->studentId));
        return store(studentUuid, outcome);
    });
}

} // namespace rollcall
