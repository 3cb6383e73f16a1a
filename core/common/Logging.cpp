#include "common/Logging.h"

#include "common/RotatingLogFile.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

namespace rollcall {
namespace {

std::unique_ptr<RotatingLogFile> g_file;
bool g_verbose = false;
QtMessageHandler g_previous = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
        + QLatin1String(levelName(type)) + QLatin1Char(' ')
        + QLatin1String(context.category ? context.category : "default") + QStringLiteral(": ") + message;
    if (g_file)
        g_file->writeLine(line);
    // Info goes only to the file so command output stays machine-readable.
    if (type != QtInfoMsg || g_verbose) {
        const QByteArray bytes = line.toLocal8Bit();
        std::fprintf(stderr, "%s\n", bytes.constData());
    }
}

} // namespace

void Logging::install(const QString &logDirectory, bool verbose)
{
    g_verbose = verbose;
    QLoggingCategory::setFilterRules(verbose ? QStringLiteral("rollcall.*.debug=true")
                                             : QStringLiteral("rollcall.*.debug=false"));
    if (!logDirectory.isEmpty())
        g_file = std::make_unique<RotatingLogFile>(logDirectory);
    if (!g_previous)
        g_previous = qInstallMessageHandler(handler);
}

QString Logging::logFilePath()
{
    return g_file ? g_file->filePath() : QString();
}

bool Logging::isVerbose()
{
    return g_verbose;
}

} // namespace rollcall
