#include "Icons.h"

#include <QImage>
#include <QPixmap>
#include <QtTest>

using namespace rollcall;

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void applicationIconHasEverySize();
    void actionIconsRender_data();
    void actionIconsRender();
    void unknownActionIsNull();

private:
    static int opaquePixels(const QImage &image);
};

int TestIcons::opaquePixels(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    for (int y = 0; y < argb.height(); ++y) {
        for (int x = 0; x < argb.width(); ++x)
            count += qAlpha(argb.pixel(x, y)) > 0 ? 1 : 0;
    }
    return count;
}

void TestIcons::applicationIconHasEverySize()
{
    const QIcon icon = Icons::application();
    QVERIFY(!icon.isNull());
    const QList<QSize> sizes = icon.availableSizes();
    for (int side : { 16, 22, 24, 32, 48, 64, 128, 256, 512 })
        QVERIFY2(sizes.contains(QSize(side, side)), qPrintable(QStringLiteral("missing %1 px").arg(side)));
    const QImage image = icon.pixmap(QSize(64, 64)).toImage();
    QCOMPARE(image.size(), QSize(64, 64));
    QVERIFY(opaquePixels(image) > 64 * 64 / 2);
}

void TestIcons::actionIconsRender_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = Icons::actionNames();
    QVERIFY(names.size() >= 6);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestIcons::actionIconsRender()
{
    QFETCH(QString, name);
    const QIcon icon = Icons::action(name);
    QVERIFY(!icon.isNull());
    // A blank pixmap here means the SVG icon engine plugin (Qt SVG) is missing.
    const QImage image = icon.pixmap(QSize(24, 24)).toImage();
    QVERIFY2(!image.isNull(), "the SVG icon engine did not render the icon");
    QVERIFY2(opaquePixels(image) > 20, "the icon rendered empty: is the Qt SVG icon engine plugin installed?");
}

void TestIcons::unknownActionIsNull()
{
    QVERIFY(Icons::action(QStringLiteral("no-such-icon")).isNull());
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
