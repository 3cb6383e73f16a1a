#pragma once

#include "common/Result.h"

namespace rollcall {

class Database;

// How far a lab PC's register has come, for the first-run guide: classes, students,
// students enrolled with face photos, attendance sessions (live rows only).
struct SetupProgress
{
    int classes = 0;
    int students = 0;
    int enrolledStudents = 0;
    int sessions = 0;

    // A class has a marked session: the guide has done its job.
    bool isComplete() const { return sessions > 0; }

    // One read; use on a thread that owns a connection of db.
    static Result<SetupProgress> load(Database &db);
};

} // namespace rollcall
