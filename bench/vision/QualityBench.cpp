#include "QualityBench.h"

#include "BenchCommon.h"
#include "vision/RecognitionPipeline.h"
#include "vision/quality/EnrolmentQualityChecker.h"

#include <QDirIterator>

#include <algorithm>

namespace rollcall::bench {

int qualityBench(const QStringList &args)
{
    QStringList files = args.mid(1);
    if (files.isEmpty()) {
        QDirIterator it(dataDir() + QStringLiteral("/classrooms"), { QStringLiteral("*.jpg") }, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            if (f.contains(QLatin1String("/enrol/")))
                files << f;
        }
        files.sort();
    }
    RecognitionPipeline pipeline(modelsDir());
    const EnrolmentQualityChecker checker;
    std::vector<double> sharpness;
    std::vector<double> brightness;
    std::vector<double> sizes;
    int refused = 0;
    for (const QString &file : files) {
        pipeline.setPhotos({ file });
        const auto result = pipeline.run();
        if (!result) {
            print(result.error().message());
            continue;
        }
        const auto verdict = checker.check(result->photos.front());
        if (verdict.face >= 0)
            sizes.push_back(result->photos.front().faces[size_t(verdict.face)].detection.size());
        sharpness.push_back(verdict.sharpness);
        brightness.push_back(verdict.brightness);
        if (!verdict.usable) {
            ++refused;
            print(QStringLiteral("%1: %2").arg(file, verdict.reasons.join(QLatin1Char(' '))));
        }
    }
    const auto summary = [](std::vector<double> v) {
        if (v.empty())
            return QString();
        std::sort(v.begin(), v.end());
        return QStringLiteral("min %1, 5% %2, median %3, max %4")
            .arg(v.front(), 0, 'f', 0)
            .arg(v[v.size() / 20], 0, 'f', 0)
            .arg(v[v.size() / 2], 0, 'f', 0)
            .arg(v.back(), 0, 'f', 0);
    };
    print(QStringLiteral("%1 photos, %2 refused").arg(files.size()).arg(refused));
    print(QStringLiteral("face size:  ") + summary(sizes));
    print(QStringLiteral("sharpness:  ") + summary(sharpness));
    print(QStringLiteral("brightness: ") + summary(brightness));
    return 0;
}

} // namespace rollcall::bench
