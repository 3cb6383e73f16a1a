#include "Enrolment.h"

#include "storage/Database.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"
#include "util/VisionService.h"

#include <optional>

namespace rollcall {

Result<Student> Enrolment::save(Database &db, const Student &student, const QString &classId,
                                const QList<Photo> &photos)
{
    // The dialog asks for consent first; storage refuses face photos without it all the same.
    if (!student.consent && !photos.isEmpty())
        return Error::badInput(
            QStringLiteral("%1 has not consented to face recognition; no photo was stored.").arg(student.studentId));
    std::optional<Student> added;
    const Status status = db.transaction([&]() -> Status {
        Result<Student> created = StudentRepository(db).add(student, classId);
        if (!created)
            return created.error();
        PhotoStore store;
        EnrolmentRepository enrolments(db, store);
        for (const Photo &p : photos) {
            EnrolmentPhoto info;
            info.source = p.source;
            info.width = p.check.crop.width();
            info.height = p.check.crop.height();
            info.detectorScore = p.check.detectorScore;
            info.sharpness = p.check.sharpness;
            info.brightness = p.check.brightness;
            info.faceSize = p.check.faceSize;
            const Result<EnrolmentPhoto> photo = enrolments.addPhoto(created->studentUuid, p.check.encodedCrop, info,
                                                                     p.check.modelId, p.check.embedding);
            if (!photo)
                return photo.error();
        }
        added = created.value();
        return {};
    });
    if (!status)
        return status.error();
    return *added;
}

Result<QString> Enrolment::enrolFiles(Database &db, const QString &classId, const QString &studentId,
                                      const QString &name, const QStringList &paths)
{
    Student student;
    student.studentId = studentId;
    student.name = name;
    student.consent = true;
    const Result<Student> saved = VisionService::instance().enrolFiles(db, student, classId, paths);
    if (!saved)
        return saved.error();
    return saved->studentUuid;
}

} // namespace rollcall
