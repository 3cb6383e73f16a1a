#include "ReportReader.h"
#include "TestPaths.h"
#include "reports/XlsxReader.h"
#include "reports/XlsxWriter.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using rollcall::test::ReportReader;

class TestXlsxReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openpyxlSharedStrings();
    void handmadeInlineStrings();
    void ownWriterRoundTrip();
    void notAZip();
    void damagedZip();
    void aValueBeyondColumnIvIsRefused();
    void aWorksheetThatInflatesPastTheCapIsRefused();
    void theWideFileImportsInASmallMemoryBound();

private:
    QTemporaryDir m_dir;
};

void TestXlsxReader::openpyxlSharedStrings()
{
    const QString path = m_dir.filePath(QStringLiteral("openpyxl.xlsx"));
    const QJsonArray rows {
        QJsonArray { QStringLiteral("Roll No"), QStringLiteral("Name"), QStringLiteral("Email") },
        QJsonArray { 1001, QStringLiteral("आशा वर्मा"), QStringLiteral("asha@example.in") },
        QJsonArray {},
        QJsonArray { QStringLiteral("S-2"), QStringLiteral("O'Brien, \"Jim\""), QJsonValue() },
        QJsonArray { 2.5, QStringLiteral("=1+1"), true }, // openpyxl stores "=…" as a formula
    };
    QString error;
    QVERIFY2(ReportReader::makeXlsx(QStringLiteral("openpyxl"), rows, path, &error), qPrintable(error));
    const auto table = XlsxReader::readFirstSheet(path);
    QVERIFY2(table.ok(), table.ok() ? "" : qPrintable(table.error().message()));
    const QList<QStringList> expected {
        { QStringLiteral("Roll No"), QStringLiteral("Name"), QStringLiteral("Email") },
        { QStringLiteral("1001"), QStringLiteral("आशा वर्मा"), QStringLiteral("asha@example.in") },
        {},
        { QStringLiteral("S-2"), QStringLiteral("O'Brien, \"Jim\"") },
        // A formula without a cached result (openpyxl computes none) reads empty.
        { QStringLiteral("2.5"), QString(), QStringLiteral("TRUE") },
    };
    QCOMPARE(*table, expected);
}

void TestXlsxReader::handmadeInlineStrings()
{
    const QString path = m_dir.filePath(QStringLiteral("handmade.xlsx"));
    const QJsonArray rows {
        QJsonArray { QStringLiteral("ID"), QStringLiteral("Name") },
        QJsonArray { QStringLiteral("S1"), QStringLiteral("Rich Name") },
        QJsonArray { 42, QStringLiteral("  spaced  ") },
        QJsonArray { QJsonValue(), QStringLiteral("क्षत्रिय <&>") },
    };
    QString error;
    QVERIFY2(ReportReader::makeXlsx(QStringLiteral("handmade"), rows, path, &error), qPrintable(error));
    const auto table = XlsxReader::readFirstSheet(path);
    QVERIFY2(table.ok(), table.ok() ? "" : qPrintable(table.error().message()));
    const QList<QStringList> expected {
        { QStringLiteral("ID"), QStringLiteral("Name") },
        { QStringLiteral("S1"), QStringLiteral("Rich Name") }, // runs joined, phonetic run left out
        { QStringLiteral("42"), QStringLiteral("  spaced  ") },
        { QString(), QStringLiteral("क्षत्रिय <&>") },
    };
    QCOMPARE(*table, expected);
}

