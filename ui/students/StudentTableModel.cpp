#include "StudentTableModel.h"

#include <QBrush>
#include <QColor>

namespace rollcall {

StudentTableModel::StudentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void StudentTableModel::setStudents(const QList<Student> &students)
{
    beginResetModel();
    m_students = students;
    endResetModel();
}

void StudentTableModel::setAttendance(const QHash<QString, double> &percent, int threshold)
{
    m_percent = percent;
    m_threshold = threshold;
    if (!m_students.isEmpty())
        Q_EMIT dataChanged(index(0, AttendanceColumn), index(rowCount() - 1, AttendanceColumn));
}

const Student *StudentTableModel::student(int row) const
{
    return row >= 0 && row < m_students.size() ? &m_students.at(row) : nullptr;
}

int StudentTableModel::rowOfUuid(const QString &uuid) const
{
    for (int row = 0; row < m_students.size(); ++row) {
        if (m_students.at(row).studentUuid == uuid)
            return row;
    }
    return -1;
}

int StudentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_students.size());
}

int StudentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_students.size())
        return {};
    const Student &s = m_students.at(index.row());
    const double percent = m_percent.value(s.studentUuid, -1.0);
    switch (role) {
    case UuidRole:
        return s.studentUuid;
    case ActiveRole:
        return s.active;
    case SortRole:
        if (index.column() == AttendanceColumn)
            return percent;
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return s.studentId;
        case NameColumn:
            return s.name;
        case EmailColumn:
            return s.email;
        case ActiveColumn:
            return s.active ? tr("Active") : tr("Inactive");
        case AttendanceColumn:
            return percent < 0 ? QStringLiteral("–") : QStringLiteral("%1 %").arg(percent, 0, 'f', 0);
        }
        break;
    case Qt::ForegroundRole:
        if (!s.active)
            return QBrush(QColor(0x9e, 0x9e, 0x9e));
        if (index.column() == AttendanceColumn && percent >= 0 && percent < m_threshold)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == AttendanceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant StudentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Student ID");
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case ActiveColumn:
        return tr("State");
    case AttendanceColumn:
        return tr("Attendance");
    }
    return {};
}

} // namespace rollcall
