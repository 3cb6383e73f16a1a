#include "TestDatabase.h"

#include "storage/AuditRepository.h"
#include "storage/ClassRepository.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace rollcall;
using rollcall::test::TestDatabase;

class TestSessionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createAndLoad();
    void listByClassAndDates();
    void duplicateStudentInOneSessionRefused();
    void failedRecordLeavesNoSession();
    void manualChangeIsAudited();
    void removeTombstones();
    void killedWhileSavingLeavesWholeSessionsOnly();

private:
    AttendanceSession makeSession(const QDate &date, int presentCount);

    std::unique_ptr<TestDatabase> m_t;
    ClassInfo m_class;
    ClassInfo m_other;
    QList<Student> m_students;
};

void TestSessionRepository::init()
{
    m_t = std::make_unique<TestDatabase>();
    QVERIFY2(m_t->ok(), m_t->errorText());
    ClassRepository classes(m_t->db());
    m_class = classes.create({ .code = QStringLiteral("CS101") }).value();
    m_other = classes.create({ .code = QStringLiteral("MA201") }).value();
    StudentRepository students(m_t->db());
    m_students.clear();
    for (int i = 0; i < 5; ++i)
        m_students << students
                          .add({ .studentId = QStringLiteral("S%1").arg(i),
                                 .name = QStringLiteral("Student %1").arg(i) },
                               m_class.id)
                          .value();
}

void TestSessionRepository::cleanup()
{
    m_t.reset();
}

AttendanceSession TestSessionRepository::makeSession(const QDate &date, int presentCount)
{
    AttendanceSession s;
    s.classId = m_class.id;
    s.date = date;
    s.period = QStringLiteral("2");
    s.subject = QStringLiteral("Algorithms");
    s.takenBy = QStringLiteral("teacher");
    s.takenAt = QDateTime(date, QTime(9, 30), QTimeZone::utc());
    s.sourcePhotos = QStringList { QString(64, QLatin1Char('a')), QString(64, QLatin1Char('b')) };
    for (int i = 0; i < m_students.size(); ++i) {
        AttendanceRecord r;
        r.studentUuid = m_students.at(i).studentUuid;
        r.status = i < presentCount ? AttendanceStatus::Present : AttendanceStatus::Absent;
        if (i < presentCount) {
            r.distance = 0.25 + i / 100.0;
            r.photoIndex = i % 2;
            r.faceBox = QRect(10 * i, 20, 30, 40);
        }
        s.records << r;
    }
    return s;
}

void TestSessionRepository::createAndLoad()
{
    SessionRepository sessions(m_t->db());
    auto created = sessions.create(makeSession(QDate(2024, 3, 1), 3));
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message()));
    QCOMPARE(created->presentCount, 3);
    QCOMPARE(created->absentCount, 2);
    auto loaded = sessions.load(created->id);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->classCode, QStringLiteral("CS101"));
    QCOMPARE(loaded->date, QDate(2024, 3, 1));
    QCOMPARE(loaded->period, QStringLiteral("2"));
    QCOMPARE(loaded->subject, QStringLiteral("Algorithms"));
    QCOMPARE(loaded->takenAt, QDateTime(QDate(2024, 3, 1), QTime(9, 30), QTimeZone::utc()));
    QCOMPARE(loaded->sourcePhotos.size(), 2);
    QCOMPARE(loaded->records.size(), 5);
    const AttendanceRecord &r1 = loaded->records.at(1);
    QCOMPARE(r1.studentId, QStringLiteral("S1"));
    QCOMPARE(r1.studentName, QStringLiteral("Student 1"));
    QCOMPARE(r1.status, AttendanceStatus::Present);
    QCOMPARE(r1.source, MarkSource::Automatic);
    QCOMPARE(r1.distance.value(), 0.26);
    QCOMPARE(r1.photoIndex, 1);
    QCOMPARE(r1.faceBox, QRect(10, 20, 30, 40));
    const AttendanceRecord &r4 = loaded->records.at(4);
    QCOMPARE(r4.status, AttendanceStatus::Absent);
    QVERIFY(!r4.distance.has_value());
    QCOMPARE(r4.photoIndex, -1);
    QVERIFY(r4.faceBox.isNull());
    QCOMPARE(sessions.load(QStringLiteral("nope")).error().code(), Error::Code::BadInput);
}

