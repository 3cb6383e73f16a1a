#include "reports/RosterPhotoFolder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;

// How files in a photos folder are matched to a roster's student IDs (no models:
// the files only need names).
class TestRosterPhotoFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesByStudentId();
    void exactIdBeatsNumberedSuffix();
    void notAFolder();
    void photoExtensions();

private:
    void touch(const QString &relative);
    QTemporaryDir m_dir;
};

void TestRosterPhotoFolder::touch(const QString &relative)
{
    const QString path = m_dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write("x");
}

void TestRosterPhotoFolder::matchesByStudentId()
{
    QVERIFY(m_dir.isValid());
    touch(QStringLiteral("S1.jpg"));
    touch(QStringLiteral("s1_2.JPEG")); // case-insensitive ID and extension, numbered
    touch(QStringLiteral("S1-03.png"));
    touch(QStringLiteral("S2/front.webp")); // a student's subfolder
    touch(QStringLiteral("S2/side.BMP"));
    touch(QStringLiteral("S2/notes.txt"));
    touch(QStringLiteral("S9.jpg")); // nobody in the roster
    touch(QStringLiteral("S1_draft.jpg")); // suffix is not a number
    touch(QStringLiteral("X9/a.jpg"));
    touch(QStringLiteral("list.pdf"));
    touch(QStringLiteral(".hidden.jpg"));

    const auto folder
        = RosterPhotoFolder::scan(m_dir.path(), { QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3") });
    QVERIFY2(folder.ok(), qPrintable(folder.ok() ? QString() : folder.error().message()));
    QStringList s1;
    for (const QString &p : folder->photosOf(QStringLiteral("S1")))
        s1 << folder->relative(p);
    QCOMPARE(s1, QStringList({ QStringLiteral("S1-03.png"), QStringLiteral("S1.jpg"), QStringLiteral("s1_2.JPEG") }));
    QStringList s2;
    for (const QString &p : folder->photosOf(QStringLiteral("S2")))
        s2 << folder->relative(p);
    QCOMPARE(s2, QStringList({ QStringLiteral("S2/front.webp"), QStringLiteral("S2/side.BMP") }));
    QVERIFY(folder->photosOf(QStringLiteral("S3")).isEmpty());
    QCOMPARE(folder->photoCount(), 5);

    QStringList unmatched;
    for (const auto &u : folder->unmatched()) {
        unmatched << u.file;
        QVERIFY(!u.reason.isEmpty());
    }
    unmatched.sort();
    QCOMPARE(unmatched,
             QStringList({ QStringLiteral("S1_draft.jpg"), QStringLiteral("S2/notes.txt"), QStringLiteral("S9.jpg"),
                           QStringLiteral("X9/"), QStringLiteral("list.pdf") }));
}

void TestRosterPhotoFolder::exactIdBeatsNumberedSuffix()
{
    QTemporaryDir dir;
    QFile a(dir.filePath(QStringLiteral("A-1.jpg")));
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.close();
    // "A-1" is a student of its own: the file is theirs, not a second photo of "A".
    auto folder = RosterPhotoFolder::scan(dir.path(), { QStringLiteral("A"), QStringLiteral("A-1") });
    QVERIFY(folder.ok());
    QCOMPARE(folder->photosOf(QStringLiteral("A-1")).size(), 1);
    QVERIFY(folder->photosOf(QStringLiteral("A")).isEmpty());
    // Without student "A-1" it is photo 1 of "A".
    folder = RosterPhotoFolder::scan(dir.path(), { QStringLiteral("A") });
    QVERIFY(folder.ok());
    QCOMPARE(folder->photosOf(QStringLiteral("A")).size(), 1);
    QVERIFY(folder->unmatched().isEmpty());
}

void TestRosterPhotoFolder::notAFolder()
{
    const auto missing = RosterPhotoFolder::scan(m_dir.filePath(QStringLiteral("nope")), { QStringLiteral("S1") });
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code(), Error::Code::BadInput);
    touch(QStringLiteral("file.jpg"));
    QVERIFY(!RosterPhotoFolder::scan(m_dir.filePath(QStringLiteral("file.jpg")), {}).ok());
}

void TestRosterPhotoFolder::photoExtensions()
{
    for (const char *name : { "a.jpg", "a.JPG", "a.jpeg", "a.png", "a.bmp", "a.webp", "a.WebP" })
        QVERIFY2(RosterPhotoFolder::isPhotoFile(QLatin1String(name)), name);
    for (const char *name : { "a.gif", "a.heic", "a", "a.jpg.txt", "a.tiff" })
        QVERIFY2(!RosterPhotoFolder::isPhotoFile(QLatin1String(name)), name);
}

QTEST_GUILESS_MAIN(TestRosterPhotoFolder)
#include "tst_rosterphotofolder.moc"
