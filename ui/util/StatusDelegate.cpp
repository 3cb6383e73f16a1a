#include "StatusDelegate.h"

#include "util/StatusText.h"

#include <QComboBox>

namespace rollcall {

QWidget *StatusDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("statusEditor"));
    for (AttendanceStatus status : StatusText::all())
        combo->addItem(StatusText::label(status), attendanceStatusName(status));
    // Commit as soon as a status is picked: one click less for the teacher.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<StatusDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void StatusDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toString()));
}

void StatusDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace rollcall
