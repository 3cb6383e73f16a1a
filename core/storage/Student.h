#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace rollcall {

// A student. `studentId` is the roll/student number people use (unique per department);
// `id` is the row's UUID that other tables reference (as student_uuid).
struct Student
{
    QString studentUuid {};
    QString studentId {};
    QString name {}; // any script; stored exactly as given
    QString email {};
    QString department {}; // name; empty for none
    QString departmentId {};
    bool active = true;
    bool consent = false; // consent to face recognition recorded
    QDateTime consentAt {};
    QStringList classCodes {}; // live memberships, filled by StudentRepository reads
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

} // namespace rollcall
