#include "AttendanceFixture.h"
#include "ExportRoundTrip.h"
#include "ReportCheck.h"
#include "ReportReader.h"
#include "TestDatabase.h"
#include "reports/RegisterReport.h"
#include "reports/ReportBuilder.h"
#include "storage/ClassRepository.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using namespace rollcall::test;

namespace {

struct ExpectedRegister
{
    ExpectedTable register_;
    ExpectedTable sessions;
};

QString letter(AttendanceStatus s)
{
    switch (s) {
    case AttendanceStatus::Present:
        return QStringLiteral("P");
    case AttendanceStatus::Absent:
        return QStringLiteral("A");
    case AttendanceStatus::Late:
        return QStringLiteral("L");
    case AttendanceStatus::Excused:
        return QStringLiteral("E");
    case AttendanceStatus::Review:
        return QStringLiteral("?");
    }
    return {};
}

struct Counts
{
    int p = 0, l = 0, a = 0, e = 0, r = 0;
    void add(AttendanceStatus s)
    {
        (s == AttendanceStatus::Present       ? p
             : s == AttendanceStatus::Late    ? l
             : s == AttendanceStatus::Absent  ? a
             : s == AttendanceStatus::Excused ? e
                                              : r)++;
    }
    Expected rate() const
    {
        return p + l + a == 0 ? Expected::empty() : Expected::percent(double(p + l) / (p + l + a));
    }
};

// The register as the database holds it, read through the ordinary repositories
// (not AttendanceQueries, which the report itself uses).
ExpectedRegister expectedFromDatabase(Database &db, const QString &classCode, const QDate &from, const QDate &to)
{
    ExpectedRegister out;
    const ClassInfo cls = *ClassRepository(db).findByCode(classCode);
    QList<AttendanceSession> sessions;
    const auto listed = SessionRepository(db).list(cls.id, from, to);
    for (const AttendanceSession &s : *listed)
        sessions << *SessionRepository(db).load(s.id);
    QMap<QPair<QString, QString>, QString> students; // (student ID, name) → uuid, sorted
    const auto members = StudentRepository(db).list(cls.id);
    for (const Student &s : *members)
        students.insert({ s.studentId, s.name }, s.studentUuid);
    for (const AttendanceSession &s : std::as_const(sessions)) {
        for (const AttendanceRecord &r : s.records)
            students.insert({ r.studentId, r.studentName }, r.studentUuid);
    }

    ExpectedRow header = ReportCheck::textRow({ QStringLiteral("Student ID"), QStringLiteral("Name") });
    for (const AttendanceSession &s : std::as_const(sessions)) {
        header << Expected::text_(s.period.isEmpty() ? s.date.toString(Qt::ISODate)
                                                     : s.date.toString(Qt::ISODate) + QLatin1Char(' ') + s.period);
    }
    header << ReportCheck::textRow({ QStringLiteral("Present"), QStringLiteral("Late"), QStringLiteral("Absent"),
                                     QStringLiteral("Excused"), QStringLiteral("To review"),
                                     QStringLiteral("Attendance %") });
    out.register_ << header;

    QList<Counts> perSession(sessions.size());
    Counts all;
    for (auto it = students.cbegin(); it != students.cend(); ++it) {
        ExpectedRow row { Expected::text_(it.key().first), Expected::text_(it.key().second) };
        Counts c;
        for (int n = 0; n < sessions.size(); ++n) {
            Expected cell;
            for (const AttendanceRecord &r : sessions.at(n).records) {
                if (r.studentUuid == it.value()) {
                    cell = Expected::text_(letter(r.status));
                    c.add(r.status);
                    all.add(r.status);
                    perSession[n].add(r.status);
                }
            }
            row << cell;
        }
        row << Expected::integer(c.p) << Expected::integer(c.l) << Expected::integer(c.a) << Expected::integer(c.e)
            << Expected::integer(c.r) << c.rate();
        out.register_ << row;
    }
    ExpectedRow attended { Expected::empty(), Expected::text_(QStringLiteral("Attended (P+L)")) };
    ExpectedRow rates { Expected::empty(), Expected::text_(QStringLiteral("Attendance %")) };
    for (const Counts &c : std::as_const(perSession)) {
        attended << Expected::integer(c.p + c.l);
        rates << c.rate();
    }
    attended << Expected::integer(all.p) << Expected::integer(all.l) << Expected::integer(all.a)
             << Expected::integer(all.e) << Expected::integer(all.r) << all.rate();
    for (int i = 0; i < 6; ++i)
        rates << Expected::empty();
    out.register_ << attended << rates;

    out.sessions << ReportCheck::textRow(
        { QStringLiteral("Date"), QStringLiteral("Period"), QStringLiteral("Subject"), QStringLiteral("Taken by"),
          QStringLiteral("Students"), QStringLiteral("Present"), QStringLiteral("Late"), QStringLiteral("Absent"),
          QStringLiteral("Excused"), QStringLiteral("To review"), QStringLiteral("Attendance %") });
    for (int n = 0; n < sessions.size(); ++n) {
        const AttendanceSession &s = sessions.at(n);
        const Counts &c = perSession.at(n);
        auto textOrEmpty = [](const QString &t) { return t.isEmpty() ? Expected::empty() : Expected::text_(t); };
        out.sessions << ExpectedRow { Expected::date_(s.date),
                                      textOrEmpty(s.period),
                                      textOrEmpty(s.subject),
                                      textOrEmpty(s.takenBy),
                                      Expected::integer(s.records.size()),
                                      Expected::integer(c.p),
                                      Expected::integer(c.l),
                                      Expected::integer(c.a),
                                      Expected::integer(c.e),
                                      Expected::integer(c.r),
                                      c.rate() };
    }
    return out;
}

} // namespace

class TestRegisterReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesDatabase_data();
    void matchesDatabase();
    void layout();
    void semicolonCsv();
    void badRequests();
    void sessionTitles();

private:
    void check(const QString &code, const QDate &from, const QDate &to, int expectedSessions, int expectedStudents);

    std::unique_ptr<TestDatabase> m_fixture;
    QTemporaryDir m_out;
};

void TestRegisterReport::initTestCase()
{
    m_fixture = std::make_unique<TestDatabase>();
    QVERIFY2(m_fixture->ok(), m_fixture->errorText());
    AttendanceFixture data(m_fixture->db());
    const Status small = data.populate();
    QVERIFY2(small.ok(), small.ok() ? "" : qPrintable(small.error().message()));
    const Status big = data.populateBig();
    QVERIFY2(big.ok(), big.ok() ? "" : qPrintable(big.error().message()));
}

void TestRegisterReport::matchesDatabase_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<int>("students");
    QTest::newRow("CS-A, all") << QStringLiteral("CS-A") << QDate() << QDate() << 5 << 9;
    QTest::newRow("CS-A, 4-5 Aug") << QStringLiteral("CS-A") << QDate(2026, 8, 4) << QDate(2026, 8, 5) << 3 << 9;
    QTest::newRow("CS-A, no sessions") << QStringLiteral("CS-A") << QDate(2027, 1, 1) << QDate(2027, 2, 1) << 0 << 9;
    QTest::newRow("MA-B") << QStringLiteral("MA-B") << QDate(2026, 8, 1) << QDate(2026, 11, 30) << 2 << 3;
    QTest::newRow("empty class") << QStringLiteral("EMPTY") << QDate(2026, 8, 1) << QDate(2026, 11, 30) << 0 << 0;
    QTest::newRow("60 x 120") << QStringLiteral("BIG") << QDate(2026, 8, 1) << QDate(2026, 11, 28) << 120 << 60;
}

void TestRegisterReport::matchesDatabase()
{
    QFETCH(QString, code);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, sessions);
    QFETCH(int, students);
    check(code, from, to, sessions, students);
}

void TestRegisterReport::check(const QString &code, const QDate &from, const QDate &to, int expectedSessions,
                               int expectedStudents)
{
    ReportRequest request;
    request.kind = ReportRequest::Kind::Register;
    request.classCode = code;
    request.from = from;
    request.to = to;
    const ExportRoundTrip got = ExportRoundTrip::run(m_fixture->db(), request, m_out.path());
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));

    const ExpectedRegister want = expectedFromDatabase(m_fixture->db(), code, from, to);
    QCOMPARE(want.sessions.size(), 1 + expectedSessions); // the fixture is what the test thinks it is
    QCOMPARE(want.register_.size(), 1 + expectedStudents + 2);

    const QString xlsxRegister
        = ReportCheck::compareXlsx(ReportReader::sheet(got.xlsx, QStringLiteral("Register")), want.register_);
    QVERIFY2(xlsxRegister.isEmpty(), qPrintable(QStringLiteral("XLSX Register: ") + xlsxRegister));
    const QString xlsxSessions
        = ReportCheck::compareXlsx(ReportReader::sheet(got.xlsx, QStringLiteral("Sessions")), want.sessions);
    QVERIFY2(xlsxSessions.isEmpty(), qPrintable(QStringLiteral("XLSX Sessions: ") + xlsxSessions));

    const QJsonArray csvRows = got.csv.value(QLatin1String("rows")).toArray();
    const QString csvRegister
        = ReportCheck::compareCsv(ReportCheck::csvSection(csvRows, QStringLiteral("Register")), want.register_);
    QVERIFY2(csvRegister.isEmpty(), qPrintable(QStringLiteral("CSV Register: ") + csvRegister));
    const QString csvSessions
        = ReportCheck::compareCsv(ReportCheck::csvSection(csvRows, QStringLiteral("Sessions")), want.sessions);
    QVERIFY2(csvSessions.isEmpty(), qPrintable(QStringLiteral("CSV Sessions: ") + csvSessions));
    QVERIFY(got.csv.value(QLatin1String("bom")).toBool());
}

