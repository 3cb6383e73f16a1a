#include "ReportReader.h"
#include "reports/CsvWriter.h"

#include <QBuffer>
#include <QDate>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using rollcall::test::ReportReader;

namespace {

// Text cells that must survive a round trip, with what the CSV reader must see.
struct TextCase
{
    QString input;
    QString expected;
};

QList<TextCase> textCases()
{
    return {
        { QStringLiteral("Asha Verma"), QStringLiteral("Asha Verma") },
        { QStringLiteral("आशा वर्मा"), QStringLiteral("आशा वर्मा") },
        { QStringLiteral("क्षत्रिय, \"राज\""), QStringLiteral("क्षत्रिय, \"राज\"") },
        { QStringLiteral("O'Brien, \"Jim\""), QStringLiteral("O'Brien, \"Jim\"") },
        { QStringLiteral("two\nlines"), QStringLiteral("two\nlines") },
        { QStringLiteral("semi;colon"), QStringLiteral("semi;colon") },
        { QStringLiteral("=1+1"), QStringLiteral("'=1+1") },
        { QStringLiteral("+SUM(A1:A9)"), QStringLiteral("'+SUM(A1:A9)") },
        { QStringLiteral("-2+3"), QStringLiteral("'-2+3") },
        { QStringLiteral("@SUM(1)"), QStringLiteral("'@SUM(1)") },
        { QStringLiteral("\t=cmd"), QStringLiteral("'\t=cmd") },
        { QStringLiteral("\r=cmd"), QStringLiteral("'\r=cmd") },
        { QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"), QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")") },
        { QStringLiteral("\uFF1D1+1"), QStringLiteral("'\uFF1D1+1") },
        { QStringLiteral("a=b"), QStringLiteral("a=b") },
        { QString(), QString() },
    };
}

ReportDocument sampleDocument()
{
    ReportDocument doc;
    doc.title = QStringLiteral("Sample");
    ReportTable &t = doc.addTable(QStringLiteral("Students"));
    t.addColumn(QStringLiteral("Name"));
    t.addColumn(QStringLiteral("Date"), ReportTable::Type::Date);
    t.addColumn(QStringLiteral("Attendance %"), ReportTable::Type::Percent);
    t.addColumn(QStringLiteral("Sessions"), ReportTable::Type::Integer);
    t.addColumn(QStringLiteral("Distance"), ReportTable::Type::Number, 3);
    int i = 0;
    for (const TextCase &c : textCases()) {
        t.addRow(
            { c.input, QDate(2026, 8, 1).addDays(i), 0.5 + i / 100.0, i, i == 0 ? QVariant() : QVariant(-0.25 * i) });
        ++i;
    }
    return doc;
}

QJsonObject writeAndRead(const ReportDocument &doc, const CsvWriter::Options &options, QByteArray *bytes = nullptr)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    CsvWriter writer(options);
    const Status s = writer.write(doc, &file);
    file.close();
    if (!s) {
        qWarning() << s.error().message();
        return {};
    }
    if (bytes) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            *bytes = f.readAll();
    }
    QString error;
    QJsonObject result = ReportReader::readCsv(path, options.separator, &error);
    if (result.isEmpty())
        qWarning() << error;
    return result;
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neutralising_data();
    void neutralising();
    void roundTrip();
    void semicolonUsesDecimalComma();
    void noByteOrderMark();
    void sectionsForSeveralTables();
    void emptyTable();
    void cancelFromProgress();
    void refusesClosedDevice();
};

void TestCsvWriter::neutralising_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("neutralised");
    QTest::newRow("equals") << QStringLiteral("=1") << true;
    QTest::newRow("plus") << QStringLiteral("+1") << true;
    QTest::newRow("minus") << QStringLiteral("-1") << true;
    QTest::newRow("at") << QStringLiteral("@x") << true;
    QTest::newRow("tab") << QStringLiteral("\tx") << true;
    QTest::newRow("cr") << QStringLiteral("\rx") << true;
    QTest::newRow("fullwidth equals") << QStringLiteral("\uFF1Dx") << true;
    QTest::newRow("plain") << QStringLiteral("Ravi") << false;
    QTest::newRow("inner equals") << QStringLiteral("a=1") << false;
    QTest::newRow("space then equals") << QStringLiteral(" =1") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestCsvWriter::neutralising()
{
    QFETCH(QString, text);
    QFETCH(bool, neutralised);
    QCOMPARE(CsvWriter::needsNeutralising(text), neutralised);
}

