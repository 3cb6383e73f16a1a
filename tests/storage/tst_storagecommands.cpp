// The storage commands of rollcall-cli (student/session/class list, edit, delete, deactivate,
// show, purge-photos, backup, restore), run as the real executable against a prepared data folder.
#include "TestDatabase.h"
#include "TestPaths.h"

#include "storage/AuditRepository.h"
#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace rollcall;
using rollcall::test::runCli;
using rollcall::test::TestDatabase;

class TestStorageCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void studentListFiltersByClass();
    void studentEditChangesAndAudits();
    void studentEditErrors();
    void studentDeactivateAndDelete();
    void sessionListAndShow();
    void classList();
    void backupAndRestore();
    void groupUsage();

private:
    QJsonObject json(const QStringList &args, int expectedExit = 0);

    std::unique_ptr<TestDatabase> m_t;
    QString m_sessionId;
    QString m_photo;
};

void TestStorageCommands::init()
{
    m_t = std::make_unique<TestDatabase>();
    QVERIFY2(m_t->ok(), m_t->errorText());
    Database &db = m_t->db();
    ClassRepository classes(db);
    const ClassInfo cs = classes.create({ .code = QStringLiteral("CS101"), .name = QStringLiteral("Intro") }).value();
    QVERIFY(classes.create({ .code = QStringLiteral("MA201") }).ok());
    StudentRepository students(db);
    const Student a
        = students.add({ .studentId = QStringLiteral("S1"), .name = QStringLiteral("अनन्या शर्मा") }, cs.id).value();
    const Student b
        = students.add({ .studentId = QStringLiteral("S2"), .name = QStringLiteral("O'Brien") }, cs.id).value();
    QVERIFY(students.add({ .studentId = QStringLiteral("S3"), .name = QStringLiteral("Chen") }).ok());
    m_photo = EnrolmentRepository(db, m_t->photos())
                  .addPhoto(a.studentUuid, "crop", {}, QStringLiteral("m"), { 1 })
                  ->photoHash;
    AttendanceSession session;
    session.classId = cs.id;
    session.date = QDate(2024, 3, 1);
    session.period = QStringLiteral("1");
    session.records << AttendanceRecord {
        .studentUuid = a.studentUuid, .status = AttendanceStatus::Present, .distance = 0.3
    } << AttendanceRecord { .studentUuid = b.studentUuid, .status = AttendanceStatus::Absent };
    m_sessionId = SessionRepository(db).create(session)->id;
    db.releaseThreadConnection(); // the CLI is another process
}

void TestStorageCommands::cleanup()
{
    m_t.reset();
}

QJsonObject TestStorageCommands::json(const QStringList &args, int expectedExit)
{
    const auto run = runCli(args, m_t->dir(), 60000);
    if (run.exitCode != expectedExit)
        qWarning() << args << run.exitCode << run.err;
    [&] { QCOMPARE(run.exitCode, expectedExit); }();
    return QJsonDocument::fromJson(run.out).object();
}

void TestStorageCommands::studentListFiltersByClass()
{
    const QJsonArray all = json({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--json") })
                               .value(QLatin1String("students"))
                               .toArray();
    QCOMPARE(all.size(), 3);
    const QJsonArray cs = json({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--class"),
                                 QStringLiteral("CS101"), QStringLiteral("--json") })
                              .value(QLatin1String("students"))
                              .toArray();
    QCOMPARE(cs.size(), 2);
    const QJsonObject first = cs.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("student_id")).toString(), QStringLiteral("S1"));
    QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("अनन्या शर्मा"));
    QCOMPARE(first.value(QLatin1String("classes")).toArray(), QJsonArray { QStringLiteral("CS101") });
    QVERIFY(first.value(QLatin1String("active")).toBool());
    const auto text = runCli({ QStringLiteral("student"), QStringLiteral("list") }, m_t->dir());
    QCOMPARE(text.exitCode, 0);
    QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("O'Brien")));
    QCOMPARE(
        runCli({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--class"), QStringLiteral("XX") },
               m_t->dir())
            .exitCode,
        3);
}

