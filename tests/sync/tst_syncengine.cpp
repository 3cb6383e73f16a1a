#include "PostgresServer.h"
#include "ResultAsserts.h"
#include "TestCentral.h"
#include "TestDatabase.h"
#include "TestPaths.h"

#include "storage/ClassRepository.h"
#include "storage/DepartmentRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/HybridLogicalClock.h"
#include "storage/Schema.h"
#include "storage/SessionRepository.h"
#include "storage/SqlHelper.h"
#include "storage/StudentRepository.h"
#include "sync/CanonicalDump.h"
#include "sync/CentralConnection.h"
#include "sync/SyncEngine.h"
#include "sync/SyncJob.h"

#include <QDir>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <memory>

using namespace rollcall;
using rollcall::test::LabPc;
using rollcall::test::PostgresServer;
using rollcall::test::TestCentral;
using rollcall::test::TestDatabase;

#define SYNC_OK(pc)                                                                                                    \
    do {                                                                                                               \
        auto synced_ = sync(pc);                                                                                       \
        VERIFY_OK(synced_);                                                                                            \
    } while (false)

namespace {

const QString kModel = QStringLiteral("dlib-resnet-v1");

std::vector<float> embeddingFor(int seed)
{
    std::vector<float> v(128);
    for (int i = 0; i < 128; ++i)
        v[i] = float(std::sin(seed * 31.0 + i)) + 0.001f * float(i);
    return v;
}

QByteArray fakeCrop(int seed)
{
    // Any bytes do for the photo store; make them distinct per student.
    return QByteArray("\xff\xd8\xff\xe0 crop of student ") + QByteArray::number(seed) + QByteArray(300, char(seed));
}

} // namespace

// Sync between two or three local databases (lab PCs) through a real PostgreSQL 15:
// after every scenario all databases must hold exactly the same rows.
class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void firstSyncIntoEmptyServer();
    void registeredOnARecognisedOnB();
    void bothEditTheSameStudent();
    void deleteBeatsOlderEdit();
    void newerEditAfterDeleteWinsByClock();
    void bothMarkTheSameSession();
    void sameClassCodeOnTwoPcs();
    void killedMidPushThenRerun();
    void killedMidPullThenRerun();
    void wrongPasswordChangesNothing();
    void serverStoppedChangesNothing();
    void tlsVerifiedAndRefused();
    void otherServerStartsOver();
    void olderOrNewerServerStops();
    void roguePcIsRefused();
    void syncJobRunsOffThreadAndCancels();
    void stampsFarAheadAreNeitherAppliedNorPushed();

private:
    SyncEngine::Options options(LabPc &pc);
    // The PC's role on the current central database, registered on first use.
    QString roleOf(LabPc &pc);
    Result<SyncReport> sync(LabPc &pc, SyncEngine::Progress progress = {}, int batchRows = 1000, int pageRows = 5000);
    QStringList dump(LabPc &pc);
    void verifyAllEqual(const QList<LabPc *> &pcs, bool withServer = true);
    // A class with `students` enrolled students (photo + embedding each); returns the class id.
    QString makeClass(LabPc &pc, const QString &code, int students, int seed = 0);
    QString makeSession(LabPc &pc, const QString &classId, const QDate &date, int onlyFirst = -1);

    PostgresServer m_server;
    std::unique_ptr<TestCentral> m_central;
    QString m_database; // the department database of the current test
    int m_counter = 0;
};

void TestSyncEngine::initTestCase()
{
    QString error;
    QVERIFY2(m_server.init(&error), qPrintable(error));
}

void TestSyncEngine::init()
{
    // A fresh department database per scenario, set up by `server init`.
    m_database = QStringLiteral("dept_%1").arg(++m_counter);
    m_central = std::make_unique<TestCentral>(m_server);
    QString error;
    QVERIFY2(m_central->create(m_database, &error), qPrintable(error));
}

QString TestSyncEngine::roleOf(LabPc &pc)
{
    if (pc.central.role.isEmpty() || !pc.central.role.startsWith(m_database + QLatin1Char('_'))) {
        QString error;
        if (!m_central->addPc(&pc.central, &error))
            qWarning("add-pc: %s", qPrintable(error));
    }
    return pc.central.role;
}

SyncEngine::Options TestSyncEngine::options(LabPc &pc)
{
    SyncEngine::Options o;
    o.server = m_central->settings(roleOf(pc));
    o.password = pc.central.password;
    o.photoStoreDir = pc.data.photos().dir();
    return o;
}

Result<SyncReport> TestSyncEngine::sync(LabPc &pc, SyncEngine::Progress progress, int batchRows, int pageRows)
{
    SyncEngine::Options o = options(pc);
    o.pushBatchRows = batchRows;
    o.pullPageRows = pageRows;
    SyncEngine engine(pc.db(), o);
    engine.setProgress(std::move(progress));
    return engine.run();
}

