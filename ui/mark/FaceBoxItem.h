#pragma once

#include "storage/ReviewFace.h"

#include <QColor>
#include <QGraphicsItem>

namespace rollcall {

class FaceLabelItem;

// A face's box on the photo, coloured by its state, with a name label that
// keeps its size when the photo is zoomed.
class FaceBoxItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    FaceBoxItem(int faceId, const QRectF &box, QGraphicsItem *parent = nullptr);

    int faceId() const { return m_faceId; }
    ReviewFace::Display display() const { return m_display; }
    QString label() const;
    void setState(ReviewFace::Display display, const QString &label);
    void setHighlighted(bool on);
    QRectF box() const { return m_box; }
    FaceLabelItem *labelItem() const { return m_label; }
    // Shows the label (or part of it) above or below the box; empty hides it.
    void showLabel(const QString &text, bool below);

    static QColor colour(ReviewFace::Display display);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    int m_faceId;
    QRectF m_box;
    ReviewFace::Display m_display = ReviewFace::Display::Unknown;
    bool m_highlighted = false;
    QString m_layoutText; // what the layout chose; hovering shows the whole label
    bool m_layoutBelow = false;
    FaceLabelItem *m_label;
};

} // namespace rollcall
