#pragma once

#include <QString>

namespace rollcall {

// A class (course section) that attendance is taken for. `code` is unique among live classes.
struct ClassInfo
{
    QString id {}; // UUID
    QString code {};
    QString name {};
    QString term {};
    QString department {}; // department name; empty for none
    QString departmentId {};
    int studentCount = 0; // live members, filled by ClassRepository reads
    qint64 createdAt = 0; // HybridLogicalClock values
    qint64 updatedAt = 0;
};

} // namespace rollcall