QStringList TestSyncEngine::dump(LabPc &pc)
{
    auto lines = CanonicalDump::ofLocal(pc.db());
    if (!lines) {
        qWarning("%s", qPrintable(lines.error().message()));
        return { QStringLiteral("dump failed") };
    }
    return *lines;
}

void TestSyncEngine::verifyAllEqual(const QList<LabPc *> &pcs, bool withServer)
{
    const QStringList first = dump(*pcs.first());
    QVERIFY(!first.isEmpty());
    for (int i = 1; i < pcs.size(); ++i) {
        const QStringList other = dump(*pcs.at(i));
        if (other != first) {
            const QSet<QString> a(first.cbegin(), first.cend());
            const QSet<QString> b(other.cbegin(), other.cend());
            const QStringList onlyA = QSet<QString>(a).subtract(b).values();
            const QStringList onlyB = QSet<QString>(b).subtract(a).values();
            QFAIL(
                qPrintable(QStringLiteral("PC 0 and PC %1 differ.\nonly on 0: %2\nonly on %1: %3")
                               .arg(i)
                               .arg(onlyA.mid(0, 5).join(QLatin1Char('\n')), onlyB.mid(0, 5).join(QLatin1Char('\n')))));
        }
    }
    if (withServer) {
        const QStringList server = m_central->dump();
        QCOMPARE(server.size(), first.size());
        QCOMPARE(server, first);
    }
}

QString TestSyncEngine::makeClass(LabPc &pc, const QString &code, int students, int seed)
{
    ClassInfo info;
    info.code = code;
    info.name = QStringLiteral("Class ") + code;
    info.term = QStringLiteral("2025-1");
    info.department = QStringLiteral("Computing");
    auto cls = ClassRepository(pc.db()).create(info);
    if (!cls) {
        qWarning("%s", qPrintable(cls.error().message()));
        return {};
    }
    StudentRepository students_(pc.db(), &pc.data.photos());
    EnrolmentRepository enrolment(pc.db(), pc.data.photos());
    for (int i = 0; i < students; ++i) {
        Student s;
        s.studentId = QStringLiteral("%1-%2").arg(code).arg(i, 3, 10, QLatin1Char('0'));
        s.name = i % 3 == 0 ? QStringLiteral("अनन्या %1 O'Brien").arg(i) : QStringLiteral("Student \"%1\"").arg(i);
        auto added = students_.add(s, cls->id);
        if (!added) {
            qWarning("%s", qPrintable(added.error().message()));
            return {};
        }
        EnrolmentPhoto photo;
        photo.source = QStringLiteral("camera");
        photo.width = photo.height = 150;
        photo.sharpness = 0.25 + i * 0.001;
        auto p = enrolment.addPhoto(added->studentUuid, fakeCrop(seed * 1000 + i), photo, kModel,
                                    embeddingFor(seed * 1000 + i));
        if (!p) {
            qWarning("%s", qPrintable(p.error().message()));
            return {};
        }
    }
    return cls->id;
}

QString TestSyncEngine::makeSession(LabPc &pc, const QString &classId, const QDate &date, int onlyFirst)
{
    auto list = StudentRepository(pc.db()).list(classId);
    if (!list)
        return {};
    AttendanceSession session;
    session.classId = classId;
    session.date = date;
    session.period = QStringLiteral("P1");
    session.takenBy = QStringLiteral("teacher");
    int n = 0;
    for (const Student &s : *list) {
        if (onlyFirst >= 0 && n >= onlyFirst)
            break;
        AttendanceRecord r;
        r.studentUuid = s.studentUuid;
        r.status = n % 4 == 0 ? AttendanceStatus::Absent : AttendanceStatus::Present;
        r.source = MarkSource::Automatic;
        if (r.status == AttendanceStatus::Present)
            r.distance = 0.3125 + n / 1024.0;
        session.records << r;
        ++n;
    }
    auto created = SessionRepository(pc.db()).create(session);
    if (!created) {
        qWarning("%s", qPrintable(created.error().message()));
        return {};
    }
    return created->id;
}

