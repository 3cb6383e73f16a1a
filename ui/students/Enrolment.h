#pragma once

#include "common/Result.h"
#include "storage/Student.h"
#include "students/EnrolmentCheck.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rollcall {

class Database;

// Registering a student: the student row, class membership and every accepted
// photo (aligned crop in the photo store, embedding) in one transaction.
class Enrolment
{
public:
    struct Photo
    {
        QString source; // "camera" or "file:NAME"
        EnrolmentCheck check; // must be accepted
    };

    // Slow work (database writes); call it off the GUI thread.
    static Result<Student> save(Database &db, const Student &student, const QString &classId,
                                const QList<Photo> &photos);
    // Checks each file with the engine and registers the student with the accepted ones;
    // fails if none is usable. Returns the student's UUID. (Tests and tools.)
    static Result<QString> enrolFiles(Database &db, const QString &classId, const QString &studentId,
                                      const QString &name, const QStringList &paths);
};

} // namespace rollcall
