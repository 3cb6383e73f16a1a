// rollcall-storage-testhelper: a separate process for the storage failure tests
// (another program holding a lock, a process with a small file-size limit, a process
// killed while saving, a process without root's permission override).
#include "storage/ClassRepository.h"
#include "storage/Database.h"
#include "storage/PhotoStore.h"
#include "storage/SessionRepository.h"
#include "storage/StudentRepository.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <linux/capability.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace rollcall;

namespace {

void say(const QString &line)
{
    std::fputs(qUtf8Printable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

// Root ignores file permissions (CAP_DAC_OVERRIDE); drop that so a read-only file is read-only.
bool dropPermissionOverride()
{
    __user_cap_header_struct header { _LINUX_CAPABILITY_VERSION_3, 0 };
    __user_cap_data_struct data[2] {};
    if (syscall(SYS_capget, &header, data) != 0)
        return false;
    for (int cap : { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER })
        data[0].effective &= ~(1u << cap);
    return syscall(SYS_capset, &header, data) == 0;
}

void limitFileSize(qint64 bytes)
{
    std::signal(SIGXFSZ, SIG_IGN); // get EFBIG from write() instead of being killed
    const rlimit limit { static_cast<rlim_t>(bytes), static_cast<rlim_t>(bytes) };
    setrlimit(RLIMIT_FSIZE, &limit);
}

int holdLock(const QString &path, bool exclusiveMode)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
    db.setDatabaseName(path);
    if (!db.open())
        return 10;
    QSqlQuery q(db);
    if (exclusiveMode && !q.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")))
        return 11;
    if (!q.exec(QStringLiteral("BEGIN EXCLUSIVE"))
        || !q.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('locker', 'uncommitted')")))
        return 12;
    say(QStringLiteral("locked"));
    QThread::sleep(60); // the test kills us long before
    return 0;
}

int openAndWrite(const QString &path)
{
    if (geteuid() == 0 && !dropPermissionOverride()) {
        say(QStringLiteral("error: cannot drop CAP_DAC_OVERRIDE"));
        return 20;
    }
    Database db(path);
    if (Status s = db.open(); !s) {
        say(QStringLiteral("error: ") + s.error().message());
        return s.error().exitCode();
    }
    auto created = ClassRepository(db).create({ .code = QStringLiteral("WRITE") });
    if (!created) {
        say(QStringLiteral("error: ") + created.error().message());
        return created.error().exitCode();
    }
    say(QStringLiteral("written"));
    return 0;
}

// Saves sessions of every student of class BIG until killed or a write fails.
int saveLoop(const QString &path, qint64 fileSizeLimit, int maxSessions)
{
    if (fileSizeLimit > 0)
        limitFileSize(fileSizeLimit);
    Database db(path);
    if (Status s = db.open(); !s) {
        say(QStringLiteral("error: ") + s.error().message());
        return s.error().exitCode();
    }
    auto cls = ClassRepository(db).findByCode(QStringLiteral("BIG"));
    auto students = cls ? StudentRepository(db).list(cls->id) : Result<QList<Student>>(cls.error());
    if (!students) {
        say(QStringLiteral("error: ") + students.error().message());
        return students.error().exitCode();
    }
    say(QStringLiteral("ready"));
    for (int n = 1; maxSessions <= 0 || n <= maxSessions; ++n) {
        AttendanceSession session;
        session.classId = cls->id;
        session.date = QDate(2024, 1, 1).addDays(n % 365);
        session.period = QString::number(n);
        for (const Student &s : std::as_const(*students))
            session.records << AttendanceRecord { .studentUuid = s.studentUuid,
                                                  .status
                                                  = n % 2 ? AttendanceStatus::Present : AttendanceStatus::Absent,
                                                  .distance = 0.5,
                                                  .photoIndex = 0,
                                                  .faceBox = QRect(1, 2, 3, 4) };
        auto saved = SessionRepository(db).create(session);
        if (!saved) {
            say(QStringLiteral("error: ") + saved.error().message());
            return saved.error().exitCode();
        }
        say(QStringLiteral("saved %1").arg(n));
    }
    return 0;
}

int putPhoto(const QString &dir, qint64 fileSizeLimit, qint64 photoBytes)
{
    limitFileSize(fileSizeLimit);
    PhotoStore store(dir);
    auto hash = store.put(QByteArray(photoBytes, 'j'));
    if (!hash) {
        say(QStringLiteral("error: ") + hash.error().message());
        return hash.error().exitCode();
    }
    say(QStringLiteral("stored ") + *hash);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const QString path = args.value(2);
    if (mode == QLatin1String("lock"))
        return holdLock(path, false);
    if (mode == QLatin1String("lock-exclusive"))
        return holdLock(path, true);
    if (mode == QLatin1String("open"))
        return openAndWrite(path);
    if (mode == QLatin1String("save-loop"))
        return saveLoop(path, args.value(3).toLongLong(), args.value(4).toInt());
    if (mode == QLatin1String("put-photo"))
        return putPhoto(path, args.value(3).toLongLong(), args.value(4).toLongLong());
    std::fputs("usage: rollcall-storage-testhelper lock|lock-exclusive|open|save-loop|put-photo PATH …\n", stderr);
    return 2;
}