void TestSyncEngine::firstSyncIntoEmptyServer()
{
    LabPc a;
    QVERIFY2(a.data.ok(), a.data.errorText());
    const QString cls = makeClass(a, QStringLiteral("CS101"), 12);
    QVERIFY(!cls.isEmpty());
    QVERIFY(!makeSession(a, cls, QDate(2025, 3, 3)).isEmpty());
    QVERIFY(SyncEngine::pendingChanges(a.db()).value() > 0);
    const qint64 local = dump(a).size();

    auto first = sync(a);
    VERIFY_OK(first);
    QCOMPARE(first->pushed(), local);
    QCOMPARE(first->rowsAccepted(), local);
    QCOMPARE(first->pulled(), qint64(0)); // its own rows do not come back
    QCOMPARE(first->blobsSent, qint64(12));
    QCOMPARE(SyncEngine::pendingChanges(a.db()).value(), qint64(0));
    QVERIFY(SyncEngine::lastSuccess(a.db()).isValid());
    verifyAllEqual({ &a });

    // Nothing changed: nothing moves.
    auto again = sync(a);
    VERIFY_OK(again);
    QCOMPARE(again->pushed(), qint64(0));
    QCOMPARE(again->pulled(), qint64(0));
    QCOMPARE(again->blobsSent, qint64(0));
    QCOMPARE(m_server.queryValue(QStringLiteral("SELECT count(*) FROM rollcall_devices"), m_database).toInt(), 1);
}

void TestSyncEngine::registeredOnARecognisedOnB()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    const QString cls = makeClass(a, QStringLiteral("EE201"), 5, 7);
    QVERIFY(!cls.isEmpty());
    QVERIFY2(sync(a), "sync A");
    auto pulled = sync(b);
    VERIFY_OK(pulled);
    QCOMPARE(pulled->pulled(), qint64(dump(a).size()));
    QCOMPARE(pulled->blobsReceived, qint64(5));

    // B can now recognise A's students: the class templates hold them, embeddings intact.
    auto templatesB = EnrolmentRepository(b.db(), b.data.photos()).templates(cls, kModel);
    VERIFY_OK(templatesB);
    auto templatesA = EnrolmentRepository(a.db(), a.data.photos()).templates(cls, kModel);
    QVERIFY(templatesA);
    QCOMPARE(templatesB->size(), size_t(5));
    for (size_t i = 0; i < templatesB->size(); ++i) {
        QCOMPARE(templatesB->at(i).studentUuid, templatesA->at(i).studentUuid);
        QCOMPARE(templatesB->at(i).name, templatesA->at(i).name);
        QVERIFY(templatesB->at(i).embedding == templatesA->at(i).embedding);
    }
    // The enrolment crops arrived, byte for byte.
    auto photosA = EnrolmentRepository(a.db(), a.data.photos()).photos(templatesA->front().studentUuid);
    QVERIFY(photosA && !photosA->isEmpty());
    QCOMPARE(b.data.photos().read(photosA->first().photoHash).value(),
             a.data.photos().read(photosA->first().photoHash).value());
    // ...and are as private on B as anything RollCall writes (folders 0700, files 0600).
    const QStringList open = test::notPrivate(b.data.photos().dir());
    QVERIFY2(open.isEmpty(), qPrintable(open.join(QLatin1Char(' '))));

    // B edits; A pulls.
    auto studentB = StudentRepository(b.db()).findByStudentId(QStringLiteral("EE201-002"));
    QVERIFY(studentB);
    StudentRepository::Changes change;
    change.email = QStringLiteral("two@example.edu");
    QVERIFY(StudentRepository(b.db()).edit(studentB->studentUuid, change));
    SYNC_OK(b);
    SYNC_OK(a);
    QCOMPARE(StudentRepository(a.db()).find(studentB->studentUuid)->email, QStringLiteral("two@example.edu"));
    verifyAllEqual({ &a, &b });
}

void TestSyncEngine::bothEditTheSameStudent()
{
    LabPc a, b, c;
    QVERIFY2(a.data.ok() && b.data.ok() && c.data.ok(), "databases");
    QVERIFY(!makeClass(a, QStringLiteral("ME110"), 3).isEmpty());
    SYNC_OK(a);
    SYNC_OK(b);
    SYNC_OK(c);
    const QString uuid = StudentRepository(a.db()).findByStudentId(QStringLiteral("ME110-001"))->studentUuid;

    StudentRepository::Changes onA;
    onA.name = QStringLiteral("Name from A");
    QVERIFY(StudentRepository(a.db()).edit(uuid, onA));
    QThread::msleep(3); // B's edit is later on the wall clock too
    StudentRepository::Changes onB;
    onB.name = QStringLiteral("Name from B");
    QVERIFY(StudentRepository(b.db()).edit(uuid, onB));

    // The newer edit (B) wins whatever order the PCs sync in.
    SYNC_OK(b);
    auto fromA = sync(a);
    QVERIFY(fromA);
    QCOMPARE(fromA->tables.value(QStringLiteral("students")).accepted, qint64(0)); // A's older edit is refused
    SYNC_OK(b);
    SYNC_OK(c);
    for (LabPc *pc : { &a, &b, &c })
        QCOMPARE(StudentRepository(pc->db()).find(uuid)->name, QStringLiteral("Name from B"));
    verifyAllEqual({ &a, &b, &c });

    // A edits again after seeing B's change: its clock has moved past B's, so A wins now.
    StudentRepository::Changes again;
    again.name = QStringLiteral("A again");
    QVERIFY(StudentRepository(a.db()).edit(uuid, again));
    SYNC_OK(a);
    SYNC_OK(b);
    SYNC_OK(c);
    QCOMPARE(StudentRepository(b.db()).find(uuid)->name, QStringLiteral("A again"));
    verifyAllEqual({ &a, &b, &c });
}

