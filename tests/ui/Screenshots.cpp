// rollcall-screenshots: renders the main views of RollCall into PNG files so a
// reviewer can look at them (scripts/screenshots.sh prepares a data folder with
// an enrolled class and runs this under Xvfb). Not a test.
#include "MainWindow.h"
#include "common/AppPaths.h"
#include "common/Settings.h"
#include "dashboard/DashboardView.h"
#include "i18n/Localization.h"
#include "mark/MarkDialog.h"
#include "mark/PhotoView.h"
#include "phone/PhoneUploadDialog.h"
#include "sessions/SessionDialog.h"
#include "sessions/SessionsView.h"
#include "settings/SettingsDialog.h"
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/MarkReview.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"
#include "students/Enrolment.h"
#include "students/RegisterStudentDialog.h"
#include "students/StudentsView.h"
#include "util/ClassComboBox.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateEdit>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>

#include <cstdio>

using namespace rollcall;

namespace {

QString g_out;

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return true;
}

void settle(int ms = 300)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void shoot(QWidget *widget, const QString &name)
{
    settle();
    const QString path = QDir(g_out).filePath(name + QStringLiteral(".png"));
    if (widget->grab().save(path))
        std::printf("%s\n", qPrintable(path));
    else
        std::fprintf(stderr, "rollcall-screenshots: could not write %s\n", qPrintable(path));
}

Status enrolFromManifest(Database &db, const QString &manifestPath, const QString &code)
{
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(manifestPath + QStringLiteral(": ") + file.errorString());
    const QString base = QFileInfo(manifestPath).absolutePath();
    for (const QJsonValue &c : QJsonDocument::fromJson(file.readAll()).object().value(u"classes").toArray()) {
        const QJsonObject cls = c.toObject();
        if (cls.value(u"code").toString() != code)
            continue;
        ClassInfo info;
        info.code = code;
        info.name = QStringLiteral("Development %1").arg(code.right(1));
        const Result<ClassInfo> created = ClassRepository(db).create(info);
        if (!created)
            return created.error();
        for (const QJsonValue &s : cls.value(u"students").toArray()) {
            const QJsonObject student = s.toObject();
            QStringList photos;
            for (const QJsonValue &p : student.value(u"photos").toArray())
                photos << QDir(base).filePath(p.toString());
            const Result<QString> enrolled = Enrolment::enrolFiles(
                db, created->id, student.value(u"student_id").toString(), student.value(u"name").toString(), photos);
            if (!enrolled)
                return enrolled.error();
            std::printf("enrolled %s\n", qPrintable(student.value(u"student_id").toString()));
        }
        return {};
    }
    return Error::badInput(QStringLiteral("%1 is not in %2").arg(code, manifestPath));
}

// Marks one photo through the real dialog; saves it, or (shoot) takes the mark-view screenshots.
void markPhoto(Database &db, const QString &classId, const QString &photo, const QDate &date, bool shootIt)
{
    MarkDialog dialog(&db);
    dialog.resize(1500, 900);
    dialog.show();
    waitFor([&dialog] { return dialog.classCombo()->isLoaded(); }, 10000);
    dialog.classCombo()->selectClass(classId);
    waitFor([&dialog] { return !dialog.isBusy() && !dialog.review()->roster().isEmpty(); }, 10000);
    dialog.dateEdit()->setDate(date);
    dialog.periodEdit()->setText(QStringLiteral("2"));
    dialog.addPhotoFiles({ photo });
    if (!waitFor([&dialog] { return !dialog.isBusy() && !dialog.review()->faces().isEmpty(); }, 300000))
        std::fprintf(stderr, "rollcall-screenshots: recognition of %s did not finish\n", qPrintable(photo));
    if (shootIt) {
        shoot(&dialog, QStringLiteral("mark-view"));
        dialog.photoView()->setZoom(1.0);
        shoot(dialog.photoView(), QStringLiteral("mark-photo-zoomed"));
        dialog.review()->markSaved();
        dialog.done(QDialog::Rejected);
        return;
    }
    dialog.save();
    waitFor([&dialog] { return !dialog.savedSessionId().isEmpty() || !dialog.lastError().isEmpty(); }, 30000);
}

