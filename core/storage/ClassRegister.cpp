#include "storage/ClassRegister.h"

namespace rollcall {

int ClassRegister::count(qsizetype student, AttendanceStatus wanted) const
{
    int n = 0;
    for (qsizetype j = 0; j < sessions.size(); ++j) {
        if (status(student, j) == wanted)
            ++n;
    }
    return n;
}

} // namespace rollcall
