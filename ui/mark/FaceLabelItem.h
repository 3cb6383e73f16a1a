#pragma once

#include <QColor>
#include <QGraphicsItem>

namespace rollcall {

// A name tag drawn in screen pixels (it ignores the view's zoom), so names stay
// readable on a zoomed-out classroom photo.
class FaceLabelItem : public QGraphicsItem
{
public:
    explicit FaceLabelItem(QGraphicsItem *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    void setColour(const QColor &colour);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_text;
    QColor m_colour;
    QRectF m_rect;
};

} // namespace rollcall
