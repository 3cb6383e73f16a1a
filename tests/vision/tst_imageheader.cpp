#include "vision/ImageHeader.h"

#include <QtTest>

#include <opencv2/imgcodecs.hpp>

using namespace rollcall;

class TestImageHeader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsDimensionsOfEveryFormat_data();
    void readsDimensionsOfEveryFormat();
    void unknownDataHasNoFormat();
    void jpegWithoutEndIsTruncated();
};

void TestImageHeader::readsDimensionsOfEveryFormat_data()
{
    QTest::addColumn<QString>("ext");
    QTest::addColumn<int>("format");
    QTest::newRow("jpeg") << QStringLiteral(".jpg") << int(ImageHeader::Format::Jpeg);
    QTest::newRow("png") << QStringLiteral(".png") << int(ImageHeader::Format::Png);
    QTest::newRow("bmp") << QStringLiteral(".bmp") << int(ImageHeader::Format::Bmp);
    QTest::newRow("webp lossy") << QStringLiteral(".webp") << int(ImageHeader::Format::WebP);
    QTest::newRow("tiff") << QStringLiteral(".tiff") << int(ImageHeader::Format::Tiff);
}

void TestImageHeader::readsDimensionsOfEveryFormat()
{
    QFETCH(QString, ext);
    QFETCH(int, format);
    cv::Mat image(37, 123, CV_8UC3, cv::Scalar(10, 20, 30));
    std::vector<uchar> buffer;
    QVERIFY(cv::imencode(ext.toStdString(), image, buffer));
    const ImageHeader header
        = ImageHeader::parse(QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size())));
    QCOMPARE(int(header.format()), format);
    QVERIFY(header.hasDimensions());
    QCOMPARE(*header.width(), 123);
    QCOMPARE(*header.height(), 37);
    QVERIFY(!header.truncated());
}

void TestImageHeader::unknownDataHasNoFormat()
{
    QCOMPARE(ImageHeader::parse("GIF89a....").format(), ImageHeader::Format::Unknown);
    QCOMPARE(ImageHeader::parse(QByteArray()).format(), ImageHeader::Format::Unknown);
}

void TestImageHeader::jpegWithoutEndIsTruncated()
{
    cv::Mat image(64, 64, CV_8UC3, cv::Scalar(10, 200, 30));
    std::vector<uchar> buffer;
    QVERIFY(cv::imencode(".jpg", image, buffer));
    const QByteArray full(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
    QVERIFY(!ImageHeader::parse(full).truncated());
    QVERIFY(ImageHeader::parse(full.left(full.size() - 2)).truncated());
    QVERIFY(ImageHeader::parse(full.left(100)).truncated());
}

QTEST_GUILESS_MAIN(TestImageHeader)
#include "tst_imageheader.moc"
