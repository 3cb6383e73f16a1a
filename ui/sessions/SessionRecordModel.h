#pragma once

#include "storage/AttendanceRecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace rollcall {

// The records of one saved session: ID, name, status (editable), source, distance.
// Status edits are not applied here: they are requested with statusEdited and
// applied when storage has written them (with their audit entry).
class SessionRecordModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, NameColumn, StatusColumn, SourceColumn, DistanceColumn, ColumnCount };
    enum Role { StudentUuidRole = Qt::UserRole + 1 };

    explicit SessionRecordModel(QObject *parent = nullptr);

    void setRecords(const QList<AttendanceRecord> &records);
    const QList<AttendanceRecord> &records() const { return m_records; }
    void applyStatus(const QString &studentUuid, AttendanceStatus status); // after a successful save

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void statusEdited(const QString &studentUuid, AttendanceStatus status);

private:
    QList<AttendanceRecord> m_records;
};

} // namespace rollcall
