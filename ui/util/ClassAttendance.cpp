#include "ClassAttendance.h"

#include "storage/Database.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <algorithm>

namespace rollcall {

Result<ClassAttendance> ClassAttendance::compute(Database &db, const QString &classId)
{
    ClassAttendance out;
    out.classId = classId;
    if (classId.isEmpty())
        return out;
    Result<QList<rollcall::Student>> students = StudentRepository(db).list(classId, true);
    if (!students)
        return students.error();
    for (const rollcall::Student &s : students.value()) {
        out.studentRow.insert(s.id, int(out.students.size()));
        out.students.append({ s.id, s.studentId, s.name, s.active, 0, 0, -1.0, {} });
    }
    SessionRepository sessions(db);
    Result<QList<AttendanceSession>> list = sessions.list(classId);
    if (!list)
        return list.error();
    QList<AttendanceSession> ordered = list.value();
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const AttendanceSession &a, const AttendanceSession &b) { return a.date < b.date; });
    for (const AttendanceSession &summary : ordered) {
        Result<AttendanceSession> full = sessions.load(summary.id);
        if (!full)
            return full.error();
        Session stat { summary.id, summary.date, summary.period, 0, 0, 0, 0, 0.0 };
        for (const AttendanceRecord &record : full->records) {
            switch (record.status) {
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
            }
            const int row = out.studentRow.value(record.studentUuid, -1);
            if (row < 0)
                continue; // a former member
            Student &student = out.students[row];
            student.history.append({ summary.id, summary.date, summary.period, record.status });
            if (record.status != AttendanceStatus::Excused) {
                ++student.counted;
                if (record.status == AttendanceStatus::Present || record.status == AttendanceStatus::Late)
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