void TestSyncEngine::deleteBeatsOlderEdit()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    const QString cls = makeClass(a, QStringLiteral("PH100"), 3);
    SYNC_OK(a);
    SYNC_OK(b);
    const QString uuid = StudentRepository(a.db()).findByStudentId(QStringLiteral("PH100-000"))->studentUuid;

    StudentRepository::Changes onB;
    onB.email = QStringLiteral("edited@b");
    QVERIFY(StudentRepository(b.db()).edit(uuid, onB)); // older
    QThread::msleep(3);
    QVERIFY(StudentRepository(a.db(), &a.data.photos()).forget(uuid)); // newer: a tombstone

    SYNC_OK(b); // B's edit reaches the server first…
    SYNC_OK(a); // …and the newer tombstone replaces it
    SYNC_OK(b);
    for (LabPc *pc : { &a, &b }) {
        QVERIFY(!StudentRepository(pc->db()).find(uuid).ok());
        auto templates = EnrolmentRepository(pc->db(), pc->data.photos()).templates(cls, kModel);
        QCOMPARE(templates->size(), size_t(2));
    }
    verifyAllEqual({ &a, &b });
}

void TestSyncEngine::newerEditAfterDeleteWinsByClock()
{
    // Last writer wins per row, tombstones included (docs/sync.md): an edit made
    // after a delete, on a PC that had not seen it, brings the row back; both PCs agree.
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    QVERIFY(!makeClass(a, QStringLiteral("CH100"), 2).isEmpty());
    SYNC_OK(a);
    SYNC_OK(b);
    auto cls = ClassRepository(a.db()).findByCode(QStringLiteral("CH100"));
    QVERIFY(cls);
    QVERIFY(ClassRepository(a.db()).remove(cls->id, true)); // older delete
    QThread::msleep(3);
    ClassInfo renamed = *ClassRepository(b.db()).find(cls->id);
    renamed.name = QStringLiteral("Chemistry (renamed on B)");
    QVERIFY(ClassRepository(b.db()).update(renamed)); // newer edit

    SYNC_OK(a);
    SYNC_OK(b);
    SYNC_OK(a);
    for (LabPc *pc : { &a, &b })
        QCOMPARE(ClassRepository(pc->db()).find(cls->id)->name, QStringLiteral("Chemistry (renamed on B)"));
    verifyAllEqual({ &a, &b });
}

void TestSyncEngine::bothMarkTheSameSession()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    const QString cls = makeClass(a, QStringLiteral("MA101"), 6);
    // The session holds records for the first 4 students only.
    const QString session = makeSession(a, cls, QDate(2025, 4, 1), 4);
    QVERIFY(!session.isEmpty());
    SYNC_OK(a);
    SYNC_OK(b);
    auto students = StudentRepository(a.db()).list(cls);
    QVERIFY(students && students->size() == 6);
    const QString withRecord = students->at(1).studentUuid;
    const QString withoutRecord = students->at(5).studentUuid;

    // Both PCs correct the same existing record and both mark a student who had none.
    QVERIFY(
        SessionRepository(a.db()).updateRecordStatus(session, withRecord, AttendanceStatus::Late, QStringLiteral("a")));
    QVERIFY(SessionRepository(a.db()).updateRecordStatus(session, withoutRecord, AttendanceStatus::Present,
                                                         QStringLiteral("a")));
    QThread::msleep(3);
    QVERIFY(SessionRepository(b.db()).updateRecordStatus(session, withRecord, AttendanceStatus::Excused,
                                                         QStringLiteral("b")));
    QVERIFY(SessionRepository(b.db()).updateRecordStatus(session, withoutRecord, AttendanceStatus::Late,
                                                         QStringLiteral("b")));

    SYNC_OK(a);
    auto fromB = sync(b);
    VERIFY_OK(fromB);
    SYNC_OK(a);

    for (LabPc *pc : { &a, &b }) {
        auto loaded = SessionRepository(pc->db()).load(session);
        VERIFY_OK(loaded);
        QCOMPARE(int(loaded->records.size()), 5); // one record per student, no duplicates
        for (const AttendanceRecord &r : std::as_const(loaded->records)) {
            if (r.studentUuid == withRecord)
                QCOMPARE(r.status, AttendanceStatus::Excused); // B's newer correction
            if (r.studentUuid == withoutRecord)
                QCOMPARE(r.status, AttendanceStatus::Late);
        }
    }
    verifyAllEqual({ &a, &b }, false);
    const QString pairs
        = QStringLiteral("SELECT count(*) FROM (SELECT session_id, student_uuid FROM attendance_records "
                         "WHERE deleted = 0 GROUP BY 1, 2 HAVING count(*) > 1) d");
    QCOMPARE(m_server.queryValue(pairs, m_database).toInt(), 0);
}

