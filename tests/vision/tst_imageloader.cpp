#include "vision/ImageLoader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace rollcall;

namespace {

QByteArray encode(const cv::Mat &image, const char *ext, std::vector<int> params = {})
{
    std::vector<uchar> buffer;
    if (!cv::imencode(ext, image, buffer, params))
        return {};
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

// A test pattern whose top-left quadrant is red and the rest blue-ish, so a
// rotation is visible.
cv::Mat pattern(int width, int height)
{
    cv::Mat image(height, width, CV_8UC3, cv::Scalar(200, 60, 20));
    image(cv::Rect(0, 0, width / 2, height / 2)).setTo(cv::Scalar(0, 0, 255));
    return image;
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &payload)
{
    QByteArray chunk(4, '\0');
    qToBigEndian(quint32(payload.size()), chunk.data());
    chunk += type + payload;
    QByteArray crc(4, '\0');
    qToBigEndian(crc32(type + payload), crc.data());
    return chunk + crc;
}

} // namespace

class TestImageLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesEveryFormatToEightBitBgr_data();
    void decodesEveryFormatToEightBitBgr();
    void greyscaleBecomesBgr();
    void sixteenBitIsScaledToEightBit();
    void exifOrientationIsApplied();
    void truncatedJpegIsRefused();
    void truncatedPngIsRefused();
    void textFileNamedJpgIsRefused();
    void zeroByteFileIsRefused();
    void missingFileIsRefused();
    void hugePngHeaderIsRefusedBeforeDecoding();
    void pixelLimitIsConfigurable();
    void largestPngHeaderIsRefusedWithoutOverflow();

private:
    QTemporaryDir m_dir;
};

void TestImageLoader::decodesEveryFormatToEightBitBgr_data()
{
    QTest::addColumn<QString>("ext");
    QTest::newRow("jpeg") << QStringLiteral(".jpg");
    QTest::newRow("png") << QStringLiteral(".png");
    QTest::newRow("bmp") << QStringLiteral(".bmp");
    QTest::newRow("webp") << QStringLiteral(".webp");
    QTest::newRow("tiff") << QStringLiteral(".tiff");
}

void TestImageLoader::decodesEveryFormatToEightBitBgr()
{
    QFETCH(QString, ext);
    const QByteArray bytes = encode(pattern(120, 80), ext.toLatin1().constData());
    QVERIFY2(!bytes.isEmpty(), "OpenCV cannot encode this format");
    const auto image = ImageLoader().load(write(m_dir, QStringLiteral("image") + ext, bytes));
    QVERIFY2(image.ok(), qPrintable(image.ok() ? QString() : image.error().message()));
    QCOMPARE(image->type(), CV_8UC3);
    QCOMPARE(image->cols, 120);
    QCOMPARE(image->rows, 80);
    const cv::Vec3b topLeft = image->at<cv::Vec3b>(10, 10);
    QVERIFY2(topLeft[2] > 200 && topLeft[0] < 60, "top-left quadrant should be red");
}

void TestImageLoader::greyscaleBecomesBgr()
{
    cv::Mat grey(50, 60, CV_8UC1, cv::Scalar(90));
    const auto image = ImageLoader().load(write(m_dir, QStringLiteral("grey.png"), encode(grey, ".png")));
    QVERIFY(image.ok());
    QCOMPARE(image->type(), CV_8UC3);
    QCOMPARE(image->at<cv::Vec3b>(5, 5), cv::Vec3b(90, 90, 90));

    const auto jpeg = ImageLoader().load(write(m_dir, QStringLiteral("grey.jpg"), encode(grey, ".jpg")));
    QVERIFY(jpeg.ok());
    QCOMPARE(jpeg->type(), CV_8UC3);
}

void TestImageLoader::sixteenBitIsScaledToEightBit()
{
    cv::Mat deep(40, 40, CV_16UC3, cv::Scalar(257 * 10, 257 * 100, 65535));
    const auto colour = ImageLoader().load(write(m_dir, QStringLiteral("deep.png"), encode(deep, ".png")));
    QVERIFY(colour.ok());
    QCOMPARE(colour->type(), CV_8UC3);
    QCOMPARE(colour->at<cv::Vec3b>(3, 3), cv::Vec3b(10, 100, 255));

    cv::Mat deepGrey(40, 40, CV_16UC1, cv::Scalar(257 * 200));
    const auto grey = ImageLoader().load(write(m_dir, QStringLiteral("deepgrey.tiff"), encode(deepGrey, ".tiff")));
    QVERIFY(grey.ok());
    QCOMPARE(grey->type(), CV_8UC3);
    QCOMPARE(grey->at<cv::Vec3b>(3, 3), cv::Vec3b(200, 200, 200));
}

