#include "storage/PhotoStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestPhotoStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesByContentHash();
    void sameBytesStoredOnce();
    void noTemporaryFilesLeft();
    void removeAndInvalidHashes();
    void diskFullLeavesNoPartialPhoto();
};

void TestPhotoStore::storesByContentHash()
{
    QTemporaryDir dir;
    PhotoStore store(dir.path());
    const QByteArray data("\xff\xd8\xff fake jpeg bytes", 20);
    auto hash = store.put(data);
    QVERIFY(hash.ok());
    QCOMPARE(*hash, QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
    QVERIFY(store.contains(*hash));
    QCOMPARE(store.filePath(*hash), dir.path() + QLatin1Char('/') + hash->left(2) + QLatin1Char('/') + *hash);
    QCOMPARE(store.read(*hash).value(), data);
    QCOMPARE(store.hashes(), QStringList { *hash });
    QVERIFY(!store.put(QByteArray()).ok());
}

void TestPhotoStore::sameBytesStoredOnce()
{
    QTemporaryDir dir;
    PhotoStore store(dir.path());
    const QString a = store.put("one").value();
    QCOMPARE(store.put("one").value(), a);
    const QString b = store.put("two").value();
    QVERIFY(a != b);
    QCOMPARE(store.hashes().size(), 2);
}

void TestPhotoStore::noTemporaryFilesLeft()
{
    QTemporaryDir dir;
    PhotoStore store(dir.path());
    for (int i = 0; i < 20; ++i)
        QVERIFY(store.put(QByteArray::number(i).repeated(1000)).ok());
    int files = 0;
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        QVERIFY2(PhotoStore::isValidHash(it.fileName()), qPrintable(it.fileName()));
        ++files;
    }
    QCOMPARE(files, 20);
}

void TestPhotoStore::removeAndInvalidHashes()
{
    QTemporaryDir dir;
    PhotoStore store(dir.path());
    const QString hash = store.put("gone").value();
    QVERIFY(store.remove(hash).ok());
    QVERIFY(!store.contains(hash));
    QVERIFY(store.remove(hash).ok()); // removing twice is fine
    QCOMPARE(store.read(hash).error().code(), Error::Code::Storage);
    QCOMPARE(store.read(QStringLiteral("../../etc/passwd")).error().code(), Error::Code::BadInput);
    QVERIFY(!PhotoStore::isValidHash(QStringLiteral("ABC")));
}

void TestPhotoStore::diskFullLeavesNoPartialPhoto()
{
    QTemporaryDir dir;
    // A child process that may not write files over 64 KiB stores a 256 KiB photo.
    QProcess helper;
    helper.start(QStringLiteral(ROLLCALL_STORAGE_TEST_HELPER),
                 { QStringLiteral("put-photo"), dir.path(), QString::number(64 * 1024), QString::number(256 * 1024) });
    QVERIFY(helper.waitForFinished(30000));
    const QString output = QString::fromUtf8(helper.readAllStandardOutput());
    QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
    QCOMPARE(helper.exitCode(), 5);
    QVERIFY2(output.contains(QLatin1String("disk full")), qPrintable(output));
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QVERIFY2(!it.hasNext(), qPrintable(it.hasNext() ? it.next() : QString())); // no partial or temporary file
    PhotoStore store(dir.path());
    QVERIFY(store.hashes().isEmpty());
    QVERIFY(store.put(QByteArray(256 * 1024, 'j')).ok()); // with space, the same photo stores fine
}

QTEST_GUILESS_MAIN(TestPhotoStore)
#include "tst_photostore.moc"
