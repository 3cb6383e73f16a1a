#include "TestDatabase.h"
#include "TestPaths.h"
#include "reports/RosterEnrolmentJob.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoStore.h"
#include "storage/StudentRepository.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QProcess>

#include <algorithm>
#include <cmath>

using namespace rollcall;
using namespace rollcall::test;

// Roster import with a photos folder, with the real models and real photos from the
// classroom set (copied into a temporary folder, renamed by student ID):
// `rollcall-cli student import --photos` and RosterEnrolmentJob itself.
//
// The folder: DEV-A-000 with three photos (ID.jpg, ID_2.jpg, ID-3.jpg), DEV-A-001 with
// a subfolder of two, DEV-A-002 with a photo without a face, DEV-A-003 with a photo of
// two people, DEV-A-004 with none, and X-999.jpg and notes.txt matching nobody.
class TestRosterEnrolmentJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cliImportEnrolsFromPhotos();
    void cliImportAgainAddsNothing();
    void cliNobodyEnrolledExits3();
    void cliMissingModelsImportsNothing();
    void cliWithoutConsentEnrolsNoPhotos();
    void jobRunsOffThreadAndCancels();

private:
    static bool copy(const QString &from, const QString &to);
    // A roster of ids, all with the given consent column value.
    QString writeRoster(const QString &name, const QStringList &ids, const QString &consent = QStringLiteral("yes"));
    QJsonObject studentJson(const QJsonObject &photos, const QString &studentId);

    QTemporaryDir m_tmp;
    QString m_photos;
    QString m_roster;
    QString m_data;
};

bool TestRosterEnrolmentJob::copy(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(from, to);
}

QString TestRosterEnrolmentJob::writeRoster(const QString &name, const QStringList &ids, const QString &consent)
{
    const QString path = m_tmp.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("ID,Name,Consent\n");
    for (const QString &id : ids)
        f.write(id.toUtf8() + ",Student " + id.toUtf8() + ',' + consent.toUtf8() + '\n');
    return path;
}

QJsonObject TestRosterEnrolmentJob::studentJson(const QJsonObject &photos, const QString &studentId)
{
    for (const auto &s : photos.value(QLatin1String("students")).toArray()) {
        if (s.toObject().value(QLatin1String("student_id")).toString() == studentId)
            return s.toObject();
    }
    return {};
}

void TestRosterEnrolmentJob::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_photos = m_tmp.filePath(QStringLiteral("photos"));
    const QStringList a0 = TestPaths::enrolmentPhotos(QStringLiteral("DEV-A-000"));
    const QStringList a1 = TestPaths::enrolmentPhotos(QStringLiteral("DEV-A-001"));
    const QStringList a5 = TestPaths::enrolmentPhotos(QStringLiteral("DEV-A-005"));
    const QStringList a6 = TestPaths::enrolmentPhotos(QStringLiteral("DEV-A-006"));
    QVERIFY2(a0.size() == 3 && a1.size() >= 2 && !a5.isEmpty() && !a6.isEmpty(),
             "classrooms/manifest.json does not list the DEV-A enrolment photos");
    QVERIFY(copy(a0[0], m_photos + QStringLiteral("/DEV-A-000.jpg")));
    QVERIFY(copy(a0[1], m_photos + QStringLiteral("/DEV-A-000_2.jpg")));
    QVERIFY(copy(a0[2], m_photos + QStringLiteral("/DEV-A-000-3.jpg")));
    QVERIFY(copy(a1[0], m_photos + QStringLiteral("/DEV-A-001/front.jpg")));
    QVERIFY(copy(a1[1], m_photos + QStringLiteral("/DEV-A-001/side.jpg")));
    QVERIFY(copy(a5[0], m_photos + QStringLiteral("/X-999.jpg")));
    QFile notes(m_photos + QStringLiteral("/notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a photo");
    notes.close();

    // No face: a plain grey picture.
    QImage blank(320, 320, QImage::Format_RGB32);
    blank.fill(QColor(128, 128, 128));
    QVERIFY(blank.save(m_photos + QStringLiteral("/DEV-A-002.png")));
    // Two people side by side.
    const QImage left(a5[0]);
    const QImage right(a6[0]);
    QVERIFY(!left.isNull() && !right.isNull());
    QImage pair(left.width() + right.width(), std::max(left.height(), right.height()), QImage::Format_RGB32);
    pair.fill(Qt::black);
    {
        QPainter painter(&pair);
        painter.drawImage(0, 0, left);
        painter.drawImage(left.width(), 0, right);
    }
    QVERIFY(pair.save(m_photos + QStringLiteral("/DEV-A-003.jpg"), "JPEG", 95));

    m_roster = writeRoster(QStringLiteral("roster.csv"),
                           { QStringLiteral("DEV-A-000"), QStringLiteral("DEV-A-001"), QStringLiteral("DEV-A-002"),
                             QStringLiteral("DEV-A-003"), QStringLiteral("DEV-A-004") });
    QVERIFY(!m_roster.isEmpty());
    m_data = m_tmp.filePath(QStringLiteral("data"));
    const auto cls = runCli({ QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("DEV-A"),
                              QStringLiteral("--name"), QStringLiteral("Class DEV-A") },
                            m_data);
    QVERIFY2(cls.exitCode == 0, cls.err.constData());
}

