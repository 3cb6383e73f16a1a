// rollcall-bench-ui: enrols class DEV-A of the shared test data into a
// temporary data folder, then marks classrooms/DEV-A/{easy,hard}.jpg through the
// real MarkDialog (offscreen) and prints, per photo, the time from adding the
// photo to the result on screen and the longest gap between two ticks of a 5 ms
// timer on the GUI thread while it ran (how long the window was unresponsive).
#include "common/AppPaths.h"
#include "mark/MarkDialog.h"
#include "storage/MarkReview.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "students/Enrolment.h"
#include "util/ClassComboBox.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace rollcall;

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString data = QStringLiteral(ROLLCALL_BENCH_DATA_DIR);
    QTemporaryDir dir;
    AppPaths::setDataDirOverride(dir.path());
    Database db(AppPaths::databasePath());
    if (const Status opened = db.open(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 5;
    }

    // Enrol DEV-A through the engine, as the registration dialog does.
    QFile manifest(QDir(data).filePath(QStringLiteral("classrooms/manifest.json")));
    if (!manifest.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "no classrooms/manifest.json under %s\n", qPrintable(data));
        return 3;
    }
    ClassInfo info;
    info.code = QStringLiteral("DEV-A");
    const Result<ClassInfo> cls = ClassRepository(db).create(info);
    QElapsedTimer enrolTimer;
    enrolTimer.start();
    int photos = 0;
    for (const QJsonValue &c : QJsonDocument::fromJson(manifest.readAll()).object().value(u"classes").toArray()) {
        if (c.toObject().value(u"code").toString() != QLatin1String("DEV-A"))
            continue;
        for (const QJsonValue &s : c.toObject().value(u"students").toArray()) {
            QStringList paths;
            for (const QJsonValue &p : s.toObject().value(u"photos").toArray())
                paths << QDir(data).filePath(QStringLiteral("classrooms/") + p.toString());
            photos += int(paths.size());
            const Result<QString> enrolled
                = Enrolment::enrolFiles(db, cls->id, s.toObject().value(u"student_id").toString(),
                                        s.toObject().value(u"name").toString(), paths);
            if (!enrolled) {
                std::fprintf(stderr, "%s\n", qPrintable(enrolled.error().message()));
                return 3;
            }
        }
    }
    std::printf("enrolment: 30 students, %d photos checked and embedded in %.1f s (%.0f ms per photo)\n", photos,
                enrolTimer.elapsed() / 1000.0, double(enrolTimer.elapsed()) / photos);

    for (const QString &name : { QStringLiteral("easy.jpg"), QStringLiteral("hard.jpg"), QStringLiteral("easy.jpg") }) {
        MarkDialog dialog(&db);
        dialog.show();
        waitFor([&dialog] { return dialog.classCombo()->isLoaded(); }, 10000);
        dialog.classCombo()->selectClass(cls->id);
        waitFor([&dialog] { return !dialog.isBusy() && !dialog.review()->roster().isEmpty(); }, 10000);

        // A 5 ms tick on the GUI thread: the longest gap is the longest freeze.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer tick;
        tick.setInterval(5);
        QObject::connect(&tick, &QTimer::timeout, [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        QElapsedTimer total;
        total.start();
        sinceTick.start();
        tick.start();
        dialog.addPhotoFiles({ QDir(data).filePath(QStringLiteral("classrooms/DEV-A/") + name) });
        const bool done = waitFor([&dialog] { return !dialog.isBusy(); }, 300000);
        tick.stop();
        std::printf("mark %s: %d faces, %d present, result on screen after %lld ms; longest GUI-thread gap %lld ms%s\n",
                    qPrintable(name), int(dialog.review()->faces().size()),
                    dialog.review()->countWithStatus(AttendanceStatus::Present), total.elapsed(), longestGap,
                    done ? "" : " (timed out)");
        dialog.review()->markSaved();
        dialog.done(QDialog::Rejected);
    }
    return 0;
}