void TestSyncEngine::sameClassCodeOnTwoPcs()
{
    // Two PCs create class "BIO1" independently before ever syncing: the class created
    // first keeps the code, the other is kept under a marked code, on both PCs.
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    const QString first = makeClass(a, QStringLiteral("BIO1"), 2, 1);
    QThread::msleep(3);
    const QString second = makeClass(b, QStringLiteral("BIO1"), 2, 2);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    SYNC_OK(a);
    auto onB = sync(b);
    VERIFY_OK(onB);
    QVERIFY(onB->conflictsResolved > 0);
    auto onA = sync(a);
    VERIFY_OK(onA);
    for (LabPc *pc : { &a, &b }) {
        QCOMPARE(ClassRepository(pc->db()).findByCode(QStringLiteral("BIO1"))->id, first);
        QVERIFY(ClassRepository(pc->db()).find(second)->code.startsWith(QLatin1String("BIO1 (dup ")));
    }
    verifyAllEqual({ &a, &b }, false);
}

void TestSyncEngine::killedMidPushThenRerun()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    const QString cls = makeClass(a, QStringLiteral("BIG1"), 60);
    for (int d = 0; d < 40; ++d)
        QVERIFY(!makeSession(a, cls, QDate(2025, 1, 1).addDays(d)).isEmpty());
    const QStringList before = dump(a);

    // Terminate our server connection (pg_terminate_backend) while the records upload
    // is half done; the sync fails with a network error.
    const QString role = roleOf(a);
    int batches = 0;
    bool killed = false;
    auto interrupted = sync(
        a,
        [&](const QString &stage, qint64, qint64) {
            if (stage.contains(QLatin1String("attendance_records")) && ++batches == 5 && !killed) {
                killed = m_server.execute(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                                         "WHERE usename = '%1'")
                                              .arg(role));
            }
        },
        100);
    QVERIFY(killed);
    QVERIFY(!interrupted.ok());
    QCOMPARE(interrupted.error().code(), Error::Code::Network);
    const int onServer
        = m_server.queryValue(QStringLiteral("SELECT count(*) FROM attendance_records"), m_database).toInt();
    QVERIFY2(onServer > 0 && onServer < 2400, qPrintable(QString::number(onServer)));
    QCOMPARE(dump(a), before); // nothing local changed

    auto rerun = sync(a, {}, 100);
    VERIFY_OK(rerun);
    QVERIFY(rerun->pushed() < qint64(before.size()));
    SYNC_OK(b);
    QCOMPARE(m_server.queryValue(QStringLiteral("SELECT count(*) FROM attendance_records"), m_database).toInt(), 2400);
    QCOMPARE(dump(a), before);
    verifyAllEqual({ &a, &b });
}

void TestSyncEngine::killedMidPullThenRerun()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    const QString cls = makeClass(a, QStringLiteral("BIG2"), 30);
    for (int d = 0; d < 20; ++d)
        QVERIFY(!makeSession(a, cls, QDate(2025, 2, 1).addDays(d)).isEmpty());
    SYNC_OK(a);

    const QString role = roleOf(b);
    int pages = 0;
    bool killed = false;
    auto interrupted = sync(
        b,
        [&](const QString &stage, qint64, qint64) {
            if (stage.contains(QLatin1String("attendance_records")) && ++pages == 3 && !killed)
                killed = m_server.execute(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                                         "WHERE usename = '%1'")
                                              .arg(role));
        },
        1000, 100);
    QVERIFY(killed);
    QVERIFY(!interrupted.ok());
    QCOMPARE(interrupted.error().code(), Error::Code::Network);

    auto rerun = sync(b, {}, 1000, 100);
    VERIFY_OK(rerun);
    QVERIFY(rerun->pulled() < qint64(dump(a).size())); // it went on from its cursor
    verifyAllEqual({ &a, &b });
}

void TestSyncEngine::wrongPasswordChangesNothing()
{
    LabPc a;
    QVERIFY2(a.data.ok(), a.data.errorText());
    QVERIFY(!makeClass(a, QStringLiteral("PW1"), 2).isEmpty());
    const QStringList before = dump(a);
    SyncEngine::Options o = options(a);
    o.password = QStringLiteral("wrong");
    auto result = SyncEngine(a.db(), o).run();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), Error::Code::Network);
    QVERIFY2(result.error().message().contains(QLatin1String("password")), qPrintable(result.error().message()));
    QCOMPARE(dump(a), before);
    QCOMPARE(a.db().metaValue(QStringLiteral("sync.server_id")).value(), QString());
    QVERIFY(!SyncEngine::lastSuccess(a.db()).isValid());
    QCOMPARE(m_server.queryValue(QStringLiteral("SELECT count(*) FROM classes"), m_database).toInt(), 0);
}

