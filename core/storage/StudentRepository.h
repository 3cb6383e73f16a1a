#pragma once

#include "common/Result.h"
#include "storage/Student.h"

#include <QList>

#include <optional>

namespace rollcall {

class Database;
class PhotoStore;

// Students and their class memberships. Every manual change is audited; deletion is
// "forget": photos and embeddings removed, personal data cleared, a tombstone kept for sync.
class StudentRepository
{
public:
    // photos: where forget() deletes the student's photo files (none: files are left).
    explicit StudentRepository(Database &db, PhotoStore *photos = nullptr);

    // What edit() changes; unset fields stay as they are.
    struct Changes
    {
        std::optional<QString> name;
        std::optional<QString> studentId;
        std::optional<QString> email;
        std::optional<bool> consent;
    };

    // Adds a student (department by name; empty: the class's), optionally to a class.
    // A student ID already used in the department is refused.
    Result<Student> add(Student student, const QString &classId = {});
    Result<Student> find(const QString &uuid);
    // The live student with this student ID; department (name) disambiguates.
    Result<Student> findByStudentId(const QString &studentId, const QString &department = {});
    // Live students, all or of one class, ordered by student ID.
    Result<QList<Student>> list(const QString &classId = {}, bool includeInactive = true);

    Result<Student> edit(const QString &uuid, const Changes &changes, const QString &actor = {});
    Status addToClass(const QString &uuid, const QString &classId, const QString &actor = {});
    Status removeFromClass(const QString &uuid, const QString &classId, const QString &actor = {});
    // Moves the student into toClassId, out of fromClassId (empty: out of every other class).
    Status moveToClass(const QString &uuid, const QString &toClassId, const QString &fromClassId = {},
                       const QString &actor = {});
    Status setActive(const QString &uuid, bool active, const QString &actor = {});
    Status deactivate(const QString &uuid, const QString &actor = {}) { return setActive(uuid, false, actor); }
    // Removes the student's enrolment photos (files too, when a PhotoStore was given) and
    // embeddings, clears name/ID/email and leaves a tombstone. Attendance records stay.
    Status forget(const QString &uuid, const QString &actor = {});

private:
    Result<QList<Student>> select(const QString &where, const QVariantList &values);
    Status audit(const QString &uuid, const QString &field, const QString &oldValue, const QString &newValue,
                 const QString &actor);
    Status checkStudentIdFree(const QString &studentId, const QString &departmentId, const QString &exceptUuid);
    Status setMembership(const QString &uuid, const QString &classId, bool member);

    Database &m_db;
    PhotoStore *m_photos;
};

} // namespace rollcall
