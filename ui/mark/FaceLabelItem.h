#pragma once

#include <QColor>
#include <QGraphicsItem>

namespace rollcall {

// A name tag drawn in screen pixels (it ignores the view's zoom), so names stay
// readable on a zoomed-out classroom photo. text() is the whole label; what is
// shown may be shorter or nothing when the faces are too close for it
// (PhotoView::layoutLabels), above the box or below it.
class FaceLabelItem : public QGraphicsItem
{
public:
    enum class Placement { Above, Below };

    explicit FaceLabelItem(QGraphicsItem *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text); // also shows it whole, above
    QString shownText() const { return m_shown; }
    void show(const QString &text, Placement placement);
    void setColour(const QColor &colour);
    // The tag's size in screen pixels for a text.
    static QSizeF sizeFor(const QString &text);
    // The label shortened: its first word, keeping a trailing " ?" (uncertain).
    static QString shortened(const QString &text);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_text;
    QString m_shown;
    QColor m_colour;
    QRectF m_rect;
};

} // namespace rollcall