void TestRosterEnrolmentJob::cliImportEnrolsFromPhotos()
{
    const auto run
        = runCli({ QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"),
                   QStringLiteral("DEV-A"), m_roster, QStringLiteral("--photos"), m_photos, QStringLiteral("--json") },
                 m_data);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(root.value(QLatin1String("add")).toInt(), 5);
    QVERIFY(root.value(QLatin1String("written")).toBool());
    const QJsonObject photos = root.value(QLatin1String("photos")).toObject();
    QCOMPARE(photos.value(QLatin1String("model")).toString(), QStringLiteral("dlib-resnet-v1"));
    QVERIFY(photos.value(QLatin1String("complete")).toBool());
    QCOMPARE(photos.value(QLatin1String("enrolled")).toInt(), 2);
    QCOMPARE(photos.value(QLatin1String("refused")).toInt(), 2);
    QCOMPARE(photos.value(QLatin1String("no_photos")).toInt(), 1);

    const QJsonObject a0 = studentJson(photos, QStringLiteral("DEV-A-000"));
    QCOMPARE(a0.value(QLatin1String("outcome")).toString(), QStringLiteral("enrolled"));
    QCOMPARE(a0.value(QLatin1String("stored")).toInt(), 3);
    QCOMPARE(a0.value(QLatin1String("photos")).toArray().size(), 3);
    const QJsonObject a1 = studentJson(photos, QStringLiteral("DEV-A-001"));
    QCOMPARE(a1.value(QLatin1String("stored")).toInt(), 2);
    QCOMPARE(a1.value(QLatin1String("photos")).toArray()[0].toObject().value(QLatin1String("file")).toString(),
             QStringLiteral("DEV-A-001/front.jpg"));

    // Refused photos come with their reasons.
    const QJsonObject a2 = studentJson(photos, QStringLiteral("DEV-A-002"));
    QCOMPARE(a2.value(QLatin1String("outcome")).toString(), QStringLiteral("refused"));
    const QJsonObject noFace = a2.value(QLatin1String("photos")).toArray()[0].toObject();
    QCOMPARE(noFace.value(QLatin1String("file")).toString(), QStringLiteral("DEV-A-002.png"));
    QVERIFY(!noFace.value(QLatin1String("accepted")).toBool());
    QCOMPARE(noFace.value(QLatin1String("reasons")).toArray()[0].toString(),
             QStringLiteral("No face was found in the photo."));
    const QJsonObject a3 = studentJson(photos, QStringLiteral("DEV-A-003"));
    QCOMPARE(a3.value(QLatin1String("outcome")).toString(), QStringLiteral("refused"));
    const QString twoFaces = a3.value(QLatin1String("photos"))
                                 .toArray()[0]
                                 .toObject()
                                 .value(QLatin1String("reasons"))
                                 .toArray()[0]
                                 .toString();
    QVERIFY2(twoFaces.startsWith(QLatin1String("The photo shows ")) && twoFaces.contains(QLatin1String(" faces")),
             qPrintable(twoFaces));
    QCOMPARE(studentJson(photos, QStringLiteral("DEV-A-004")).value(QLatin1String("outcome")).toString(),
             QStringLiteral("no_photos"));

    // Files that belong to nobody in the roster are listed.
    QStringList unmatched;
    for (const auto &u : photos.value(QLatin1String("unmatched")).toArray())
        unmatched << u.toObject().value(QLatin1String("file")).toString();
    unmatched.sort();
    QCOMPARE(unmatched, QStringList({ QStringLiteral("X-999.jpg"), QStringLiteral("notes.txt") }));

    // The database: every roster row imported, embeddings only for the enrolled.
    Database db(QDir(m_data).filePath(QStringLiteral("rollcall.sqlite")));
    QVERIFY(db.open().ok());
    PhotoStore store(QDir(m_data).filePath(QStringLiteral("photos")));
    auto cls = ClassRepository(db).findByCode(QStringLiteral("DEV-A"));
    QVERIFY(cls.ok());
    auto members = StudentRepository(db).list(cls->id);
    QVERIFY(members.ok());
    QCOMPARE(members->size(), 5);
    EnrolmentRepository enrolments(db, store);
    QHash<QString, int> counts;
    QHash<QString, std::vector<StoredEmbedding>> stored;
    for (const Student &s : *members) {
        auto e = enrolments.embeddingsOf(s.studentUuid, QStringLiteral("dlib-resnet-v1"));
        QVERIFY(e.ok());
        counts.insert(s.studentId, int(e->size()));
        stored.insert(s.studentId, *e);
        auto p = enrolments.photos(s.studentUuid);
        QVERIFY(p.ok());
        QCOMPARE(int(p->size()), int(e->size()));
        for (const EnrolmentPhoto &photo : *p)
            QVERIFY(store.contains(photo.photoHash));
    }
    QCOMPARE(counts.value(QStringLiteral("DEV-A-000")), 3);
    QCOMPARE(counts.value(QStringLiteral("DEV-A-001")), 2);
    QCOMPARE(counts.value(QStringLiteral("DEV-A-002")), 0);
    QCOMPARE(counts.value(QStringLiteral("DEV-A-003")), 0);
    QCOMPARE(counts.value(QStringLiteral("DEV-A-004")), 0);

    // The template of the student with three photos is the normalised mean of the three.
    auto templates = enrolments.templates(cls->id, QStringLiteral("dlib-resnet-v1"));
    QVERIFY(templates.ok());
    QCOMPARE(templates->size(), size_t(2));
    const StudentTemplate &t = templates->front();
    QCOMPARE(t.studentId, QStringLiteral("DEV-A-000"));
    QCOMPARE(t.sampleCount, 3);
    const auto &samples = stored.value(QStringLiteral("DEV-A-000"));
    std::vector<double> mean(t.embedding.size(), 0.0);
    for (const StoredEmbedding &e : samples) {
        QCOMPARE(e.vector.size(), t.embedding.size());
        double norm = 0.0;
        for (float v : e.vector)
            norm += double(v) * double(v);
        for (size_t i = 0; i < mean.size(); ++i)
            mean[i] += double(e.vector[i]) / std::sqrt(norm);
    }
    double norm = 0.0;
    for (double v : mean)
        norm += v * v;
    double distance = 0.0;
    for (size_t i = 0; i < mean.size(); ++i)
        distance += std::pow(mean[i] / std::sqrt(norm) - double(t.embedding[i]), 2);
    QVERIFY2(std::sqrt(distance) < 1e-4, qPrintable(QString::number(std::sqrt(distance))));
    // …and each of the photos is of the same person.
    for (const StoredEmbedding &e : samples) {
        double d = 0.0;
        for (size_t i = 0; i < mean.size(); ++i)
            d += std::pow(double(e.vector[i]) - double(t.embedding[i]), 2);
        QVERIFY2(std::sqrt(d) < 0.6, qPrintable(QString::number(std::sqrt(d))));
    }
}