// A class of the sizes of Indian engineering classes, with six weeks of sessions.
QString addLargeClass(Database &db, int size)
{
    ClassInfo info;
    info.code = QStringLiteral("ECE-%1").arg(size);
    info.name = QStringLiteral("Electronics, %1 students").arg(size);
    const Result<ClassInfo> created = ClassRepository(db).create(info);
    if (!created)
        return {};
    const QStringList first { QStringLiteral("Aarav"),   QStringLiteral("Priyanka"), QStringLiteral("Venkatesh"),
                              QStringLiteral("Lakshmi"), QStringLiteral("Mohammed"), QStringLiteral("Harpreet") };
    const QStringList last { QStringLiteral("Subramanian"), QStringLiteral("Chattopadhyay"),
                             QStringLiteral("Raghunathan"), QStringLiteral("Deshpande"), QStringLiteral("Iyer") };
    QStringList uuids;
    for (int i = 0; i < size; ++i) {
        Student s;
        s.studentId = QStringLiteral("ECE%1-%2").arg(size).arg(i + 1, 3, 10, QLatin1Char('0'));
        s.name = QStringLiteral("%1 %2").arg(first.at(i % first.size()), last.at((i / first.size()) % last.size()));
        const Result<Student> added = StudentRepository(db).add(s, created->id);
        if (added)
            uuids << added->studentUuid;
    }
    for (int day = 0; day < 18; ++day) {
        AttendanceSession session;
        session.classId = created->id;
        session.date = QDate::currentDate().addDays(-2 * (18 - day));
        session.period = QString::number(1 + day % 4);
        for (int i = 0; i < uuids.size(); ++i) {
            AttendanceRecord record;
            record.studentUuid = uuids.at(i);
            record.status = (i * 7 + day) % 9 == 0 ? AttendanceStatus::Absent
                : (i + day) % 23 == 0              ? AttendanceStatus::Late
                                                   : AttendanceStatus::Present;
            session.records.append(record);
        }
        (void)SessionRepository(db).create(session);
    }
    return created->id;
}

