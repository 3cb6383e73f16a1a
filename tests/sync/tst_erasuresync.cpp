#include "PostgresServer.h"
#include "ResultAsserts.h"
#include "TestCentral.h"
#include "TestDatabase.h"

#include "storage/ClassRepository.h"
#include "storage/EnrolmentRepository.h"
#include "storage/ErasureLog.h"
#include "storage/PhotoRetention.h"
#include "storage/Schema.h"
#include "storage/SessionRepository.h"
#include "storage/SqlHelper.h"
#include "storage/StudentRepository.h"
#include "sync/CanonicalDump.h"
#include "sync/CentralConnection.h"
#include "sync/SyncEngine.h"

#include <QThread>
#include <QtTest>

#include <memory>

using namespace rollcall;
using rollcall::test::LabPc;
using rollcall::test::PostgresServer;
using rollcall::test::TestCentral;
using rollcall::test::TestDatabase;

#define SYNC_OK(pc, ...)                                                                                               \
    do {                                                                                                               \
        auto synced_ = sync(pc __VA_OPT__(, ) __VA_ARGS__);                                                            \
        VERIFY_OK(synced_);                                                                                            \
    } while (false)

namespace {

const QString kModel = QStringLiteral("dlib-resnet-v1");

QVariant local(LabPc &pc, const QString &sql, const QVariantList &values = {})
{
    auto q = SqlHelper::exec(pc.db().connection(), sql, values);
    if (!q || !q->next())
        return QVariant(QStringLiteral("query failed: ") + sql);
    return q->value(0);
}

} // namespace

// Erasures (ErasureLog) travelling through a real PostgreSQL 15 with SyncEngine: a
// forgotten student, a withdrawn consent and a purged classroom photo disappear from
// every PC and from the server, and stay gone whatever an older copy elsewhere says.
class TestErasureSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void forgottenStudentGoesEverywhereAndStaysGone();
    void purgedPhotoGoesEverywhereAndIsNotFetchedAgain();
    void consentWithdrawalRemovesBiometricsKeepsAttendance();

private:
    Result<SyncReport> sync(LabPc &pc, bool classroomPhotos = false);
    QVariant central(const QString &sql);
    QStringList dump(LabPc &pc);
    // A class of the Computing department; returns its id.
    QString makeClass(LabPc &pc, const QString &code);
    // A consenting student with `photos` enrolment photos (crop + embedding each); returns the crops' hashes.
    QStringList enrol(LabPc &pc, const QString &classId, const QString &studentId, int photos, QString *uuid);

    PostgresServer m_server;
    std::unique_ptr<TestCentral> m_central;
    int m_counter = 0;
};

void TestErasureSync::initTestCase()
{
    QString error;
    QVERIFY2(m_server.init(&error), qPrintable(error));
}

void TestErasureSync::init()
{
    m_central = std::make_unique<TestCentral>(m_server);
    QString error;
    QVERIFY2(m_central->create(QStringLiteral("erase_%1").arg(++m_counter), &error), qPrintable(error));
}

Result<SyncReport> TestErasureSync::sync(LabPc &pc, bool classroomPhotos)
{
    if (pc.central.role.isEmpty()) {
        QString error;
        if (!m_central->addPc(&pc.central, &error))
            return Error::generic(QStringLiteral("add-pc: ") + error);
    }
    SyncEngine::Options o;
    o.server = m_central->settings(pc.central.role);
    o.password = pc.central.password;
    o.photoStoreDir = pc.data.photos().dir();
    o.classroomPhotos = classroomPhotos;
    return SyncEngine(pc.db(), o).run();
}

QVariant TestErasureSync::central(const QString &sql)
{
    return m_server.queryValue(sql, m_central->database());
}

QStringList TestErasureSync::dump(LabPc &pc)
{
    auto lines = CanonicalDump::ofLocal(pc.db());
    return lines ? *lines : QStringList { QStringLiteral("dump failed: ") + lines.error().message() };
}

QString TestErasureSync::makeClass(LabPc &pc, const QString &code)
{
    auto cls = ClassRepository(pc.db()).create({ .code = code, .department = QStringLiteral("Computing") });
    return cls ? cls->id : QString();
}