void TestXlsxReader::ownWriterRoundTrip()
{
    ReportDocument doc;
    ReportTable &t = doc.addTable(QStringLiteral("Roster"));
    t.addColumn(QStringLiteral("ID"));
    t.addColumn(QStringLiteral("Name"));
    t.addColumn(QStringLiteral("Count"), ReportTable::Type::Integer);
    t.addRow({ QStringLiteral("S1"), QStringLiteral("आशा"), 3 });
    const QString path = m_dir.filePath(QStringLiteral("own.xlsx"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(XlsxWriter().write(doc, &file).ok());
    file.close();
    const auto table = XlsxReader::readFirstSheet(path);
    QVERIFY(table.ok());
    QCOMPARE(*table,
             (QList<QStringList> { { QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("Count") },
                                   { QStringLiteral("S1"), QStringLiteral("आशा"), QStringLiteral("3") } }));
}

void TestXlsxReader::notAZip()
{
    const QString path = m_dir.filePath(QStringLiteral("text.xlsx"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ID,Name\n");
    file.close();
    const auto table = XlsxReader::readFirstSheet(path);
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code(), Error::Code::BadInput);
}

void TestXlsxReader::damagedZip()
{
    const QString good = m_dir.filePath(QStringLiteral("good.xlsx"));
    QString error;
    QVERIFY2(ReportReader::makeXlsx(QStringLiteral("openpyxl"), QJsonArray { QJsonArray { QStringLiteral("ID") } },
                                    good, &error),
             qPrintable(error));
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    bytes.truncate(bytes.size() / 2);
    const QString bad = m_dir.filePath(QStringLiteral("bad.xlsx"));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    const auto table = XlsxReader::readFirstSheet(bad);
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code(), Error::Code::BadInput);
}

namespace {

// A hostile package from make_xlsx.py (mode wide or bomb).
bool makeHostile(const QString &mode, const QJsonObject &spec, const QString &out)
{
    QFile file(out + QStringLiteral(".json"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(spec).toJson());
    file.close();
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  { QStringLiteral(ROLLCALL_SOURCE_DIR "/tests/reports/make_xlsx.py"), mode, file.fileName(), out });
    return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

void TestXlsxReader::aValueBeyondColumnIvIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("wide.xlsx"));
    QVERIFY(makeHostile(QStringLiteral("wide"), { { QStringLiteral("rows"), 3000 } }, path));
    const auto table = XlsxReader::readFirstSheet(path);
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code(), Error::Code::BadInput);
    QVERIFY2(table.error().message().contains(QLatin1String("column 16384")), qPrintable(table.error().message()));
}

void TestXlsxReader::aWorksheetThatInflatesPastTheCapIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("bomb.xlsx"));
    QVERIFY(makeHostile(QStringLiteral("bomb"), { { QStringLiteral("megabytes"), 100 } }, path));
    QVERIFY(QFileInfo(path).size() < 1024 * 1024); // 100 MiB of sheet in a few hundred KiB
    const auto table = XlsxReader::readFirstSheet(path);
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code(), Error::Code::BadInput);
    QVERIFY2(table.error().message().contains(QLatin1String("too large")), qPrintable(table.error().message()));
}

void TestXlsxReader::theWideFileImportsInASmallMemoryBound()
{
    // The file of the issue: 3,000 rows, one value each in column XFD. It took 1.2 GB.
    const QString path = m_dir.filePath(QStringLiteral("wide-import.xlsx"));
    QVERIFY(makeHostile(QStringLiteral("wide"), { { QStringLiteral("rows"), 3000 } }, path));
    QTemporaryDir data;
    QCOMPARE(test::addClass(data.path(), QStringLiteral("CS101")), 0);
    // Peak RSS of the command, from a wrapper whose only child it is.
    QProcess wrapper;
    wrapper.start(QStringLiteral("/usr/bin/python3"),
                  { QStringLiteral("-c"),
                    QStringLiteral("import resource,subprocess,sys\n"
                                   "r=subprocess.run(sys.argv[1:],capture_output=True)\n"
                                   "sys.stderr.buffer.write(r.stderr)\n"
                                   "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"),
                    test::TestPaths::cliPath(), QStringLiteral("--data-dir"), data.path(),
                    QStringLiteral("--models-dir"), test::TestPaths::modelsDir(), QStringLiteral("student"),
                    QStringLiteral("import"), QStringLiteral("--class"), QStringLiteral("CS101"), path });
    QVERIFY(wrapper.waitForFinished(120000));
    const QList<QByteArray> out = wrapper.readAllStandardOutput().trimmed().split(' ');
    const QByteArray err = wrapper.readAllStandardError();
    QCOMPARE(out.size(), 2);
    QCOMPARE(out.at(0).toInt(), 3); // refused: bad input
    QVERIFY2(err.contains("column"), err.constData());
    const qint64 peakKiB = out.at(1).toLongLong();
    qInfo("rollcall-cli student import (wide XLSX): peak RSS %lld KiB", peakKiB);
    QVERIFY2(peakKiB < 200 * 1024, qPrintable(QString::number(peakKiB)));
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
