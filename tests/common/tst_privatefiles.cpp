#include "TestPaths.h"
#include "common/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace rollcall;
using rollcall::test::fileMode;

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_oldMask = ::umask(022); } // Debian's default: files 0644, folders 0755
    void cleanup() { ::umask(m_oldMask); }
    void newFoldersAndFilesArePrivate();
    void createEmptyNeverTruncates();
    void anOldInstallationIsTightenedOnce();

private:
    mode_t m_oldMask = 022;
};

void TestPrivateFiles::newFoldersAndFilesArePrivate()
{
    QTemporaryDir root;
    const QString dir = root.filePath(QStringLiteral("a/b/data"));
    QVERIFY(PrivateFiles::makeDirectory(dir));
    QCOMPARE(fileMode(dir), 0700);
    QCOMPARE(fileMode(root.filePath(QStringLiteral("a"))), 0755); // parents are not ours to change
    const QString file = dir + QStringLiteral("/rollcall.sqlite");
    QVERIFY(PrivateFiles::createEmpty(file));
    QCOMPARE(fileMode(file), 0600);
    QVERIFY(PrivateFiles::restrict(dir + QStringLiteral("/missing"))); // nothing to do
}

void TestPrivateFiles::createEmptyNeverTruncates()
{
    QTemporaryDir root;
    const QString file = root.filePath(QStringLiteral("x"));
    write(file, "kept");
    QCOMPARE(fileMode(file), 0644);
    QVERIFY(PrivateFiles::createEmpty(file));
    QCOMPARE(fileMode(file), 0600);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("kept"));
}

void TestPrivateFiles::anOldInstallationIsTightenedOnce()
{
    QTemporaryDir root;
    QTemporaryDir outside;
    const QString data = root.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data + QStringLiteral("/photos/ab")));
    write(data + QStringLiteral("/rollcall.sqlite"), "db");
    write(data + QStringLiteral("/photos/ab/abcd"), "photo");
    write(outside.filePath(QStringLiteral("theirs")), "not ours");
    QVERIFY(QFile::link(outside.filePath(QStringLiteral("theirs")), data + QStringLiteral("/link")));
    QCOMPARE(fileMode(data), 0755);

    // data, photos, photos/ab, two files; the link is not followed.
    QCOMPARE(PrivateFiles::tightenTree(data), 5);
    QCOMPARE(fileMode(data), 0700);
    QCOMPARE(fileMode(data + QStringLiteral("/photos/ab")), 0700);
    QCOMPARE(fileMode(data + QStringLiteral("/photos/ab/abcd")), 0600);
    QCOMPARE(fileMode(data + QStringLiteral("/rollcall.sqlite")), 0600);
    QCOMPARE(fileMode(outside.filePath(QStringLiteral("theirs"))), 0644);
    QCOMPARE(PrivateFiles::tightenTree(data), 0);
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