void TestStorageCommands::studentEditChangesAndAudits()
{
    const QJsonObject edited
        = json({ QStringLiteral("student"), QStringLiteral("edit"), QStringLiteral("S2"), QStringLiteral("--name"),
                 QStringLiteral("Robert'); DROP TABLE students;--"), QStringLiteral("--new-id"), QStringLiteral("S20"),
                 QStringLiteral("--email"), QStringLiteral("r@x.org"), QStringLiteral("--class"),
                 QStringLiteral("MA201"), QStringLiteral("--json") })
              .value(QLatin1String("student"))
              .toObject();
    QCOMPARE(edited.value(QLatin1String("student_id")).toString(), QStringLiteral("S20"));
    QCOMPARE(edited.value(QLatin1String("name")).toString(), QStringLiteral("Robert'); DROP TABLE students;--"));
    QCOMPARE(edited.value(QLatin1String("classes")).toArray(), QJsonArray { QStringLiteral("MA201") });
    auto student = StudentRepository(m_t->db()).findByStudentId(QStringLiteral("S20"));
    QVERIFY(student.ok());
    QCOMPARE(student->email, QStringLiteral("r@x.org"));
    auto audit = AuditRepository(m_t->db()).forEntity(student->studentUuid);
    QCOMPARE(audit->size(), 4); // name, student_id, email, class
}

void TestStorageCommands::studentEditErrors()
{
    // Duplicate ID: refused with exit 3, nothing changed (the class move is not applied either).
    const auto dup
        = runCli({ QStringLiteral("student"), QStringLiteral("edit"), QStringLiteral("S2"), QStringLiteral("--class"),
                   QStringLiteral("MA201"), QStringLiteral("--new-id"), QStringLiteral("S1") },
                 m_t->dir());
    QCOMPARE(dup.exitCode, 3);
    QVERIFY2(dup.err.contains("already used"), dup.err.constData());
    QCOMPARE(StudentRepository(m_t->db()).findByStudentId(QStringLiteral("S2"))->classCodes,
             QStringList { QStringLiteral("CS101") });
    QCOMPARE(runCli({ QStringLiteral("student"), QStringLiteral("edit"), QStringLiteral("S2") }, m_t->dir()).exitCode,
             2);
    QCOMPARE(runCli({ QStringLiteral("student"), QStringLiteral("edit"), QStringLiteral("S9"), QStringLiteral("--name"),
                      QStringLiteral("x") },
                    m_t->dir())
                 .exitCode,
             3);
}

void TestStorageCommands::studentDeactivateAndDelete()
{
    QCOMPARE(
        runCli({ QStringLiteral("student"), QStringLiteral("deactivate"), QStringLiteral("S2") }, m_t->dir()).exitCode,
        0);
    QVERIFY(!StudentRepository(m_t->db()).findByStudentId(QStringLiteral("S2"))->active);
    QVERIFY(m_t->photos().contains(m_photo));
    QCOMPARE(runCli({ QStringLiteral("student"), QStringLiteral("delete"), QStringLiteral("S1") }, m_t->dir()).exitCode,
             0);
    QCOMPARE(StudentRepository(m_t->db()).findByStudentId(QStringLiteral("S1")).error().code(), Error::Code::BadInput);
    QVERIFY(!m_t->photos().contains(m_photo));
    QCOMPARE(runCli({ QStringLiteral("student"), QStringLiteral("delete"), QStringLiteral("S1") }, m_t->dir()).exitCode,
             3);
}

