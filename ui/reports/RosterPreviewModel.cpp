#include "reports/RosterPreviewModel.h"

#include <QBrush>
#include <QColor>

namespace rollcall {

RosterPreviewModel::RosterPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RosterPreviewModel::setPreview(const RosterPreview &preview)
{
    beginResetModel();
    m_preview = preview;
    endResetModel();
}

int RosterPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_preview.entries.size());
}

int RosterPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RosterPreviewModel::actionText(RosterPreview::Action action)
{
    switch (action) {
    case RosterPreview::Action::Add:
        return tr("Add");
    case RosterPreview::Action::Update:
        return tr("Update");
    case RosterPreview::Action::Unchanged:
        return tr("Unchanged");
    case RosterPreview::Action::Reject:
        return tr("Rejected");
    }
    return {};
}

QVariant RosterPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_preview.entries.size())
        return {};
    const RosterPreview::Entry &e = m_preview.entries.at(index.row());
    if (role == ActionRole)
        return int(e.action);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case RowColumn:
            return role == Qt::DisplayRole ? QVariant(e.row) : QVariant(tr("Row %1 of the file").arg(e.row));
        case ActionColumn:
            return actionText(e.action);
        case IdColumn:
            return e.studentId;
        case NameColumn:
            return e.name;
        case EmailColumn:
            return e.email;
        case DetailsColumn:
            return e.message();
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ActionColumn) {
        switch (e.action) {
        case RosterPreview::Action::Add:
            return QBrush(QColor(0x1b, 0x7f, 0x2a));
        case RosterPreview::Action::Update:
            return QBrush(QColor(0x1a, 0x5f, 0xb4));
        case RosterPreview::Action::Reject:
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        case RosterPreview::Action::Unchanged:
            return {};
        }
    }
    if (role == Qt::BackgroundRole && e.action == RosterPreview::Action::Reject)
        return QBrush(QColor(0xff, 0xeb, 0xee));
    if (role == Qt::TextAlignmentRole && index.column() == RowColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RosterPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RowColumn:
        return tr("Row");
    case ActionColumn:
        return tr("Action");
    case IdColumn:
        return tr("Student ID");
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case DetailsColumn:
        return tr("Reason / changes");
    default:
        return {};
    }
}

} // namespace rollcall
