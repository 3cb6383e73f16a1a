#include "StudentFilterModel.h"

#include "students/StudentTableModel.h"

namespace rollcall {

StudentFilterModel::StudentFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
    setSortRole(StudentTableModel::SortRole);
    setSortLocaleAware(true);
}

void StudentFilterModel::setShowInactive(bool show)
{
    if (m_showInactive == show)
        return;
    m_showInactive = show;
    invalidateFilter();
}

bool StudentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_showInactive
        && !sourceModel()->index(sourceRow, 0, sourceParent).data(StudentTableModel::ActiveRole).toBool())
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace rollcall
