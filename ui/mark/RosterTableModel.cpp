#include "RosterTableModel.h"

#include "storage/MarkReview.h"
#include "util/StatusText.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <cmath>

namespace rollcall {

RosterTableModel::RosterTableModel(MarkReview *review, QObject *parent)
    : QAbstractTableModel(parent)
    , m_review(review)
{
    connect(review, &MarkReview::reset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(review, &MarkReview::rowChanged, this, &RosterTableModel::onRowChanged);
}

int RosterTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_review->roster().size());
}

int RosterTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RosterTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RosterEntry &entry = m_review->roster().at(index.row());
    switch (role) {
    case StudentUuidRole:
        return entry.studentUuid;
    case StatusKeyRole:
        return attendanceStatusName(entry.status);
    case NeedsReviewRole:
        return entry.needsReview;
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case IdColumn:
            return entry.studentId;
        case NameColumn:
            return entry.name;
        case StatusColumn:
            return role == Qt::EditRole ? QVariant(attendanceStatusName(entry.status))
                                        : QVariant(StatusText::label(entry.status));
        case DistanceColumn:
            if (std::isnan(entry.distance))
                return role == Qt::EditRole ? QVariant() : QVariant(QStringLiteral("–"));
            return role == Qt::EditRole ? QVariant(entry.distance) : QVariant(QString::number(entry.distance, 'f', 3));
        case MatchColumn:
            if (entry.needsReview)
                return tr("Uncertain – confirm");
            if (m_review->isManual(index.row()))
                return tr("Changed by you");
            if (entry.face >= 0)
                return tr("Recognised");
            return QString();
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == MatchColumn && entry.face >= 0)
            return entry.needsReview ? Qt::Unchecked : Qt::Checked;
        break;
    case Qt::ToolTipRole:
        if (index.column() == MatchColumn && entry.needsReview)
            return tr("The face is only a possible match. Tick to confirm it, or click the face in the photo to "
                      "choose someone else.");
        if (index.column() == StatusColumn)
            return tr("Double-click to change the status.");
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(StatusText::colour(entry.status));
        break;
    case Qt::BackgroundRole:
        if (entry.needsReview)
            return QBrush(QColor(0xff, 0xf3, 0xc4));
        break;
    case Qt::FontRole:
        if (m_review->isManual(index.row())) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DistanceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant RosterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case DistanceColumn:
        return tr("Distance");
    case MatchColumn:
        return tr("Match");
    }
    return {};
}

Qt::ItemFlags RosterTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    if (index.column() == StatusColumn)
        f |= Qt::ItemIsEditable;
    if (index.column() == MatchColumn && m_review->roster().at(index.row()).face >= 0)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool RosterTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    if (index.column() == StatusColumn && role == Qt::EditRole) {
        const std::optional<AttendanceStatus> status = attendanceStatusFromString(value.toString());
        return status && m_review->setStatus(index.row(), *status);
    }
    if (index.column() == MatchColumn && role == Qt::CheckStateRole && value.value<Qt::CheckState>() == Qt::Checked)
        return m_review->confirm(index.row());
    return false;
}

void RosterTableModel::onRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace rollcall