void TestCsvWriter::roundTrip()
{
    QByteArray bytes;
    const QJsonObject csv = writeAndRead(sampleDocument(), {}, &bytes);
    QVERIFY2(!csv.isEmpty(), "the CSV could not be read back");
    QVERIFY(csv.value(QLatin1String("bom")).toBool());
    QVERIFY(bytes.startsWith("\xEF\xBB\xBFName,Date,Attendance %,Sessions,Distance\r\n"));
    const QJsonArray rows = csv.value(QLatin1String("rows")).toArray();
    const auto cases = textCases();
    QCOMPARE(rows.size(), cases.size() + 1);
    QCOMPARE(rows.at(0).toArray().size(), 5);
    for (int i = 0; i < cases.size(); ++i) {
        const QJsonArray row = rows.at(i + 1).toArray();
        QCOMPARE(row.size(), 5);
        QCOMPARE(row.at(0).toString(), cases.at(i).expected);
        QCOMPARE(row.at(1).toString(), QDate(2026, 8, 1).addDays(i).toString(Qt::ISODate));
        QCOMPARE(row.at(2).toString(), QString::number((0.5 + i / 100.0) * 100, 'f', 1));
        QCOMPARE(row.at(3).toString(), QString::number(i));
        QCOMPARE(row.at(4).toString(), i == 0 ? QString() : QString::number(-0.25 * i, 'f', 3));
    }
}

void TestCsvWriter::semicolonUsesDecimalComma()
{
    CsvWriter::Options options;
    options.separator = QLatin1Char(';');
    QByteArray bytes;
    const QJsonObject csv = writeAndRead(sampleDocument(), options, &bytes);
    QVERIFY2(!csv.isEmpty(), "the CSV could not be read back");
    const QJsonArray rows = csv.value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.at(0).toArray().size(), 5);
    QCOMPARE(rows.at(2).toArray().at(2).toString(), QStringLiteral("51,0"));
    QCOMPARE(rows.at(2).toArray().at(4).toString(), QStringLiteral("-0,250"));
    // The name with a ';' is quoted, the one with a ',' no longer needs to be.
    QCOMPARE(rows.at(6).toArray().at(0).toString(), QStringLiteral("semi;colon"));
    QVERIFY(bytes.contains("\"semi;colon\""));
    QVERIFY(bytes.contains("\"O'Brien, \"\"Jim\"\"\""));
}

void TestCsvWriter::noByteOrderMark()
{
    CsvWriter::Options options;
    options.byteOrderMark = false;
    QByteArray bytes;
    const QJsonObject csv = writeAndRead(sampleDocument(), options, &bytes);
    QVERIFY2(!csv.isEmpty(), "the CSV could not be read back");
    QVERIFY(!csv.value(QLatin1String("bom")).toBool());
    QVERIFY(bytes.startsWith("Name,"));
}

void TestCsvWriter::sectionsForSeveralTables()
{
    ReportDocument doc;
    ReportTable &a = doc.addTable(QStringLiteral("Register"));
    a.addColumn(QStringLiteral("ID"));
    a.addColumn(QStringLiteral("Name"));
    a.addRow({ QStringLiteral("S1"), QStringLiteral("Asha") });
    a.addFooterRow({ QStringLiteral("Total"), 1 });
    ReportTable &b = doc.addTable(QStringLiteral("Summary"));
    b.addColumn(QStringLiteral("Item"));
    b.addColumn(QStringLiteral("Value"), ReportTable::Type::Integer);
    b.addRow({ QStringLiteral("Students"), 1 });
    const QJsonObject csv = writeAndRead(doc, {});
    QVERIFY2(!csv.isEmpty(), "the CSV could not be read back");
    const QJsonArray rows = csv.value(QLatin1String("rows")).toArray();
    const QList<QStringList> expected {
        { QStringLiteral("Register") },
        { QStringLiteral("ID"), QStringLiteral("Name") },
        { QStringLiteral("S1"), QStringLiteral("Asha") },
        { QStringLiteral("Total"), QStringLiteral("1") },
        {},
        { QStringLiteral("Summary") },
        { QStringLiteral("Item"), QStringLiteral("Value") },
        { QStringLiteral("Students"), QStringLiteral("1") },
    };
    QCOMPARE(rows.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QStringList got;
        for (const auto &v : rows.at(i).toArray())
            got.append(v.toString());
        QCOMPARE(got, expected.at(i));
    }
}

void TestCsvWriter::emptyTable()
{
    ReportDocument doc;
    ReportTable &t = doc.addTable(QStringLiteral("Empty"));
    t.addColumn(QStringLiteral("ID"));
    t.addColumn(QStringLiteral("Name"));
    QByteArray bytes;
    const QJsonObject csv = writeAndRead(doc, {}, &bytes);
    QCOMPARE(bytes, QByteArray("\xEF\xBB\xBFID,Name\r\n"));
    QCOMPARE(csv.value(QLatin1String("rows")).toArray().size(), 1);
}

void TestCsvWriter::cancelFromProgress()
{
    ReportDocument doc = sampleDocument();
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer;
    qint64 calls = 0;
    writer.setProgress([&](qint64 done, qint64 total) {
        ++calls;
        return !(done == 3 && total > 3);
    });
    const Status s = writer.write(doc, &buffer);
    QVERIFY(!s);
    QCOMPARE(s.error().code(), Error::Code::Cancelled);
    QCOMPARE(calls, 3);
}

void TestCsvWriter::refusesClosedDevice()
{
    QBuffer buffer;
    CsvWriter writer;
    const Status s = writer.write(sampleDocument(), &buffer);
    QVERIFY(!s);
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
