#include "BbtBench.h"
#include "BenchCommon.h"
#include "ClassroomBench.h"
#include "DetectionBench.h"
#include "DeviceBench.h"
#include "LfwBench.h"
#include "QualityBench.h"
#include "SpeedBench.h"
#include "common/AppPaths.h"

#include <QCoreApplication>

using namespace rollcall::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    args.removeAt(1);
    if (command == QLatin1String("detect"))
        return detectionBench(args);
    if (command == QLatin1String("detect-one"))
        return detectOne(args);
    if (command == QLatin1String("lfw"))
        return lfwBench(args);
    if (command == QLatin1String("bbt"))
        return bbtBench(args);
    if (command == QLatin1String("classroom"))
        return classroomBench(args);
    if (command == QLatin1String("quality"))
        return qualityBench(args);
    if (command == QLatin1String("devices"))
        return deviceBench(args);
    if (command == QLatin1String("speed"))
        return speedBench(args);
    if (command == QLatin1String("memory"))
        return memoryBench(args);
    print(
        QStringLiteral("usage: rollcall-bench-vision detect|speed|memory|devices|lfw|classroom|quality|bbt [options]\n"
                       "  detect [--set k=v] [--upsample N] [--no-stock] [FILE…]  RollCall vs stock dlib CNN\n"
                       "  devices [--embedder ID] [--runs N] [FILE…]            CPU vs GPU times and agreement\n"
                       "  speed [--set realistic] [--classes 3] [--no-peer]      12 MP mark vs face_recognition\n"
                       "  memory [--megapixels 12]                              peak RSS on a large photo\n"
                       "  lfw [--model ID] [--cache FILE]                       LFW 10-fold verification\n"
                       "  classroom [--set realistic|realistic-check|DIR] [--threshold T…] [--verbose] [--dump FILE]\n"
                       "                                                        classrooms end to end\n"
                       "  quality [FILE…]                                       enrolment quality figures\n"
                       "  bbt                                                   real-photo check (group/bbt)"));
    return 2;
}
