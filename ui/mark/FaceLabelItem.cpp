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
    m_text = text;
    show(text, Placement::Above);
}

QSizeF FaceLabelItem::sizeFor(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QFontMetricsF metrics(QApplication::font());
    return { metrics.horizontalAdvance(text) + 8, metrics.height() + 4 };
}

QString FaceLabelItem::shortened(const QString &text)
{
    const QString mark = QStringLiteral(" ?");
    const bool uncertain = text.endsWith(mark);
    const QString name = uncertain ? text.chopped(mark.size()) : text;
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    if (space <= 0)
        return text;
    return name.left(space) + (uncertain ? mark : QString());
}

void FaceLabelItem::show(const QString &text, Placement placement)
{
    prepareGeometryChange();
    m_shown = text;
    const QSizeF size = sizeFor(text);
    // The parent places this item at the box's top-left (Above) or bottom-left (Below) corner.
    m_rect = text.isEmpty()             ? QRectF()
        : placement == Placement::Above ? QRectF(0, -size.height() - 2, size.width(), size.height())
                                        : QRectF(0, 2, size.width(), size.height());
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
    if (m_shown.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_colour);
    painter->drawRoundedRect(m_rect, 3, 3);
    painter->setPen(m_colour.lightness() > 150 ? Qt::black : Qt::white);
    painter->setFont(QApplication::font());
    painter->drawText(m_rect, Qt::AlignCenter, m_shown);
}

} // namespace rollcall