void TestRosterEnrolmentJob::cliImportAgainAddsNothing()
{
    // The same roster and folder again (text output): the photos are recognised as
    // already stored, so the templates do not count them twice.
    const auto run = runCli({ QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"),
                              QStringLiteral("DEV-A"), m_roster, QStringLiteral("--photos"), m_photos },
                            m_data);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QLatin1String("Imported into DEV-A: 0 added, 0 updated, 5 unchanged")), run.out.constData());
    QVERIFY2(out.contains(QLatin1String("DEV-A-000: enrolled with 3 of 3 photo(s) (3 already enrolled before)")),
             run.out.constData());
    QVERIFY(out.contains(QLatin1String("refused DEV-A-002.png: No face was found in the photo.")));
    QVERIFY(out.contains(QLatin1String("DEV-A-004: no photo found")));
    QVERIFY(out.contains(QLatin1String("not matched: X-999.jpg (no student with this ID in the roster)")));
    QVERIFY(
        out.contains(QLatin1String("Photos: 2 enrolled, 2 refused, 1 without photos, 2 file(s) matching no student")));

    Database db(QDir(m_data).filePath(QStringLiteral("rollcall.sqlite")));
    QVERIFY(db.open().ok());
    PhotoStore store(QDir(m_data).filePath(QStringLiteral("photos")));
    auto student = StudentRepository(db).findByStudentId(QStringLiteral("DEV-A-000"));
    QVERIFY(student.ok());
    auto e = EnrolmentRepository(db, store).embeddingsOf(student->studentUuid, QStringLiteral("dlib-resnet-v1"));
    QVERIFY(e.ok());
    QCOMPARE(e->size(), size_t(3));

    // --dry-run lists the photos found without running the models.
    const auto dry = runCli({ QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"),
                              QStringLiteral("DEV-A"), m_roster, QStringLiteral("--photos"), m_photos,
                              QStringLiteral("--dry-run"), QStringLiteral("--json") },
                            m_data);
    QCOMPARE(dry.exitCode, 0);
    const QJsonObject photos = QJsonDocument::fromJson(dry.out).object().value(QLatin1String("photos")).toObject();
    QCOMPARE(photos.value(QLatin1String("found")).toInt(), 4);
    QCOMPARE(studentJson(photos, QStringLiteral("DEV-A-000")).value(QLatin1String("photos")).toArray().size(), 3);
}

