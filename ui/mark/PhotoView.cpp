#include "PhotoView.h"

#include "mark/FaceBoxItem.h"
#include "mark/FaceLabelItem.h"

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
    connect(this, &PhotoView::zoomChanged, this, &PhotoView::scheduleLabelLayout);
}

void PhotoView::scheduleLabelLayout()
{
    // Once per event-loop turn, however many faces changed.
    if (m_layoutPending)
        return;
    m_layoutPending = true;
    QTimer::singleShot(0, this, &PhotoView::layoutLabels);
}

void PhotoView::layoutLabels()
{
    m_layoutPending = false;
    QList<FaceBoxItem *> items = m_faces.values();
    auto priority = [](ReviewFace::Display d) {
        switch (d) {
        case ReviewFace::Display::Uncertain:
            return 0;
        case ReviewFace::Display::Unknown:
            return 1;
        case ReviewFace::Display::Manual:
            return 2;
        case ReviewFace::Display::Confident:
            return 3;
        case ReviewFace::Display::NotStudent:
            return 4;
        case ReviewFace::Display::TooSmall:
            return 5;
        }
        return 6;
    };
    // Waiting for the teacher first, then the larger (front-row) faces.
    std::sort(items.begin(), items.end(), [&priority](const FaceBoxItem *a, const FaceBoxItem *b) {
        const int pa = priority(a->display());
        const int pb = priority(b->display());
        if (pa != pb)
            return pa < pb;
        if (a->box().width() != b->box().width())
            return a->box().width() > b->box().width();
        return a->faceId() < b->faceId();
    });
    QHash<const FaceBoxItem *, QRectF> boxes; // in viewport pixels
    for (const FaceBoxItem *item : std::as_const(items))
        boxes.insert(item, mapFromScene(item->box()).boundingRect());
    QList<QRectF> taken;
    for (FaceBoxItem *item : std::as_const(items)) {
        const QRectF box = boxes.value(item);
        auto isFree = [&](const QRectF &rect) {
            for (const QRectF &t : std::as_const(taken)) {
                if (t.intersects(rect))
                    return false;
            }
            for (auto it = boxes.cbegin(); it != boxes.cend(); ++it) {
                if (it.key() != item && it.value().intersects(rect))
                    return false;
            }
            return true;
        };
        const QString whole = item->label();
        const QString shorter = FaceLabelItem::shortened(whole);
        QStringList texts { whole };
        if (shorter != whole)
            texts << shorter;
        bool placed = whole.isEmpty();
        for (const QString &text : std::as_const(texts)) {
            const QSizeF size = FaceLabelItem::sizeFor(text);
            const QRectF above(box.left(), box.top() - size.height() - 2, size.width(), size.height());
            const QRectF below(box.left(), box.bottom() + 2, size.width(), size.height());
            for (const auto &[rect, isBelow] : { std::pair { above, false }, std::pair { below, true } }) {
                if (!placed && isFree(rect)) {
                    item->showLabel(text, isBelow);
                    taken.append(rect);
                    placed = true;
                }
            }
        }
        if (!placed)
            item->showLabel(QString(), false); // the box stays; the name is in its tooltip
    }
}

QHash<int, QRect> PhotoView::labelRects() const
{
    QHash<int, QRect> rects;
    for (const FaceBoxItem *item : m_faces) {
        const FaceLabelItem *label = item->labelItem();
        if (label->shownText().isEmpty())
            continue;
        rects.insert(item->faceId(),
                     label->deviceTransform(viewportTransform()).mapRect(label->boundingRect()).toAlignedRect());
    }
    return rects;
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
    scheduleLabelLayout();
}

void PhotoView::removeFace(int faceId)
{
    delete m_faces.take(faceId);
    scheduleLabelLayout();
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
    scheduleLabelLayout();
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