void TestImageLoader::exifOrientationIsApplied()
{
    // A 120×80 JPEG whose EXIF says "rotate 90° clockwise to display" (orientation 6).
    QByteArray jpeg = encode(pattern(120, 80), ".jpg", { cv::IMWRITE_JPEG_QUALITY, 95 });
    QByteArray tiff("MM\0*\0\0\0\x08", 8); // big-endian TIFF header, IFD at offset 8
    tiff += QByteArray("\0\x01", 2); // one entry
    tiff += QByteArray("\x01\x12\0\x03\0\0\0\x01\0\x06\0\0", 12); // Orientation, SHORT, 1, value 6
    tiff += QByteArray(4, '\0'); // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray app1("\xFF\xE1", 2);
    QByteArray length(2, '\0');
    qToBigEndian(quint16(payload.size() + 2), length.data());
    app1 += length + payload;
    // JFIF files start with SOI + APP0; put APP1 right after SOI.
    jpeg.insert(2, app1);

    const auto image = ImageLoader().load(write(m_dir, QStringLiteral("rotated.jpg"), jpeg));
    QVERIFY2(image.ok(), qPrintable(image.ok() ? QString() : image.error().message()));
    QCOMPARE(image->cols, 80);
    QCOMPARE(image->rows, 120);
    // The red top-left quadrant is now top-right.
    const cv::Vec3b topRight = image->at<cv::Vec3b>(10, 70);
    const cv::Vec3b topLeft = image->at<cv::Vec3b>(10, 10);
    QVERIFY2(topRight[2] > 200 && topRight[0] < 60, "rotated red quadrant should be top-right");
    QVERIFY2(topLeft[0] > 150, "top-left should now be blue-ish");
}

void TestImageLoader::truncatedJpegIsRefused()
{
    cv::Mat noise(300, 300, CV_8UC3);
    cv::randu(noise, 0, 255);
    const QByteArray full = encode(noise, ".jpg");
    const auto image = ImageLoader().load(write(m_dir, QStringLiteral("cut.jpg"), full.left(full.size() / 2)));
    QVERIFY(!image.ok());
    QCOMPARE(image.error().code(), Error::Code::BadInput);
    QVERIFY2(image.error().message().contains(QLatin1String("truncated")), qPrintable(image.error().message()));
    QVERIFY(image.error().message().contains(QLatin1String("cut.jpg")));
}

void TestImageLoader::truncatedPngIsRefused()
{
    cv::Mat noise(300, 300, CV_8UC3);
    cv::randu(noise, 0, 255);
    const QByteArray full = encode(noise, ".png");
    const auto image = ImageLoader().load(write(m_dir, QStringLiteral("cut.png"), full.left(full.size() / 2)));
    QVERIFY(!image.ok());
    QCOMPARE(image.error().code(), Error::Code::BadInput);
}

void TestImageLoader::textFileNamedJpgIsRefused()
{
    const auto image
        = ImageLoader().load(write(m_dir, QStringLiteral("notes.jpg"), "These are lecture notes, not a photo.\n"));
    QVERIFY(!image.ok());
    QCOMPARE(image.error().code(), Error::Code::BadInput);
    QVERIFY2(image.error().message().contains(QLatin1String("not a supported image")),
             qPrintable(image.error().message()));
}

void TestImageLoader::zeroByteFileIsRefused()
{
    const auto image = ImageLoader().load(write(m_dir, QStringLiteral("empty.jpg"), QByteArray()));
    QVERIFY(!image.ok());
    QCOMPARE(image.error().code(), Error::Code::BadInput);
    QVERIFY(image.error().message().contains(QLatin1String("empty")));
}

void TestImageLoader::missingFileIsRefused()
{
    const auto image = ImageLoader().load(m_dir.filePath(QStringLiteral("nope.jpg")));
    QVERIFY(!image.ok());
    QCOMPARE(image.error().exitCode(), 3);
}

void TestImageLoader::hugePngHeaderIsRefusedBeforeDecoding()
{
    // A valid PNG header declaring 20000×20000 (400 MP), with a tiny IDAT: a
    // decoder that trusted it would allocate 1.2 GB first.
    QByteArray ihdr(13, '\0');
    qToBigEndian(quint32(20000), ihdr.data());
    qToBigEndian(quint32(20000), ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // colour type RGB
    const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr)
        + pngChunk("IDAT", QByteArray("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) + pngChunk("IEND", {});
    const auto image = ImageLoader().load(write(m_dir, QStringLiteral("bomb.png"), png));
    QVERIFY(!image.ok());
    QCOMPARE(image.error().code(), Error::Code::BadInput);
    QVERIFY2(image.error().message().contains(QLatin1String("too large")), qPrintable(image.error().message()));
    QVERIFY(image.error().message().contains(QLatin1String("20000")));
}

void TestImageLoader::pixelLimitIsConfigurable()
{
    const QString path = write(m_dir, QStringLiteral("small.png"), encode(pattern(100, 100), ".png"));
    QVERIFY(ImageLoader().load(path).ok());
    ImageLimits limits;
    limits.maxPixels = 5000;
    const auto refused = ImageLoader(limits).load(path);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message().contains(QLatin1String("too large")));
}

void TestImageLoader::largestPngHeaderIsRefusedWithoutOverflow()
{
    // 4294967295 × 4294967295 overflows qint64; the wrapped product was negative
    // and passed the pixel limit (found by tests/fuzz/fuzz_imageloader).
    QByteArray ihdr(13, '\0');
    qToBigEndian(quint32(0xFFFFFFFF), ihdr.data());
    qToBigEndian(quint32(0xFFFFFFFF), ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // colour type RGB
    const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr)
        + pngChunk("IDAT", QByteArray("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) + pngChunk("IEND", {});
    const auto image = ImageLoader().decode(png, QStringLiteral("huge.png"));
    QVERIFY(!image.ok());
    QVERIFY2(image.error().message().contains(QLatin1String("too large")), qPrintable(image.error().message()));
}

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_imageloader.moc"
