#include "TestPaths.h"
#include "common/Settings.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"
#include "vision/ComputeDevice.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::runCli;
using rollcall::test::TestPaths;

// class add, student add and mark through the real rollcall-cli, against a
// fresh data folder: three DEV-A students enrolled (two of them in easy.jpg,
// one absent), then easy.jpg marked.
class TestMarkCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void classAddRefusesDuplicates();
    void studentAddRefusesUnusablePhotos();
    void studentAddWarnsOfDuplicateFaces();
    void studentAddNeedsConsent();
    void markJsonContract();
    void markIsSavedAsSession();
    void uncertainMatchesWaitForReview();
    void markErrors();
    void oneRunOverrides();
    void studentWithoutConsentIsNotRecognised();

private:
    QStringList enrolPhotos(const QString &studentId) const;
    QTemporaryDir m_data;
};

QStringList TestMarkCommand::enrolPhotos(const QString &studentId) const
{
    return TestPaths::enrolmentPhotos(studentId);
}

void TestMarkCommand::initTestCase()
{
    const auto cls = runCli({ QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("DEV-A"),
                              QStringLiteral("--name"), QStringLiteral("Development A"), QStringLiteral("--json") },
                            m_data.path());
    QCOMPARE(cls.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(cls.out)
                 .object()
                 .value(QLatin1String("class"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("DEV-A"));
    // DEV-A-012 and DEV-A-013 are in easy.jpg; DEV-A-001 is absent.
    for (const char *id : { "DEV-A-012", "DEV-A-013", "DEV-A-001" }) {
        const QString studentId = QLatin1String(id);
        const auto run
            = runCli(QStringList { QStringLiteral("student"), QStringLiteral("add"), QStringLiteral("--class"),
                                   QStringLiteral("DEV-A"), QStringLiteral("--id"), studentId, QStringLiteral("--name"),
                                   QStringLiteral("Student ") + studentId, QStringLiteral("--consent"),
                                   QStringLiteral("--json") }
                         + enrolPhotos(studentId),
                     m_data.path());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value(QLatin1String("student")).toObject().value(QLatin1String("student_id")).toString(), studentId);
        QCOMPARE(o.value(QLatin1String("photos")).toArray().size(), 3);
        QCOMPARE(o.value(QLatin1String("model")).toString(), QStringLiteral("dlib-resnet-v1"));
    }
}

void TestMarkCommand::classAddRefusesDuplicates()
{
    const auto again = runCli({ QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("DEV-A"),
                                QStringLiteral("--name"), QStringLiteral("Again") },
                              m_data.path());
    QCOMPARE(again.exitCode, 3);
    QCOMPARE(runCli({ QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("X") }, m_data.path()).exitCode,
             2);
}

void TestMarkCommand::studentAddRefusesUnusablePhotos()
{
    QFile text(m_data.filePath(QStringLiteral("notes.jpg")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("text");
    text.close();
    const auto run = runCli({ QStringLiteral("student"), QStringLiteral("add"), QStringLiteral("--class"),
                              QStringLiteral("DEV-A"), QStringLiteral("--id"), QStringLiteral("X-1"),
                              QStringLiteral("--name"), QStringLiteral("Nobody"), QStringLiteral("--consent"),
                              text.fileName(), TestPaths::data(QStringLiteral("group/dlib-examples/bald_guys.jpg")) },
                            m_data.path());
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains("notes.jpg: "));
    QVERIFY2(run.err.contains("bald_guys.jpg: The photo shows"), run.err.constData());
    // Not enrolled.
    const auto list
        = runCli({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--json") }, m_data.path());
    QVERIFY(!list.out.contains("X-1"));
    // Unknown class, missing options.
    QCOMPARE(
        runCli({ QStringLiteral("student"), QStringLiteral("add"), QStringLiteral("--class"), QStringLiteral("NOPE"),
                 QStringLiteral("--id"), QStringLiteral("X-2"), QStringLiteral("--name"), QStringLiteral("N"),
                 QStringLiteral("--consent"), enrolPhotos(QStringLiteral("DEV-A-002")).first() },
               m_data.path())
            .exitCode,
        3);
    QCOMPARE(runCli({ QStringLiteral("student"), QStringLiteral("add"), QStringLiteral("--class"),
                      QStringLiteral("DEV-A"), QStringLiteral("--id"), QStringLiteral("X-2") },
                    m_data.path())
                 .exitCode,
             2);
}

void TestMarkCommand::studentAddWarnsOfDuplicateFaces()
{
    // The same person registered again under another ID: enrolled, with a warning.
    const auto run = runCli({ QStringLiteral("student"), QStringLiteral("add"), QStringLiteral("--class"),
                              QStringLiteral("DEV-A"), QStringLiteral("--id"), QStringLiteral("DUP-1"),
                              QStringLiteral("--name"), QStringLiteral("Duplicate"), QStringLiteral("--consent"),
                              QStringLiteral("--json"), enrolPhotos(QStringLiteral("DEV-A-001")).first() },
                            m_data.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.contains("DEV-A-001"));
    const QJsonArray duplicates
        = QJsonDocument::fromJson(run.out).object().value(QLatin1String("possible_duplicates")).toArray();
    QCOMPARE(duplicates.size(), 1);
    QCOMPARE(duplicates[0].toObject().value(QLatin1String("student_id")).toString(), QStringLiteral("DEV-A-001"));
    QCOMPARE(runCli({ QStringLiteral("student"), QStringLiteral("delete"), QStringLiteral("DUP-1") }, m_data.path())
                 .exitCode,
             0);
}

void TestMarkCommand::studentAddNeedsConsent()
{
    const auto run
        = runCli({ QStringLiteral("student"), QStringLiteral("add"), QStringLiteral("--class"), QStringLiteral("DEV-A"),
                   QStringLiteral("--id"), QStringLiteral("NC-1"), QStringLiteral("--name"),
                   QStringLiteral("No Consent"), enrolPhotos(QStringLiteral("DEV-A-002")).first() },
                 m_data.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--consent"), run.err.constData());
    const auto list
        = runCli({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--json") }, m_data.path());
    QVERIFY(!list.out.contains("NC-1"));
}

void TestMarkCommand::markJsonContract()
{
    const auto run = runCli({ QStringLiteral("mark"), QStringLiteral("--class"), QStringLiteral("DEV-A"),
                              QStringLiteral("--date"), QStringLiteral("2024-09-02"), QStringLiteral("--json"),
                              TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) },
                            m_data.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    const QJsonObject session = root.value(QLatin1String("session")).toObject();
    QVERIFY(!session.value(QLatin1String("id")).toString().isEmpty());
    QCOMPARE(session.value(QLatin1String("class")).toString(), QStringLiteral("DEV-A"));
    QCOMPARE(session.value(QLatin1String("date")).toString(), QStringLiteral("2024-09-02"));

    QStringList present;
    for (const auto &v : root.value(QLatin1String("present")).toArray()) {
        const QJsonObject p = v.toObject();
        present << p.value(QLatin1String("student_id")).toString();
        QVERIFY(p.value(QLatin1String("name")).toString().startsWith(QLatin1String("Student ")));
        QVERIFY(p.value(QLatin1String("distance")).toDouble() > 0.0);
        QVERIFY(QStringList({ QStringLiteral("confident"), QStringLiteral("uncertain") })
                    .contains(p.value(QLatin1String("band")).toString()));
        QCOMPARE(p.value(QLatin1String("box")).toArray().size(), 4);
    }
    present.sort();
    QCOMPARE(present, QStringList({ QStringLiteral("DEV-A-012"), QStringLiteral("DEV-A-013") }));
    const QJsonArray absent = root.value(QLatin1String("absent")).toArray();
    QCOMPARE(absent.size(), 1);
    QCOMPARE(absent[0].toObject().value(QLatin1String("student_id")).toString(), QStringLiteral("DEV-A-001"));
    // Everyone else in the photo is an unknown face with their nearest student.
    const QJsonArray unknown = root.value(QLatin1String("unknown_faces")).toArray();
    QVERIFY(unknown.size() >= 26);
    for (const auto &v : unknown) {
        QCOMPARE(v.toObject().value(QLatin1String("box")).toArray().size(), 4);
        QVERIFY(v.toObject().contains(QLatin1String("nearest_student_id")));
        QVERIFY(v.toObject().value(QLatin1String("nearest_distance")).toDouble() > 0.0);
    }
    const QJsonObject backend = root.value(QLatin1String("backend")).toObject();
    QCOMPARE(backend.value(QLatin1String("embedder")).toString(), QStringLiteral("dlib-resnet-v1"));
    QCOMPARE(backend.value(QLatin1String("device")).toString(), ComputeDevice::current().name());
    QVERIFY(!backend.value(QLatin1String("detector")).toString().isEmpty());
    const QJsonObject timings = root.value(QLatin1String("timings_ms")).toObject();
    for (const char *key : { "decode", "detect", "align", "embed", "match", "total" })
        QVERIFY2(timings.contains(QLatin1String(key)), key);
    // The test photo carries no EXIF: first use, but nothing says when it was taken.
    const QJsonArray warnings = root.value(QLatin1String("warnings")).toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings[0].toObject().value(u"photo").toInt(), 0);
    QCOMPARE(warnings[0].toObject().value(u"code").toString(), QStringLiteral("photo_no_capture_time"));
    QVERIFY(!warnings[0].toObject().value(u"message").toString().isEmpty());
}

void TestMarkCommand::markIsSavedAsSession()
{
    const auto list
        = runCli({ QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("--json") }, m_data.path());
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("2024-09-02"), list.out.constData());
    const QJsonArray sessions = QJsonDocument::fromJson(list.out).object().value(QLatin1String("sessions")).toArray();
    QVERIFY(!sessions.isEmpty());
    const QString id = sessions[0].toObject().value(QLatin1String("id")).toString();
    const auto show
        = runCli({ QStringLiteral("session"), QStringLiteral("show"), id, QStringLiteral("--json") }, m_data.path());
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains("\"present\""));
    QVERIFY(show.out.contains("DEV-A-001"));
}

// With every match in the uncertain band (settings.ini: band just below the threshold),
// mark saves nobody as present: the matches are "review", audited; --accept-uncertain
// saves them as present with an audit entry saying so.
void TestMarkCommand::uncertainMatchesWaitForReview()
{
    const QString settingsFile = QDir(m_data.path()).filePath(QStringLiteral("settings.ini"));
    {
        Settings settings(settingsFile);
        QVERIFY(settings.setThresholds(QStringLiteral("dlib-resnet-v1"), { 0.092, 0.0915 }));
        QVERIFY(settings.sync());
    }
    auto restore
        = qScopeGuard([&settingsFile] { Settings(settingsFile).setThresholds(QStringLiteral("dlib-resnet-v1"), {}); });
    const QString photo = TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg"));
    auto mark = [&](const QString &date, bool accept) {
        QStringList args {
            QStringLiteral("mark"),  QStringLiteral("--class"), QStringLiteral("DEV-A"), QStringLiteral("--date"), date,
            QStringLiteral("--json")
        };
        if (accept)
            args << QStringLiteral("--accept-uncertain");
        return runCli(args << photo, m_data.path());
    };
    auto ids = [](const QJsonObject &root, const char *key) {
        QStringList out;
        for (const QJsonValue &v : root.value(QLatin1String(key)).toArray())
            out << v.toObject().value(u"student_id").toString();
        out.sort();
        return out;
    };
    const QStringList both { QStringLiteral("DEV-A-012"), QStringLiteral("DEV-A-013") };

    const auto run = mark(QStringLiteral("2024-09-03"), false);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(ids(root, "present"), QStringList());
    QCOMPARE(ids(root, "review"), both);
    for (const QJsonValue &v : root.value(u"review").toArray()) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(u"band").toString(), QStringLiteral("uncertain"));
        QVERIFY(o.value(u"distance").toDouble() > 0.0);
        QCOMPARE(o.value(u"box").toArray().size(), 4);
        QVERIFY(o.value(u"name").toString().startsWith(QLatin1String("Student ")));
    }
    const QString sessionId = root.value(u"session").toObject().value(u"id").toString();
    // The photo was marked for 2024-09-02 already: flagged, recorded, not blocking.
    QStringList warningCodes;
    for (const QJsonValue &v : root.value(u"warnings").toArray())
        warningCodes << v.toObject().value(u"code").toString();
    QCOMPARE(warningCodes, QStringList({ QStringLiteral("photo_reused"), QStringLiteral("photo_no_capture_time") }));
    QVERIFY2(root.value(u"warnings")
                 .toArray()[0]
                 .toObject()
                 .value(u"message")
                 .toString()
                 .contains(QLatin1String("DEV-A on 2024-09-02")),
             run.out.constData());
    QVERIFY2(run.err.contains("warning: Photo 1 was already used"), run.err.constData());

    // Stored as review, shown as review, counted per session.
    const auto show = runCli({ QStringLiteral("session"), QStringLiteral("show"), sessionId, QStringLiteral("--json") },
                             m_data.path());
    QCOMPARE(show.exitCode, 0);
    QCOMPARE(
        QJsonDocument::fromJson(show.out).object().value(u"session").toObject().value(u"warnings").toArray().size(), 2);
    const auto showText = runCli({ QStringLiteral("session"), QStringLiteral("show"), sessionId }, m_data.path());
    QVERIFY2(showText.out.contains("warning: Photo 1 was already used for DEV-A on 2024-09-02"),
             showText.out.constData());
    QStringList review;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(show.out).object().value(u"session").toObject().value(u"records").toArray()) {
        const QJsonObject r = v.toObject();
        QVERIFY2(r.value(u"status").toString() != QLatin1String("present"), show.out.constData());
        if (r.value(u"status").toString() == QLatin1String("review"))
            review << r.value(u"student_id").toString();
    }
    review.sort();
    QCOMPARE(review, both);
    const auto list
        = runCli({ QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("--json") }, m_data.path());
    bool counted = false;
    for (const QJsonValue &v : QJsonDocument::fromJson(list.out).object().value(u"sessions").toArray()) {
        if (v.toObject().value(u"id").toString() == sessionId) {
            QCOMPARE(v.toObject().value(u"review").toInt(), 2);
            counted = true;
        }
    }
    QVERIFY(counted);

    // Audited: the session's creation by the CLI and each record left for review.
    {
        Database db(QDir(m_data.path()).filePath(QStringLiteral("rollcall.sqlite")));
        QVERIFY(db.open().ok());
        const Result<QList<AuditEntry>> sessionEntries = AuditRepository(db).forEntity(sessionId);
        QVERIFY(sessionEntries.ok());
        // The creation, the photo's fingerprint and its two warnings.
        QList<AuditEntry> created;
        QStringList fields;
        for (const AuditEntry &e : *sessionEntries) {
            fields << e.field;
            QCOMPARE(e.source, QStringLiteral("cli"));
            if (e.field == QLatin1String("created"))
                created << e;
        }
        fields.sort();
        QCOMPARE(fields,
                 QStringList({ QStringLiteral("created"), QStringLiteral("photo_fingerprint"),
                               QStringLiteral("photo_warning"), QStringLiteral("photo_warning") }));
        QCOMPARE(created.size(), 1);
        QVERIFY2(created.first().newValue.contains(QLatin1String("review 2")), qPrintable(created.first().newValue));
        const Result<AttendanceSession> session = SessionRepository(db).load(sessionId);
        QVERIFY(session.ok());
        int audited = 0;
        for (const AttendanceRecord &r : session->records) {
            if (r.status != AttendanceStatus::Review)
                continue;
            const Result<QList<AuditEntry>> entries = AuditRepository(db).forEntity(r.id);
            QVERIFY(entries.ok());
            QCOMPARE(entries->size(), 1);
            QCOMPARE(entries->first().newValue, QStringLiteral("review"));
            ++audited;
        }
        QCOMPARE(audited, 2);
    }

    // --accept-uncertain: present, and each acceptance audited as the CLI's.
    const auto accepted = mark(QStringLiteral("2024-09-04"), true);
    QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
    const QJsonObject acceptedRoot = QJsonDocument::fromJson(accepted.out).object();
    QCOMPARE(ids(acceptedRoot, "present"), both);
    QCOMPARE(ids(acceptedRoot, "review"), QStringList());
    Database db(QDir(m_data.path()).filePath(QStringLiteral("rollcall.sqlite")));
    QVERIFY(db.open().ok());
    const Result<AttendanceSession> session
        = SessionRepository(db).load(acceptedRoot.value(u"session").toObject().value(u"id").toString());
    QVERIFY(session.ok());
    QCOMPARE(session->presentCount, 2);
    QCOMPARE(session->reviewCount, 0);
    int accepts = 0;
    for (const AttendanceRecord &r : session->records) {
        if (r.status != AttendanceStatus::Present)
            continue;
        const Result<QList<AuditEntry>> entries = AuditRepository(db).forEntity(r.id);
        QVERIFY(entries.ok());
        for (const AuditEntry &e : *entries) {
            if (e.field == QLatin1String("match") && e.source == QLatin1String("cli")
                && e.reason.contains(QLatin1String("--accept-uncertain")))
                ++accepts;
        }
    }
    QCOMPARE(accepts, 2);
}

void TestMarkCommand::markErrors()
{
    const QString photo = TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg"));
    QCOMPARE(runCli({ QStringLiteral("mark"), photo }, m_data.path()).exitCode, 2);
    QCOMPARE(
        runCli({ QStringLiteral("mark"), QStringLiteral("--class"), QStringLiteral("DEV-A") }, m_data.path()).exitCode,
        2);
    QCOMPARE(runCli({ QStringLiteral("mark"), QStringLiteral("--class"), QStringLiteral("DEV-A"),
                      QStringLiteral("--date"), QStringLiteral("2024-13-45"), photo },
                    m_data.path())
                 .exitCode,
             2);
    QCOMPARE(runCli({ QStringLiteral("mark"), QStringLiteral("--class"), QStringLiteral("NOPE"), photo }, m_data.path())
                 .exitCode,
             3);
    const auto bad = runCli({ QStringLiteral("mark"), QStringLiteral("--class"), QStringLiteral("DEV-A"),
                              TestPaths::data(QStringLiteral("classrooms/manifest.json")) },
                            m_data.path());
    QCOMPARE(bad.exitCode, 3);
    QVERIFY(bad.err.contains("manifest.json"));
}

// --threshold and --min-face change this run only: a threshold below every distance leaves
// nobody present, a minimum above every face leaves every face too small; settings.ini
// is untouched and the next plain run is as before. Bad values are usage errors.
void TestMarkCommand::oneRunOverrides()
{
    const QString photo = TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg"));
    const QString settingsFile = QDir(m_data.path()).filePath(QStringLiteral("settings.ini"));
    const QByteArray settingsBefore = QFile::exists(settingsFile) ? test::fileSha256(settingsFile) : QByteArray();
    const auto mark = [&](const QStringList &extra, const QString &date) {
        return runCli(QStringList { QStringLiteral("mark"), QStringLiteral("--class"), QStringLiteral("DEV-A"),
                                    QStringLiteral("--date"), date, QStringLiteral("--json") }
                          + extra + QStringList { photo },
                      m_data.path());
    };
    const auto count = [](const QByteArray &out, const char *key) {
        return QJsonDocument::fromJson(out).object().value(QLatin1String(key)).toArray().size();
    };

    const auto strict = mark({ QStringLiteral("--threshold"), QStringLiteral("0.01") }, QStringLiteral("2024-10-01"));
    QVERIFY2(strict.exitCode == 0, strict.err.constData());
    QCOMPARE(count(strict.out, "present"), 0);
    QCOMPARE(count(strict.out, "review"), 0);
    QVERIFY(count(strict.out, "unknown_faces") >= 28);

    const auto tiny = mark({ QStringLiteral("--min-face"), QStringLiteral("400") }, QStringLiteral("2024-10-02"));
    QVERIFY2(tiny.exitCode == 0, tiny.err.constData());
    QCOMPARE(count(tiny.out, "present"), 0);
    QCOMPARE(count(tiny.out, "unknown_faces"), 0);
    QVERIFY(count(tiny.out, "too_small_faces") >= 28);

    const auto plain = mark({}, QStringLiteral("2024-10-03"));
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QCOMPARE(count(plain.out, "present"), 2);
    QCOMPARE(QFile::exists(settingsFile) ? test::fileSha256(settingsFile) : QByteArray(), settingsBefore);

    for (const QStringList &bad : { QStringList { QStringLiteral("--threshold"), QStringLiteral("0") },
                                    QStringList { QStringLiteral("--threshold"), QStringLiteral("near") },
                                    QStringList { QStringLiteral("--min-face"), QStringLiteral("2") },
                                    QStringList { QStringLiteral("--min-face"), QStringLiteral("big") } })
        QCOMPARE(mark(bad, QStringLiteral("2024-10-04")).exitCode, 2);
}

// Consent withdrawn (student edit --consent no): the biometrics go and the student,
// though in the photo, is never matched again; they stay on the register as absent.
void TestMarkCommand::studentWithoutConsentIsNotRecognised()
{
    const auto edit = runCli({ QStringLiteral("student"), QStringLiteral("edit"), QStringLiteral("DEV-A-012"),
                               QStringLiteral("--consent"), QStringLiteral("no") },
                             m_data.path());
    QVERIFY2(edit.exitCode == 0, edit.err.constData());
    const auto run = runCli({ QStringLiteral("mark"), QStringLiteral("--class"), QStringLiteral("DEV-A"),
                              QStringLiteral("--date"), QStringLiteral("2024-09-09"), QStringLiteral("--json"),
                              TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) },
                            m_data.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    auto ids = [&root](const char *key) {
        QStringList out;
        for (const QJsonValue &v : root.value(QLatin1String(key)).toArray())
            out << (v.isString() ? v.toString() : v.toObject().value(u"student_id").toString());
        out.sort();
        return out;
    };
    QVERIFY(ids("present").contains(QStringLiteral("DEV-A-013")));
    QVERIFY(!ids("present").contains(QStringLiteral("DEV-A-012")));
    QVERIFY(!ids("review").contains(QStringLiteral("DEV-A-012")));
    QVERIFY(ids("absent").contains(QStringLiteral("DEV-A-012")));
    QCOMPARE(ids("without_consent"), QStringList { QStringLiteral("DEV-A-012") });
}

QTEST_GUILESS_MAIN(TestMarkCommand)
#include "tst_markcommand.moc"
