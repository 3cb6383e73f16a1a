#pragma once

#include <QJsonObject>

namespace rollcall {

struct AttendanceRecord;
struct AttendanceSession;
struct ClassInfo;
struct Student;

// The JSON shapes of the storage commands (student/session/class list and show), in one
// place so every command that prints these objects prints them the same way.
class StorageJson
{
public:
    static QJsonObject student(const Student &student);
    static QJsonObject classInfo(const ClassInfo &info);
    // Without records unless the session has them loaded.
    static QJsonObject session(const AttendanceSession &session);
    static QJsonObject record(const AttendanceRecord &record);
};

} // namespace rollcall
