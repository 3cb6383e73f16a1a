#include "TestDatabase.h"

#include "storage/AuditRepository.h"
#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/StudentRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestStudentRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addFindList();
    void duplicateStudentIdRefused();
    void namesRoundTripExactly_data();
    void namesRoundTripExactly();
    void editIsAudited();
    void moveBetweenClasses();
    void deactivate();
    void forgetRemovesPhotosAndEmbeddings();
};

void TestStudentRepository::addFindList()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    ClassRepository classes(t.db());
    const ClassInfo cs
        = classes.create({ .code = QStringLiteral("CS101"), .department = QStringLiteral("CS") }).value();
    const ClassInfo ma = classes.create({ .code = QStringLiteral("MA201") }).value();
    StudentRepository students(t.db());
    Student asha { .studentId = QStringLiteral("S2"),
                   .name = QStringLiteral("Asha"),
                   .email = QStringLiteral("asha@example.org") };
    asha.consent = true;
    auto added = students.add(asha, cs.id);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message()));
    QCOMPARE(added->department, QStringLiteral("CS")); // from the class
    QCOMPARE(added->classCodes, QStringList { QStringLiteral("CS101") });
    QVERIFY(added->consent);
    QVERIFY(added->consentAt.isValid());
    QVERIFY(students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Bela") }, cs.id).ok());
    QVERIFY(students.add({ .studentId = QStringLiteral("S3"), .name = QStringLiteral("Chen") }, ma.id).ok());

    QCOMPARE(students.findByStudentId(QStringLiteral("S2"))->email, QStringLiteral("asha@example.org"));
    QCOMPARE(students.find(added->studentUuid)->studentId, QStringLiteral("S2"));
    QCOMPARE(students.findByStudentId(QStringLiteral("S9")).error().code(), Error::Code::BadInput);
    auto inCs = students.list(cs.id);
    QCOMPARE(inCs->size(), 2);
    QCOMPARE(inCs->at(0).studentId, QStringLiteral("S1"));
    QCOMPARE(classes.findByCode(QStringLiteral("CS101"))->studentCount, 2);
    QCOMPARE(students.list()->size(), 3);
    QCOMPARE(students.add({ .studentId = QStringLiteral("S4"), .name = QStringLiteral("  ") }).error().code(),
             Error::Code::BadInput);
}

void TestStudentRepository::duplicateStudentIdRefused()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    StudentRepository students(t.db());
    QVERIFY(students
                .add({ .studentId = QStringLiteral("S1"),
                       .name = QStringLiteral("Asha"),
                       .department = QStringLiteral("CS") })
                .ok());
    auto duplicate = students.add(
        { .studentId = QStringLiteral("S1"), .name = QStringLiteral("Other"), .department = QStringLiteral("CS") });
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code(), Error::Code::BadInput);
    QVERIFY2(duplicate.error().message().contains(QLatin1String("already used")),
             qPrintable(duplicate.error().message()));
    // Nothing lost: the first student is intact.
    QCOMPARE(students.findByStudentId(QStringLiteral("S1"))->name, QStringLiteral("Asha"));
    QCOMPARE(students.list()->size(), 1);
    // The same ID in another department is fine; looking it up then needs the department.
    QVERIFY(students
                .add({ .studentId = QStringLiteral("S1"),
                       .name = QStringLiteral("Maths S1"),
                       .department = QStringLiteral("Maths") })
                .ok());
    QCOMPARE(students.findByStudentId(QStringLiteral("S1")).error().code(), Error::Code::BadInput);
    QCOMPARE(students.findByStudentId(QStringLiteral("S1"), QStringLiteral("Maths"))->name, QStringLiteral("Maths S1"));
    // Renaming onto a used ID is refused too; and the unique index backs the check up.
    const Student other = students
                              .add({ .studentId = QStringLiteral("S2"),
                                     .name = QStringLiteral("B"),
                                     .department = QStringLiteral("CS") })
                              .value();
    StudentRepository::Changes changes;
    changes.studentId = QStringLiteral("S1");
    QCOMPARE(students.edit(other.studentUuid, changes).error().code(), Error::Code::BadInput);
    QSqlQuery raw(t.db().connection());
    QVERIFY(!raw.exec(QStringLiteral("UPDATE students SET student_id = 'S1' WHERE id = '%1'").arg(other.studentUuid)));
}