void TestRosterEnrolmentJob::cliNobodyEnrolledExits3()
{
    QTemporaryDir data;
    QVERIFY(runCli({ QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("DEV-B"), QStringLiteral("--name"),
                     QStringLiteral("Class DEV-B") },
                   data.path())
                .exitCode
            == 0);
    QTemporaryDir folder;
    QImage blank(200, 200, QImage::Format_RGB32);
    blank.fill(Qt::white);
    QVERIFY(blank.save(folder.filePath(QStringLiteral("B-1.jpg"))));
    const QString roster = writeRoster(QStringLiteral("b.csv"), { QStringLiteral("B-1"), QStringLiteral("B-2") });
    const auto run = runCli({ QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"),
                              QStringLiteral("DEV-B"), roster, QStringLiteral("--photos"), folder.path() },
                            data.path());
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("No student could be enrolled"), run.err.constData());
    QVERIFY(run.out.contains("refused B-1.jpg: No face was found in the photo."));
    // The roster is imported all the same.
    const auto list = runCli({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--class"),
                               QStringLiteral("DEV-B"), QStringLiteral("--json") },
                             data.path());
    QVERIFY2(list.out.contains("B-1") && list.out.contains("B-2"), list.out.constData());

    // A folder that is not there: refused before anything is imported.
    const auto missing
        = runCli({ QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"),
                   QStringLiteral("DEV-B"), writeRoster(QStringLiteral("c.csv"), { QStringLiteral("C-1") }),
                   QStringLiteral("--photos"), folder.filePath(QStringLiteral("nope")) },
                 data.path());
    QCOMPARE(missing.exitCode, 3);
    const auto after
        = runCli({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--json") }, data.path());
    QVERIFY(!after.out.contains("C-1"));
}

void TestRosterEnrolmentJob::cliMissingModelsImportsNothing()
{
    QTemporaryDir data;
    QTemporaryDir noModels;
    QVERIFY(runCli({ QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("DEV-C"), QStringLiteral("--name"),
                     QStringLiteral("Class DEV-C") },
                   data.path())
                .exitCode
            == 0);
    QProcess cli;
    cli.start(TestPaths::cliPath(),
              { QStringLiteral("--data-dir"), data.path(), QStringLiteral("--models-dir"), noModels.path(),
                QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"), QStringLiteral("DEV-C"),
                writeRoster(QStringLiteral("d.csv"), { QStringLiteral("D-1") }), QStringLiteral("--photos"),
                m_photos });
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 4);
    const auto list
        = runCli({ QStringLiteral("student"), QStringLiteral("list"), QStringLiteral("--json") }, data.path());
    QVERIFY(!list.out.contains("D-1"));
}

