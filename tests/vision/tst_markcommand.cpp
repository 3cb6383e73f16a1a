#include "TestPaths.h"
#include "vision/ComputeDevice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    void markJsonContract();
    void markIsSavedAsSession();
    void markErrors();

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
                                   QStringLiteral("Student ") + studentId, QStringLiteral("--json") }
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
    const auto run
        = runCli({ QStringLiteral("student"), QStringLiteral("add"), QStringLiteral("--class"), QStringLiteral("DEV-A"),
                   QStringLiteral("--id"), QStringLiteral("X-1"), QStringLiteral("--name"), QStringLiteral("Nobody"),
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
    QCOMPARE(runCli({ QStringLiteral("student"), QStringLiteral("add"), QStringLiteral("--class"),
                      QStringLiteral("NOPE"), QStringLiteral("--id"), QStringLiteral("X-2"), QStringLiteral("--name"),
                      QStringLiteral("N"), enrolPhotos(QStringLiteral("DEV-A-002")).first() },
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
                              QStringLiteral("--name"), QStringLiteral("Duplicate"), QStringLiteral("--json"),
                              enrolPhotos(QStringLiteral("DEV-A-001")).first() },
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

QTEST_GUILESS_MAIN(TestMarkCommand)
#include "tst_markcommand.moc"
