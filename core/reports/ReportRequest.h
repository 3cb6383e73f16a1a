#pragma once

#include "reports/AttendanceStats.h"
#include "reports/ReportWriter.h"

#include <QDate>
#include <QString>

namespace rollcall {

// What to export: one of the four reports and its parameters. The GUI dialogs and
// `rollcall-cli export` both fill one of these and hand it to ReportBuilder.
struct ReportRequest
{
    enum class Kind { Session, Register, StudentHistory, BelowThreshold };

    Kind kind = Kind::Register;
    QString sessionId; // Session
    QString classCode; // Register, BelowThreshold (empty for BelowThreshold: every class)
    QString studentId; // StudentHistory: the human student ID
    QDate from; // null: open
    QDate to;
    double thresholdPercent = AttendanceStats::kDefaultThresholdPercent;

    static QString kindName(Kind kind); // "session", "register", "student", "below"
    // A file name such as CS-A_register_2026-08-01_2026-11-30.xlsx (characters that are
    // not allowed in file names replaced by '_').
    QString suggestedFileName(ReportWriter::Format format, const QDate &sessionDate = {}) const;
};

} // namespace rollcall
