#pragma once

#include <QString>

#include <optional>

namespace rollcall {

// Stored as the lower-case English word ('present', …).
enum class AttendanceStatus { Present, Absent, Late, Excused };

QString attendanceStatusName(AttendanceStatus status);
std::optional<AttendanceStatus> attendanceStatusFromString(const QString &text);

} // namespace rollcall