// --lab-screen: what a 1366×768 lab monitor shows, in English and Hindi, with
// classes of 60 and 120 students, and the phone dialog.
void shootLabScreen(Database &db)
{
    const QList<QPair<int, QString>> classes { { 60, addLargeClass(db, 60) }, { 120, addLargeClass(db, 120) } };
    {
        Settings settings; // the screenshot machine may have no LAN: show the code on loopback
        (void)settings.setValue(Settings::Key::PhoneAddresses, QStringLiteral("127.0.0.1"));
    }
    for (const QString &language : { QStringLiteral("en"), QStringLiteral("hi") }) {
        Localization::install(language);
        MainWindow window(&db);
        window.resize(1366, 768);
        window.show();
        settle(800);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        auto *dashboard = window.findChild<DashboardView *>();
        for (const auto &[size, classId] : classes) {
            tabs->setCurrentIndex(0);
            if (auto *combo = dashboard ? dashboard->findChild<ClassComboBox *>() : nullptr) {
                waitFor([combo] { return combo->isLoaded(); }, 10000);
                combo->selectClass(classId);
            }
            QThreadPool::globalInstance()->waitForDone();
            settle(800);
            shoot(&window, QStringLiteral("lab-%1-dashboard-%2").arg(language).arg(size));
        }
        tabs->setCurrentIndex(1);
        auto *table = window.findChild<QTableView *>(QStringLiteral("studentsTable"));
        waitFor([table] { return table->model()->rowCount() > 0; }, 10000);
        table->selectRow(0);
        QThreadPool::globalInstance()->waitForDone();
        settle(800);
        shoot(&window, QStringLiteral("lab-%1-students").arg(language));
        tabs->setCurrentIndex(2);
        QThreadPool::globalInstance()->waitForDone();
        settle(800);
        shoot(&window, QStringLiteral("lab-%1-sessions").arg(language));

        PhoneUploadDialog phone(
            QCoreApplication::translate("rollcall::MarkDialog", "Classroom photos for %1, %2.")
                .arg(QStringLiteral("ECE-60"), QLocale().toString(QDate::currentDate(), QLocale::ShortFormat)));
        phone.show();
        shoot(&phone, QStringLiteral("lab-%1-phone").arg(language));
        QThreadPool::globalInstance()->waitForDone();
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rollcall"));
    QCommandLineParser parser;
    const QCommandLineOption dataOption(QStringLiteral("data-dir"), QStringLiteral("Data folder."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR"));
    const QCommandLineOption photoOption(QStringLiteral("photo"), QStringLiteral("Classroom photo to mark."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption classOption(QStringLiteral("class"), QStringLiteral("Class code."), QStringLiteral("CODE"),
                                         QStringLiteral("DEV-A"));
    const QCommandLineOption refusedOption(QStringLiteral("refused-photo"),
                                           QStringLiteral("A registration photo the quality rules refuse."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption goodOption(QStringLiteral("good-photo"), QStringLiteral("A good registration photo."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption manifestOption(QStringLiteral("manifest"),
                                            QStringLiteral("classrooms/manifest.json: enrol the class from it."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           QStringLiteral("A photo to mark on an earlier day (repeatable)."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption labOption(QStringLiteral("lab-screen"),
                                       QStringLiteral("Only the 1366×768 views (English and Hindi, 60 and 120 "
                                                      "students, the phone dialog) into a fresh data folder."));
    parser.addOptions({ dataOption, outOption, photoOption, classOption, refusedOption, goodOption, manifestOption,
                        historyOption, labOption });
    parser.process(app);
    if (!parser.isSet(dataOption) || !parser.isSet(outOption)) {
        std::fprintf(stderr, "usage: rollcall-screenshots --data-dir DIR --out DIR [--photo FILE] [--class CODE]\n");
        return 2;
    }
    AppPaths::setDataDirOverride(parser.value(dataOption));
    g_out = parser.value(outOption);
    QDir().mkpath(g_out);

    Database db(AppPaths::databasePath());
    if (const Status opened = db.open(); !opened) {
        std::fprintf(stderr, "rollcall-screenshots: %s\n", qPrintable(opened.error().message()));
        return 5;
    }
    if (parser.isSet(labOption)) {
        shootLabScreen(db);
        return 0;
    }
    const QString code = parser.value(classOption);
    Result<ClassInfo> cls = ClassRepository(db).findByCode(code);
    if (!cls && parser.isSet(manifestOption)) {
        // Enrol the class from the test data's manifest through the engine (as registration does).
        if (const Status enrolled = enrolFromManifest(db, parser.value(manifestOption), code); !enrolled) {
            std::fprintf(stderr, "rollcall-screenshots: %s\n", qPrintable(enrolled.error().message()));
            return 3;
        }
        cls = ClassRepository(db).findByCode(code);
    }
    const QString classId = cls ? cls->id : QString();

    // Some history for the dashboard and the sessions page: earlier photos marked on earlier days.
    const Result<QList<AttendanceSession>> existing = SessionRepository(db).list(classId);
    if (existing && existing->isEmpty()) {
        const QStringList history = parser.values(historyOption);
        for (int i = 0; i < history.size(); ++i)
            markPhoto(db, classId, history.at(i), QDate::currentDate().addDays(-7 * (history.size() - i)), false);
    }

    {
        MainWindow window(&db);
        window.resize(1400, 900);
        window.show();
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        const QStringList names
            = { QStringLiteral("dashboard"), QStringLiteral("students"), QStringLiteral("sessions") };
        for (int i = 0; i < tabs->count() && i < names.size(); ++i) {
            tabs->setCurrentIndex(i);
            if (i == 1) {
                auto *table = window.findChild<QTableView *>(QStringLiteral("studentsTable"));
                waitFor([table] { return table->model()->rowCount() > 0; }, 10000);
                table->selectRow(0);
            }
            settle(800);
            QThreadPool::globalInstance()->waitForDone();
            settle(300);
            shoot(&window, names.at(i));
        }
        QThreadPool::globalInstance()->waitForDone();
    }

    if (parser.isSet(photoOption))
        markPhoto(db, classId, parser.value(photoOption), QDate::currentDate(), true);

    const Result<QList<AttendanceSession>> sessions = SessionRepository(db).list(classId);
    if (sessions && !sessions->isEmpty()) {
        SessionDialog session(&db, sessions->constLast().id);
        session.show();
        waitFor([&session] { return session.isLoaded(); }, 20000);
        shoot(&session, QStringLiteral("session"));
    }

    {
        RegisterStudentDialog reg(&db, classId);
        reg.show();
        reg.findChild<QLineEdit *>(QStringLiteral("studentIdEdit"))->setText(QStringLiteral("DEV-A-100"));
        reg.findChild<QLineEdit *>(QStringLiteral("studentNameEdit"))->setText(QStringLiteral("नया विद्यार्थी"));
        QStringList photos;
        if (parser.isSet(goodOption))
            photos << parser.value(goodOption);
        if (parser.isSet(refusedOption))
            photos << parser.value(refusedOption);
        reg.addPhotoFiles(photos);
        waitFor([&reg] { return !reg.isBusy(); }, 120000);
        shoot(&reg, QStringLiteral("register-student"));
    }

    {
        SettingsDialog settings(&db);
        settings.show();
        QThreadPool::globalInstance()->waitForDone();
        shoot(&settings, QStringLiteral("settings"));
    }
    QThreadPool::globalInstance()->waitForDone();
    return 0;
}