void TestSyncEngine::serverStoppedChangesNothing()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    QVERIFY(!makeClass(a, QStringLiteral("DN1"), 3).isEmpty());
    SYNC_OK(a);
    QVERIFY(
        !makeSession(a, ClassRepository(a.db()).findByCode(QStringLiteral("DN1"))->id, QDate(2025, 5, 5)).isEmpty());
    const QStringList before = dump(a);
    const qint64 pending = SyncEngine::pendingChanges(a.db()).value();
    QVERIFY(pending > 0);

    QString error;
    QVERIFY2(m_server.stop(&error), qPrintable(error));
    auto down = sync(a);
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(!down.ok());
    QCOMPARE(down.error().code(), Error::Code::Network);
    QVERIFY2(down.error().message().contains(QLatin1String("cannot reach")), qPrintable(down.error().message()));
    QCOMPARE(dump(a), before);
    QCOMPARE(SyncEngine::pendingChanges(a.db()).value(), pending);

    // Back up: the next sync continues where it stopped.
    auto up = sync(a);
    VERIFY_OK(up);
    QCOMPARE(up->pushed(), pending);
    SYNC_OK(b);
    verifyAllEqual({ &a, &b });
}

void TestSyncEngine::tlsVerifiedAndRefused()
{
    PostgresServer tls;
    QString error;
    QVERIFY2(tls.init(&error, true), qPrintable(error));
    TestCentral central(tls);
    QVERIFY2(central.create(QStringLiteral("dept_tls"), &error), qPrintable(error));
    TestCentral::Pc pc;
    QVERIFY2(central.addPc(&pc, &error), qPrintable(error));
    LabPc a;
    QVERIFY2(a.data.ok(), a.data.errorText());
    QVERIFY(!makeClass(a, QStringLiteral("TLS1"), 1).isEmpty());
    const QStringList before = dump(a);

    // What an administrator types without thinking about TLS: no sslmode means verify-full.
    auto defaults = PgConnectionSettings::parse(
        QStringLiteral("host=%1 port=%2 dbname=dept_tls user=%3").arg(tls.host()).arg(tls.port()).arg(pc.role));
    VERIFY_OK(defaults);
    QCOMPARE(defaults->sslMode, QStringLiteral("verify-full"));
    SyncEngine::Options o;
    o.server = *defaults;
    o.password = pc.password;
    o.photoStoreDir = a.data.photos().dir();
    const auto refusedWith = [&](const SyncEngine::Options &options) {
        auto result = SyncEngine(a.db(), options).run();
        if (result.ok())
            return QStringLiteral("synced");
        return result.error().code() == Error::Code::Network ? result.error().message() : QStringLiteral("not network");
    };

    // An untrusted certificate: no CA given (libpq's ~/.postgresql/root.crt is not there),
    // then a CA that did not sign it. Refused, nothing changed.
    qputenv("PGSSLROOTCERT", QFile::encodeName(a.data.photos().dir() + QStringLiteral("/no-such-root.crt")));
    const QString noCa = refusedWith(o);
    qunsetenv("PGSSLROOTCERT");
    QVERIFY2(noCa.contains(QLatin1String("TLS")), qPrintable(noCa));
    PostgresServer otherCa;
    QVERIFY2(otherCa.init(&error, true), qPrintable(error));
    o.server.caFile = otherCa.caFile();
    const QString wrongCa = refusedWith(o);
    QVERIFY2(wrongCa.contains(QLatin1String("TLS")), qPrintable(wrongCa));
    QCOMPARE(dump(a), before);

    // The default against a plaintext server: refused rather than sending the password in clear.
    SyncEngine::Options plain = o;
    plain.server.port = m_server.port();
    plain.server.caFile = tls.caFile();
    const QString noTls = refusedWith(plain);
    QVERIFY2(noTls.contains(QLatin1String("TLS")), qPrintable(noTls));
    QCOMPARE(dump(a), before);

    // The right CA: verified and synced, with channel binding.
    o.server.caFile = tls.caFile();
    auto verified = SyncEngine(a.db(), o).run();
    VERIFY_OK(verified);
    QCOMPARE(verified->pushed(), qint64(before.size()));
    QCOMPARE(tls.queryValue(QStringLiteral("SELECT count(*) FROM pg_stat_ssl WHERE ssl")).toInt() >= 1, true);
}

