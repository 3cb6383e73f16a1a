#include "ReportReader.h"
#include "reports/XlsxReader.h"
#include "reports/XlsxWriter.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
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

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
