#include "handoff/MultipartParser.h"

#include <QtTest>

using namespace rollcall;

// The parser of the phone's uploads: the parts a browser sends, and every
// malformed body refused rather than half-read.
class TestMultipartParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsFilesAndFields();
    void quotedBoundary();
    void emptyFileField();
    void refusesMalformed_data();
    void refusesMalformed();
    void boundsTheNumberOfParts();

private:
    static QByteArray body(const QList<QByteArray> &parts, const QByteArray &boundary = "XyZ")
    {
        QByteArray out;
        for (const QByteArray &part : parts)
            out += "--" + boundary + "\r\n" + part + "\r\n";
        return out + "--" + boundary + "--\r\n";
    }
};

void TestMultipartParser::readsFilesAndFields()
{
    const QByteArray binary("\xff\xd8\r\n--XyY is a near miss, not the boundary\r\n\x00\xff\xd9", 39);
    const QByteArray request = body({
        "Content-Disposition: form-data; name=\"photos\"; filename=\"IMG_1.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            + binary,
        "Content-Disposition: form-data; name=\"note\"\r\n\r\nhello",
    });
    const auto parts = MultipartParser().parse("multipart/form-data; boundary=XyZ", request);
    QVERIFY(parts.ok());
    QCOMPARE(parts->size(), 2);
    QCOMPARE(parts->at(0).name, QStringLiteral("photos"));
    QCOMPARE(parts->at(0).fileName, QStringLiteral("IMG_1.jpg"));
    QCOMPARE(parts->at(0).contentType, QByteArray("image/jpeg"));
    QCOMPARE(parts->at(0).data, binary);
    QCOMPARE(parts->at(1).name, QStringLiteral("note"));
    QVERIFY(parts->at(1).fileName.isEmpty());
    QCOMPARE(parts->at(1).data, QByteArray("hello"));
}

void TestMultipartParser::quotedBoundary()
{
    const QByteArray request = body({ "Content-Disposition: form-data; name=\"a\"\r\n\r\n1" }, "a b");
    const auto parts = MultipartParser().parse("Multipart/Form-Data; boundary=\"a b\"", request);
    QVERIFY(parts.ok());
    QCOMPARE(parts->size(), 1);
}

void TestMultipartParser::emptyFileField()
{
    // What a browser sends for a file input left empty.
    const QByteArray request = body({ "Content-Disposition: form-data; name=\"photos\"; filename=\"\"\r\n"
                                      "Content-Type: application/octet-stream\r\n\r\n" });
    const auto parts = MultipartParser().parse("multipart/form-data; boundary=XyZ", request);
    QVERIFY(parts.ok());
    QCOMPARE(parts->size(), 1);
    QVERIFY(parts->at(0).data.isEmpty());
}

void TestMultipartParser::refusesMalformed_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("request");
    const QByteArray type = "multipart/form-data; boundary=XyZ";
    const QByteArray good = "Content-Disposition: form-data; name=\"a\"\r\n\r\n1";
    QTest::newRow("not multipart") << QByteArray("application/x-www-form-urlencoded") << QByteArray("a=1");
    QTest::newRow("no boundary") << QByteArray("multipart/form-data") << body({ good });
    QTest::newRow("boundary too long") << QByteArray("multipart/form-data; boundary=" + QByteArray(71, 'b'))
                                       << body({ good }, QByteArray(71, 'b'));
    QTest::newRow("empty body") << type << QByteArray();
    QTest::newRow("no closing boundary") << type << QByteArray("--XyZ\r\n" + good + "\r\n");
    QTest::newRow("garbage before") << type << QByteArray("junk" + body({ good }));
    QTest::newRow("no disposition") << type << body({ "Content-Type: text/plain\r\n\r\n1" });
    QTest::newRow("not form-data") << type << body({ "Content-Disposition: attachment; name=\"a\"\r\n\r\n1" });
    QTest::newRow("header without colon") << type << body({ "Content-Disposition form-data\r\n\r\n1" });
    QTest::newRow("no blank line") << type << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=a");
    QTest::newRow("huge part headers") << type
                                       << body({ "Content-Disposition: form-data; name=\"a\"\r\nX-Pad: "
                                                 + QByteArray(5000, 'p') + "\r\n\r\n1" });
    QTest::newRow("bad delimiter") << type << QByteArray("--XyZxx" + good);
}

void TestMultipartParser::refusesMalformed()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, request);
    const auto parts = MultipartParser().parse(contentType, request);
    QVERIFY(!parts.ok());
    QCOMPARE(parts.error().code(), Error::Code::BadInput);
}

void TestMultipartParser::boundsTheNumberOfParts()
{
    QList<QByteArray> many(5, "Content-Disposition: form-data; name=\"a\"\r\n\r\n1");
    QVERIFY(MultipartParser(5).parse("multipart/form-data; boundary=XyZ", body(many)).ok());
    many.append(many.first());
    const auto parts = MultipartParser(5).parse("multipart/form-data; boundary=XyZ", body(many));
    QVERIFY(!parts.ok());
    QVERIFY(parts.error().message().contains(QLatin1String("more than 5 parts")));
}

QTEST_GUILESS_MAIN(TestMultipartParser)
#include "tst_multipartparser.moc"