void TestRegisterReport::layout()
{
    ReportRequest request;
    request.kind = ReportRequest::Kind::Register;
    request.classCode = QStringLiteral("CS-A");
    request.from = QDate(2026, 8, 1);
    request.to = QDate(2026, 11, 30);
    request.thresholdPercent = 80;
    const ExportRoundTrip got = ExportRoundTrip::run(m_fixture->db(), request, m_out.path());
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    QVERIFY(QFile::exists(m_out.filePath(QStringLiteral("CS-A_register_2026-08-01_2026-11-30.xlsx"))));
    const QJsonObject props = got.xlsx.value(QLatin1String("properties")).toObject();
    QCOMPARE(props.value(QLatin1String("title")).toString(), QStringLiteral("CS-A register 2026-08-01 – 2026-11-30"));
    QCOMPARE(props.value(QLatin1String("creator")).toString(), QStringLiteral("RollCall"));
    const QJsonObject reg = ReportReader::sheet(got.xlsx, QStringLiteral("Register"));
    QCOMPARE(reg.value(QLatin1String("freeze_panes")).toString(), QStringLiteral("C2"));
    // 2 name columns + 5 sessions + 6 totals = M; 9 students: header and body rows 1-10.
    QCOMPARE(reg.value(QLatin1String("auto_filter")).toString(), QStringLiteral("A1:M10"));
    const QJsonArray cf = reg.value(QLatin1String("conditional_formats")).toArray();
    QStringList formulas;
    for (const auto &rule : cf)
        formulas << rule.toObject().value(QLatin1String("formula")).toArray().at(0).toString();
    QVERIFY2(formulas.contains(QStringLiteral("C2=\"A\"")), qPrintable(formulas.join(QLatin1String(" | "))));
    QVERIFY2(formulas.contains(QStringLiteral("AND(ISNUMBER(M2),M2<0.8)")),
             qPrintable(formulas.join(QLatin1String(" | "))));
    for (const auto &bold : reg.value(QLatin1String("header_bold")).toArray())
        QVERIFY(bold.toBool());
}

void TestRegisterReport::semicolonCsv()
{
    ReportRequest request;
    request.kind = ReportRequest::Kind::Register;
    request.classCode = QStringLiteral("CS-A");
    CsvWriter::Options options;
    options.separator = QLatin1Char(';');
    options.byteOrderMark = false;
    const ExportRoundTrip got = ExportRoundTrip::run(m_fixture->db(), request, m_out.path(), options);
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    QVERIFY(!got.csv.value(QLatin1String("bom")).toBool());
    const ExpectedRegister want = expectedFromDatabase(m_fixture->db(), request.classCode, {}, {});
    const QString diff = ReportCheck::compareCsv(
        ReportCheck::csvSection(got.csv.value(QLatin1String("rows")).toArray(), QStringLiteral("Register")),
        want.register_, QLatin1Char(','));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestRegisterReport::badRequests()
{
    ReportRequest request;
    request.kind = ReportRequest::Kind::Register;
    request.classCode = QStringLiteral("NOPE");
    auto r = ReportBuilder::build(m_fixture->db(), request);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), Error::Code::BadInput);
    request.classCode = QStringLiteral("CS-A");
    request.from = QDate(2026, 9, 1);
    request.to = QDate(2026, 8, 1);
    r = ReportBuilder::build(m_fixture->db(), request);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), Error::Code::BadInput);
    request.from = {};
    request.to = {};
    request.thresholdPercent = 120;
    r = ReportBuilder::build(m_fixture->db(), request);
    QVERIFY(!r.ok());
    std::atomic_bool cancelled { true };
    request.thresholdPercent = 75;
    r = ReportBuilder::build(m_fixture->db(), request, &cancelled);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), Error::Code::Cancelled);
}

void TestRegisterReport::sessionTitles()
{
    AttendanceSession s;
    s.date = QDate(2026, 8, 5);
    QCOMPARE(RegisterReport::sessionTitle(s), QStringLiteral("2026-08-05"));
    s.period = QStringLiteral("P2");
    QCOMPARE(RegisterReport::sessionTitle(s), QStringLiteral("2026-08-05 P2"));
}

QTEST_GUILESS_MAIN(TestRegisterReport)
#include "tst_registerreport.moc"
