#include "TestPaths.h"
#include "TestPhotos.h"
#include "vision/PhotoFingerprint.h"

#include <QDir>
#include <QtTest>

using namespace rollcall;
using namespace rollcall::test;

namespace {

QStringList groupPhotos()
{
    QStringList paths;
    for (const QString &folder : { QStringLiteral("group/crowds"), QStringLiteral("group/bbt"),
                                   QStringLiteral("group/dlib-examples"), QStringLiteral("group/retinaface"),
                                   QStringLiteral("classrooms/DEV-A"), QStringLiteral("classrooms/DEV-B") }) {
        const QDir dir(TestPaths::dataDir() + QLatin1Char('/') + folder);
        for (const QString &name : dir.entryList({ QStringLiteral("*.jpg") }, QDir::Files, QDir::Name))
            paths << dir.filePath(name);
    }
    return paths;
}

} // namespace

class TestPhotoFingerprint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void captureTime();
    void samePictureSurvivesReencoding();
    void differentPhotosDiffer();
    void hostileInput();
    void thumbnailText();
};

void TestPhotoFingerprint::captureTime()
{
    const QByteArray plain = readBytes(TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")));
    QVERIFY(!plain.isEmpty());
    QVERIFY(!PhotoFingerprint::of(plain).capturedAt);

    const QDateTime when(QDate(2026, 8, 5), QTime(9, 41, 7));
    const PhotoFingerprint local = PhotoFingerprint::of(withCaptureTime(plain, when));
    QVERIFY(local.capturedAt);
    QCOMPARE(local.capturedAt->date(), when.date());
    QCOMPARE(local.capturedAt->time(), when.time());
    QCOMPARE(local.thumbnail.size(), PhotoFingerprint::kSide * PhotoFingerprint::kSide); // EXIF does not get in the way

    const PhotoFingerprint india = PhotoFingerprint::of(withCaptureTime(plain, when, QStringLiteral("+05:30")));
    QVERIFY(india.capturedAt);
    QCOMPARE(india.capturedAt->offsetFromUtc(), 5 * 3600 + 30 * 60);
    QCOMPARE(india.capturedAt->date(), when.date()); // the camera's own day
    QCOMPARE(india.capturedAt->toUTC().time(), QTime(4, 11, 7));

    // Unset camera clocks and nonsense are "no capture time", not 1970.
    QVERIFY(!PhotoFingerprint::of(withCaptureTime(plain, QDateTime(QDate(1970, 1, 1), QTime(0, 0)))).capturedAt);
    const PhotoFingerprint badOffset = PhotoFingerprint::of(withCaptureTime(plain, when, QStringLiteral("+99:99")));
    QVERIFY(badOffset.capturedAt);
    QCOMPARE(badOffset.capturedAt->timeSpec(), Qt::LocalTime);
}

void TestPhotoFingerprint::samePictureSurvivesReencoding()
{
    int worst = 0;
    for (const QString &path : groupPhotos()) {
        const PhotoFingerprint original = PhotoFingerprint::of(readBytes(path));
        QVERIFY2(!original.thumbnail.isEmpty(), qPrintable(path));
        // What a messenger or a photo editor does to a photo on its way.
        for (const auto &[quality, scale] :
             { std::pair { 60, 1.0 }, std::pair { 85, 0.5 }, std::pair { 75, 0.3 }, std::pair { 50, 0.25 } }) {
            const PhotoFingerprint copy = PhotoFingerprint::of(reencodedJpeg(readBytes(path), quality, scale));
            const int cells = PhotoFingerprint::differingCells(original.thumbnail, copy.thumbnail);
            if (cells > PhotoFingerprint::kSamePictureCells)
                qWarning("%d cells: %s at q%d x%.2f", cells, qPrintable(path), quality, scale);
            worst = std::max(worst, cells);
            QVERIFY(original.samePicture(copy) == (cells <= PhotoFingerprint::kSamePictureCells));
        }
    }
    qInfo("re-encoded or scaled copies: at most %d differing cells", worst);
    QVERIFY(worst <= PhotoFingerprint::kSamePictureCells);
}

void TestPhotoFingerprint::differentPhotosDiffer()
{
    QList<PhotoFingerprint> prints;
    const QStringList paths = groupPhotos();
    QVERIFY(paths.size() >= 30);
    for (const QString &path : paths)
        prints << PhotoFingerprint::of(readBytes(path));
    int closest = PhotoFingerprint::kSide * PhotoFingerprint::kSide;
    for (int i = 0; i < prints.size(); ++i) {
        for (int j = i + 1; j < prints.size(); ++j) {
            const int cells = PhotoFingerprint::differingCells(prints[i].thumbnail, prints[j].thumbnail);
            if (cells <= PhotoFingerprint::kSamePictureCells)
                qWarning("%d cells: %s %s", cells, qPrintable(paths[i]), qPrintable(paths[j]));
            closest = std::min(closest, cells);
        }
    }
    // The closest pair: two synthetic classes photographed in the same room.
    qInfo("%d different photos: at least %d differing cells", int(prints.size()), closest);
    QVERIFY(closest > PhotoFingerprint::kSamePictureCells);
}

void TestPhotoFingerprint::hostileInput()
{
    QVERIFY(PhotoFingerprint::of({}).thumbnail.isEmpty());
    QVERIFY(PhotoFingerprint::of(QByteArray(5000, 'x')).thumbnail.isEmpty());
    const QByteArray jpeg = readBytes(TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")));
    const PhotoFingerprint truncated = PhotoFingerprint::of(jpeg.left(300));
    QVERIFY(!truncated.capturedAt);
    // A PNG header that declares 100000 x 100000 pixels: refused before any decoding.
    QByteArray bomb = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000186a0000186a00806000000");
    bomb.append(QByteArray(64, '\0'));
    QVERIFY(PhotoFingerprint::of(bomb).thumbnail.isEmpty());
    // A broken EXIF segment (length past the end) is ignored, the picture still hashed.
    QByteArray broken = jpeg.left(2) + QByteArray::fromHex("ffe1ffff") + QByteArray("Exif\0\0II*\0", 10) + jpeg.mid(2);
    const PhotoFingerprint f = PhotoFingerprint::of(broken);
    QVERIFY(!f.capturedAt);
    // Missing thumbnails never match anything, not even each other.
    QVERIFY(!PhotoFingerprint().samePicture(PhotoFingerprint()));
}

void TestPhotoFingerprint::thumbnailText()
{
    const PhotoFingerprint f = PhotoFingerprint::of(readBytes(TestPaths::data(QStringLiteral("group/bbt/bbt2.jpg"))));
    QCOMPARE(PhotoFingerprint::parseThumbnail(f.thumbnailText()), f.thumbnail);
    QVERIFY(PhotoFingerprint::parseThumbnail(QStringLiteral("not base64!")).isEmpty());
    QVERIFY(PhotoFingerprint::parseThumbnail(QString::fromLatin1(QByteArray(100, 'a').toBase64())).isEmpty());
}

QTEST_GUILESS_MAIN(TestPhotoFingerprint)
#include "tst_photofingerprint.moc"