QStringList TestErasureSync::enrol(LabPc &pc, const QString &classId, const QString &studentId, int photos,
                                   QString *uuid)
{
    auto added = StudentRepository(pc.db()).add({ .studentId = studentId,
                                                  .name = QStringLiteral("Name of ") + studentId,
                                                  .email = studentId.toLower() + QStringLiteral("@example.org"),
                                                  .consent = true },
                                                classId);
    if (!added)
        return {};
    *uuid = added->studentUuid;
    EnrolmentRepository enrolment(pc.db(), pc.data.photos());
    QStringList hashes;
    for (int i = 0; i < photos; ++i) {
        std::vector<float> v(128, 0.01f);
        v[size_t(i)] = 1.0f;
        auto p = enrolment.addPhoto(added->studentUuid, "face crop " + studentId.toUtf8() + ' ' + QByteArray::number(i),
                                    { .source = QStringLiteral("camera"), .width = 150, .height = 150 }, kModel, v);
        if (!p)
            return {};
        hashes << p->photoHash;
    }
    return hashes;
}

void TestErasureSync::forgottenStudentGoesEverywhereAndStaysGone()
{
    LabPc a, b, c;
    QVERIFY2(a.data.ok() && b.data.ok() && c.data.ok(), "databases");
    const QString cls = makeClass(a, QStringLiteral("CS101"));
    QString uuid, keptUuid;
    const QStringList crops = enrol(a, cls, QStringLiteral("CS-001"), 2, &uuid);
    const QStringList kept = enrol(a, cls, QStringLiteral("CS-002"), 1, &keptUuid);
    QCOMPARE(crops.size(), 2);
    QCOMPARE(kept.size(), 1);
    StudentRepository::Changes email;
    email.email = QStringLiteral("asha.private@example.org");
    QVERIFY(StudentRepository(a.db()).edit(uuid, email, QStringLiteral("clerk")).ok());
    SYNC_OK(a);
    SYNC_OK(b);
    SYNC_OK(c);
    for (LabPc *pc : { &b, &c }) {
        QVERIFY(pc->data.photos().contains(crops[0]) && pc->data.photos().contains(crops[1]));
        QCOMPARE(local(*pc, QStringLiteral("SELECT email FROM students WHERE id = ?"), { uuid }).toString(),
                 QStringLiteral("asha.private@example.org"));
    }

    // C edits the student, not yet knowing that A forgets them a moment later.
    StudentRepository::Changes rename;
    rename.name = QStringLiteral("Renamed on C");
    QVERIFY(StudentRepository(c.db()).edit(uuid, rename, QStringLiteral("teacher c")).ok());
    QThread::msleep(3);
    QVERIFY(StudentRepository(a.db(), &a.data.photos()).forget(uuid, QStringLiteral("office")).ok());

    for (int round = 0; round < 2; ++round) {
        SYNC_OK(a);
        SYNC_OK(b);
        SYNC_OK(c);
    }

    for (LabPc *pc : { &a, &b, &c }) {
        for (const QString &h : crops)
            QVERIFY2(!pc->data.photos().contains(h), "a crop of the forgotten student is still on a PC");
        QVERIFY(pc->data.photos().contains(kept[0]));
        QCOMPARE(local(*pc,
                       QStringLiteral("SELECT count(*) FROM embeddings WHERE student_uuid = ?"
                                      " AND (deleted = 0 OR length(vector) > 0)"),
                       { uuid })
                     .toInt(),
                 0);
        QCOMPARE(local(*pc,
                       QStringLiteral("SELECT count(*) FROM enrolment_photos WHERE student_uuid = ?"
                                      " AND (deleted = 0 OR photo_hash <> '')"),
                       { uuid })
                     .toInt(),
                 0);
        QCOMPARE(local(*pc, QStringLiteral("SELECT deleted || name || student_id || email FROM students WHERE id = ?"),
                       { uuid })
                     .toString(),
                 QStringLiteral("1"));
        QCOMPARE(local(*pc,
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = ?"
                                      " AND (old_value IS NOT NULL OR new_value IS NOT NULL OR reason <> '')"),
                       { uuid })
                     .toInt(),
                 0);
        // The entries themselves stay: A's email edit and forget, C's rename.
        QCOMPARE(local(*pc, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = ?"), { uuid }).toInt(), 3);
        QCOMPARE(local(*pc, QStringLiteral("SELECT count(*) FROM embeddings WHERE student_uuid = ? AND deleted = 0"),
                       { keptUuid })
                     .toInt(),
                 1);
    }

    QCOMPARE(
        central(
            QStringLiteral("SELECT count(*) FROM rollcall_blobs WHERE sha256 IN ('%1', '%2')").arg(crops[0], crops[1]))
            .toInt(),
        0);
    QCOMPARE(central(QStringLiteral("SELECT count(*) FROM rollcall_blobs WHERE sha256 = '%1'").arg(kept[0])).toInt(),
             1);
    QCOMPARE(
        central(QStringLiteral("SELECT deleted || name || student_id || email FROM students WHERE id = '%1'").arg(uuid))
            .toString(),
        QStringLiteral("1"));
    QCOMPARE(central(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = '%1' AND (old_value IS NOT NULL"
                                    " OR new_value IS NOT NULL OR reason <> '')")
                         .arg(uuid))
                 .toInt(),
             0);
    QCOMPARE(central(QStringLiteral("SELECT count(*) FROM embeddings WHERE student_uuid = '%1'"
                                    " AND (deleted = 0 OR length(vector) > 0)")
                         .arg(uuid))
                 .toInt(),
             0);
    QCOMPARE(
        central(QStringLiteral("SELECT count(*) FROM erasures WHERE kind = 'student' AND subject = '%1'").arg(uuid))
            .toInt(),
        1);
    // Every PC and the server hold the same rows.
    const QStringList onA = dump(a);
    QCOMPARE(dump(b), onA);
    QCOMPARE(dump(c), onA);
    QCOMPARE(m_central->dump(), onA);
}

void TestErasureSync::purgedPhotoGoesEverywhereAndIsNotFetchedAgain()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    const QString cls = makeClass(a, QStringLiteral("CS102"));
    QString uuid;
    QCOMPARE(enrol(a, cls, QStringLiteral("CS-101"), 1, &uuid).size(), 1);
    const QString oldPhoto = a.data.photos().put("classroom photo of an old session").value();
    const QString newPhoto = a.data.photos().put("classroom photo of today").value();
    AttendanceSession old;
    old.classId = cls;
    old.date = QDate::currentDate().addDays(-400);
    old.sourcePhotos = { oldPhoto };
    old.records << AttendanceRecord { .studentUuid = uuid, .status = AttendanceStatus::Present };
    const QString oldId = SessionRepository(a.db()).create(old)->id;
    AttendanceSession recent = old;
    recent.date = QDate::currentDate();
    recent.sourcePhotos = { newPhoto };
    QVERIFY(SessionRepository(a.db()).create(recent).ok());
    SYNC_OK(a, true);
    SYNC_OK(b, true);
    QVERIFY(b.data.photos().contains(oldPhoto));

    PhotoRetention retention(a.db(), a.data.photos());
    QVERIFY(retention.setDays(90).ok());
    auto purged = retention.purge();
    VERIFY_OK(purged);
    QCOMPARE(purged->files, 1);
    SYNC_OK(a, true);
    SYNC_OK(b, true);

    QVERIFY(!b.data.photos().contains(oldPhoto));
    QVERIFY(b.data.photos().contains(newPhoto));
    QCOMPARE(local(b, QStringLiteral("SELECT photos_purged FROM attendance_sessions WHERE id = ?"), { oldId }).toInt(),
             1);
    QCOMPARE(
        local(b, QStringLiteral("SELECT count(*) FROM attendance_records WHERE session_id = ?"), { oldId }).toInt(), 1);
    QCOMPARE(central(QStringLiteral("SELECT count(*) FROM rollcall_blobs WHERE sha256 = '%1'").arg(oldPhoto)).toInt(),
             0);
    QCOMPARE(central(QStringLiteral("SELECT count(*) FROM rollcall_blobs WHERE sha256 = '%1'").arg(newPhoto)).toInt(),
             1);

    // A new PC gets the session (it still names its photo) but never asks for the photo.
    LabPc d;
    QVERIFY2(d.data.ok(), d.data.errorText());
    auto first = sync(d, true);
    VERIFY_OK(first);
    QVERIFY(!d.data.photos().contains(oldPhoto));
    QVERIFY(d.data.photos().contains(newPhoto));
    QCOMPARE(first->blobsMissing, qint64(0));
    QCOMPARE(local(d, QStringLiteral("SELECT photos_purged FROM attendance_sessions WHERE id = ?"), { oldId }).toInt(),
             1);
    // And B, which has lost the file, does not send it back.
    SYNC_OK(b, true);
    QCOMPARE(central(QStringLiteral("SELECT count(*) FROM rollcall_blobs WHERE sha256 = '%1'").arg(oldPhoto)).toInt(),
             0);
}

