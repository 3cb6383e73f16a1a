#pragma once

#include <QAbstractTableModel>

namespace rollcall {

class MarkReview;

// The class roster of a marking as a table: roll number, name, status, distance
// and match. Status is editable (combo box or cycling); an uncertain match is
// confirmed by ticking its Match cell.
class RosterTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, NameColumn, StatusColumn, DistanceColumn, MatchColumn, ColumnCount };
    enum Role { StudentUuidRole = Qt::UserRole + 1, StatusKeyRole, NeedsReviewRole };

    explicit RosterTableModel(MarkReview *review, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    void onRowChanged(int row);

    MarkReview *m_review;
};

} // namespace rollcall
