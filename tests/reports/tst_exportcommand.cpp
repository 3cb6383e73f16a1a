#include "AttendanceFixture.h"
#include "ReportCheck.h"
#include "ReportReader.h"
#include "TestDatabase.h"
#include "TestPaths.h"
#include "reports/ReportBuilder.h"
#include "reports/XlsxWriter.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using namespace rollcall::test;

// rollcall-cli export …: the real executable against a fixture database.
class TestExportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registerXlsx();
    void everyReportBothFormats();
    void semicolonWithoutBom();
    void usageErrors_data();
    void usageErrors();
    void badInput();

private:
    CliRun cli(const QStringList &args) { return runCli(args, m_db->dir(), 120000); }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AttendanceFixture> m_data;
    QTemporaryDir m_out;
};

void TestExportCommand::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), m_db->errorText());
    m_data = std::make_unique<AttendanceFixture>(m_db->db());
    const Status s = m_data->populate();
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message()));
}

void TestExportCommand::registerXlsx()
{
    const QString out = m_out.filePath(QStringLiteral("CS-A_register.xlsx"));
    const CliRun run
        = cli({ QStringLiteral("export"), QStringLiteral("register"), QStringLiteral("--class"), QStringLiteral("CS-A"),
                QStringLiteral("--from"), QStringLiteral("2026-08-01"), QStringLiteral("--to"),
                QStringLiteral("2026-11-30"), QStringLiteral("--output"), out, QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QLatin1String("format")).toString(), QStringLiteral("xlsx"));
    QCOMPARE(json.value(QLatin1String("report")).toString(), QStringLiteral("register"));
    QCOMPARE(json.value(QLatin1String("tables")).toInt(), 2);

    // The file holds exactly what the report builder makes from the database.
    ReportRequest request;
    request.kind = ReportRequest::Kind::Register;
    request.classCode = QStringLiteral("CS-A");
    request.from = QDate(2026, 8, 1);
    request.to = QDate(2026, 11, 30);
    const auto doc = ReportBuilder::build(m_db->db(), request);
    QVERIFY(doc.ok());
    QString error;
    const QJsonObject book = ReportReader::readXlsx(out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject sheet = ReportReader::sheet(book, QStringLiteral("Register"));
    const ReportTable &t = doc->tables.first();
    QCOMPARE(sheet.value(QLatin1String("max_row")).toInt(), 1 + t.rowCount() + 2);
    for (int r = 0; r < t.rowCount(); ++r) {
        for (int c = 0; c < t.columnCount(); ++c) {
            const QVariant v = t.rows().at(r).at(c);
            const QJsonValue got = ReportReader::cell(sheet, r + 1, c).at(1);
            if (v.isNull())
                QVERIFY(got.isNull());
            else if (v.typeId() == QMetaType::QString)
                QCOMPARE(got.toString(), v.toString());
            else
                QCOMPARE(got.toDouble(), v.toDouble());
        }
    }
}

void TestExportCommand::everyReportBothFormats()
{
    const QString session = m_data->sessionIds(QStringLiteral("CS-A")).first();
    const QList<QStringList> reports {
        { QStringLiteral("session"), session },
        { QStringLiteral("register"), QStringLiteral("--class"), QStringLiteral("EMPTY") },
        { QStringLiteral("student"), QStringLiteral("S001"), QStringLiteral("--from"), QStringLiteral("2026-08-01") },
        { QStringLiteral("below"), QStringLiteral("--class"), QStringLiteral("CS-A"), QStringLiteral("--threshold"),
          QStringLiteral("80") },
        { QStringLiteral("below") },
    };
    for (const QStringList &report : reports) {
        for (const QString &format : { QStringLiteral("xlsx"), QStringLiteral("csv") }) {
            const QString out = m_out.filePath(report.first() + QStringLiteral("-out.") + format);
            const CliRun run = cli(QStringList { QStringLiteral("export") } + report
                                   + QStringList { QStringLiteral("--output"), out });
            QVERIFY2(run.exitCode == 0,
                     qPrintable(report.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(run.err)));
            QVERIFY(run.out.startsWith("Wrote "));
            QString error;
            const QJsonObject read = format == QLatin1String("xlsx")
                ? ReportReader::readXlsx(out, &error)
                : ReportReader::readCsv(out, QLatin1Char(','), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }
}

void TestExportCommand::semicolonWithoutBom()
{
    const QString out = m_out.filePath(QStringLiteral("below.txt"));
    const CliRun run
        = cli({ QStringLiteral("export"), QStringLiteral("below"), QStringLiteral("--class"), QStringLiteral("CS-A"),
                QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--separator"),
                QStringLiteral("semicolon"), QStringLiteral("--no-bom"), QStringLiteral("--output"), out });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("Student ID;Name;Email;Sessions counted;Attended;Attendance %;Sessions needed\r\n"));
    QVERIFY(bytes.contains(",")); // decimal commas in the percentages
}

void TestExportCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no report") << QStringList { QStringLiteral("export"), QStringLiteral("-o"),
                                                QStringLiteral("x.csv") };
    QTest::newRow("unknown report") << QStringList { QStringLiteral("export"), QStringLiteral("grades"),
                                                     QStringLiteral("-o"), QStringLiteral("x.csv") };
    QTest::newRow("register without class") << QStringList { QStringLiteral("export"), QStringLiteral("register"),
                                                             QStringLiteral("-o"), QStringLiteral("x.csv") };
    QTest::newRow("session without id") << QStringList { QStringLiteral("export"), QStringLiteral("session"),
                                                         QStringLiteral("-o"), QStringLiteral("x.csv") };
    QTest::newRow("no output") << QStringList { QStringLiteral("export"), QStringLiteral("below") };
    QTest::newRow("bad format") << QStringList { QStringLiteral("export"), QStringLiteral("below"),
                                                 QStringLiteral("-o"), QStringLiteral("x.pdf") };
    QTest::newRow("bad date") << QStringList { QStringLiteral("export"), QStringLiteral("below"),
                                               QStringLiteral("--from"), QStringLiteral("1 Aug"),
                                               QStringLiteral("-o"),     QStringLiteral("x.csv") };
    QTest::newRow("bad threshold") << QStringList { QStringLiteral("export"),      QStringLiteral("below"),
                                                    QStringLiteral("--threshold"), QStringLiteral("150"),
                                                    QStringLiteral("-o"),          QStringLiteral("x.csv") };
}

void TestExportCommand::usageErrors()
{
    QFETCH(QStringList, args);
    const CliRun run = cli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
}

void TestExportCommand::badInput()
{
    const QString out = m_out.filePath(QStringLiteral("never.xlsx"));
    const CliRun run = cli({ QStringLiteral("export"), QStringLiteral("register"), QStringLiteral("--class"),
                             QStringLiteral("NOPE"), QStringLiteral("--output"), out });
    QCOMPARE(run.exitCode, 3);
    QVERIFY(!QFile::exists(out));
    const CliRun session = cli({ QStringLiteral("export"), QStringLiteral("session"), QStringLiteral("nope"),
                                 QStringLiteral("--output"), out });
    QCOMPARE(session.exitCode, 3);
    const CliRun range = cli({ QStringLiteral("export"), QStringLiteral("register"), QStringLiteral("--class"),
                               QStringLiteral("CS-A"), QStringLiteral("--from"), QStringLiteral("2026-09-01"),
                               QStringLiteral("--to"), QStringLiteral("2026-08-01"), QStringLiteral("--output"), out });
    QCOMPARE(range.exitCode, 3);
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
