#pragma once

#include <QSortFilterProxyModel>

namespace rollcall {

// Search (any column, case-insensitive) and the "show inactive" switch over a
// StudentTableModel, plus sorting by the model's SortRole.
class StudentFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit StudentFilterModel(QObject *parent = nullptr);

    void setShowInactive(bool show);
    bool showInactive() const { return m_showInactive; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_showInactive = true;
};

} // namespace rollcall
