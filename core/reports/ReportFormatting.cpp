#include "reports/ReportFormatting.h"

namespace rollcall {

QString ReportFormatting::statusLetter(AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Present:
        return QStringLiteral("P");
    case AttendanceStatus::Absent:
        return QStringLiteral("A");
    case AttendanceStatus::Late:
        return QStringLiteral("L");
    case AttendanceStatus::Excused:
        return QStringLiteral("E");
    case AttendanceStatus::Review:
        return QStringLiteral("?");
    }
    return {};
}

QString ReportFormatting::statusWord(AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Present:
        return QStringLiteral("Present");
    case AttendanceStatus::Absent:
        return QStringLiteral("Absent");
    case AttendanceStatus::Late:
        return QStringLiteral("Late");
    case AttendanceStatus::Excused:
        return QStringLiteral("Excused");
    case AttendanceStatus::Review:
        return QStringLiteral("To review");
    }
    return {};
}

void ReportFormatting::count(AttendanceStats *stats, AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Present:
        ++stats->present;
        break;
    case AttendanceStatus::Absent:
        ++stats->absent;
        break;
    case AttendanceStatus::Late:
        ++stats->late;
        break;
    case AttendanceStatus::Excused:
        ++stats->excused;
        break;
    case AttendanceStatus::Review:
        ++stats->review;
        break;
    }
}

QVariant ReportFormatting::rateCell(const AttendanceStats &stats)
{
    const auto rate = stats.rate();
    return rate ? QVariant(*rate) : QVariant();
}

QString ReportFormatting::displayName(const QString &studentId, const QString &name)
{
    if (studentId.isEmpty() && name.isEmpty())
        return QStringLiteral("(forgotten student)");
    return name;
}

QString ReportFormatting::rulesText()
{
    return QStringLiteral("Attendance % = (present + late) / (present + late + absent); excused sessions are not "
                          "counted, nor are records still to review (?). Sessions needed to reach a threshold t: the smallest k with (attended + k) / "
                          "(counted + k) >= t, i.e. ceil((t * counted - attended) / (1 - t)).");
}

bool ReportFormatting::isNumeric(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

} // namespace rollcall
