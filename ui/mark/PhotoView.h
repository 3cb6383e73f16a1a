#pragma once

#include "storage/ReviewFace.h"

#include <QGraphicsView>
#include <QHash>

class QGraphicsPixmapItem;

namespace rollcall {

class FaceBoxItem;

// A photo with one box per face. Zoom with the wheel or Ctrl +/−, pan by
// dragging, Ctrl+0 fits the photo. A click on a box reports the face.
class PhotoView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit PhotoView(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    QImage image() const { return m_image; }
    void clearFaces();
    void setFace(int faceId, const QRectF &box, ReviewFace::Display display, const QString &label);
    void removeFace(int faceId);
    FaceBoxItem *faceItem(int faceId) const { return m_faces.value(faceId); }
    QList<int> faceIds() const { return m_faces.keys(); }
    // Where a face's centre is in viewport coordinates (for tests and tours).
    QPoint faceCentre(int faceId) const;
    void showFace(int faceId); // scroll to it and flash its box

    qreal zoom() const;
    // Lays the name tags out for the current zoom so that none overlaps another:
    // each gets its whole label, else its first name, above or else below its box,
    // else none (the coloured box stays, the full name is its tooltip and shows on
    // hover). Faces waiting for the teacher (uncertain, unknown) are placed first.
    // Runs by itself after zooming, resizing and face changes.
    void layoutLabels();
    // The shown tags' rectangles in viewport pixels, by face (for tests).
    QHash<int, QRect> labelRects() const;
    void setPlaceholderText(const QString &text);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void setZoom(qreal factor);

Q_SIGNALS:
    void faceClicked(int faceId, const QPoint &globalPos);
    void zoomChanged(qreal factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void scaleBy(qreal factor);
    void scheduleLabelLayout();
    int faceAt(const QPoint &viewportPos) const;

    QImage m_image;
    QGraphicsPixmapItem *m_pixmapItem = nullptr;
    QHash<int, FaceBoxItem *> m_faces;
    QPoint m_pressPos;
    bool m_fitted = true; // keep fitting on resize until the user zooms
    QString m_placeholder;
    bool m_layoutPending = false;
};

} // namespace rollcall
