#include "TestDatabase.h"
#include "storage/ClassRepository.h"
#include "storage/ReportQueries.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestReportQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void registerOfClass();
    void registerDateRange();
    void formerAndForgottenStudents();
    void emptyAndUnknownClass();
    void studentHistory();

private:
    QString addStudent(const QString &id, const QString &name, const QString &classId);
    QString addSession(const QString &classId, const QDate &date,
                       const QList<std::pair<QString, AttendanceStatus>> &marks, const QString &period = {});

    std::unique_ptr<TestDatabase> m_t;
    QString m_csa;
    QString m_mab;
    QString m_empty;
    QHash<QString, QString> m_uuid;
};

QString TestReportQueries::addStudent(const QString &id, const QString &name, const QString &classId)
{
    Student s;
    s.studentId = id;
    s.name = name;
    auto added = StudentRepository(m_t->db()).add(s, classId);
    if (!added)
        qWarning() << added.error().message();
    m_uuid.insert(id, added ? added->id : QString());
    return m_uuid.value(id);
}

QString TestReportQueries::addSession(const QString &classId, const QDate &date,
                                      const QList<std::pair<QString, AttendanceStatus>> &marks, const QString &period)
{
    AttendanceSession s;
    s.classId = classId;
    s.date = date;
    s.period = period;
    for (const auto &[id, status] : marks) {
        AttendanceRecord r;
        r.studentUuid = m_uuid.value(id);
        r.status = status;
        r.distance = status == AttendanceStatus::Present ? std::optional<double>(0.3) : std::nullopt;
        s.records << r;
    }
    auto created = SessionRepository(m_t->db()).create(s);
    return created ? created->id : QString();
}

void TestReportQueries::init()
{
    m_t = std::make_unique<TestDatabase>();
    QVERIFY2(m_t->ok(), m_t->errorText());
    m_uuid.clear();
    ClassRepository classes(m_t->db());
    for (const auto &[code, id] :
         { std::pair { "CS-A", &m_csa }, std::pair { "MA-B", &m_mab }, std::pair { "EMPTY", &m_empty } }) {
        ClassInfo c;
        c.code = QString::fromLatin1(code);
        auto created = classes.create(c);
        QVERIFY(created.ok());
        *id = created->id;
    }
    addStudent(QStringLiteral("S2"), QStringLiteral("Zed"), m_csa);
    addStudent(QStringLiteral("S1"), QStringLiteral("आशा"), m_csa);
    addStudent(QStringLiteral("S3"), QStringLiteral("Mover"), m_csa);
    addStudent(QStringLiteral("M1"), QStringLiteral("Maths only"), m_mab);
    QVERIFY(StudentRepository(m_t->db()).addToClass(m_uuid.value(QStringLiteral("S1")), m_mab).ok());
    using S = AttendanceStatus;
    QVERIFY(!addSession(m_csa, QDate(2026, 8, 3),
                        { { QStringLiteral("S1"), S::Present },
                          { QStringLiteral("S2"), S::Absent },
                          { QStringLiteral("S3"), S::Late } })
                 .isEmpty());
    QVERIFY(!addSession(m_csa, QDate(2026, 8, 5),
                        { { QStringLiteral("S1"), S::Excused },
                          { QStringLiteral("S2"), S::Present },
                          { QStringLiteral("S3"), S::Absent } },
                        QStringLiteral("P2"))
                 .isEmpty());
    QVERIFY(
        !addSession(m_csa, QDate(2026, 8, 5), { { QStringLiteral("S1"), S::Late } }, QStringLiteral("P1")).isEmpty());
    QVERIFY(!addSession(m_mab, QDate(2026, 8, 4),
                        { { QStringLiteral("S1"), S::Absent }, { QStringLiteral("M1"), S::Present } })
                 .isEmpty());
}

