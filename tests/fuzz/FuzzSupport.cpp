#include "FuzzSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

namespace rollcall::fuzz {
namespace {

void dropMessage(QtMsgType, const QMessageLogContext &, const QString &)
{ }

QTemporaryDir &scratch()
{
    static QTemporaryDir dir;
    return dir;
}

} // namespace

void initialise()
{
    static int argc = 1;
    static char name[] = "rollcall-fuzz";
    static char *argv[] = { name, nullptr };
    // Leaked on purpose: destroying the application at exit after libFuzzer's
    // own atexit handlers gains nothing.
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    Q_UNUSED(app);
    qInstallMessageHandler(dropMessage);
    if (!scratch().isValid())
        std::abort();
}

QString writeInput(const uint8_t *data, size_t size, const QString &fileName)
{
    const QString path = scratch().filePath(fileName);
    // A new file each time: ext4 flushes a file truncated and rewritten in place
    // to disk on close (auto_da_alloc), which made each run take milliseconds.
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
        std::abort(); // a harness problem, not a finding: stop loudly
    return path;
}

} // namespace rollcall::fuzz
