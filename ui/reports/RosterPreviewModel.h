#pragma once

#include "reports/RosterPreview.h"

#include <QAbstractTableModel>

namespace rollcall {

// A RosterPreview as a table: row in the file, what happens (add / update /
// unchanged / reject, coloured), student ID, name, email, and the reasons or changes.
class RosterPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RowColumn, ActionColumn, IdColumn, NameColumn, EmailColumn, DetailsColumn, ColumnCount };
    static constexpr int ActionRole = Qt::UserRole + 1; // int(RosterPreview::Action)

    explicit RosterPreviewModel(QObject *parent = nullptr);

    void setPreview(const RosterPreview &preview);
    const RosterPreview &preview() const { return m_preview; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString actionText(RosterPreview::Action action);

private:
    RosterPreview m_preview;
};

} // namespace rollcall
