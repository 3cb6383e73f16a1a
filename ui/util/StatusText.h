#pragma once

#include "storage/AttendanceStatus.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rollcall {

// How attendance statuses are shown: translated names and colours.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)

public:
    static QString label(AttendanceStatus status);
    static QColor colour(AttendanceStatus status);
    static QList<AttendanceStatus> all()
    {
        return { AttendanceStatus::Present, AttendanceStatus::Absent, AttendanceStatus::Late,
                 AttendanceStatus::Excused };
    }
};

} // namespace rollcall