void TestRosterEnrolmentJob::cliWithoutConsentEnrolsNoPhotos()
{
    // Photos for both, but consent "no" for one and no consent given for the other:
    // both imported, neither enrolled, each reported as skipped with the reason.
    QTemporaryDir data;
    QVERIFY(runCli({ QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("DEV-E"), QStringLiteral("--name"),
                     QStringLiteral("Class DEV-E") },
                   data.path())
                .exitCode
            == 0);
    const QString path = m_tmp.filePath(QStringLiteral("e.csv"));
    QFile roster(path);
    QVERIFY(roster.open(QIODevice::WriteOnly));
    roster.write("ID,Name,Photo Consent\nDEV-A-000,John,no\nDEV-A-001,Jane,\n");
    roster.close();
    const auto run
        = runCli({ QStringLiteral("student"), QStringLiteral("import"), QStringLiteral("--class"),
                   QStringLiteral("DEV-E"), path, QStringLiteral("--photos"), m_photos, QStringLiteral("--json") },
                 data.path());
    QCOMPARE(run.exitCode, 3); // nobody could be enrolled
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(root.value(QLatin1String("add")).toInt(), 2);
    const QJsonObject photos = root.value(QLatin1String("photos")).toObject();
    QCOMPARE(photos.value(QLatin1String("no_consent")).toInt(), 2);
    QCOMPARE(photos.value(QLatin1String("enrolled")).toInt(), 0);
    for (const QString &id : { QStringLiteral("DEV-A-000"), QStringLiteral("DEV-A-001") }) {
        const QJsonObject s = studentJson(photos, id);
        QCOMPARE(s.value(QLatin1String("outcome")).toString(), QStringLiteral("no_consent"));
        QCOMPARE(s.value(QLatin1String("stored")).toInt(), 0);
    }
    Database db(QDir(data.path()).filePath(QStringLiteral("rollcall.sqlite")));
    QVERIFY(db.open().ok());
    PhotoStore store(QDir(data.path()).filePath(QStringLiteral("photos")));
    QVERIFY(EnrolmentRepository(db, store).embeddings(QStringLiteral("dlib-resnet-v1"))->empty());
    QVERIFY(store.hashes().isEmpty());
    QVERIFY(!StudentRepository(db).findByStudentId(QStringLiteral("DEV-A-000"))->consent);
}

void TestRosterEnrolmentJob::jobRunsOffThreadAndCancels()
{
    TestDatabase t;
    QVERIFY2(t.ok(), t.errorText());
    ClassInfo info;
    info.code = QStringLiteral("DEV-A");
    auto cls = ClassRepository(t.db()).create(info);
    QVERIFY(cls.ok());
    const QStringList ids { QStringLiteral("DEV-A-000"), QStringLiteral("DEV-A-001"), QStringLiteral("DEV-A-004") };
    for (const QString &id : ids) {
        Student s;
        s.studentId = id;
        s.name = id;
        s.consent = true;
        QVERIFY(StudentRepository(t.db()).add(s, cls->id).ok());
    }
    const RosterEnrolmentJob::Options options { .modelsDir = TestPaths::modelsDir(),
                                                .photoStoreDir = t.photos().dir() };

    // Cancelled while the first student is being enrolled: that student is done, the rest not.
    {
        RosterEnrolmentJob job(t.db(), cls->id, ids, m_photos, options);
        connect(
            &job, &RosterEnrolmentJob::progress, &job,
            [&job](int, const QString &stage) {
                if (stage.startsWith(QLatin1String("Enrolling")))
                    job.cancel();
            },
            Qt::DirectConnection);
        QSignalSpy failed(&job, &RosterEnrolmentJob::failed);
        job.start();
        QVERIFY(failed.wait(120000) || !failed.isEmpty());
        QCOMPARE(failed.first().at(0).value<Error>().code(), Error::Code::Cancelled);
        QCOMPARE(job.report().students.size(), 1);
        QCOMPARE(job.report().students.first().outcome, RosterEnrolmentReport::Outcome::Enrolled);
        QVERIFY(!job.report().complete);
    }

    RosterEnrolmentJob job(t.db(), cls->id, ids, m_photos, options);
    QSignalSpy progress(&job, &RosterEnrolmentJob::progress);
    QSignalSpy finished(&job, &RosterEnrolmentJob::finished);
    job.start();
    QVERIFY(finished.wait(120000) || !finished.isEmpty());
    const RosterEnrolmentReport report = job.report();
    QVERIFY(report.complete);
    QCOMPARE(report.students.size(), 3);
    QCOMPARE(report.students[0].alreadyStored, 3); // from the cancelled run
    QCOMPARE(report.students[0].stored, 0);
    QCOMPARE(report.students[1].stored, 2);
    QCOMPARE(report.students[2].outcome, RosterEnrolmentReport::Outcome::NoPhotos);
    QVERIFY(progress.size() >= 3);
    QCOMPARE(progress.last().at(0).toInt(), 100);
    // Students of other rosters in the folder are not this job's: listed as unmatched.
    QStringList unmatched;
    for (const auto &u : report.unmatched)
        unmatched << u.file;
    QVERIFY(unmatched.contains(QStringLiteral("DEV-A-002.png")));
}

QTEST_GUILESS_MAIN(TestRosterEnrolmentJob)
#include "tst_rosterenrolmentjob.moc"