void TestErasureSync::consentWithdrawalRemovesBiometricsKeepsAttendance()
{
    LabPc a, b;
    QVERIFY2(a.data.ok() && b.data.ok(), "databases");
    const QString cls = makeClass(a, QStringLiteral("CS103"));
    QString uuid;
    const QStringList crops = enrol(a, cls, QStringLiteral("CS-201"), 2, &uuid);
    QCOMPARE(crops.size(), 2);
    AttendanceSession session;
    session.classId = cls;
    session.date = QDate(2025, 3, 3);
    session.records << AttendanceRecord { .studentUuid = uuid, .status = AttendanceStatus::Present };
    const QString sessionId = SessionRepository(a.db()).create(session)->id;
    SYNC_OK(a);
    SYNC_OK(b);
    QVERIFY(b.data.photos().contains(crops[0]));

    StudentRepository::Changes withdraw;
    withdraw.consent = false;
    QVERIFY(StudentRepository(a.db(), &a.data.photos()).edit(uuid, withdraw, QStringLiteral("office")).ok());
    SYNC_OK(a);
    SYNC_OK(b);

    for (LabPc *pc : { &a, &b }) {
        for (const QString &h : crops)
            QVERIFY(!pc->data.photos().contains(h));
        QCOMPARE(local(*pc,
                       QStringLiteral("SELECT count(*) FROM embeddings WHERE student_uuid = ?"
                                      " AND (deleted = 0 OR length(vector) > 0)"),
                       { uuid })
                     .toInt(),
                 0);
        QCOMPARE(local(*pc,
                       QStringLiteral("SELECT count(*) FROM enrolment_photos WHERE student_uuid = ? AND deleted = 0"),
                       { uuid })
                     .toInt(),
                 0);
        QCOMPARE(
            local(*pc, QStringLiteral("SELECT name || consent FROM students WHERE id = ? AND deleted = 0"), { uuid })
                .toString(),
            QStringLiteral("Name of CS-2010"));
        QCOMPARE(local(*pc,
                       QStringLiteral("SELECT count(*) FROM attendance_records WHERE session_id = ? AND deleted = 0"),
                       { sessionId })
                     .toInt(),
                 1);
    }
    QCOMPARE(
        central(
            QStringLiteral("SELECT count(*) FROM rollcall_blobs WHERE sha256 IN ('%1', '%2')").arg(crops[0], crops[1]))
            .toInt(),
        0);
    QCOMPARE(central(QStringLiteral("SELECT count(*) FROM embeddings WHERE student_uuid = '%1'"
                                    " AND (deleted = 0 OR length(vector) > 0)")
                         .arg(uuid))
                 .toInt(),
             0);
    QCOMPARE(central(QStringLiteral("SELECT count(*) FROM attendance_records WHERE session_id = '%1' AND deleted = 0")
                         .arg(sessionId))
                 .toInt(),
             1);
    const QStringList onA = dump(a);
    QCOMPARE(dump(b), onA);
    QCOMPARE(m_central->dump(), onA);
}

QTEST_GUILESS_MAIN(TestErasureSync)
#include "tst_erasuresync.moc"
