#include "storage/SetupProgress.h"

#include "storage/Database.h"
#include "storage/SqlHelper.h"

namespace rollcall {

Result<SetupProgress> SetupProgress::load(Database &db)
{
    auto q = SqlHelper::exec(db.connection(),
                             QStringLiteral("SELECT (SELECT count(*) FROM classes WHERE deleted = 0),"
                                            " (SELECT count(*) FROM students WHERE deleted = 0),"
                                            " (SELECT count(DISTINCT student_uuid) FROM embeddings WHERE deleted = 0),"
                                            " (SELECT count(*) FROM attendance_sessions WHERE deleted = 0)"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::storage(QStringLiteral("Could not count the register's rows."));
    SetupProgress p;
    p.classes = q->value(0).toInt();
    p.students = q->value(1).toInt();
    p.enrolledStudents = q->value(2).toInt();
    p.sessions = q->value(3).toInt();
    return p;
}

} // namespace rollcall
