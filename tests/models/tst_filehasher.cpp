#include "models/FileHasher.h"

#include <QBuffer>
#include <QTemporaryFile>
#include <QtTest>

using namespace rollcall;

class TestFileHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownVectors();
    void fileAndDeviceAgree();
    void unreadableFileGivesEmpty();
};

void TestFileHasher::knownVectors()
{
    QCOMPARE(FileHasher::sha256Hex(QByteArray()),
             QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(FileHasher::sha256Hex(QByteArray("abc")),
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestFileHasher::fileAndDeviceAgree()
{
    QByteArray data(3 * 1024 * 1024 + 17, 'x');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 31 % 251);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(data);
    file.close();
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QCOMPARE(FileHasher::sha256Hex(file.fileName()), FileHasher::sha256Hex(data));
    QCOMPARE(FileHasher::sha256Hex(&buffer), FileHasher::sha256Hex(data));
}

void TestFileHasher::unreadableFileGivesEmpty()
{
    QVERIFY(FileHasher::sha256Hex(QStringLiteral("/nonexistent/file")).isEmpty());
}

QTEST_GUILESS_MAIN(TestFileHasher)
#include "tst_filehasher.moc"
