#pragma once

#include <QDateTime>
#include <QString>

namespace rollcall {

// One manual change: who changed which field of which row, old → new.
struct AuditEntry
{
    QString id {};
    QString actor {};
    QString entity {}; // table name, e.g. "attendance_records"
    QString entityId {}; // that row's UUID
    QString field {};
    QString oldValue {};
    QString newValue {};
    QString source = QStringLiteral("manual"); // manual, automatic, sync, cli
    QString reason {};
    qint64 at = 0; // HybridLogicalClock value (created_at)
    QDateTime time() const; // wall-clock part of `at`, UTC
};

} // namespace rollcall