void TestSyncEngine::otherServerStartsOver()
{
    LabPc a;
    QVERIFY2(a.data.ok(), a.data.errorText());
    QVERIFY(!makeClass(a, QStringLiteral("MV1"), 2).isEmpty());
    SYNC_OK(a);
    // The department moves to a new, empty central database.
    init();
    auto moved = sync(a);
    VERIFY_OK(moved);
    QVERIFY(moved->serverChanged);
    QCOMPARE(moved->pushed(), qint64(dump(a).size()));
    verifyAllEqual({ &a });
}

void TestSyncEngine::olderOrNewerServerStops()
{
    // PCs run no DDL: a central database made by another version is reported, not changed.
    LabPc a;
    QVERIFY2(a.data.ok(), a.data.errorText());
    QVERIFY(!makeClass(a, QStringLiteral("VER1"), 2).isEmpty());
    const QStringList before = dump(a);
    const int local = a.db().schemaVersion();
    for (const auto &[tables, word] : { std::pair { local + 1, "newer" }, std::pair { local - 1, "older" } }) {
        QVERIFY(m_server.execute(
            QStringLiteral("UPDATE rollcall_meta SET value = '%1' WHERE key = 'local_schema_version'").arg(tables),
            m_database));
        auto stopped = sync(a);
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error().code(), Error::Code::Network);
        QVERIFY2(stopped.error().message().contains(QLatin1String(word)), qPrintable(stopped.error().message()));
        QCOMPARE(dump(a), before);
    }
    QCOMPARE(m_server.queryValue(QStringLiteral("SELECT count(*) FROM classes"), m_database).toInt(), 0);

    // Not set up at all: says who has to do what.
    QVERIFY(m_server.execute(QStringLiteral("CREATE DATABASE %1_bare").arg(m_database)));
    SyncEngine::Options bare = options(a);
    bare.server.database = m_database + QStringLiteral("_bare");
    bare.server.user = PostgresServer::superUser();
    bare.password = m_server.superPassword();
    auto notInit = SyncEngine(a.db(), bare).run();
    QVERIFY(!notInit.ok());
    QVERIFY2(notInit.error().message().contains(QLatin1String("server init")), qPrintable(notInit.error().message()));
    QCOMPARE(m_server
                 .queryValue(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
                             m_database + QStringLiteral("_bare"))
                 .toInt(),
             0);

    // The administrator upgrades the server (server init again): the PC syncs.
    QString error;
    QVERIFY2(m_central->init(&error), qPrintable(error));
    SYNC_OK(a);
    verifyAllEqual({ &a });
}

void TestSyncEngine::roguePcIsRefused()
{
    // PC B is bound to Biology only and holds only its own credentials; A may write everything.
    // (The raw-SQL variants of these attacks are in tst_centraladmin.)
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    QString error;
    QVERIFY2(m_central->addPc(&b.central, &error, { QStringLiteral("Biology") }), qPrintable(error));
    const QString cls = makeClass(a, QStringLiteral("CHEM1"), 3);
    {
        const QString chem = DepartmentRepository(a.db()).findOrCreate(QStringLiteral("Chemistry")).value();
        QSqlQuery set(a.db().connection());
        QVERIFY(set.exec(QStringLiteral("UPDATE classes SET department_id = '%1', updated_at = %2 WHERE id = '%3'")
                             .arg(chem)
                             .arg(a.db().clock().now())
                             .arg(cls)));
        QVERIFY(set.exec(QStringLiteral("UPDATE students SET department_id = '%1', updated_at = %2")
                             .arg(chem)
                             .arg(a.db().clock().now())));
    }
    SYNC_OK(a);
    SYNC_OK(b);
    const QStringList serverBefore = m_central->dump();
    const auto refusedOnServer = [&] {
        return m_server
            .queryValue(QStringLiteral("SELECT count(*) FROM rollcall_change_log WHERE role = '%1' AND operation = "
                                       "'refused'")
                            .arg(b.central.role),
                        m_database)
            .toLongLong();
    };

    // B renames a Chemistry student and creates a Chemistry class: both refused and logged.
    const QString victim = StudentRepository(b.db()).list().value().first().studentUuid;
    {
        QSqlQuery forge(b.db().connection());
        QVERIFY(forge.exec(QStringLiteral("UPDATE students SET name = 'Mallory', origin_device = '%1', updated_at = "
                                          "%2 WHERE id = '%3'")
                               .arg(b.db().deviceId())
                               .arg(b.db().clock().now())
                               .arg(victim)));
    }
    auto forged = sync(b);
    VERIFY_OK(forged);
    QCOMPARE(forged->rowsRefused, qint64(1));
    QVERIFY(forged->summary().contains(QLatin1String("refused")));
    QCOMPARE(refusedOnServer(), qint64(1));
    QCOMPARE(m_central->dump(), serverBefore);

    // Its own department is fine: the change is stamped with B's role.
    const QString bio = DepartmentRepository(b.db()).findOrCreate(QStringLiteral("Biology")).value();
    auto own = sync(b);
    VERIFY_OK(own);
    QCOMPARE(own->rowsRefused, qint64(0));
    QCOMPARE(
        m_server.queryValue(QStringLiteral("SELECT written_by FROM departments WHERE id = '%1'").arg(bio), m_database)
            .toString(),
        b.central.role);

    SYNC_OK(a);
    QVERIFY(StudentRepository(a.db()).find(victim)->name != QLatin1String("Mallory"));

    // Removed: B cannot connect any more, and A goes on.
    QVERIFY2(m_central->removePc(b.central.role, &error), qPrintable(error));
    const QStringList serverAfter = m_central->dump();
    auto removed = sync(b);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().code(), Error::Code::Network);
    SYNC_OK(a);
    QCOMPARE(m_central->dump(), serverAfter);
}

