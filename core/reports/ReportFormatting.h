#pragma once

#include "reports/AttendanceStats.h"
#include "storage/AttendanceStatus.h"

#include <QString>
#include <QVariant>

namespace rollcall {

// Wording shared by the four reports, so they read the same.
class ReportFormatting
{
public:
    static QString statusLetter(AttendanceStatus status); // P, A, L, E (register matrix)
    static QString statusWord(AttendanceStatus status); // Present, Absent, Late, Excused
    static void count(AttendanceStats *stats, AttendanceStatus status);
    // The rate as a percent cell (a fraction), or an empty cell when nothing is counted.
    static QVariant rateCell(const AttendanceStats &stats);
    // A forgotten student keeps records but no ID or name.
    static QString displayName(const QString &studentId, const QString &name);
    // The counting rules, for the documents' comments.
    static QString rulesText();
    // Whether a cell value is written as a number by both writers.
    static bool isNumeric(const QVariant &value);
};

} // namespace rollcall
