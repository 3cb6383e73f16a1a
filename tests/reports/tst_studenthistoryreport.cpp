#include "AttendanceFixture.h"
#include "ExportRoundTrip.h"
#include "ReportCheck.h"
#include "ReportReader.h"
#include "TestDatabase.h"
#include "reports/ReportBuilder.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using namespace rollcall::test;

namespace {

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
    ExpectedRow cells() const
    {
        return { Expected::integer(p + l + a + e + r),
                 Expected::integer(p),
                 Expected::integer(l),
                 Expected::integer(a),
                 Expected::integer(e),
                 Expected::integer(r),
                 p + l + a ? Expected::percent(double(p + l) / (p + l + a)) : Expected::empty() };
    }
};

} // namespace

class TestStudentHistoryReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesDatabase_data();
    void matchesDatabase();
    void unknownStudent();

private:
    std::unique_ptr<TestDatabase> m_fixture;
    QTemporaryDir m_out;
};

void TestStudentHistoryReport::initTestCase()
{
    m_fixture = std::make_unique<TestDatabase>();
    QVERIFY2(m_fixture->ok(), m_fixture->errorText());
    AttendanceFixture data(m_fixture->db());
    const Status s = data.populate();
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message()));
}

void TestStudentHistoryReport::matchesDatabase_data()
{
    QTest::addColumn<QString>("studentId");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("sessions");
    QTest::newRow("two classes") << QStringLiteral("S001") << QDate() << QDate() << 7;
    QTest::newRow("range") << QStringLiteral("S001") << QDate(2026, 8, 4) << QDate(2026, 8, 5) << 4;
    QTest::newRow("formula name") << QStringLiteral("S003") << QDate() << QDate() << 5;
    QTest::newRow("late joiner") << QStringLiteral("S009") << QDate() << QDate() << 3;
    QTest::newRow("nothing in range") << QStringLiteral("S002") << QDate(2027, 1, 1) << QDate(2027, 1, 2) << 0;
}

void TestStudentHistoryReport::matchesDatabase()
{
    QFETCH(QString, studentId);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, sessions);
    Database &db = m_fixture->db();
    ReportRequest request;
    request.kind = ReportRequest::Kind::StudentHistory;
    request.studentId = studentId;
    request.from = from;
    request.to = to;
    const ExportRoundTrip got = ExportRoundTrip::run(db, request, m_out.path());
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));

    // Expected: every session of every class, loaded, filtered to the student's records.
    const Student student = *StudentRepository(db).findByStudentId(studentId);
    struct Row
    {
        AttendanceSession session;
        AttendanceRecord record;
    };
    QList<Row> rows;
    const auto all = SessionRepository(db).list({}, from, to);
    for (const AttendanceSession &s : *all) {
        const AttendanceSession loaded = *SessionRepository(db).load(s.id);
        for (const AttendanceRecord &r : loaded.records) {
            if (r.studentUuid == student.studentUuid)
                rows << Row { loaded, r };
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &x, const Row &y) {
        return std::tie(x.session.date, x.session.period, x.session.classCode)
            < std::tie(y.session.date, y.session.period, y.session.classCode);
    });
    QCOMPARE(rows.size(), sessions);

    ExpectedTable history { ReportCheck::textRow({ QStringLiteral("Date"), QStringLiteral("Class"),
                                                   QStringLiteral("Period"), QStringLiteral("Subject"),
                                                   QStringLiteral("Status"), QStringLiteral("Source") }) };
    QMap<QString, Counts> perClass;
    QMap<QString, QString> classNames { { QStringLiteral("CS-A"), QStringLiteral("Computer Science A") },
                                        { QStringLiteral("MA-B"), QStringLiteral("Mathematics B") } };
    Counts total;
    for (const Row &r : std::as_const(rows)) {
        const QString status = r.record.status == AttendanceStatus::Review ? QStringLiteral("to review")
                                                                           : attendanceStatusName(r.record.status);
        history << ExpectedRow { Expected::date_(r.session.date),
                                 Expected::text_(r.session.classCode),
                                 r.session.period.isEmpty() ? Expected::empty() : Expected::text_(r.session.period),
                                 Expected::text_(r.session.subject),
                                 Expected::text_(status.left(1).toUpper() + status.mid(1)),
                                 Expected::text_(markSourceName(r.record.source)) };
        perClass[r.session.classCode].add(r.record.status);
        total.add(r.record.status);
    }
    ExpectedTable summary { ReportCheck::textRow(
        { QStringLiteral("Student ID"), QStringLiteral("Name"), QStringLiteral("Class"), QStringLiteral("Class name"),
          QStringLiteral("Sessions"), QStringLiteral("Present"), QStringLiteral("Late"), QStringLiteral("Absent"),
          QStringLiteral("Excused"), QStringLiteral("To review"), QStringLiteral("Attendance %") }) };
    for (auto it = perClass.cbegin(); it != perClass.cend(); ++it) {
        summary << (ExpectedRow { Expected::text_(student.studentId), Expected::text_(student.name),
                                  Expected::text_(it.key()), Expected::text_(classNames.value(it.key())) }
                    + it->cells());
    }
    summary << (ExpectedRow { Expected::text_(student.studentId), Expected::text_(student.name),
                              Expected::text_(QStringLiteral("All classes")), Expected::empty() }
                + total.cells());

    for (const auto &[name, table] :
         { std::pair { QStringLiteral("Summary"), summary }, std::pair { QStringLiteral("History"), history } }) {
        const QString x = ReportCheck::compareXlsx(ReportReader::sheet(got.xlsx, name), table);
        QVERIFY2(x.isEmpty(), qPrintable(QStringLiteral("XLSX %1: %2").arg(name, x)));
        const QString c = ReportCheck::compareCsv(
            ReportCheck::csvSection(got.csv.value(QLatin1String("rows")).toArray(), name), table);
        QVERIFY2(c.isEmpty(), qPrintable(QStringLiteral("CSV %1: %2").arg(name, c)));
    }
}

void TestStudentHistoryReport::unknownStudent()
{
    ReportRequest request;
    request.kind = ReportRequest::Kind::StudentHistory;
    request.studentId = QStringLiteral("NOBODY");
    const auto doc = ReportBuilder::build(m_fixture->db(), request);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code(), Error::Code::BadInput);
}

QTEST_GUILESS_MAIN(TestStudentHistoryReport)
#include "tst_studenthistoryreport.moc"