void TestSyncEngine::syncJobRunsOffThreadAndCancels()
{
    LabPc a;
    QVERIFY2(a.data.ok(), a.data.errorText());
    const QString cls = makeClass(a, QStringLiteral("JOB1"), 10);
    QVERIFY(!makeSession(a, cls, QDate(2025, 6, 1)).isEmpty());

    {
        SyncEngine::Options o = options(a);
        SyncJob job(a.db(), o);
        QSignalSpy progress(&job, &SyncJob::progress);
        QSignalSpy finished(&job, &SyncJob::finished);
        QSignalSpy failed(&job, &SyncJob::failed);
        QThread *guiThread = QThread::currentThread();
        QThread *progressThread = nullptr;
        connect(&job, &SyncJob::progress, this, [&] { progressThread = QThread::currentThread(); });
        job.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(progress.count() > 0);
        QCOMPARE(progressThread, guiThread);
        QCOMPARE(job.report().pushed(), qint64(dump(a).size()));
    }
    {
        // Cancelled before it starts its first batch: fails with Cancelled.
        QVERIFY(!makeSession(a, cls, QDate(2025, 6, 2)).isEmpty());
        SyncJob job(a.db(), options(a));
        QSignalSpy failed(&job, &SyncJob::failed);
        job.cancel();
        job.start();
        job.cancel();
        QVERIFY(failed.wait(60000));
        QCOMPARE(failed.first().first().value<Error>().code(), Error::Code::Cancelled);
    }
}

void TestSyncEngine::stampsFarAheadAreNeitherAppliedNorPushed()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    makeClass(a, QStringLiteral("FUT1"), 3);
    SYNC_OK(a);
    SYNC_OK(b);
    const qint64 yearAhead
        = HybridLogicalClock::make(QDateTime::currentMSecsSinceEpoch() + 365LL * 24 * 3600 * 1000, 0);

    // A PC whose clock runs a year ahead (or that lies) renames the class on the server.
    QVERIFY(m_server.execute(QStringLiteral("UPDATE classes SET name = 'Hijacked', updated_at = %1, origin_device = "
                                            "'rogue', server_seq = nextval('rollcall_change_seq') WHERE code = 'FUT1'")
                                 .arg(yearAhead),
                             m_database));
    auto pulled = sync(b);
    VERIFY_OK(pulled);
    QCOMPARE(pulled->futureRowsRefused, qint64(1));
    QVERIFY(pulled->summary().contains(QLatin1String("refused 1 rows")));
    auto onB = ClassRepository(b.db()).findByCode(QStringLiteral("FUT1"));
    QVERIFY(onB);
    QVERIFY(onB->name != QLatin1String("Hijacked"));
    // B's clock was not dragged along: its next stamp is within the allowed skew.
    QVERIFY(HybridLogicalClock::milliseconds(b.db().clock().now())
            <= QDateTime::currentMSecsSinceEpoch() + HybridLogicalClock::MaxSkewMs + 1000);

    // A local row stamped a year ahead (written before this check existed) is held back.
    auto onA = ClassRepository(a.db()).findByCode(QStringLiteral("FUT1"));
    QVERIFY(onA);
    QVERIFY(SqlHelper::exec(a.db().connection(),
                            QStringLiteral("UPDATE classes SET name = 'Future', updated_at = ? WHERE id = ?"),
                            { yearAhead, onA->id })
                .ok());
    auto pushed = sync(a);
    VERIFY_OK(pushed);
    QCOMPARE(pushed->tables.value(QStringLiteral("classes")).sent, qint64(0));
    QCOMPARE(SyncEngine::pendingChanges(a.db()).value(), qint64(1));
    QVERIFY(m_server.queryValue(QStringLiteral("SELECT name FROM classes WHERE code = 'FUT1'"), m_database).toString()
            != QLatin1String("Future"));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
