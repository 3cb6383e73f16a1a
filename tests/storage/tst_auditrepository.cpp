#include "TestDatabase.h"

#include "storage/AuditRepository.h"

#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestAuditRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendAndRead();
    void defaultActorIsTheUser();
};

void TestAuditRepository::appendAndRead()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    AuditRepository audit(t.db());
    AuditEntry e;
    e.actor = QStringLiteral("teacher");
    e.entity = QStringLiteral("students");
    e.entityId = QStringLiteral("u1");
    e.field = QStringLiteral("name");
    e.oldValue = QStringLiteral("अनन्या");
    e.newValue = QStringLiteral("O'Brien");
    auto first = audit.append(e);
    QVERIFY(first.ok());
    QVERIFY(first->at > 0);
    QVERIFY(qAbs(first->time().msecsTo(QDateTime::currentDateTimeUtc())) < 60000);
    e.entityId = QStringLiteral("u2");
    QVERIFY(audit.append(e).ok());
    auto forU1 = audit.forEntity(QStringLiteral("u1"));
    QCOMPARE(forU1->size(), 1);
    QCOMPARE(forU1->at(0).oldValue, QStringLiteral("अनन्या"));
    QCOMPARE(forU1->at(0).newValue, QStringLiteral("O'Brien"));
    QCOMPARE(forU1->at(0).source, QStringLiteral("manual"));
    auto recent = audit.recent(10);
    QCOMPARE(recent->size(), 2);
    QCOMPARE(recent->at(0).entityId, QStringLiteral("u2")); // newest first
    QVERIFY(recent->at(0).at > recent->at(1).at);
}

void TestAuditRepository::defaultActorIsTheUser()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    qputenv("USER", "someone");
    AuditEntry e;
    e.entity = QStringLiteral("classes");
    e.entityId = QStringLiteral("c");
    e.field = QStringLiteral("code");
    QCOMPARE(AuditRepository(t.db()).append(e)->actor, QStringLiteral("someone"));
}

QTEST_GUILESS_MAIN(TestAuditRepository)
#include "tst_auditrepository.moc"
