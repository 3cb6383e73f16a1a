#pragma once

#include "storage/Student.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace rollcall {

// The students of a class: ID, name, email, active, attendance percentage.
class StudentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, NameColumn, EmailColumn, ActiveColumn, AttendanceColumn, ColumnCount };
    enum Role { UuidRole = Qt::UserRole + 1, ActiveRole, SortRole };

    explicit StudentTableModel(QObject *parent = nullptr);

    void setStudents(const QList<Student> &students);
    // Percentages per student uuid (-1: no session yet).
    void setAttendance(const QHash<QString, double> &percent, int threshold);
    const Student *student(int row) const;
    int rowOfUuid(const QString &uuid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Student> m_students;
    QHash<QString, double> m_percent;
    int m_threshold = 75;
};

} // namespace rollcall
