#include "AttendanceFixture.h"
#include "ExportRoundTrip.h"
#include "ReportCheck.h"
#include "ReportReader.h"
#include "TestDatabase.h"
#include "reports/ReportBuilder.h"
#include "storage/ClassRepository.h"
#include "storage/SessionRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rollcall;
using namespace rollcall::test;

namespace {

Expected textOrEmpty(const QString &t)
{
    return t.isEmpty() ? Expected::empty() : Expected::text_(t);
}

QString word(AttendanceStatus s)
{
    if (s == AttendanceStatus::Review)
        return QStringLiteral("To review");
    const QString name = attendanceStatusName(s); // "present", …
    return name.left(1).toUpper() + name.mid(1);
}

} // namespace

class TestSessionReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesDatabase();
    void unknownSession();
    void fileName();

private:
    std::unique_ptr<TestDatabase> m_fixture;
    std::unique_ptr<AttendanceFixture> m_data;
    QTemporaryDir m_out;
};

void TestSessionReport::initTestCase()
{
    m_fixture = std::make_unique<TestDatabase>();
    QVERIFY2(m_fixture->ok(), m_fixture->errorText());
    m_data = std::make_unique<AttendanceFixture>(m_fixture->db());
    const Status s = m_data->populate();
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message()));
}

void TestSessionReport::matchesDatabase()
{
    const QStringList ids = m_data->sessionIds(QStringLiteral("CS-A")) + m_data->sessionIds(QStringLiteral("MA-B"));
    QCOMPARE(ids.size(), 7);
    for (const QString &id : ids) {
        ReportRequest request;
        request.kind = ReportRequest::Kind::Session;
        request.sessionId = id;
        const ExportRoundTrip got = ExportRoundTrip::run(m_fixture->db(), request, m_out.path());
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));

        const AttendanceSession session = *SessionRepository(m_fixture->db()).load(id);
        const ClassInfo cls = *ClassRepository(m_fixture->db()).find(session.classId);
        int p = 0, l = 0, a = 0, e = 0, rv = 0;
        ExpectedTable students { ReportCheck::textRow({ QStringLiteral("Student ID"), QStringLiteral("Name"),
                                                        QStringLiteral("Status"), QStringLiteral("Source"),
                                                        QStringLiteral("Distance") }) };
        for (const AttendanceRecord &r : session.records) {
            (r.status == AttendanceStatus::Present       ? p
                 : r.status == AttendanceStatus::Late    ? l
                 : r.status == AttendanceStatus::Absent  ? a
                 : r.status == AttendanceStatus::Excused ? e
                                                         : rv)++;
            students << ExpectedRow { Expected::text_(r.studentId), Expected::text_(r.studentName),
                                      Expected::text_(word(r.status)), Expected::text_(markSourceName(r.source)),
                                      r.distance ? Expected::number3(*r.distance) : Expected::empty() };
        }
        const ExpectedTable info {
            ReportCheck::textRow({ QStringLiteral("Class"), QStringLiteral("Class name"), QStringLiteral("Date"),
                                   QStringLiteral("Period"), QStringLiteral("Subject"), QStringLiteral("Taken by"),
                                   QStringLiteral("Students"), QStringLiteral("Present"), QStringLiteral("Late"),
                                   QStringLiteral("Absent"), QStringLiteral("Excused"), QStringLiteral("To review"),
                                   QStringLiteral("Attendance %") }),
            { Expected::text_(cls.code), Expected::text_(cls.name), Expected::date_(session.date),
              textOrEmpty(session.period), textOrEmpty(session.subject), textOrEmpty(session.takenBy),
              Expected::integer(session.records.size()), Expected::integer(p), Expected::integer(l),
              Expected::integer(a), Expected::integer(e), Expected::integer(rv),
              p + l + a ? Expected::percent(double(p + l) / (p + l + a)) : Expected::empty() },
        };
        QVERIFY(session.records.size() >= 3);
        for (const auto &[name, table] :
             { std::pair { QStringLiteral("Session"), info }, std::pair { QStringLiteral("Students"), students } }) {
            const QString x = ReportCheck::compareXlsx(ReportReader::sheet(got.xlsx, name), table);
            QVERIFY2(x.isEmpty(), qPrintable(QStringLiteral("XLSX %1: %2").arg(name, x)));
            const QString c = ReportCheck::compareCsv(
                ReportCheck::csvSection(got.csv.value(QLatin1String("rows")).toArray(), name), table);
            QVERIFY2(c.isEmpty(), qPrintable(QStringLiteral("CSV %1: %2").arg(name, c)));
        }
        const QJsonObject sheet = ReportReader::sheet(got.xlsx, QStringLiteral("Students"));
        QCOMPARE(sheet.value(QLatin1String("conditional_formats")).toArray().size(), 1);
    }
}

void TestSessionReport::unknownSession()
{
    ReportRequest request;
    request.kind = ReportRequest::Kind::Session;
    request.sessionId = QStringLiteral("no-such-session");
    const auto doc = ReportBuilder::build(m_fixture->db(), request);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code(), Error::Code::BadInput);
}

void TestSessionReport::fileName()
{
    ReportRequest request;
    request.kind = ReportRequest::Kind::Session;
    request.classCode = QStringLiteral("CS/A");
    QCOMPARE(request.suggestedFileName(ReportWriter::Format::Csv, QDate(2026, 8, 5)),
             QStringLiteral("CS_A_session_2026-08-05.csv"));
    request.kind = ReportRequest::Kind::StudentHistory;
    request.studentId = QStringLiteral("S001");
    request.from = QDate(2026, 8, 1);
    QCOMPARE(request.suggestedFileName(ReportWriter::Format::Xlsx),
             QStringLiteral("S001_history_2026-08-01_today.xlsx"));
    request.kind = ReportRequest::Kind::BelowThreshold;
    request.classCode = QStringLiteral("CS-A");
    request.from = {};
    QCOMPARE(request.suggestedFileName(ReportWriter::Format::Xlsx), QStringLiteral("CS-A_below-75.xlsx"));
}

QTEST_GUILESS_MAIN(TestSessionReport)
#include "tst_sessionreport.moc"