void TestStudentRepository::namesRoundTripExactly_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("studentId");
    QTest::newRow("quotes") << QStringLiteral("O'Brien \"Bob\" `x`") << QStringLiteral("Q'1");
    QTest::newRow("sql") << QStringLiteral("Robert'); DROP TABLE students;--") << QStringLiteral("1 OR 1=1; --");
    QTest::newRow("percent") << QStringLiteral("100% _under_ \\back\\ ;") << QStringLiteral("%_");
    QTest::newRow("emoji") << QStringLiteral("Zoë 👩🏽‍🎓 🇮🇳") << QStringLiteral("😀-7");
    QTest::newRow("devanagari") << QStringLiteral("अनन्या शर्मा") << QStringLiteral("क्र-१२");
    QTest::newRow("spaces") << QStringLiteral("  two  spaces \t tab ") << QStringLiteral("S 1");
    QTest::newRow("nul-free control") << QString::fromUtf8("line\nbreak\r\x01") << QStringLiteral("ctl");
}

void TestStudentRepository::namesRoundTripExactly()
{
    QFETCH(QString, name);
    QFETCH(QString, studentId);
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    const ClassInfo c
        = ClassRepository(t.db()).create({ .code = name, .name = name, .term = name, .department = name }).value();
    StudentRepository students(t.db());
    auto added = students.add({ .studentId = studentId, .name = name, .email = name }, c.id);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message()));
    auto found = students.findByStudentId(studentId);
    QVERIFY(found.ok());
    QCOMPARE(found->name, name);
    QCOMPARE(found->email, name);
    QCOMPARE(found->studentId, studentId.trimmed());
    QCOMPARE(found->classCodes, QStringList { name.trimmed() });
    QCOMPARE(ClassRepository(t.db()).findByCode(name)->name, name);
    QCOMPARE(ClassRepository(t.db()).findByCode(name)->department, name.trimmed());
    // Edits round-trip too, and the tables are still there.
    StudentRepository::Changes changes;
    changes.name = name + name;
    QCOMPARE(students.edit(found->studentUuid, changes)->name, name + name);
    QCOMPARE(students.list()->size(), 1);
}

void TestStudentRepository::editIsAudited()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    StudentRepository students(t.db());
    const Student s = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }).value();
    StudentRepository::Changes changes;
    changes.name = QStringLiteral("Asha Rao");
    changes.studentId = QStringLiteral("S100");
    changes.email = QStringLiteral("a@r.in");
    auto edited = students.edit(s.studentUuid, changes, QStringLiteral("office"));
    QVERIFY(edited.ok());
    QCOMPARE(edited->name, QStringLiteral("Asha Rao"));
    QCOMPARE(edited->studentId, QStringLiteral("S100"));
    QVERIFY(edited->updatedAt > s.updatedAt);
    auto audit = AuditRepository(t.db()).forEntity(s.studentUuid);
    QCOMPARE(audit->size(), 3);
    QCOMPARE(audit->at(0).field, QStringLiteral("name"));
    QCOMPARE(audit->at(0).oldValue, QStringLiteral("Asha"));
    QCOMPARE(audit->at(0).newValue, QStringLiteral("Asha Rao"));
    QCOMPARE(audit->at(0).actor, QStringLiteral("office"));
    QCOMPARE(audit->at(1).field, QStringLiteral("student_id"));
    // No change, no audit entry.
    QVERIFY(students.edit(s.studentUuid, changes).ok());
    QCOMPARE(AuditRepository(t.db()).forEntity(s.studentUuid)->size(), 3);
}

