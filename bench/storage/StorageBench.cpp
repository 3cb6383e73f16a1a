// rollcall-bench-storage: time to save a 60-student session and to load a class register of
// 60 students × 120 sessions (goal: both under 50 ms), on a fresh database in a temporary
// folder (or --dir DIR, to measure on another disk).
#include "storage/AttendanceQueries.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace rollcall;

namespace {

struct Figures
{
    double median = 0;
    double max = 0;
};

Figures summarise(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return { ms[ms.size() / 2], ms.back() };
}

AttendanceSession makeSession(const ClassInfo &cls, const QList<Student> &students, int n)
{
    AttendanceSession s;
    s.classId = cls.id;
    s.date = QDate(2024, 1, 1).addDays(n);
    s.period = QStringLiteral("1");
    s.subject = QStringLiteral("Benchmark");
    s.takenBy = QStringLiteral("bench");
    s.takenAt = QDateTime::currentDateTimeUtc();
    s.sourcePhotos = { QString(64, QLatin1Char('a')) };
    for (qsizetype i = 0; i < students.size(); ++i)
        s.records << AttendanceRecord { .studentUuid = students.at(i).studentUuid,
                                        .status = (i + n) % 7 ? AttendanceStatus::Present : AttendanceStatus::Absent,
                                        .distance = 0.4,
                                        .photoIndex = 0,
                                        .faceBox = QRect(int(i) * 10, 100, 80, 80) };
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Storage benchmark: session save and class register load."));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Folder for the database."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption studentsOption(QStringLiteral("students"), QStringLiteral("Students (60)."),
                                            QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption sessionsOption(QStringLiteral("sessions"), QStringLiteral("Sessions (120)."),
                                            QStringLiteral("N"), QStringLiteral("120"));
    const QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("Keep the database afterwards."));
    const QCommandLineOption loadsOption(QStringLiteral("loads"), QStringLiteral("Register loads to time (30)."),
                                         QStringLiteral("N"), QStringLiteral("30"));
    parser.addOptions({ dirOption, studentsOption, sessionsOption, keepOption, loadsOption });
    parser.process(app);
    const int studentCount = parser.value(studentsOption).toInt();
    const int sessionCount = parser.value(sessionsOption).toInt();

    QTemporaryDir temp(parser.isSet(dirOption) ? parser.value(dirOption) + QStringLiteral("/bench-XXXXXX")
                                               : QDir::tempPath() + QStringLiteral("/rollcall-bench-XXXXXX"));
    temp.setAutoRemove(!parser.isSet(keepOption));
    Database db(temp.filePath(QStringLiteral("rollcall.sqlite")));
    if (Status s = db.open(); !s) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(s.error().message()));
        return 5;
    }
    const ClassInfo cls = ClassRepository(db).create({ .code = QStringLiteral("BENCH") }).value();
    // A second class, so queries have to filter.
    const ClassInfo other = ClassRepository(db).create({ .code = QStringLiteral("OTHER") }).value();
    QList<Student> students;
    QList<Student> others;
    Status filled = db.transaction([&]() -> Status {
        for (int i = 0; i < studentCount; ++i) {
            auto s = StudentRepository(db).add({ .studentId = QStringLiteral("B%1").arg(i, 4, 10, QLatin1Char('0')),
                                                 .name = QStringLiteral("Student %1 अनन्या").arg(i) },
                                               cls.id);
            auto o = StudentRepository(db).add(
                { .studentId = QStringLiteral("O%1").arg(i), .name = QStringLiteral("O") }, other.id);
            if (!s || !o)
                return s ? o.error() : s.error();
            students << *s;
            others << *o;
        }
        return {};
    });
    if (!filled)
        return 5;

    SessionRepository sessions(db);
    std::vector<double> saveMs;
    QElapsedTimer timer;
    for (int n = 0; n < sessionCount; ++n) {
        const AttendanceSession session = makeSession(cls, students, n);
        timer.start();
        auto saved = sessions.create(session);
        saveMs.push_back(timer.nsecsElapsed() / 1e6);
        if (!saved) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(saved.error().message()));
            return 5;
        }
        if (!sessions.create(makeSession(other, others, n)))
            return 5;
    }
    std::vector<double> loadMs;
    int cells = 0;
    const int loads = std::max(1, parser.value(loadsOption).toInt());
    for (int round = 0; round < loads; ++round) {
        timer.start();
        auto reg = AttendanceQueries(db).classRegister(cls.id);
        loadMs.push_back(timer.nsecsElapsed() / 1e6);
        if (!reg)
            return 5;
        cells = static_cast<int>(reg->statuses.size());
    }
    std::vector<double> historyMs;
    for (int round = 0; round < 30; ++round) {
        timer.start();
        auto history = AttendanceQueries(db).studentHistory(students.first().studentUuid);
        historyMs.push_back(timer.nsecsElapsed() / 1e6);
        if (!history)
            return 5;
    }
    const Figures save = summarise(saveMs);
    const Figures load = summarise(loadMs);
    const Figures history = summarise(historyMs);
    std::printf("database: %s (WAL, synchronous=FULL)\n", qUtf8Printable(db.path()));
    std::printf("save a %d-student session (one transaction):        median %7.2f ms  max %7.2f ms  (%d saves)\n",
                studentCount, save.median, save.max, sessionCount);
    std::printf(
        "load class register %d students x %d sessions:     median %7.2f ms  max %7.2f ms  (%d cells, %d loads)\n",
        studentCount, sessionCount, load.median, load.max, cells, loads);
    std::printf("load one student's history (%d sessions):            median %7.2f ms  max %7.2f ms\n", sessionCount,
                history.median, history.max);
    std::printf("goal < 50 ms: save %s, register %s\n", save.median < 50 ? "met" : "NOT met",
                load.median < 50 ? "met" : "NOT met");
    return 0;
}
