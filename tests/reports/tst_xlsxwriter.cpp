#include "AttendanceFixture.h"
#include "ReportReader.h"
#include "TestDatabase.h"
#include "reports/ExportJob.h"
#include "reports/ReportBuilder.h"
#include "reports/XlsxWriter.h"

#include <QBuffer>
#include <QDate>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <dlfcn.h>
#endif

using namespace rollcall;
using rollcall::test::ReportReader;

namespace {

const QStringList kNames {
    QStringLiteral("Asha Verma"),
    QStringLiteral("आशा वर्मा"),
    QStringLiteral("क्षत्रिय, \"राज\""),
    QStringLiteral("O'Brien, \"Jim\""),
    QStringLiteral("=1+1"),
    QStringLiteral("+SUM(A1:A9)"),
    QStringLiteral("-2+3"),
    QStringLiteral("@SUM(1)"),
    QStringLiteral("\t=cmd"),
    QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"),
};

ReportDocument sampleDocument()
{
    ReportDocument doc;
    doc.title = QStringLiteral("CS-A register");
    doc.subject = QStringLiteral("Attendance");
    ReportTable &t = doc.addTable(QStringLiteral("Register: CS/A"));
    t.addColumn(QStringLiteral("ID"));
    t.addColumn(QStringLiteral("Name"));
    t.addColumn(QStringLiteral("Date"), ReportTable::Type::Date);
    t.addColumn(QStringLiteral("Attendance %"), ReportTable::Type::Percent);
    t.addColumn(QStringLiteral("Sessions"), ReportTable::Type::Integer);
    t.addColumn(QStringLiteral("Distance"), ReportTable::Type::Number, 3);
    t.setFrozenColumns(2);
    t.highlightBelow(3, 0.75);
    for (int i = 0; i < kNames.size(); ++i)
        t.addRow({ QStringLiteral("S%1").arg(i), kNames.at(i), QDate(2026, 8, 1).addDays(i), i * 0.1, i,
                   i == 0 ? QVariant() : QVariant(0.25 * i) });
    t.addFooterRow({ QStringLiteral("Total"), QVariant(), QVariant(), 0.45, 45 });
    ReportTable &empty = doc.addTable(QStringLiteral("Register: CS/A")); // same name: must be made unique
    empty.addColumn(QStringLiteral("Nothing"));
    return doc;
}

QJsonObject writeAndRead(const ReportDocument &doc)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.xlsx"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    XlsxWriter writer;
    const Status s = writer.write(doc, &file);
    file.close();
    if (!s) {
        qWarning() << s.error().message();
        return {};
    }
    QString error;
    QJsonObject result = ReportReader::readXlsx(path, &error);
    if (result.isEmpty())
        qWarning() << error;
    return result;
}

} // namespace

class TestXlsxWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zipSymbolsComeFromMinizip();
    void sheetNames();
    void displayWidth();
    void cellsRoundTrip();
    void layout();
    void documentProperties();
    void emptyDocument();
    void cancelFromProgress();
    void printsOnePageWide();
};

// libxlsxwriter zips through minizip's zipOpen()/zipClose(); if another library that
// exports the same names (QuaZip) is loaded first, those calls bind to it and crash.
void TestXlsxWriter::zipSymbolsComeFromMinizip()
{
#ifdef Q_OS_LINUX
    for (const char *symbol : { "zipOpen", "zipOpenNewFileInZip4_64", "zipWriteInFileInZip", "zipClose" }) {
        void *address = dlsym(RTLD_DEFAULT, symbol);
        QVERIFY2(address, symbol);
        Dl_info info {};
        QVERIFY(dladdr(address, &info) != 0);
        const QString library = QString::fromLocal8Bit(info.dli_fname);
        QVERIFY2(library.contains(QLatin1String("libminizip")),
                 qPrintable(QStringLiteral("%1 resolves to %2, not libminizip: libxlsxwriter would crash")
                                .arg(QLatin1String(symbol), library)));
    }
#endif
}

void TestXlsxWriter::sheetNames()
{
    QCOMPARE(XlsxWriter::sheetName(QStringLiteral("Register: CS/A"), {}), QStringLiteral("Register_ CS_A"));
    QCOMPARE(XlsxWriter::sheetName(QStringLiteral("'quoted'"), {}), QStringLiteral("quoted"));
    QCOMPARE(XlsxWriter::sheetName(QString(), {}), QStringLiteral("Sheet"));
    QCOMPARE(XlsxWriter::sheetName(QStringLiteral("A"), { QStringLiteral("a") }), QStringLiteral("A (2)"));
    const QString longName(40, QLatin1Char('x'));
    QCOMPARE(XlsxWriter::sheetName(longName, {}).size(), 31);
    const QString second = XlsxWriter::sheetName(longName, { longName.left(31) });
    QCOMPARE(second.size(), 31);
    QVERIFY(second.endsWith(QLatin1String(" (2)")));
}

