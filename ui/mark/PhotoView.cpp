#include "PhotoView.h"

#include "mark/FaceBoxItem.h"

#include <QAction>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace rollcall {

namespace {
constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 16.0;
constexpr qreal kStep = 1.25;
} // namespace

PhotoView::PhotoView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("photoView"));
    setScene(new QGraphicsScene(this));
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    setBackgroundBrush(palette().color(QPalette::Dark));
    setMinimumSize(320, 240);

    auto addShortcut = [this](const QString &name, const QList<QKeySequence> &keys, void (PhotoView::*slot)()) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addShortcut(QStringLiteral("actionZoomIn"), { QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal) },
                &PhotoView::zoomIn);
    addShortcut(QStringLiteral("actionZoomOut"), { QKeySequence::ZoomOut }, &PhotoView::zoomOut);
    addShortcut(QStringLiteral("actionFit"), { QKeySequence(Qt::CTRL | Qt::Key_0) }, &PhotoView::fitToWindow);
}

void PhotoView::setImage(const QImage &image)
{
    clearFaces();
    m_image = image;
    if (!m_pixmapItem) {
        m_pixmapItem = scene()->addPixmap(QPixmap::fromImage(image));
        m_pixmapItem->setTransformationMode(Qt::SmoothTransformation);
        m_pixmapItem->setZValue(-1);
    } else {
        m_pixmapItem->setPixmap(QPixmap::fromImage(image));
    }
    scene()->setSceneRect(QRectF(QPointF(0, 0), image.size()));
    m_fitted = true;
    fitToWindow();
    viewport()->update();
}

void PhotoView::clearFaces()
{
    qDeleteAll(m_faces);
    m_faces.clear();
}

void PhotoView::setFace(int faceId, const QRectF &box, ReviewFace::Display display, const QString &label)
{
    FaceBoxItem *item = m_faces.value(faceId);
    if (!item) {
        item = new FaceBoxItem(faceId, box);
        scene()->addItem(item);
        m_faces.insert(faceId, item);
    }
    item->setState(display, label);
}

void PhotoView::removeFace(int faceId)
{
    delete m_faces.take(faceId);
}

QPoint PhotoView::faceCentre(int faceId) const
{
    const FaceBoxItem *item = m_faces.value(faceId);
    return item ? mapFromScene(item->boundingRect().center()) : QPoint(-1, -1);
}

void PhotoView::showFace(int faceId)
{
    FaceBoxItem *item = m_faces.value(faceId);
    if (!item)
        return;
    ensureVisible(item, 40, 40);
    item->setHighlighted(true);
    QTimer::singleShot(1200, this, [this, faceId] {
        if (FaceBoxItem *again = m_faces.value(faceId))
            again->setHighlighted(false);
    });
}

qreal PhotoView::zoom() const
{
    return transform().m11();
}

void PhotoView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void PhotoView::zoomIn()
{
    m_fitted = false;
    scaleBy(kStep);
}

void PhotoView::zoomOut()
{
    m_fitted = false;
    scaleBy(1.0 / kStep);
}

void PhotoView::fitToWindow()
{
    m_fitted = true;
    if (m_image.isNull())
        return;
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    Q_EMIT zoomChanged(zoom());
}

void PhotoView::setZoom(qreal factor)
{
    m_fitted = false;
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(factor, factor));
    Q_EMIT zoomChanged(zoom());
}

void PhotoView::scaleBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const qreal f = target / zoom();
    scale(f, f);
    Q_EMIT zoomChanged(zoom());
}

void PhotoView::wheelEvent(QWheelEvent *event)
{
    // The wheel zooms (as in photo viewers); Shift+wheel scrolls.
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta == 0)
        return;
    m_fitted = false;
    scaleBy(std::pow(kStep, delta / 120.0));
    event->accept();
}

int PhotoView::faceAt(const QPoint &viewportPos) const
{
    const QList<QGraphicsItem *> hits = items(viewportPos);
    for (QGraphicsItem *item : hits) {
        for (QGraphicsItem *i = item; i; i = i->parentItem()) {
            if (i->type() == FaceBoxItem::Type)
                return static_cast<FaceBoxItem *>(i)->faceId();
        }
    }
    return -1;
}

void PhotoView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    QGraphicsView::mousePressEvent(event);
}

void PhotoView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    // A click (not a drag) on a box picks the face; a drag pans.
    const QPoint pos = event->position().toPoint();
    if ((pos - m_pressPos).manhattanLength() > 4)
        return;
    const int face = faceAt(pos);
    if (face >= 0 && (event->button() == Qt::LeftButton || event->button() == Qt::RightButton))
        Q_EMIT faceClicked(face, viewport()->mapToGlobal(pos));
}

void PhotoView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitToWindow();
}

void PhotoView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_image.isNull() || m_placeholder.isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::BrightText));
    painter->drawText(viewport()->rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    painter->restore();
}

} // namespace rollcall
