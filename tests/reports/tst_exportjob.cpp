#include "reports/ExportJob.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace rollcall;

namespace {

ReportDocument smallDocument()
{
    ReportDocument doc;
    ReportTable &t = doc.addTable(QStringLiteral("T"));
    t.addColumn(QStringLiteral("ID"));
    t.addColumn(QStringLiteral("Name"));
    for (int i = 0; i < 50; ++i)
        t.addRow({ QStringLiteral("S%1").arg(i), QStringLiteral("Name %1").arg(i) });
    return doc;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runWritesCsv();
    void startWritesXlsxOffThread();
    void builderErrorLeavesExistingFile();
    void cancelWhileBuilding();

private:
    QTemporaryDir m_dir;
};

void TestExportJob::runWritesCsv()
{
    const QString path = m_dir.filePath(QStringLiteral("a.csv"));
    ExportJob::Options options;
    options.format = ReportWriter::Format::Csv;
    options.csv.byteOrderMark = false;
    ExportJob job([](const std::atomic_bool &) -> Result<ReportDocument> { return smallDocument(); }, path, options);
    QSignalSpy progress(&job, &ExportJob::progress);
    QSignalSpy finished(&job, &ExportJob::finished);
    QVERIFY(job.run().ok());
    QCOMPARE(finished.size(), 1);
    QVERIFY(progress.size() >= 3);
    QCOMPARE(progress.last().at(0).toInt(), 100);
    QVERIFY(readAll(path).startsWith("ID,Name\r\nS0,Name 0\r\n"));
}

void TestExportJob::startWritesXlsxOffThread()
{
    const QString path = m_dir.filePath(QStringLiteral("b.xlsx"));
    QThread *builderThread = nullptr;
    ExportJob job(
        [&](const std::atomic_bool &) -> Result<ReportDocument> {
            builderThread = QThread::currentThread();
            return smallDocument();
        },
        path, {});
    QSignalSpy finished(&job, &ExportJob::finished);
    job.start();
    QVERIFY(finished.wait(30000));
    QVERIFY(builderThread && builderThread != QThread::currentThread());
    QVERIFY(readAll(path).startsWith("PK\x03\x04"));
}

void TestExportJob::builderErrorLeavesExistingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("c.xlsx"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old");
    }
    ExportJob job(
        [](const std::atomic_bool &) -> Result<ReportDocument> {
            return Error::badInput(QStringLiteral("no such class"));
        },
        path, {});
    QSignalSpy failed(&job, &ExportJob::failed);
    const Status s = job.run();
    QVERIFY(!s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<Error>().code(), Error::Code::BadInput);
    QCOMPARE(readAll(path), QByteArray("old"));
}

void TestExportJob::cancelWhileBuilding()
{
    const QString path = m_dir.filePath(QStringLiteral("d.xlsx"));
    std::atomic_bool entered { false };
    ExportJob job(
        [&](const std::atomic_bool &cancelled) -> Result<ReportDocument> {
            entered = true;
            while (!cancelled)
                QThread::msleep(5);
            return Error::cancelled();
        },
        path, {});
    QSignalSpy failed(&job, &ExportJob::failed);
    job.start();
    QTRY_VERIFY(entered);
    job.cancel();
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.first().at(0).value<Error>().code(), Error::Code::Cancelled);
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
