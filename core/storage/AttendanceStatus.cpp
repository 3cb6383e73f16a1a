#include "storage/AttendanceStatus.h"

namespace rollcall {

QString attendanceStatusName(AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Present:
        return QStringLiteral("present");
    case AttendanceStatus::Absent:
        return QStringLiteral("absent");
    case AttendanceStatus::Late:
        return QStringLiteral("late");
    case AttendanceStatus::Excused:
        return QStringLiteral("excused");
    case AttendanceStatus::Review:
        return QStringLiteral("review");
    }
    return {};
}

std::optional<AttendanceStatus> attendanceStatusFromString(const QString &text)
{
    for (auto status : { AttendanceStatus::Present, AttendanceStatus::Absent, AttendanceStatus::Late,
                         AttendanceStatus::Excused, AttendanceStatus::Review }) {
        if (text.compare(attendanceStatusName(status), Qt::CaseInsensitive) == 0)
            return status;
    }
    return std::nullopt;
}

} // namespace rollcall
