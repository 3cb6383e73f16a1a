#include "common/RotatingLogFile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;

class TestRotatingLogFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotatesAndCapsTheNumberOfFiles();
};

void TestRotatingLogFile::rotatesAndCapsTheNumberOfFiles()
{
    QTemporaryDir dir;
    {
        RotatingLogFile log(dir.path(), 1000, 2);
        QVERIFY(log.isOpen());
        const QString line(99, QLatin1Char('a')); // 100 bytes with the newline
        for (int i = 0; i < 55; ++i)
            log.writeLine(line);
    }
    const QDir d(dir.path());
    QVERIFY(d.exists(QStringLiteral("rollcall.log")));
    QVERIFY(d.exists(QStringLiteral("rollcall.log.1")));
    QVERIFY(d.exists(QStringLiteral("rollcall.log.2")));
    QVERIFY(!d.exists(QStringLiteral("rollcall.log.3")));
    QCOMPARE(QFileInfo(d.filePath(QStringLiteral("rollcall.log.1"))).size(), 1000);
    QCOMPARE(QFileInfo(d.filePath(QStringLiteral("rollcall.log"))).size(), 500);
}

QTEST_GUILESS_MAIN(TestRotatingLogFile)
#include "tst_rotatinglogfile.moc"
