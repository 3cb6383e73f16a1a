#include "TestDatabase.h"

#include "storage/AttendanceQueries.h"
#include "storage/ClassRepository.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestAttendanceQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registerMatrix();
    void studentHistoryAcrossClasses();
};

void TestAttendanceQueries::registerMatrix()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    ClassRepository classes(db);
    const ClassInfo cs = classes.create({ .code = QStringLiteral("CS101") }).value();
    const ClassInfo ma = classes.create({ .code = QStringLiteral("MA201") }).value();
    StudentRepository students(db);
    const Student a = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("A") }, cs.id).value();
    const Student b = students.add({ .studentId = QStringLiteral("S2"), .name = QStringLiteral("B") }, cs.id).value();
    const Student c = students.add({ .studentId = QStringLiteral("S3"), .name = QStringLiteral("C") }, cs.id).value();
    const Student late
        = students.add({ .studentId = QStringLiteral("S4"), .name = QStringLiteral("D") }, cs.id).value();
    SessionRepository sessions(db);
    auto save = [&](const ClassInfo &cls, const QDate &date, const QList<std::pair<Student, AttendanceStatus>> &marks) {
        AttendanceSession s;
        s.classId = cls.id;
        s.date = date;
        for (const auto &[student, status] : marks)
            s.records << AttendanceRecord { .studentUuid = student.studentUuid, .status = status };
        return sessions.create(s).value().id;
    };
    save(cs, QDate(2024, 3, 2),
         { { a, AttendanceStatus::Absent }, { b, AttendanceStatus::Present }, { c, AttendanceStatus::Present } });
    save(cs, QDate(2024, 3, 1),
         { { a, AttendanceStatus::Present }, { b, AttendanceStatus::Late }, { c, AttendanceStatus::Excused } });
    save(cs, QDate(2024, 4, 1), { { a, AttendanceStatus::Present } });
    save(ma, QDate(2024, 3, 1), { { a, AttendanceStatus::Absent } });
    QVERIFY(students.moveToClass(c.studentUuid, ma.id).ok()); // has records in CS101 but moved out
    const Student forgotten
        = students.add({ .studentId = QStringLiteral("S5"), .name = QStringLiteral("E") }, cs.id).value();
    save(cs, QDate(2024, 3, 3), { { forgotten, AttendanceStatus::Present } });
    QVERIFY(students.forget(forgotten.studentUuid).ok());

    auto reg = AttendanceQueries(db).classRegister(cs.id, QDate(2024, 3, 1), QDate(2024, 3, 31));
    QVERIFY2(reg.ok(), reg.ok() ? "" : qPrintable(reg.error().message()));
    QCOMPARE(reg->sessions.size(), 3);
    QCOMPARE(reg->sessions.at(0).date, QDate(2024, 3, 1));
    QCOMPARE(reg->sessions.at(2).date, QDate(2024, 3, 3));
    QCOMPARE(reg->students.size(), 4); // S1, S2, S3 (moved out), S4 (no records yet)
    QCOMPARE(reg->students.at(0).studentId, QStringLiteral("S1"));
    QVERIFY(!reg->students.at(2).member);
    QVERIFY(reg->students.at(3).member);
    QCOMPARE(reg->status(0, 0), std::optional(AttendanceStatus::Present));
    QCOMPARE(reg->status(0, 1), std::optional(AttendanceStatus::Absent));
    QCOMPARE(reg->status(1, 0), std::optional(AttendanceStatus::Late));
    QCOMPARE(reg->status(2, 0), std::optional(AttendanceStatus::Excused));
    QVERIFY(!reg->status(3, 0).has_value());
    QVERIFY(!reg->status(0, 2).has_value());
    QCOMPARE(reg->count(0, AttendanceStatus::Present), 1);
    QCOMPARE(reg->count(2, AttendanceStatus::Present), 1);
    Q_UNUSED(late);

    auto all = AttendanceQueries(db).classRegister(cs.id);
    QCOMPARE(all->sessions.size(), 4);
    QCOMPARE(all->count(0, AttendanceStatus::Present), 2);
    // Only a "from" date.
    QCOMPARE(AttendanceQueries(db).classRegister(cs.id, QDate(2024, 3, 2))->sessions.size(), 3);
}

void TestAttendanceQueries::studentHistoryAcrossClasses()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    Database &db = t.db();
    const ClassInfo cs = ClassRepository(db).create({ .code = QStringLiteral("CS101") }).value();
    const ClassInfo ma = ClassRepository(db).create({ .code = QStringLiteral("MA201") }).value();
    const Student a
        = StudentRepository(db).add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("A") }, cs.id).value();
    SessionRepository sessions(db);
    for (const auto &[cls, date] : { std::pair { cs, QDate(2024, 3, 2) }, std::pair { ma, QDate(2024, 3, 1) },
                                     std::pair { cs, QDate(2024, 5, 1) } }) {
        AttendanceSession s;
        s.classId = cls.id;
        s.date = date;
        s.records << AttendanceRecord { .studentUuid = a.studentUuid, .status = AttendanceStatus::Present };
        QVERIFY(sessions.create(s).ok());
    }
    const QString first = sessions.list(ma.id)->first().id;
    QVERIFY(sessions.updateRecordStatus(first, a.studentUuid, AttendanceStatus::Excused).ok());
    auto history = AttendanceQueries(db).studentHistory(a.studentUuid, {}, QDate(2024, 4, 1));
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).classCode, QStringLiteral("MA201"));
    QCOMPARE(history->at(0).status, AttendanceStatus::Excused);
    QCOMPARE(history->at(0).source, MarkSource::Manual);
    QCOMPARE(history->at(1).date, QDate(2024, 3, 2));
    QCOMPARE(AttendanceQueries(db).studentHistory(a.studentUuid)->size(), 3);
}

QTEST_GUILESS_MAIN(TestAttendanceQueries)
#include "tst_attendancequeries.moc"