void TestStorageCommands::sessionListAndShow()
{
    const QJsonArray sessions = json({ QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("--class"),
                                       QStringLiteral("CS101"), QStringLiteral("--json") })
                                    .value(QLatin1String("sessions"))
                                    .toArray();
    QCOMPARE(sessions.size(), 1);
    const QJsonObject s = sessions.at(0).toObject();
    QCOMPARE(s.value(QLatin1String("id")).toString(), m_sessionId);
    QCOMPARE(s.value(QLatin1String("date")).toString(), QStringLiteral("2024-03-01"));
    QCOMPARE(s.value(QLatin1String("present")).toInt(), 1);
    QCOMPARE(s.value(QLatin1String("absent")).toInt(), 1);
    QCOMPARE(json({ QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("--from"),
                    QStringLiteral("2024-03-02"), QStringLiteral("--json") })
                 .value(QLatin1String("sessions"))
                 .toArray()
                 .size(),
             0);
    const QJsonObject shown
        = json({ QStringLiteral("session"), QStringLiteral("show"), m_sessionId, QStringLiteral("--json") })
              .value(QLatin1String("session"))
              .toObject();
    const QJsonArray records = shown.value(QLatin1String("records")).toArray();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("present"));
    QCOMPARE(records.at(0).toObject().value(QLatin1String("distance")).toDouble(), 0.3);
    QCOMPARE(records.at(1).toObject().value(QLatin1String("name")).toString(), QStringLiteral("O'Brien"));
    QCOMPARE(runCli({ QStringLiteral("session"), QStringLiteral("show"), QStringLiteral("nope") }, m_t->dir()).exitCode,
             3);
    QCOMPARE(
        runCli({ QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("March") },
               m_t->dir())
            .exitCode,
        2);
}

void TestStorageCommands::classList()
{
    const QJsonArray classes = json({ QStringLiteral("class"), QStringLiteral("list"), QStringLiteral("--json") })
                                   .value(QLatin1String("classes"))
                                   .toArray();
    QCOMPARE(classes.size(), 2);
    QCOMPARE(classes.at(0).toObject().value(QLatin1String("code")).toString(), QStringLiteral("CS101"));
    QCOMPARE(classes.at(0).toObject().value(QLatin1String("students")).toInt(), 2);
}

void TestStorageCommands::backupAndRestore()
{
    QTemporaryDir out;
    const QString archive = out.filePath(QStringLiteral("b.zip"));
    const QJsonObject made = json({ QStringLiteral("backup"), archive, QStringLiteral("--json") });
    QCOMPARE(made.value(QLatin1String("photos")).toInt(), 1);
    QVERIFY(QFileInfo::exists(archive));
    QCOMPARE(runCli({ QStringLiteral("student"), QStringLiteral("delete"), QStringLiteral("S1") }, m_t->dir()).exitCode,
             0);
    QCOMPARE(json({ QStringLiteral("restore"), archive, QStringLiteral("--check"), QStringLiteral("--json") })
                 .value(QLatin1String("restored"))
                 .toBool(),
             false);
    const QJsonObject restored = json({ QStringLiteral("restore"), archive, QStringLiteral("--json") });
    QVERIFY(QFileInfo::exists(restored.value(QLatin1String("previous_database")).toString()));
    const QJsonArray students = json({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--json") })
                                    .value(QLatin1String("students"))
                                    .toArray();
    QCOMPARE(students.size(), 3);
    QVERIFY(m_t->photos().contains(m_photo));
    const auto bad = runCli({ QStringLiteral("restore"), out.filePath(QStringLiteral("missing.zip")) }, m_t->dir());
    QCOMPARE(bad.exitCode, 3);
    QVERIFY(bad.err.contains("does not exist"));
}

void TestStorageCommands::groupUsage()
{
    QCOMPARE(runCli({ QStringLiteral("student") }, m_t->dir()).exitCode, 2);
    const auto help = runCli({ QStringLiteral("student"), QStringLiteral("--help") }, m_t->dir());
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("deactivate"));
    const auto unknown = runCli({ QStringLiteral("session"), QStringLiteral("frobnicate") }, m_t->dir());
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("unknown action"));
}

QTEST_GUILESS_MAIN(TestStorageCommands)
#include "tst_storagecommands.moc"
