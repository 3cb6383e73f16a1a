#include "TestDatabase.h"

#include "storage/AuditRepository.h"
#include "storage/ClassRepository.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestClassRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createFindList();
    void duplicateCodeRefused();
    void updateIsAudited();
    void deleteWithSessionsNeedsForce();
};

void TestClassRepository::createFindList()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    ClassRepository classes(t.db());
    auto created = classes.create({ .code = QStringLiteral(" CS101 "),
                                    .name = QStringLiteral("Intro"),
                                    .term = QStringLiteral("2024-S1"),
                                    .department = QStringLiteral("Computer Science") });
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message()));
    QCOMPARE(created->code, QStringLiteral("CS101"));
    QVERIFY(!created->id.isEmpty());
    QVERIFY(!created->departmentId.isEmpty());
    QVERIFY(created->updatedAt > 0);
    QVERIFY(classes
                .create({ .code = QStringLiteral("MA201"),
                          .name = QStringLiteral("Algebra"),
                          .department = QStringLiteral("Computer Science") })
                .ok());

    auto found = classes.findByCode(QStringLiteral("CS101"));
    QVERIFY(found.ok());
    QCOMPARE(found->name, QStringLiteral("Intro"));
    QCOMPARE(found->term, QStringLiteral("2024-S1"));
    QCOMPARE(found->department, QStringLiteral("Computer Science"));
    QCOMPARE(found->id, created->id);
    auto all = classes.list();
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).code, QStringLiteral("CS101"));
    QCOMPARE(all->at(1).departmentId, created->departmentId); // one department, found by name
    QCOMPARE(classes.findByCode(QStringLiteral("nope")).error().code(), Error::Code::BadInput);
    QCOMPARE(classes.create({}).error().code(), Error::Code::BadInput);
}

void TestClassRepository::duplicateCodeRefused()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    ClassRepository classes(t.db());
    QVERIFY(classes.create({ .code = QStringLiteral("CS101") }).ok());
    auto again = classes.create({ .code = QStringLiteral("CS101"), .name = QStringLiteral("Other") });
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code(), Error::Code::BadInput);
    QVERIFY(again.error().message().contains(QLatin1String("already exists")));
    QCOMPARE(classes.list()->size(), 1);
}

void TestClassRepository::updateIsAudited()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    ClassRepository classes(t.db());
    ClassInfo c = classes.create({ .code = QStringLiteral("CS101"), .name = QStringLiteral("Intro") }).value();
    const qint64 before = c.updatedAt;
    c.name = QStringLiteral("Introduction");
    c.code = QStringLiteral("CS102");
    auto updated = classes.update(c, QStringLiteral("teacher"));
    QVERIFY(updated.ok());
    QCOMPARE(updated->code, QStringLiteral("CS102"));
    QVERIFY(updated->updatedAt > before);
    auto audit = AuditRepository(t.db()).forEntity(c.id);
    QCOMPARE(audit->size(), 2);
    QCOMPARE(audit->at(0).actor, QStringLiteral("teacher"));
    QSet<QString> fields { audit->at(0).field, audit->at(1).field };
    QCOMPARE(fields, (QSet<QString> { QStringLiteral("code"), QStringLiteral("name") }));
    // A clash with another class's code is refused.
    QVERIFY(classes.create({ .code = QStringLiteral("MA201") }).ok());
    c.code = QStringLiteral("MA201");
    QCOMPARE(classes.update(c).error().code(), Error::Code::BadInput);
}

void TestClassRepository::deleteWithSessionsNeedsForce()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    ClassRepository classes(t.db());
    const ClassInfo c = classes.create({ .code = QStringLiteral("CS101") }).value();
    const Student s = StudentRepository(t.db())
                          .add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }, c.id)
                          .value();
    AttendanceSession session;
    session.classId = c.id;
    session.date = QDate(2024, 3, 1);
    AttendanceRecord r;
    r.studentUuid = s.studentUuid;
    r.status = AttendanceStatus::Present;
    session.records << r;
    QVERIFY(SessionRepository(t.db()).create(session).ok());

    const Status refused = classes.remove(c.id);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), Error::Code::BadInput);
    QVERIFY(refused.error().message().contains(QLatin1String("1 attendance session")));
    QVERIFY(classes.findByCode(QStringLiteral("CS101")).ok());

    QVERIFY(classes.remove(c.id, true).ok());
    QCOMPARE(classes.findByCode(QStringLiteral("CS101")).error().code(), Error::Code::BadInput);
    QCOMPARE(SessionRepository(t.db()).list()->size(), 0);
    // The code is free again; the old row stays as a tombstone for sync.
    QVERIFY(classes.create({ .code = QStringLiteral("CS101") }).ok());
    QSqlQuery q(t.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM classes WHERE deleted = 1")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestClassRepository)
#include "tst_classrepository.moc"
