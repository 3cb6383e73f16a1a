#include "mark/FaceBoxItem.h"
#include "mark/PhotoView.h"

#include <QSignalSpy>
#include <QtTest>

using namespace rollcall;

class TestPhotoView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zoomAndFit();
    void clickOnFaceReportsIt();
    void dragPansWithoutClicking();
};

static QImage testImage()
{
    QImage image(1600, 1000, QImage::Format_RGB32);
    image.fill(Qt::darkGray);
    return image;
}

void TestPhotoView::zoomAndFit()
{
    PhotoView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setImage(testImage());
    const qreal fitted = view.zoom();
    QVERIFY(fitted > 0.3 && fitted < 0.6);
    view.zoomIn();
    QVERIFY(view.zoom() > fitted);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view.zoom() < fitted);
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view.zoom(), fitted);
    view.setZoom(2.0);
    QCOMPARE(view.zoom(), 2.0);
}

void TestPhotoView::clickOnFaceReportsIt()
{
    PhotoView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setImage(testImage());
    view.setFace(7, QRectF(100, 100, 200, 200), ReviewFace::Display::Uncertain, QStringLiteral("Ada ?"));
    view.setFace(8, QRectF(900, 300, 40, 40), ReviewFace::Display::TooSmall, QStringLiteral("too small"));
    QCOMPARE(view.faceItem(7)->label(), QStringLiteral("Ada ?"));
    QCOMPARE(view.faceItem(8)->display(), ReviewFace::Display::TooSmall);
    QSignalSpy clicked(&view, &PhotoView::faceClicked);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.faceCentre(7));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 7);
    // Outside every box: nothing.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(QPointF(600, 800)));
    QCOMPARE(clicked.count(), 1);
    view.removeFace(7);
    QVERIFY(!view.faceItem(7));
}

void TestPhotoView::dragPansWithoutClicking()
{
    PhotoView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setImage(testImage());
    view.setZoom(2.0);
    view.setFace(1, QRectF(0, 0, 1600, 1000), ReviewFace::Display::Unknown, QString());
    QSignalSpy clicked(&view, &PhotoView::faceClicked);
    const QPoint start(400, 250);
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, start);
    QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(-120, -60)), view.viewport()->mapToGlobal(start),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, start + QPoint(-120, -60));
    QCOMPARE(clicked.count(), 0);
}

QTEST_MAIN(TestPhotoView)
#include "tst_photoview.moc"
