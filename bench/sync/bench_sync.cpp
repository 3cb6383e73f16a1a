// rollcall-bench-sync: a department of N lab PCs syncing through one PostgreSQL.
//
// Each PC registers its share of the department's students (one enrolment crop and
// one embedding each) into its classes and records S sessions; then every PC syncs
// until all hold the same rows (first full sync), then one PC records one new session
// and syncs, and another PC pulls it (incremental sync). Prints times and rows moved.
// Starts a throw-away PostgreSQL 15 itself unless --postgres names one (an
// administrator's connection, password from PGPASSWORD). Either way it runs
// `server init` and adds one PC role per lab PC, so every push goes through the
// server-side checks (rollcall_push); it also times those checks alone.

#include "PostgresServer.h"

#include "common/Logging.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/EnrolmentRepository.h"
#include "storage/PhotoStore.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"
#include "sync/CanonicalDump.h"
#include "sync/CentralAdmin.h"
#include "sync/CentralConnection.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace rollcall;

namespace {

struct Pc
{
    QString dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<PhotoStore> photos;
    QStringList classIds;
};

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

QByteArray fakeCrop(int student, int bytes)
{
    QByteArray data("\xff\xd8\xff\xe0");
    data.reserve(bytes);
    QRandomGenerator rng(quint32(student) * 2654435761u);
    while (data.size() < bytes)
        data.append(char(rng.bounded(256)));
    return data;
}

std::vector<float> embedding(int student, int dim)
{
    std::vector<float> v(static_cast<size_t>(dim));
    for (int i = 0; i < dim; ++i)
        v[size_t(i)] = float(std::sin(student * 0.37 + i * 0.11));
    return v;
}

Status populate(Pc &pc, int pcIndex, int studentsPerPc, int classSize, int sessions, int embeddingDim, int cropBytes)
{
    ClassRepository classes(*pc.db);
    StudentRepository students(*pc.db);
    EnrolmentRepository enrolment(*pc.db, *pc.photos);
    SessionRepository sessionRepo(*pc.db);
    const int classCount = std::max(1, studentsPerPc / classSize);
    QList<QStringList> members;
    Status st = pc.db->transaction([&]() -> Status {
        for (int c = 0; c < classCount; ++c) {
            ClassInfo info;
            info.code = QStringLiteral("PC%1-C%2").arg(pcIndex).arg(c);
            info.name = QStringLiteral("Class %1 of lab %2").arg(c).arg(pcIndex);
            info.term = QStringLiteral("2025-1");
            info.department = QStringLiteral("Computing");
            auto cls = classes.create(info);
            if (!cls)
                return cls.error();
            pc.classIds << cls->id;
            members << QStringList();
        }
        for (int s = 0; s < studentsPerPc; ++s) {
            const int global = pcIndex * studentsPerPc + s;
            Student student;
            student.studentId = QStringLiteral("S%1").arg(global, 5, 10, QLatin1Char('0'));
            student.name = QStringLiteral("Student %1").arg(global);
            const int c = s % classCount;
            auto added = students.add(student, pc.classIds.at(c));
            if (!added)
                return added.error();
            members[c] << added->studentUuid;
            EnrolmentPhoto photo;
            photo.source = QStringLiteral("camera");
            photo.width = photo.height = 160;
            auto p = enrolment.addPhoto(added->studentUuid, fakeCrop(global, cropBytes), photo,
                                        QStringLiteral("facenet512"), embedding(global, embeddingDim));
            if (!p)
                return p.error();
        }
        return {};
    });
    if (!st.ok())
        return st;
    return pc.db->transaction([&]() -> Status {
        for (int i = 0; i < sessions; ++i) {
            const int c = i % classCount;
            AttendanceSession session;
            session.classId = pc.classIds.at(c);
            session.date = QDate(2025, 1, 6).addDays(i / classCount);
            session.period = QStringLiteral("P%1").arg(1 + i % 6);
            session.takenBy = QStringLiteral("lab%1").arg(pcIndex);
            int n = 0;
            for (const QString &uuid : std::as_const(members.at(c))) {
                AttendanceRecord r;
                r.studentUuid = uuid;
                r.status = (n++ % 7 == 0) ? AttendanceStatus::Absent : AttendanceStatus::Present;
                if (r.status == AttendanceStatus::Present)
                    r.distance = 0.3 + 0.001 * n;
                session.records << r;
            }
            auto created = sessionRepo.create(session);
            if (!created)
                return created.error();
        }
        return {};
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sync benchmark: lab PCs syncing through one PostgreSQL."));
    parser.addHelpOption();
    const QCommandLineOption pcsOpt(QStringLiteral("pcs"), QStringLiteral("Lab PCs (10)."), QStringLiteral("N"),
                                    QStringLiteral("10"));
    const QCommandLineOption studentsOpt(QStringLiteral("students"),
                                         QStringLiteral("Students in the department (2000)."), QStringLiteral("N"),
                                         QStringLiteral("2000"));
    const QCommandLineOption sessionsOpt(QStringLiteral("sessions"), QStringLiteral("Sessions per PC (200)."),
                                         QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption classSizeOpt(QStringLiteral("class-size"), QStringLiteral("Students per class (50)."),
                                          QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption dimOpt(QStringLiteral("embedding-dim"), QStringLiteral("Embedding size (512)."),
                                    QStringLiteral("N"), QStringLiteral("512"));
    const QCommandLineOption cropOpt(QStringLiteral("crop-bytes"), QStringLiteral("Enrolment crop size (8000)."),
                                     QStringLiteral("N"), QStringLiteral("8000"));
    const QCommandLineOption pgOpt(QStringLiteral("postgres"),
                                   QStringLiteral("Use this server (libpq string, password in PGPASSWORD) instead of "
                                                  "a throw-away one. Its database must be empty."),
                                   QStringLiteral("CONNINFO"));
    parser.addOptions({ pcsOpt, studentsOpt, sessionsOpt, classSizeOpt, dimOpt, cropOpt, pgOpt });
    parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("rollcall.*.info=false"));

    const int pcs = parser.value(pcsOpt).toInt();
    const int studentsTotal = parser.value(studentsOpt).toInt();
    const int sessions = parser.value(sessionsOpt).toInt();
    const int classSize = parser.value(classSizeOpt).toInt();
    const int dim = parser.value(dimOpt).toInt();
    const int cropBytes = parser.value(cropOpt).toInt();
    if (pcs < 2 || studentsTotal < pcs || sessions < 1 || classSize < 1) {
        std::fprintf(stderr, "rollcall-bench-sync: need at least 2 PCs, a student per PC and a session\n");
        return 2;
    }

    std::unique_ptr<test::PostgresServer> server;
    PgConnectionSettings settings;
    QString password;
    if (parser.isSet(pgOpt)) {
        auto parsed = PgConnectionSettings::parse(parser.value(pgOpt));
        if (!parsed) {
            std::fprintf(stderr, "rollcall-bench-sync: %s\n", qPrintable(parsed.error().message()));
            return 2;
        }
        settings = *parsed;
        password = qEnvironmentVariable("PGPASSWORD");
    } else {
        server = std::make_unique<test::PostgresServer>();
        QString error;
        if (!server->init(&error)) {
            std::fprintf(stderr, "rollcall-bench-sync: %s\n", qPrintable(error));
            return 6;
        }
        if (!server->execute(QStringLiteral("CREATE DATABASE bench"), QStringLiteral("postgres"), &error)) {
            std::fprintf(stderr, "rollcall-bench-sync: %s\n", qPrintable(error));
            return 6;
        }
        settings = PgConnectionSettings::parse(server->connectionString(QStringLiteral("bench"))).value();
        password = server->superPassword();
    }

    // The administrator's part: server init and one role per PC (fresh names each run).
    CentralConnection adminConnection;
    if (Status st = adminConnection.open(settings, password); !st.ok()) {
        std::fprintf(stderr, "rollcall-bench-sync: %s\n", qPrintable(st.error().message()));
        return 6;
    }
    CentralAdmin admin(adminConnection.database());
    QElapsedTimer initTimer;
    initTimer.start();
    if (Status st = admin.init(); !st.ok()) {
        std::fprintf(stderr, "rollcall-bench-sync: server init: %s\n", qPrintable(st.error().message()));
        return st.error().exitCode();
    }
    const qint64 initMs = initTimer.elapsed();
    const QString runTag = QString::number(QRandomGenerator::global()->bounded(100000, 999999));
    std::vector<CentralAdmin::NewPc> roles;
    for (int i = 0; i < pcs; ++i) {
        auto added = admin.addPc(QStringLiteral("bench%1_pc%2").arg(runTag).arg(i), { QStringLiteral("*") });
        if (!added) {
            std::fprintf(stderr, "rollcall-bench-sync: add-pc: %s\n", qPrintable(added.error().message()));
            return added.error().exitCode();
        }
        roles.push_back(*added);
    }

    QTemporaryDir root;
    print(QStringLiteral("rollcall-bench-sync: %1 PCs, %2 students (%3 per PC, classes of %4), %5 sessions per PC, "
                         "%6-d embeddings, %7-byte crops")
              .arg(pcs)
              .arg(studentsTotal)
              .arg(studentsTotal / pcs)
              .arg(classSize)
              .arg(sessions)
              .arg(dim)
              .arg(cropBytes));

    std::vector<Pc> lab(static_cast<size_t>(pcs));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < pcs; ++i) {
        Pc &pc = lab[size_t(i)];
        pc.dir = QDir(root.path()).filePath(QStringLiteral("pc%1").arg(i));
        QDir().mkpath(pc.dir);
        pc.db = std::make_unique<Database>(QDir(pc.dir).filePath(QStringLiteral("rollcall.sqlite")));
        pc.photos = std::make_unique<PhotoStore>(QDir(pc.dir).filePath(QStringLiteral("photos")));
        if (Status st = pc.db->open(); !st.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().message()));
            return 5;
        }
        if (Status st = populate(pc, i, studentsTotal / pcs, classSize, sessions, dim, cropBytes); !st.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().message()));
            return 5;
        }
    }
    print(QStringLiteral("generated %1 local databases in %2 s").arg(pcs).arg(timer.elapsed() / 1000.0, 0, 'f', 1));

    auto syncPc = [&](int i) -> Result<SyncReport> {
        SyncEngine::Options o;
        o.server = settings;
        o.server.user = roles[size_t(i)].role;
        o.password = roles[size_t(i)].password;
        o.photoStoreDir = lab[size_t(i)].photos->dir();
        return SyncEngine(*lab[size_t(i)].db, o).run();
    };

    // First full sync: every PC syncs in turn (pushes its own, pulls what is there),
    // then a second round so the early PCs get the later PCs' rows.
    qint64 rowsUp = 0, rowsDown = 0, bytesUp = 0, bytesDown = 0;
    QElapsedTimer all;
    all.start();
    for (int round = 1; round <= 2; ++round) {
        for (int i = 0; i < pcs; ++i) {
            QElapsedTimer t;
            t.start();
            auto r = syncPc(i);
            if (!r) {
                std::fprintf(stderr, "sync of PC %d failed: %s\n", i, qPrintable(r.error().message()));
                return r.error().exitCode();
            }
            rowsUp += r->pushed();
            rowsDown += r->pulled();
            bytesUp += r->blobBytesSent;
            bytesDown += r->blobBytesReceived;
            print(QStringLiteral("  round %1 PC %2: %3 ms, pushed %4 rows, pulled %5 rows, photos %6 up / %7 down")
                      .arg(round)
                      .arg(i)
                      .arg(t.elapsed())
                      .arg(r->pushed())
                      .arg(r->pulled())
                      .arg(r->blobsSent)
                      .arg(r->blobsReceived));
        }
    }
    print(QStringLiteral("first full sync (all %1 PCs converged, 2 rounds): %2 s; rows pushed %3, pulled %4; "
                         "photo bytes up %5 MB, down %6 MB")
              .arg(pcs)
              .arg(all.elapsed() / 1000.0, 0, 'f', 2)
              .arg(rowsUp)
              .arg(rowsDown)
              .arg(bytesUp / 1e6, 0, 'f', 1)
              .arg(bytesDown / 1e6, 0, 'f', 1));

    // Incremental: nothing changed anywhere.
    {
        QElapsedTimer t;
        t.start();
        auto r = syncPc(0);
        if (!r)
            return r.error().exitCode();
        print(QStringLiteral("incremental sync with no changes (PC 0): %1 ms, pushed %2, pulled %3")
                  .arg(t.elapsed())
                  .arg(r->pushed())
                  .arg(r->pulled()));
    }
    // Incremental: PC 1 records one new session; it pushes, PC 2 pulls.
    {
        Pc &pc = lab[1];
        auto members = StudentRepository(*pc.db).list(pc.classIds.first());
        AttendanceSession session;
        session.classId = pc.classIds.first();
        session.date = QDate(2025, 12, 1);
        session.period = QStringLiteral("P1");
        for (const Student &s : *members) {
            AttendanceRecord r;
            r.studentUuid = s.studentUuid;
            r.status = AttendanceStatus::Present;
            session.records << r;
        }
        if (!SessionRepository(*pc.db).create(session))
            return 5;
        QElapsedTimer t;
        t.start();
        auto up = syncPc(1);
        if (!up)
            return up.error().exitCode();
        const qint64 upMs = t.elapsed();
        t.restart();
        auto down = syncPc(2);
        if (!down)
            return down.error().exitCode();
        print(QStringLiteral("incremental sync with 1 new session: push (PC 1) %1 ms, %2 rows; pull (PC 2) %3 ms, "
                             "%4 rows")
                  .arg(upMs)
                  .arg(up->pushed())
                  .arg(t.elapsed())
                  .arg(down->pulled()));
    }

    // Bring everyone up to date and check they hold the same rows.
    for (int i = 0; i < pcs; ++i) {
        if (!syncPc(i))
            return 6;
    }
    auto reference = CanonicalDump::ofLocal(*lab[0].db);
    if (!reference)
        return 5;
    bool same = true;
    for (int i = 1; i < pcs; ++i) {
        auto other = CanonicalDump::ofLocal(*lab[size_t(i)].db);
        same = same && other && *other == *reference;
    }
    // The cost of the server-side checks alone: rollcall_refusal() over every central
    // row as its own PC would push it (origin, stamp, department through the parents).
    {
        QSqlQuery q(adminConnection.database());
        QElapsedTimer t;
        t.start();
        qint64 rows = 0;
        bool ok = true;
        for (const QString &table :
             { QStringLiteral("students"), QStringLiteral("embeddings"), QStringLiteral("attendance_records") }) {
            ok = ok
                && q.exec(QStringLiteral("SELECT count(*) FILTER (WHERE rollcall_refusal('%1', to_jsonb(r), "
                                         "to_jsonb(r), p, rollcall_stamp_horizon()) IS NULL), count(*) FROM %1 r "
                                         "JOIN rollcall_pcs p ON p.device_id = r.origin_device")
                              .arg(table))
                && q.next();
            if (ok && q.value(0).toLongLong() != q.value(1).toLongLong()) {
                std::fprintf(stderr, "rollcall-bench-sync: the checks refuse rows the PCs wrote in %s\n",
                             qPrintable(table));
                return 1;
            }
            rows += ok ? q.value(1).toLongLong() : 0;
        }
        if (!ok) {
            std::fprintf(stderr, "rollcall-bench-sync: %s\n", qPrintable(q.lastError().text()));
            return 6;
        }
        const qint64 ms = t.elapsed();
        print(QStringLiteral("server init %1 ms; server-side checks alone: %2 rows in %3 ms (%4 us per row)")
                  .arg(initMs)
                  .arg(rows)
                  .arg(ms)
                  .arg(rows > 0 ? 1000.0 * double(ms) / double(rows) : 0.0, 0, 'f', 1));
    }
    print(QStringLiteral("converged: %1 (%2 rows on every PC)")
              .arg(same ? QStringLiteral("yes") : QStringLiteral("NO"))
              .arg(reference->size()));
    return same ? 0 : 1;
}