void TestReportQueries::registerOfClass()
{
    const auto reg = ReportQueries(m_t->db()).classRegister(m_csa);
    QVERIFY(reg.ok());
    QCOMPARE(reg->classInfo.code, QStringLiteral("CS-A"));
    QCOMPARE(reg->sessions.size(), 3);
    QCOMPARE(reg->sessions.at(0).date, QDate(2026, 8, 3));
    QCOMPARE(reg->sessions.at(1).period, QStringLiteral("P1")); // same date: by period
    QCOMPARE(reg->sessions.at(2).period, QStringLiteral("P2"));
    QCOMPARE(reg->students.size(), 3);
    QCOMPARE(reg->students.at(0).studentId, QStringLiteral("S1")); // ordered by student ID
    QCOMPARE(reg->students.at(0).name, QStringLiteral("आशा"));
    QCOMPARE(reg->memberIds.size(), 3);
    QCOMPARE(reg->records.size(), 7);
    int late = 0;
    for (const AttendanceRecord &r : reg->records) {
        QVERIFY(!r.studentId.isEmpty());
        late += r.status == AttendanceStatus::Late ? 1 : 0;
        if (r.status == AttendanceStatus::Present)
            QCOMPARE(r.distance.value_or(-1), 0.3);
    }
    QCOMPARE(late, 2);
}

void TestReportQueries::registerDateRange()
{
    const auto reg = ReportQueries(m_t->db()).classRegister(m_csa, QDate(2026, 8, 4), QDate(2026, 8, 5));
    QVERIFY(reg.ok());
    QCOMPARE(reg->sessions.size(), 2);
    QCOMPARE(reg->records.size(), 4);
    const auto none = ReportQueries(m_t->db()).classRegister(m_csa, QDate(2026, 9, 1), {});
    QVERIFY(none.ok());
    QCOMPARE(none->sessions.size(), 0);
    QCOMPARE(none->records.size(), 0);
    QCOMPARE(none->students.size(), 3); // the roster is still there
}

void TestReportQueries::formerAndForgottenStudents()
{
    StudentRepository students(m_t->db());
    QVERIFY(students.removeFromClass(m_uuid.value(QStringLiteral("S3")), m_csa).ok());
    QVERIFY(students.forget(m_uuid.value(QStringLiteral("S2"))).ok());
    const auto reg = ReportQueries(m_t->db()).classRegister(m_csa);
    QVERIFY(reg.ok());
    QCOMPARE(reg->memberIds.size(), 1);
    QCOMPARE(reg->students.size(), 3); // S1 member, S3 former member, S2 forgotten: records stay
    QCOMPARE(reg->students.at(0).studentId, QString()); // forgotten: no ID, sorts first
    QCOMPARE(reg->students.at(0).name, QString());
    QCOMPARE(reg->students.at(2).studentId, QStringLiteral("S3"));
    QVERIFY(!reg->memberIds.contains(m_uuid.value(QStringLiteral("S3"))));
    QCOMPARE(reg->records.size(), 7);
}

void TestReportQueries::emptyAndUnknownClass()
{
    const auto reg = ReportQueries(m_t->db()).classRegister(m_empty);
    QVERIFY(reg.ok());
    QVERIFY(reg->sessions.isEmpty() && reg->students.isEmpty() && reg->records.isEmpty());
    const auto unknown = ReportQueries(m_t->db()).classRegister(QStringLiteral("no-such-id"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code(), Error::Code::BadInput);
}

void TestReportQueries::studentHistory()
{
    const auto history = ReportQueries(m_t->db()).studentHistory(m_uuid.value(QStringLiteral("S1")));
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 4);
    QStringList order;
    for (const auto &e : *history)
        order << e.session.date.toString(Qt::ISODate) + QLatin1Char(' ') + e.session.classCode + QLatin1Char(' ')
                + e.session.period + QLatin1Char(' ') + attendanceStatusName(e.record.status);
    QCOMPARE(order,
             (QStringList { QStringLiteral("2026-08-03 CS-A  present"), QStringLiteral("2026-08-04 MA-B  absent"),
                            QStringLiteral("2026-08-05 CS-A P1 late"), QStringLiteral("2026-08-05 CS-A P2 excused") }));
    const auto ranged = ReportQueries(m_t->db()).studentHistory(m_uuid.value(QStringLiteral("S1")), QDate(2026, 8, 4),
                                                                QDate(2026, 8, 4));
    QVERIFY(ranged.ok());
    QCOMPARE(ranged->size(), 1);
    QCOMPARE(ranged->first().className, QString());
    QCOMPARE(ranged->first().session.classCode, QStringLiteral("MA-B"));
    const auto nobody = ReportQueries(m_t->db()).studentHistory(QStringLiteral("no-such-uuid"));
    QVERIFY(nobody.ok());
    QVERIFY(nobody->isEmpty());
}

QTEST_GUILESS_MAIN(TestReportQueries)
#include "tst_reportqueries.moc"