void TestXlsxWriter::displayWidth()
{
    QCOMPARE(XlsxWriter::displayWidth(QStringLiteral("Asha")), 4);
    // Devanagari vowel signs and viramas are combining marks: क्षत्रिय has 8 code points, 4 spacing.
    QVERIFY(XlsxWriter::displayWidth(QStringLiteral("क्षत्रिय")) < 8);
    QCOMPARE(XlsxWriter::displayWidth(QStringLiteral("漢字")), 4);
    QCOMPARE(XlsxWriter::displayWidth(QStringLiteral("ab\nabcd")), 4);
}

void TestXlsxWriter::cellsRoundTrip()
{
    const ReportDocument doc = sampleDocument();
    const QJsonObject book = writeAndRead(doc);
    QVERIFY2(!book.isEmpty(), "the XLSX could not be read back");
    const QJsonObject sheet = ReportReader::sheet(book, QStringLiteral("Register_ CS_A"));
    QVERIFY2(!sheet.isEmpty(), "sheet missing");
    const ReportTable &t = doc.tables.first();
    QCOMPARE(sheet.value(QLatin1String("max_row")).toInt(), 1 + t.rowCount() + 1);
    for (int c = 0; c < t.columnCount(); ++c) {
        QCOMPARE(ReportReader::cell(sheet, 0, c).at(0).toString(), QStringLiteral("s"));
        QCOMPARE(ReportReader::cell(sheet, 0, c).at(1).toString(), t.columns().at(c).title);
    }
    for (int r = 0; r < t.rowCount(); ++r) {
        const int row = r + 1;
        // Text cells are strings, verbatim: formula-like names are neither formulas nor prefixed.
        QCOMPARE(ReportReader::cell(sheet, row, 1).at(0).toString(), QStringLiteral("s"));
        QCOMPARE(ReportReader::cell(sheet, row, 1).at(1).toString(), kNames.at(r));
        const QJsonArray date = ReportReader::cell(sheet, row, 2);
        QCOMPARE(date.at(0).toString(), QStringLiteral("d"));
        QCOMPARE(date.at(1).toString(), QDate(2026, 8, 1).addDays(r).toString(Qt::ISODate));
        QCOMPARE(date.at(2).toString(), QStringLiteral("yyyy-mm-dd"));
        const QJsonArray pct = ReportReader::cell(sheet, row, 3);
        QCOMPARE(pct.at(0).toString(), QStringLiteral("n"));
        QCOMPARE(pct.at(1).toDouble(), r * 0.1);
        QCOMPARE(pct.at(2).toString(), QStringLiteral("0.0%"));
        QCOMPARE(ReportReader::cell(sheet, row, 4).at(1).toInt(), r);
        const QJsonArray dist = ReportReader::cell(sheet, row, 5);
        if (r == 0) {
            QVERIFY(dist.at(0).isNull());
        } else {
            QCOMPARE(dist.at(1).toDouble(), 0.25 * r);
            QCOMPARE(dist.at(2).toString(), QStringLiteral("0.000"));
        }
    }
    const int footer = 1 + t.rowCount();
    QCOMPARE(ReportReader::cell(sheet, footer, 0).at(1).toString(), QStringLiteral("Total"));
    QCOMPARE(ReportReader::cell(sheet, footer, 4).at(1).toInt(), 45);
    // No cell anywhere is a formula.
    for (const auto &row : sheet.value(QLatin1String("rows")).toArray()) {
        for (const auto &cell : row.toArray())
            QVERIFY(cell.toArray().at(0).toString() != QLatin1String("f"));
    }
}

void TestXlsxWriter::layout()
{
    const QJsonObject book = writeAndRead(sampleDocument());
    QVERIFY2(!book.isEmpty(), "the XLSX could not be read back");
    const QJsonArray sheets = book.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 2);
    QCOMPARE(sheets.at(1).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Register_ CS_A (2)"));
    const QJsonObject sheet = sheets.at(0).toObject();
    QCOMPARE(sheet.value(QLatin1String("freeze_panes")).toString(), QStringLiteral("C2"));
    // The autofilter covers header and body, not the footer row.
    QCOMPARE(sheet.value(QLatin1String("auto_filter")).toString(), QStringLiteral("A1:F%1").arg(1 + kNames.size()));
    for (const auto &bold : sheet.value(QLatin1String("header_bold")).toArray())
        QVERIFY(bold.toBool());
    const QJsonObject widths = sheet.value(QLatin1String("column_widths")).toObject();
    QVERIFY(widths.value(QLatin1String("B")).toDouble() >= 20); // the longest name fits
    QVERIFY(widths.value(QLatin1String("C")).toDouble() >= 10); // a date fits
    const QJsonArray cf = sheet.value(QLatin1String("conditional_formats")).toArray();
    QCOMPARE(cf.size(), 1);
    QCOMPARE(cf.at(0).toObject().value(QLatin1String("range")).toString(),
             QStringLiteral("D2:D%1").arg(1 + kNames.size()));
    QCOMPARE(cf.at(0).toObject().value(QLatin1String("formula")).toArray().at(0).toString(),
             QStringLiteral("AND(ISNUMBER(D2),D2<0.75)"));
}

