#include "StatusText.h"

namespace rollcall {

QString StatusText::label(AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Present:
        return tr("Present");
    case AttendanceStatus::Absent:
        return tr("Absent");
    case AttendanceStatus::Late:
        return tr("Late");
    case AttendanceStatus::Excused:
        return tr("Excused");
    case AttendanceStatus::Review:
        return tr("To review");
    }
    return {};
}

QColor StatusText::colour(AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Present:
        return QColor(0x2e, 0x7d, 0x32);
    case AttendanceStatus::Absent:
        return QColor(0xc6, 0x28, 0x28);
    case AttendanceStatus::Late:
        return QColor(0xe6, 0x51, 0x00);
    case AttendanceStatus::Excused:
        return QColor(0x45, 0x5a, 0x64);
    case AttendanceStatus::Review:
        return QColor(0xb2, 0x6a, 0x00);
    }
    return {};
}

} // namespace rollcall
