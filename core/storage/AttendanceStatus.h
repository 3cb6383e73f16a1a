#pragma once

#include <QString>

#include <optional>

namespace rollcall {

// Stored as the lower-case English word ('present', …). The numeric values are used by
// AttendanceQueries (CASE … THEN 0 …): keep the order. Review: an uncertain match nobody
// confirmed — neither attended nor absent until a person decides (schema version 3).
enum class AttendanceStatus { Present = 0, Absent = 1, Late = 2, Excused = 3, Review = 4 };

QString attendanceStatusName(AttendanceStatus status);
std::optional<AttendanceStatus> attendanceStatusFromString(const QString &text);

} // namespace rollcall
