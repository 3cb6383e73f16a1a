#include "reports/CsvReader.h"

#include <QTest>

using namespace rollcall;

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void unclosedQuote();
    void latin1Fallback();
    void hostileShapesAreBounded_data();
    void hostileShapesAreBounded();
};

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QList<QStringList>>("expected");
    const auto L = [](std::initializer_list<const char *> cells) {
        QStringList l;
        for (const char *c : cells)
            l.append(QString::fromUtf8(c));
        return l;
    };
    QTest::newRow("simple crlf") << QByteArray("ID,Name\r\nS1,Asha\r\n")
                                 << QList<QStringList> { L({ "ID", "Name" }), L({ "S1", "Asha" }) };
    QTest::newRow("lf, no final newline")
        << QByteArray("ID,Name\nS1,Asha") << QList<QStringList> { L({ "ID", "Name" }), L({ "S1", "Asha" }) };
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFID,Name\r\n") << QList<QStringList> { L({ "ID", "Name" }) };
    QTest::newRow("quotes") << QByteArray("a,\"b,\"\"c\"\"\",\"x\r\ny\"\r\n")
                            << QList<QStringList> { L({ "a", "b,\"c\"", "x\r\ny" }) };
    QTest::newRow("semicolon detected") << QByteArray("ID;Name;Email\r\nS1;Rao, K;k@x.in\r\n")
                                        << QList<QStringList> { L({ "ID", "Name", "Email" }),
                                                                L({ "S1", "Rao, K", "k@x.in" }) };
    QTest::newRow("tab detected") << QByteArray("ID\tName\nS1\tAsha\n")
                                  << QList<QStringList> { L({ "ID", "Name" }), L({ "S1", "Asha" }) };
    QTest::newRow("empty fields and lines")
        << QByteArray("a,,\r\n\r\n,b,\r\n") << QList<QStringList> { L({ "a", "", "" }), {}, L({ "", "b", "" }) };
    QTest::newRow("devanagari") << QByteArray("ID,Name\nS1,आशा वर्मा\n")
                                << QList<QStringList> { L({ "ID", "Name" }), L({ "S1", "आशा वर्मा" }) };
    QTest::newRow("cr only") << QByteArray("a,b\rc,d\r") << QList<QStringList> { L({ "a", "b" }), L({ "c", "d" }) };
    QTest::newRow("empty quoted") << QByteArray("\"\",x\n") << QList<QStringList> { L({ "", "x" }) };
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QList<QStringList>, expected);
    const auto rows = CsvReader::parse(data);
    QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message()));
    QCOMPARE(*rows, expected);
}

void TestCsvReader::unclosedQuote()
{
    const auto rows = CsvReader::parse("ID,Name\nS1,\"Asha\n");
    QVERIFY(!rows.ok());
    QCOMPARE(rows.error().code(), Error::Code::BadInput);
}

void TestCsvReader::latin1Fallback()
{
    const auto rows = CsvReader::parse("ID,Name\nS1,Jos\xE9\n");
    QVERIFY(rows.ok());
    QCOMPARE(rows->at(1).at(1), QStringLiteral("José"));
}

void TestCsvReader::hostileShapesAreBounded_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("reason");
    QTest::newRow("256 fields") << QByteArray(255, ',') + "\n" << true << QString();
    QTest::newRow("257 fields") << QByteArray(256, ',') + "\n" << false << QStringLiteral("more than 256 fields");
    QTest::newRow("a million separators")
        << QByteArray(1000000, ',') << false << QStringLiteral("more than 256 fields");
    QTest::newRow("100,000 rows") << QByteArray(100000, '\n') << true << QString();
    QTest::newRow("100,001 rows") << QByteArray(100001, '\n') << false << QStringLiteral("more than 100000 rows");
    QByteArray manyCells;
    for (int i = 0; i < 5000; ++i)
        manyCells += QByteArray(250, ';') + "\n"; // 251 fields × 5,000 rows
    QTest::newRow("1.25 M fields") << manyCells << false << QStringLiteral("more than 1000000 fields");
}

void TestCsvReader::hostileShapesAreBounded()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, accepted);
    QFETCH(QString, reason);
    const auto rows = CsvReader::parse(data, QLatin1Char(data.contains(';') ? ';' : ','));
    QCOMPARE(rows.ok(), accepted);
    if (!accepted) {
        QCOMPARE(rows.error().code(), Error::Code::BadInput);
        QVERIFY2(rows.error().message().contains(reason), qPrintable(rows.error().message()));
    }
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
