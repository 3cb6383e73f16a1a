#include "BenchCommon.h"

#include "common/AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

#include <malloc.h>
#include <sys/resource.h>

#include <cstdio>

namespace rollcall::bench {

QString dataDir()
{
    const QString env = qEnvironmentVariable("ROLLCALL_TEST_DATA_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(ROLLCALL_BENCH_DATA_DIR) : env);
}

QString modelsDir()
{
    return AppPaths::modelsDir();
}

long peakRssKb()
{
    // VmHWM, not getrusage: only the former is reset through clear_refs.
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLong();
        }
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void resetPeakRss()
{
    malloc_trim(0); // hand freed memory back first, or it counts in the next peak
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

bool applyDetectionSetting(DetectionSettings &s, const QString &assignment)
{
    const QString name = assignment.section(QLatin1Char('='), 0, 0);
    const double v = assignment.section(QLatin1Char('='), 1).toDouble();
    if (name == QLatin1String("minRecognisableSize"))
        s.minRecognisableSize = int(v);
    else if (name == QLatin1String("minFaceSize"))
        s.minFaceSize = int(v);
    else if (name == QLatin1String("proposalScoreThreshold"))
        s.proposalScoreThreshold = float(v);
    else if (name == QLatin1String("tooSmallScoreThreshold"))
        s.tooSmallScoreThreshold = float(v);
    else if (name == QLatin1String("proposalWholeSide"))
        s.proposalWholeSide = int(v);
    else if (name == QLatin1String("proposalTileSize"))
        s.proposalTileSize = int(v);
    else if (name == QLatin1String("proposalTileOverlap"))
        s.proposalTileOverlap = int(v);
    else if (name == QLatin1String("proposalTileScale"))
        s.proposalTileScale = v;
    else if (name == QLatin1String("proposalAnsweredSize"))
        s.proposalAnsweredSize = v;
    else if (name == QLatin1String("confirmFaceSize"))
        s.confirmFaceSize = int(v);
    else if (name == QLatin1String("confirmCropFactor"))
        s.confirmCropFactor = v;
    else if (name == QLatin1String("confirmPyramidLevels"))
        s.confirmPyramidLevels = int(v);
    else if (name == QLatin1String("confirmBatchSize"))
        s.confirmBatchSize = int(v);
    else if (name == QLatin1String("dlibAdjustThreshold"))
        s.dlibAdjustThreshold = v;
    else if (name == QLatin1String("keepUnconfirmedScore"))
        s.keepUnconfirmedScore = float(v);
    else if (name == QLatin1String("nmsIou"))
        s.nmsIou = float(v);
    else
        return false;
    return true;
}

QJsonObject runChild(const QStringList &args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QCoreApplication::applicationFilePath(), args);
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return { { QStringLiteral("error"), QStringLiteral("child failed: %1").arg(args.join(QLatin1Char(' '))) } };
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

void print(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

} // namespace rollcall::bench
