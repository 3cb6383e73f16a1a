#include "FaceLabelItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>

namespace rollcall {

FaceLabelItem::FaceLabelItem(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
}

void FaceLabelItem::setText(const QString &text)
{
    prepareGeometryChange();
    m_text = text;
    if (m_text.isEmpty()) {
        m_rect = {};
    } else {
        const QFontMetricsF metrics(QApplication::font());
        const qreal w = metrics.horizontalAdvance(m_text) + 8;
        const qreal h = metrics.height() + 4;
        // Above the box's top-left corner.
        m_rect = QRectF(0, -h - 2, w, h);
    }
    update();
}

void FaceLabelItem::setColour(const QColor &colour)
{
    m_colour = colour;
    update();
}

QRectF FaceLabelItem::boundingRect() const
{
    return m_rect;
}

void FaceLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_text.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_colour);
    painter->drawRoundedRect(m_rect, 3, 3);
    painter->setPen(m_colour.lightness() > 150 ? Qt::black : Qt::white);
    painter->setFont(QApplication::font());
    painter->drawText(m_rect, Qt::AlignCenter, m_text);
}

} // namespace rollcall
