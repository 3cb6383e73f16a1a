#include "ClassAttendance.h"

#include "storage/AttendanceQueries.h"
#include "storage/Database.h"

namespace rollcall {

Result<ClassAttendance> ClassAttendance::compute(Database &db, const QString &classId)
{
    ClassAttendance out;
    out.classId = classId;
    if (classId.isEmpty())
        return out;
    // The whole register in a few queries, whatever the number of sessions.
    const Result<ClassRegister> reg = AttendanceQueries(db).classRegister(classId);
    if (!reg)
        return reg.error();
    const qsizetype sessionCount = reg->sessions.size();
    QList<int> rowOf(reg->students.size(), -1);
    for (qsizetype i = 0; i < reg->students.size(); ++i) {
        const ClassRegister::Row &row = reg->students.at(i);
        if (!row.member)
            continue; // moved out: counts for the sessions, not listed
        rowOf[i] = int(out.students.size());
        out.studentRow.insert(row.studentUuid, int(out.students.size()));
        out.students.append({ row.studentUuid, row.studentId, row.name, row.active, 0, 0, -1.0, {} });
    }
    for (qsizetype j = 0; j < sessionCount; ++j) {
        const AttendanceSession &session = reg->sessions.at(j);
        Session stat { session.id, session.date, session.period, 0, 0, 0, 0, 0.0 };
        for (qsizetype i = 0; i < reg->students.size(); ++i) {
            const std::optional<AttendanceStatus> status = reg->status(i, j);
            if (!status)
                continue;
            switch (*status) {
            case AttendanceStatus::Present:
                ++stat.present;
                break;
            case AttendanceStatus::Absent:
                ++stat.absent;
                break;
            case AttendanceStatus::Late:
                ++stat.late;
                break;
            case AttendanceStatus::Excused:
                ++stat.excused;
                break;
            case AttendanceStatus::Review:
                break; // neither attended nor absent until decided
            }
            if (rowOf.at(i) < 0)
                continue;
            Student &student = out.students[rowOf.at(i)];
            student.history.append({ session.id, session.date, session.period, *status });
            if (*status != AttendanceStatus::Excused && *status != AttendanceStatus::Review) {
                ++student.counted;
                if (*status == AttendanceStatus::Present || *status == AttendanceStatus::Late)
                    ++student.attended;
            }
        }
        const int counted = stat.present + stat.absent + stat.late;
        stat.percent = counted > 0 ? 100.0 * (stat.present + stat.late) / counted : 0.0;
        out.sessions.append(stat);
    }
    for (Student &student : out.students)
        student.percent = student.counted > 0 ? 100.0 * student.attended / student.counted : -1.0;
    return out;
}

} // namespace rollcall
