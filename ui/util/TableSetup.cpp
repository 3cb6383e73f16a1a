#include "TableSetup.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>

namespace rollcall {

void TableSetup::apply(QTableView *table, int stretchColumn)
{
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (stretchColumn >= 0)
        header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
}

} // namespace rollcall
