#include "SessionRecordModel.h"

#include "util/StatusText.h"

#include <QBrush>

namespace rollcall {

SessionRecordModel::SessionRecordModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SessionRecordModel::setRecords(const QList<AttendanceRecord> &records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

void SessionRecordModel::applyStatus(const QString &studentUuid, AttendanceStatus status)
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).studentUuid != studentUuid)
            continue;
        m_records[row].status = status;
        m_records[row].source = MarkSource::Manual;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int SessionRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int SessionRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionRecordModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const AttendanceRecord &r = m_records.at(index.row());
    if (role == StudentUuidRole)
        return r.studentUuid;
    if (role == Qt::EditRole && index.column() == StatusColumn)
        return attendanceStatusName(r.status);
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return QBrush(StatusText::colour(r.status));
    if (role == Qt::TextAlignmentRole && index.column() == DistanceColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return r.studentId;
    case NameColumn:
        return r.studentName;
    case StatusColumn:
        return StatusText::label(r.status);
    case SourceColumn:
        return r.source == MarkSource::Manual ? tr("Manual") : tr("Automatic");
    case DistanceColumn:
        return r.distance ? QString::number(*r.distance, 'f', 3) : QStringLiteral("–");
    }
    return {};
}

QVariant SessionRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case SourceColumn:
        return tr("Source");
    case DistanceColumn:
        return tr("Distance");
    }
    return {};
}

Qt::ItemFlags SessionRecordModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == StatusColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SessionRecordModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != StatusColumn || role != Qt::EditRole)
        return false;
    const std::optional<AttendanceStatus> status = attendanceStatusFromString(value.toString());
    if (!status || *status == m_records.at(index.row()).status)
        return false;
    Q_EMIT statusEdited(m_records.at(index.row()).studentUuid, *status);
    return false; // shown once storage has it
}

} // namespace rollcall