void TestStudentRepository::moveBetweenClasses()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    ClassRepository classes(t.db());
    const ClassInfo a = classes.create({ .code = QStringLiteral("A") }).value();
    const ClassInfo b = classes.create({ .code = QStringLiteral("B") }).value();
    const ClassInfo c = classes.create({ .code = QStringLiteral("C") }).value();
    StudentRepository students(t.db());
    const Student s = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }, a.id).value();
    QVERIFY(students.addToClass(s.studentUuid, c.id).ok());
    QCOMPARE(students.find(s.studentUuid)->classCodes, (QStringList { QStringLiteral("A"), QStringLiteral("C") }));
    QVERIFY(students.moveToClass(s.studentUuid, b.id, a.id).ok());
    QCOMPARE(students.find(s.studentUuid)->classCodes, (QStringList { QStringLiteral("B"), QStringLiteral("C") }));
    QVERIFY(students.moveToClass(s.studentUuid, a.id).ok()); // out of every other class
    QCOMPARE(students.find(s.studentUuid)->classCodes, QStringList { QStringLiteral("A") });
    QCOMPARE(students.list(b.id)->size(), 0);
    QVERIFY(students.removeFromClass(s.studentUuid, a.id).ok());
    QVERIFY(students.find(s.studentUuid)->classCodes.isEmpty());
    QVERIFY(students.addToClass(s.studentUuid, a.id).ok()); // revives the old membership row
    QSqlQuery q(t.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM class_members WHERE class_id = '%1'").arg(a.id)) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    auto audit = AuditRepository(t.db()).forEntity(s.studentUuid);
    QCOMPARE(audit->at(1).oldValue, QStringLiteral("A"));
    QCOMPARE(audit->at(1).newValue, QStringLiteral("B"));
}

void TestStudentRepository::deactivate()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    const ClassInfo c = ClassRepository(t.db()).create({ .code = QStringLiteral("A") }).value();
    StudentRepository students(t.db());
    const Student s = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha") }, c.id).value();
    QVERIFY(students.deactivate(s.studentUuid).ok());
    QVERIFY(!students.find(s.studentUuid)->active);
    QCOMPARE(students.list(c.id)->size(), 1);
    QCOMPARE(students.list(c.id, false)->size(), 0);
    QCOMPARE(AuditRepository(t.db()).forEntity(s.studentUuid)->at(0).field, QStringLiteral("active"));
}

void TestStudentRepository::forgetRemovesPhotosAndEmbeddings()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    const ClassInfo c = ClassRepository(t.db()).create({ .code = QStringLiteral("A") }).value();
    StudentRepository students(t.db(), &t.photos());
    const Student s
        = students
              .add(
                  { .studentId = QStringLiteral("S1"), .name = QStringLiteral("Asha"), .email = QStringLiteral("a@x") },
                  c.id)
              .value();
    const Student keep
        = students.add({ .studentId = QStringLiteral("S2"), .name = QStringLiteral("Bela") }, c.id).value();
    EnrolmentRepository enrolment(t.db(), t.photos());
    const EnrolmentPhoto photo
        = enrolment.addPhoto(s.studentUuid, "crop-of-asha", {}, QStringLiteral("m"), { 1, 0 }).value();
    QVERIFY(enrolment.addPhoto(keep.studentUuid, "crop-of-bela", {}, QStringLiteral("m"), { 0, 1 }).ok());
    QVERIFY(t.photos().contains(photo.photoHash));

    QVERIFY(students.forget(s.studentUuid, QStringLiteral("office")).ok());
    QCOMPARE(students.find(s.studentUuid).error().code(), Error::Code::BadInput);
    QVERIFY(!t.photos().contains(photo.photoHash));
    QCOMPARE(enrolment.embeddings(QStringLiteral("m"))->size(), size_t(1));
    QCOMPARE(students.list(c.id)->size(), 1);
    // The tombstone stays for sync, without personal data; the ID can be reused.
    QSqlQuery q(t.db().connection());
    QVERIFY(q.exec(
        QStringLiteral("SELECT deleted, name, student_id, email FROM students WHERE id = '%1'").arg(s.studentUuid)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(q.value(1).toString(), QString());
    QCOMPARE(q.value(2).toString(), QString());
    QCOMPARE(q.value(3).toString(), QString());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM embeddings WHERE student_uuid = '%1' AND deleted = 1"
                                  " AND length(vector) = 0")
                       .arg(s.studentUuid)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("New S1") }).ok());
}

QTEST_GUILESS_MAIN(TestStudentRepository)
#include "tst_studentrepository.moc"