void TestSessionRepository::listByClassAndDates()
{
    SessionRepository sessions(m_t->db());
    for (int day = 1; day <= 5; ++day)
        QVERIFY(sessions.create(makeSession(QDate(2024, 3, day), day)).ok());
    AttendanceSession other;
    other.classId = m_other.id;
    other.date = QDate(2024, 3, 2);
    QVERIFY(sessions.create(other).ok());
    QCOMPARE(sessions.list()->size(), 6);
    auto ofClass = sessions.list(m_class.id);
    QCOMPARE(ofClass->size(), 5);
    QCOMPARE(ofClass->at(0).date, QDate(2024, 3, 1));
    QCOMPARE(ofClass->at(4).presentCount, 5);
    QVERIFY(ofClass->at(0).records.isEmpty());
    auto range = sessions.list(m_class.id, QDate(2024, 3, 2), QDate(2024, 3, 4));
    QCOMPARE(range->size(), 3);
    QCOMPARE(range->at(0).presentCount, 2);
    QCOMPARE(range->at(0).absentCount, 3);
    QCOMPARE(sessions.list({}, QDate(2024, 3, 5))->size(), 1);
}

void TestSessionRepository::duplicateStudentInOneSessionRefused()
{
    SessionRepository sessions(m_t->db());
    AttendanceSession s = makeSession(QDate(2024, 3, 1), 1);
    s.records << s.records.first();
    QCOMPARE(sessions.create(s).error().code(), Error::Code::BadInput);
    QCOMPARE(sessions.list()->size(), 0);
}

