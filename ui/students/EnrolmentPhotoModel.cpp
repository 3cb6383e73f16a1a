#include "EnrolmentPhotoModel.h"

#include <QBrush>
#include <QColor>
#include <QPainter>
#include <QPixmap>

namespace rollcall {

namespace {
constexpr int kThumb = 110;

QPixmap thumbnail(const QImage &image, EnrolmentPhotoModel::State state)
{
    QPixmap pixmap(kThumb, kThumb);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    if (!image.isNull()) {
        const QImage scaled = image.scaled(kThumb, kThumb, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        p.drawImage((kThumb - scaled.width()) / 2, (kThumb - scaled.height()) / 2, scaled);
    }
    QColor frame = state == EnrolmentPhotoModel::State::Accepted ? QColor(0x2e, 0x7d, 0x32)
        : state == EnrolmentPhotoModel::State::Refused           ? QColor(0xc6, 0x28, 0x28)
                                                                 : QColor(0x90, 0xa4, 0xae);
    p.setPen(QPen(frame, 4));
    p.drawRect(QRect(2, 2, kThumb - 4, kThumb - 4));
    return pixmap;
}

} // namespace

EnrolmentPhotoModel::EnrolmentPhotoModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int EnrolmentPhotoModel::add(const QString &name, const QString &source, const QImage &preview)
{
    beginInsertRows({}, int(m_photos.size()), int(m_photos.size()));
    Photo photo;
    photo.id = m_nextId++;
    photo.name = name;
    photo.source = source;
    photo.preview = preview;
    m_photos.append(photo);
    endInsertRows();
    return photo.id;
}

void EnrolmentPhotoModel::setResult(int id, const EnrolmentCheck &check, const QImage &preview)
{
    for (int row = 0; row < m_photos.size(); ++row) {
        if (m_photos.at(row).id != id)
            continue;
        m_photos[row].check = check;
        m_photos[row].state = check.accepted ? State::Accepted : State::Refused;
        if (!preview.isNull())
            m_photos[row].preview = preview;
        if (check.accepted && !check.crop.isNull())
            m_photos[row].preview = check.crop;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
}

void EnrolmentPhotoModel::removeRow(int row)
{
    if (row < 0 || row >= m_photos.size())
        return;
    beginRemoveRows({}, row, row);
    m_photos.removeAt(row);
    endRemoveRows();
}

int EnrolmentPhotoModel::count(State state) const
{
    return int(std::count_if(m_photos.cbegin(), m_photos.cend(), [state](const Photo &p) { return p.state == state; }));
}

int EnrolmentPhotoModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_photos.size());
}

QVariant EnrolmentPhotoModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_photos.size())
        return {};
    const Photo &p = m_photos.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (p.state) {
        case State::Checking:
            return tr("Checking…");
        case State::Accepted:
            return tr("✓ Good");
        case State::Refused:
            return tr("✗ %1").arg(p.check.reason);
        }
        break;
    case Qt::DecorationRole:
        return thumbnail(p.preview, p.state);
    case Qt::ToolTipRole:
        return p.state == State::Refused ? tr("%1: refused — %2").arg(p.name, p.check.reason) : p.name;
    case Qt::ForegroundRole:
        return p.state == State::Refused ? QBrush(QColor(0xc6, 0x28, 0x28)) : QVariant();
    case StateRole:
        return int(p.state);
    case ReasonRole:
        return p.check.reason;
    default:
        break;
    }
    return {};
}

} // namespace rollcall