void TestXlsxWriter::documentProperties()
{
    const QJsonObject book = writeAndRead(sampleDocument());
    QVERIFY2(!book.isEmpty(), "the XLSX could not be read back");
    const QJsonObject props = book.value(QLatin1String("properties")).toObject();
    QCOMPARE(props.value(QLatin1String("title")).toString(), QStringLiteral("CS-A register"));
    QCOMPARE(props.value(QLatin1String("subject")).toString(), QStringLiteral("Attendance"));
    QCOMPARE(props.value(QLatin1String("creator")).toString(), QStringLiteral("RollCall"));
}

void TestXlsxWriter::emptyDocument()
{
    const QJsonObject book = writeAndRead(ReportDocument {});
    QVERIFY2(!book.isEmpty(), "the XLSX could not be read back");
    QCOMPARE(book.value(QLatin1String("sheets")).toArray().size(), 1);
}

void TestXlsxWriter::cancelFromProgress()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    XlsxWriter writer;
    writer.setProgress([](qint64 done, qint64) { return done < 4; });
    const Status s = writer.write(sampleDocument(), &buffer);
    QVERIFY(!s);
    QCOMPARE(s.error().code(), Error::Code::Cancelled);
    QCOMPARE(buffer.size(), 0); // nothing half-written
}

namespace {

// Runs a program, failing with its output when it does not exit 0.
QString runTool(const QString &program, const QStringList &args, bool *ok)
{
    *ok = false;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return program + QStringLiteral(" is not installed (scripts/install-deps.sh installs it)");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(path, args);
    if (!p.waitForFinished(240000)) {
        p.kill();
        return program + QStringLiteral(" did not finish");
    }
    const QString output = QString::fromUtf8(p.readAll());
    *ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return output;
}

} // namespace

// A register of 60 students x 30 dates printed as a user would (LibreOffice, headless,
// to PDF): one page wide, and every page of the register says what it is and carries
// the header row and the students' IDs.
void TestXlsxWriter::printsOnePageWide()
{
    test::TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    test::AttendanceFixture data(t.db());
    const Status filled = data.populateBig();
    QVERIFY(filled.ok());
    ReportRequest request;
    request.kind = ReportRequest::Kind::Register;
    request.classCode = QStringLiteral("BIG");
    request.from = QDate(2026, 8, 1);
    request.to = QDate(2026, 8, 30);
    QTemporaryDir dir;
    const QString xlsx = dir.filePath(QStringLiteral("register.xlsx"));
    ExportJob job([&](const std::atomic_bool &c) { return ReportBuilder::build(t.db(), request, &c); }, xlsx,
                  ExportJob::Options {});
    const Status exported = job.run();
    QVERIFY2(exported.ok(), exported.ok() ? "" : qPrintable(exported.error().message()));

    bool ok = false;
    const QString profile = QUrl::fromLocalFile(dir.filePath(QStringLiteral("lo-profile"))).toString();
    QString out = runTool(QStringLiteral("soffice"),
                          { QStringLiteral("-env:UserInstallation=") + profile, QStringLiteral("--headless"),
                            QStringLiteral("--convert-to"), QStringLiteral("pdf"), QStringLiteral("--outdir"),
                            dir.path(), xlsx },
                          &ok);
    QVERIFY2(ok, qPrintable(out));
    const QString pdf = dir.filePath(QStringLiteral("register.pdf"));
    QVERIFY2(QFileInfo::exists(pdf), qPrintable(out));
    out = runTool(QStringLiteral("pdfinfo"), { pdf }, &ok);
    QVERIFY2(ok, qPrintable(out));
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(out).captured(1).toInt();
    QVERIFY2(pages > 0, qPrintable(out));

    int registerPages = 0;
    QSet<QString> studentsSeen;
    for (int page = 1; page <= pages; ++page) {
        const QString text = runTool(QStringLiteral("pdftotext"),
                                     { QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page),
                                       QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-") },
                                     &ok);
        QVERIFY2(ok, qPrintable(text));
        // Header and footer on every page, whatever the sheet.
        QVERIFY2(text.contains(QStringLiteral("BIG register")), qPrintable(text.left(400)));
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)), qPrintable(text.right(400)));
        if (!text.contains(QStringLiteral("Register")) || !text.contains(QStringLiteral("B0")))
            continue; // the Sessions sheet
        ++registerPages;
        // One page wide: the first and the last date, and the header row, on every page.
        QVERIFY2(text.contains(QStringLiteral("Student ID")), qPrintable(text.left(600)));
        for (const char *column : { "2026-08-01", "2026-08-30", "Attendance" })
            QVERIFY2(text.contains(QLatin1String(column)), qPrintable(QLatin1String(column) + text.left(800)));
        const auto ids = QRegularExpression(QStringLiteral("\\bB0\\d\\d\\b")).globalMatch(text);
        for (auto it = ids; it.hasNext();)
            studentsSeen.insert(it.next().captured());
    }
    QVERIFY2(registerPages >= 1 && registerPages <= 3, qPrintable(QString::number(registerPages)));
    QCOMPARE(studentsSeen.size(), 60);
}

QTEST_GUILESS_MAIN(TestXlsxWriter)
#include "tst_xlsxwriter.moc"