void TestSessionRepository::failedRecordLeavesNoSession()
{
    SessionRepository sessions(m_t->db());
    AttendanceSession s = makeSession(QDate(2024, 3, 1), 1);
    AttendanceRecord ghost;
    ghost.studentUuid = QStringLiteral("no-such-student");
    s.records << ghost;
    auto result = sessions.create(s);
    QVERIFY(!result.ok());
    QCOMPARE(sessions.list()->size(), 0);
    QSqlQuery q(m_t->db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM attendance_records")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestSessionRepository::manualChangeIsAudited()
{
    SessionRepository sessions(m_t->db());
    const AttendanceSession s = sessions.create(makeSession(QDate(2024, 3, 1), 1)).value();
    const QString student = m_students.at(3).studentUuid;
    QVERIFY(sessions
                .updateRecordStatus(s.id, student, AttendanceStatus::Late, QStringLiteral("teacher"),
                                    QStringLiteral("came at 9:40"))
                .ok());
    auto loaded = sessions.load(s.id);
    const AttendanceRecord &r = loaded->records.at(3);
    QCOMPARE(r.status, AttendanceStatus::Late);
    QCOMPARE(r.source, MarkSource::Manual);
    QCOMPARE(loaded->lateCount, 1);
    auto audit = AuditRepository(m_t->db()).forEntity(r.id);
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->at(0).entity, QStringLiteral("attendance_records"));
    QCOMPARE(audit->at(0).field, QStringLiteral("status"));
    QCOMPARE(audit->at(0).oldValue, QStringLiteral("absent"));
    QCOMPARE(audit->at(0).newValue, QStringLiteral("late"));
    QCOMPARE(audit->at(0).source, QStringLiteral("manual"));
    QCOMPARE(audit->at(0).actor, QStringLiteral("teacher"));
    QCOMPARE(audit->at(0).reason, QStringLiteral("came at 9:40"));
    // Same status again: nothing to audit.
    QVERIFY(sessions.updateRecordStatus(s.id, student, AttendanceStatus::Late).ok());
    QCOMPARE(AuditRepository(m_t->db()).forEntity(r.id)->size(), 1);
    // A student without a record gets one.
    const Student late = StudentRepository(m_t->db())
                             .add({ .studentId = QStringLiteral("S9"), .name = QStringLiteral("New") }, m_class.id)
                             .value();
    QVERIFY(sessions.updateRecordStatus(s.id, late.studentUuid, AttendanceStatus::Present).ok());
    QCOMPARE(sessions.load(s.id)->records.size(), 6);
    QCOMPARE(
        sessions.updateRecordStatus(QStringLiteral("nope"), late.studentUuid, AttendanceStatus::Present).error().code(),
        Error::Code::BadInput);
}

void TestSessionRepository::removeTombstones()
{
    SessionRepository sessions(m_t->db());
    const AttendanceSession s = sessions.create(makeSession(QDate(2024, 3, 1), 1)).value();
    QVERIFY(sessions.remove(s.id).ok());
    QCOMPARE(sessions.list()->size(), 0);
    QCOMPARE(sessions.load(s.id).error().code(), Error::Code::BadInput);
    QSqlQuery q(m_t->db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM attendance_records WHERE deleted = 1")) && q.next());
    QCOMPARE(q.value(0).toInt(), 5);
}

void TestSessionRepository::killedWhileSavingLeavesWholeSessionsOnly()
{
    // A class big enough that saving one session takes a while, so kills land mid-transaction.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    const int students = 1500;
    {
        Database db(path);
        QVERIFY(db.open().ok());
        const ClassInfo c = ClassRepository(db).create({ .code = QStringLiteral("BIG") }).value();
        QVERIFY(db.transaction([&]() -> Status {
                      for (int i = 0; i < students; ++i) {
                          auto s = StudentRepository(db).add(
                              { .studentId = QStringLiteral("B%1").arg(i), .name = QStringLiteral("Big %1").arg(i) },
                              c.id);
                          if (!s)
                              return s.error();
                      }
                      return {};
                  }).ok());
    }
    QRandomGenerator random(20240301);
    int reportedSaved = 0;
    for (int round = 0; round < 4; ++round) {
        QProcess saver;
        saver.start(QStringLiteral(ROLLCALL_STORAGE_TEST_HELPER),
                    { QStringLiteral("save-loop"), path, QStringLiteral("0"), QStringLiteral("0") });
        QVERIFY(saver.waitForStarted(10000));
        QByteArray output;
        while (!output.contains("saved 1\n")) {
            QVERIFY2(saver.waitForReadyRead(60000), output.constData());
            output += saver.readAllStandardOutput();
        }
        QThread::msleep(random.bounded(20, 300));
        saver.kill(); // SIGKILL
        QVERIFY(saver.waitForFinished(10000));
        QCOMPARE(saver.exitStatus(), QProcess::CrashExit);
        output += saver.readAllStandardOutput();
        int last = 0;
        for (const QByteArray &line : output.split('\n')) {
            if (line.startsWith("saved "))
                last = line.mid(6).toInt();
        }
        reportedSaved += last;

        Database db(path);
        const Status opened = db.open();
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        // Each session is either fully there or absent: never a partial set of records.
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM attendance_sessions s WHERE (SELECT count(*) FROM"
                                      " attendance_records r WHERE r.session_id = s.id) <> %1")
                           .arg(students)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM attendance_records WHERE session_id NOT IN"
                                      " (SELECT id FROM attendance_sessions)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // Every session the child reported as saved (committed) survived; at most one more
        // (committed but killed before it could say so).
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM attendance_sessions")) && q.next());
        const int stored = q.value(0).toInt();
        QVERIFY2(stored >= reportedSaved && stored <= reportedSaved + round + 1,
                 qPrintable(QStringLiteral("stored %1, reported %2").arg(stored).arg(reportedSaved)));
        reportedSaved = stored;
    }
}

QTEST_GUILESS_MAIN(TestSessionRepository)
#include "tst_sessionrepository.moc"
