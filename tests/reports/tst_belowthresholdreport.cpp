#include "AttendanceFixture.h"
#include "ExportRoundTrip.h"
#include "ReportCheck.h"
#include "ReportReader.h"
#include "TestDatabase.h"
#include "reports/ReportBuilder.h"
#include "storage/ClassRepository.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using namespace rollcall::test;

namespace {

// The "below threshold" table of a class as the database holds it. Sessions needed
// are found by trying k = 0, 1, 2, … (not with the report's formula).
ExpectedTable expectedBelow(Database &db, const QString &code, double threshold, int *belowCount)
{
    const ClassInfo cls = *ClassRepository(db).findByCode(code);
    const auto sessions = SessionRepository(db).list(cls.id);
    QList<AttendanceSession> loaded;
    for (const AttendanceSession &s : *sessions)
        loaded << *SessionRepository(db).load(s.id);
    struct Entry
    {
        Student student;
        int attended = 0;
        int counted = 0;
    };
    QList<Entry> below;
    const auto members = StudentRepository(db).list(cls.id, false);
    for (const Student &s : *members) {
        Entry e { s };
        for (const AttendanceSession &session : std::as_const(loaded)) {
            for (const AttendanceRecord &r : session.records) {
                if (r.studentUuid != s.studentUuid || r.status == AttendanceStatus::Excused
                    || r.status == AttendanceStatus::Review)
                    continue;
                ++e.counted;
                e.attended += r.status == AttendanceStatus::Absent ? 0 : 1;
            }
        }
        if (e.counted > 0 && double(e.attended) / e.counted < threshold / 100.0 - 1e-12)
            below << e;
    }
    std::stable_sort(below.begin(), below.end(), [](const Entry &a, const Entry &b) {
        return double(a.attended) / a.counted < double(b.attended) / b.counted;
    });
    *belowCount = int(below.size());
    ExpectedTable table { ReportCheck::textRow({ QStringLiteral("Student ID"), QStringLiteral("Name"),
                                                 QStringLiteral("Email"), QStringLiteral("Sessions counted"),
                                                 QStringLiteral("Attended"), QStringLiteral("Attendance %"),
                                                 QStringLiteral("Sessions needed") }) };
    for (const Entry &e : std::as_const(below)) {
        Expected needed;
        if (threshold < 100) {
            int k = 0;
            while (double(e.attended + k) / (e.counted + k) < threshold / 100.0 - 1e-12)
                ++k;
            needed = Expected::integer(k);
        }
        table << ExpectedRow { Expected::text_(e.student.studentId),
                               Expected::text_(e.student.name),
                               e.student.email.isEmpty() ? Expected::empty() : Expected::text_(e.student.email),
                               Expected::integer(e.counted),
                               Expected::integer(e.attended),
                               Expected::percent(double(e.attended) / e.counted),
                               needed };
    }
    return table;
}

} // namespace

class TestBelowThresholdReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesDatabase_data();
    void matchesDatabase();
    void everyClass();

private:
    std::unique_ptr<TestDatabase> m_fixture;
    QTemporaryDir m_out;
};

void TestBelowThresholdReport::initTestCase()
{
    m_fixture = std::make_unique<TestDatabase>();
    QVERIFY2(m_fixture->ok(), m_fixture->errorText());
    AttendanceFixture data(m_fixture->db());
    const Status s = data.populate();
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message()));
    const Status big = data.populateBig();
    QVERIFY2(big.ok(), big.ok() ? "" : qPrintable(big.error().message()));
}

void TestBelowThresholdReport::matchesDatabase_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<bool>("someoneBelow");
    QTest::newRow("CS-A 75") << QStringLiteral("CS-A") << 75.0 << true;
    QTest::newRow("CS-A 90") << QStringLiteral("CS-A") << 90.0 << true;
    QTest::newRow("CS-A 100 (unreachable)") << QStringLiteral("CS-A") << 100.0 << true;
    QTest::newRow("CS-A 0 (nobody)") << QStringLiteral("CS-A") << 0.0 << false;
    QTest::newRow("BIG 75") << QStringLiteral("BIG") << 75.0 << true;
    QTest::newRow("BIG 66.67") << QStringLiteral("BIG") << 66.67 << true;
    QTest::newRow("empty class") << QStringLiteral("EMPTY") << 75.0 << false;
}

void TestBelowThresholdReport::matchesDatabase()
{
    QFETCH(QString, code);
    QFETCH(double, threshold);
    QFETCH(bool, someoneBelow);
    ReportRequest request;
    request.kind = ReportRequest::Kind::BelowThreshold;
    request.classCode = code;
    request.thresholdPercent = threshold;
    const ExportRoundTrip got = ExportRoundTrip::run(m_fixture->db(), request, m_out.path());
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    int below = 0;
    const ExpectedTable want = expectedBelow(m_fixture->db(), code, threshold, &below);
    QCOMPARE(below > 0, someoneBelow);
    const QString sheetName = QStringLiteral("%1 below %2%").arg(code, QString::number(threshold, 'g', 4));
    const QJsonArray sheets = got.xlsx.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 1);
    const QString x = ReportCheck::compareXlsx(sheets.at(0).toObject(), want);
    QVERIFY2(x.isEmpty(), qPrintable(QStringLiteral("XLSX: ") + x));
    // One table: a plain CSV without a section line.
    const QString c = ReportCheck::compareCsv(got.csv.value(QLatin1String("rows")).toArray(), want);
    QVERIFY2(c.isEmpty(), qPrintable(QStringLiteral("CSV: ") + c));
    QCOMPARE(sheets.at(0).toObject().value(QLatin1String("name")).toString(), sheetName.left(31));
}

void TestBelowThresholdReport::everyClass()
{
    ReportRequest request;
    request.kind = ReportRequest::Kind::BelowThreshold;
    const ExportRoundTrip got = ExportRoundTrip::run(m_fixture->db(), request, m_out.path());
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    const QJsonArray sheets = got.xlsx.value(QLatin1String("sheets")).toArray();
    QStringList names;
    for (const auto &s : sheets)
        names << s.toObject().value(QLatin1String("name")).toString();
    QCOMPARE(names,
             (QStringList { QStringLiteral("BIG below 75%"), QStringLiteral("CS-A below 75%"),
                            QStringLiteral("EMPTY below 75%"), QStringLiteral("MA-B below 75%") }));
    for (const QString &code : { QStringLiteral("BIG"), QStringLiteral("CS-A"), QStringLiteral("MA-B") }) {
        int below = 0;
        const ExpectedTable want = expectedBelow(m_fixture->db(), code, 75, &below);
        const QString name = code + QStringLiteral(" below 75%");
        const QString x = ReportCheck::compareXlsx(ReportReader::sheet(got.xlsx, name), want);
        QVERIFY2(x.isEmpty(), qPrintable(name + QStringLiteral(": ") + x));
        const QString c = ReportCheck::compareCsv(
            ReportCheck::csvSection(got.csv.value(QLatin1String("rows")).toArray(), name), want);
        QVERIFY2(c.isEmpty(), qPrintable(name + QStringLiteral(" CSV: ") + c));
    }
}

QTEST_GUILESS_MAIN(TestBelowThresholdReport)
#include "tst_belowthresholdreport.moc"
