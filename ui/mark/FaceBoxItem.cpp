#include "FaceBoxItem.h"

#include "mark/FaceLabelItem.h"

#include <QCursor>
#include <QPainter>
#include <QPen>

namespace rollcall {

FaceBoxItem::FaceBoxItem(int faceId, const QRectF &box, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_faceId(faceId)
    , m_box(box)
    , m_label(new FaceLabelItem(this))
{
    m_label->setPos(box.topLeft());
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QString());
}

QString FaceBoxItem::label() const
{
    return m_label->text();
}

QColor FaceBoxItem::colour(ReviewFace::Display display)
{
    switch (display) {
    case ReviewFace::Display::Confident:
        return QColor(0x2e, 0x7d, 0x32); // green
    case ReviewFace::Display::Uncertain:
        return QColor(0xff, 0xb3, 0x00); // amber
    case ReviewFace::Display::Unknown:
        return QColor(0xd3, 0x2f, 0x2f); // red
    case ReviewFace::Display::TooSmall:
        return QColor(0x90, 0xa4, 0xae); // grey, dashed
    case ReviewFace::Display::NotStudent:
        return QColor(0x61, 0x61, 0x61); // dark grey
    case ReviewFace::Display::Manual:
        return QColor(0x15, 0x65, 0xc0); // blue: set by the teacher
    }
    return Qt::red;
}

void FaceBoxItem::setState(ReviewFace::Display display, const QString &label)
{
    m_display = display;
    m_label->setText(label);
    m_layoutText = label;
    m_layoutBelow = false;
    m_label->setPos(m_box.topLeft());
    m_label->setColour(colour(display));
    setToolTip(label);
    update();
}

void FaceBoxItem::setHighlighted(bool on)
{
    if (m_highlighted == on)
        return;
    m_highlighted = on;
    update();
}

void FaceBoxItem::showLabel(const QString &text, bool below)
{
    m_layoutText = text;
    m_layoutBelow = below;
    m_label->setPos(below ? m_box.bottomLeft() : m_box.topLeft());
    m_label->show(text, below ? FaceLabelItem::Placement::Below : FaceLabelItem::Placement::Above);
}

void FaceBoxItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    setHighlighted(true);
    // The whole name while the pointer is on the face, over its neighbours' tags.
    setZValue(1);
    m_label->show(m_label->text(), m_layoutBelow ? FaceLabelItem::Placement::Below : FaceLabelItem::Placement::Above);
}

void FaceBoxItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    setHighlighted(false);
    setZValue(0);
    showLabel(m_layoutText, m_layoutBelow);
}

QRectF FaceBoxItem::boundingRect() const
{
    // The pen is cosmetic (screen pixels); a margin in photo pixels is enough at normal zoom.
    return m_box.adjusted(-4, -4, 4, 4);
}

void FaceBoxItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    QPen pen(colour(m_display));
    pen.setCosmetic(true);
    pen.setWidthF(m_highlighted ? 5.0 : 3.0);
    if (m_display == ReviewFace::Display::TooSmall || m_display == ReviewFace::Display::NotStudent)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(m_box);
}

} // namespace rollcall
