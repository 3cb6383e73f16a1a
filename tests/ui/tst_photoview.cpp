#include "mark/FaceBoxItem.h"
#include "mark/FaceLabelItem.h"
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
    void labelsNeverOverlap();
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

// A 12 MP class photo of 60 faces in six rows (45 px at the back to 160 px in
// front), fitted to a dialog-sized view: the name tags never overlap one another or
// another face, the faces waiting for the teacher keep theirs, and zooming in
// brings the whole names back.
void TestPhotoView::labelsNeverOverlap()
{
    PhotoView view;
    view.resize(900, 620);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QImage image(4000, 3000, QImage::Format_RGB32);
    image.fill(Qt::darkGray);
    view.setImage(image);
    const QStringList names { QStringLiteral("Priyanka Deshpande"), QStringLiteral("Venkatesh Raghunathan"),
                              QStringLiteral("Mohammed Subramanian"), QStringLiteral("Lakshmi Chattopadhyay") };
    QList<int> waiting;
    int id = 0;
    for (int row = 0; row < 6; ++row) {
        const qreal size = 45 + row * 23; // back row first
        const qreal y = 400 + row * 420;
        for (int col = 0; col < 10; ++col, ++id) {
            const qreal x = 200 + col * 360 + (row % 2) * 60;
            ReviewFace::Display display = ReviewFace::Display::Confident;
            QString label = QStringLiteral("%1 %2").arg(names.at(id % names.size())).arg(id + 1);
            if (id % 9 == 4) {
                display = ReviewFace::Display::Uncertain;
                label += QStringLiteral(" ?");
                waiting << id;
            } else if (id % 13 == 6) {
                display = ReviewFace::Display::Unknown;
                label = QStringLiteral("?");
                waiting << id;
            }
            view.setFace(id, QRectF(x, y, size, size), display, label);
        }
    }
    view.fitToWindow();
    QTest::qWait(50); // the layout runs once the event loop turns

    auto checkNoOverlap = [&view]() -> QString {
        const QHash<int, QRect> labels = view.labelRects();
        for (auto a = labels.cbegin(); a != labels.cend(); ++a) {
            for (auto b = std::next(a); b != labels.cend(); ++b) {
                if (a.value().intersects(b.value()))
                    return QStringLiteral("tags of faces %1 and %2 overlap").arg(a.key()).arg(b.key());
            }
            for (int face : view.faceIds()) {
                const QRect box = view.mapFromScene(view.faceItem(face)->box()).boundingRect();
                if (face != a.key() && a.value().intersects(box))
                    return QStringLiteral("the tag of face %1 covers face %2").arg(a.key()).arg(face);
            }
        }
        return {};
    };
    QString problem = checkNoOverlap();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The scene is dense at this zoom: some tags had to give way...
    int shortenedOrHidden = 0;
    for (int face : view.faceIds()) {
        const FaceLabelItem *label = view.faceItem(face)->labelItem();
        if (label->shownText() != label->text())
            ++shortenedOrHidden;
    }
    QVERIFY2(shortenedOrHidden > 0, "every tag fitted: the test scene is not dense enough to test anything");
    // ...but never those of faces waiting for the teacher.
    for (int face : std::as_const(waiting))
        QVERIFY2(!view.faceItem(face)->labelItem()->shownText().isEmpty(), qPrintable(QString::number(face)));
    // Hidden names stay one hover away.
    QCOMPARE(view.faceItem(0)->toolTip(), view.faceItem(0)->label());

    // Zoomed in on the front row: whole names, still without overlap.
    view.setZoom(1.0);
    view.centerOn(view.faceItem(55)->box().center());
    QTest::qWait(50);
    problem = checkNoOverlap();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(view.faceItem(55)->labelItem()->shownText(), view.faceItem(55)->label());
}

QTEST_MAIN(TestPhotoView)
#include "tst_photoview.moc"
