// rollcall-bench-reports: time to export a 60-student × 120-session class register
// (goal: under 1 s in each format) and to import a 1,000-row roster. Prints figures;
// never run from CTest.
#include "reports/CsvWriter.h"
#include "reports/ExportJob.h"
#include "reports/RegisterReport.h"
#include "reports/ReportBuilder.h"
#include "reports/RosterImporter.h"
#include "storage/AttendanceQueries.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace rollcall;

namespace {

constexpr int kStudents = 60;
constexpr int kSessions = 120;
constexpr int kRuns = 7;

Status populate(Database &db, QString *classId)
{
    return db.transaction([&]() -> Status {
        ClassInfo info;
        info.code = QStringLiteral("BENCH");
        info.name = QStringLiteral("Benchmark class");
        auto cls = ClassRepository(db).create(info);
        if (!cls)
            return cls.error();
        *classId = cls->id;
        QStringList uuids;
        for (int i = 1; i <= kStudents; ++i) {
            Student s;
            s.studentId = QStringLiteral("B%1").arg(i, 3, 10, QLatin1Char('0'));
            s.name = i % 2 ? QStringLiteral("छात्र संख्या %1").arg(i) : QStringLiteral("Student, \"%1\"").arg(i);
            auto added = StudentRepository(db).add(s, cls->id);
            if (!added)
                return added.error();
            uuids << added->studentUuid;
        }
        for (int n = 0; n < kSessions; ++n) {
            AttendanceSession session;
            session.classId = cls->id;
            session.date = QDate(2026, 8, 1).addDays(n);
            for (int i = 0; i < kStudents; ++i) {
                AttendanceRecord r;
                r.studentUuid = uuids.at(i);
                const int h = (i * 7 + n * 13) % 20;
                r.status = h < 14 ? AttendanceStatus::Present
                    : h < 17      ? AttendanceStatus::Absent
                    : h < 19      ? AttendanceStatus::Late
                                  : AttendanceStatus::Excused;
                session.records << r;
            }
            auto created = SessionRepository(db).create(session);
            if (!created)
                return created.error();
        }
        return {};
    });
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("rollcall.*.info=false"));
    QTextStream out(stdout);
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("bench.sqlite")));
    if (Status s = db.open(); !s) {
        out << "cannot open the database: " << s.error().message() << Qt::endl;
        return 1;
    }
    QString classId;
    QElapsedTimer timer;
    timer.start();
    if (Status s = populate(db, &classId); !s) {
        out << "cannot fill the database: " << s.error().message() << Qt::endl;
        return 1;
    }
    out << "Fixture: " << kStudents << " students x " << kSessions << " sessions (" << kStudents * kSessions
        << " records), created in " << timer.elapsed() << " ms\n";
    out << "Median of " << kRuns << " runs, milliseconds:\n";

    ReportRequest request;
    request.kind = ReportRequest::Kind::Register;
    request.classCode = QStringLiteral("BENCH");
    request.from = QDate(2026, 8, 1);
    request.to = QDate(2026, 11, 28);

    const ClassInfo info = *ClassRepository(db).find(classId);
    QList<double> query, build;
    for (int i = 0; i < kRuns; ++i) {
        timer.restart();
        auto reg = AttendanceQueries(db).classRegister(classId, request.from, request.to);
        query << timer.nsecsElapsed() / 1e6;
        timer.restart();
        const ReportDocument doc = RegisterReport::fromRegister(info, *reg, request.from, request.to, 75);
        build << timer.nsecsElapsed() / 1e6;
    }
    out << QStringLiteral("  query (AttendanceQueries::classRegister) %1\n").arg(median(query), 8, 'f', 1);
    out << QStringLiteral("  build the register tables              %1\n").arg(median(build), 8, 'f', 1);

    for (const auto format : { ReportWriter::Format::Xlsx, ReportWriter::Format::Csv }) {
        QList<double> total;
        qint64 size = 0;
        for (int i = 0; i < kRuns; ++i) {
            const QString path = dir.filePath(QStringLiteral("register.") + ReportWriter::formatName(format));
            ExportJob::Options options;
            options.format = format;
            ExportJob job([&](const std::atomic_bool &c) { return ReportBuilder::build(db, request, &c); }, path,
                          options);
            timer.restart();
            if (Status s = job.run(); !s) {
                out << "export failed: " << s.error().message() << Qt::endl;
                return 1;
            }
            total << timer.nsecsElapsed() / 1e6;
            size = QFileInfo(path).size();
        }
        out << QStringLiteral("  export %1 end to end (query+build+write) %2   (%3 KiB)\n")
                   .arg(ReportWriter::formatName(format).toUpper(), -4)
                   .arg(median(total), 8, 'f', 1)
                   .arg(size / 1024);
    }

    // Roster import: 1,000 rows, CSV, read + preview + apply in one transaction.
    const QString roster = dir.filePath(QStringLiteral("roster.csv"));
    {
        QFile f(roster);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write("Student ID,Name,Email\n");
        for (int i = 0; i < 1000; ++i)
            f.write(QStringLiteral("R%1,छात्र %1,r%1@uni.ac.in\n").arg(i, 4, 10, QLatin1Char('0')).toUtf8());
    }
    timer.restart();
    auto rows = RosterImporter::readFile(roster);
    const double readMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    auto outcome = RosterImporter::apply(db, classId, *rows, false);
    const double applyMs = timer.nsecsElapsed() / 1e6;
    if (!outcome) {
        out << "import failed: " << outcome.error().message() << Qt::endl;
        return 1;
    }
    out << QStringLiteral("Roster import, 1,000 rows (CSV): read %1 ms, apply (one transaction) %2 ms, %3 added\n")
               .arg(readMs, 0, 'f', 1)
               .arg(applyMs, 0, 'f', 1)
               .arg(outcome->added);
    return 0;
}
