#include "LfwBench.h"

#include "BenchCommon.h"
#include "vision/RecognitionPipeline.h"
#include "vision/embedding/EmbedderFactory.h"

#include <QCommandLineParser>
#include <QDataStream>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace rollcall::bench {
namespace {

struct Pair
{
    QString a;
    QString b;
    bool same = false;
    int fold = 0;
};

QString imagePath(const QString &name, int number)
{
    return QStringLiteral("%1/faces/lfw-gray/%2/%2_%3.jpg").arg(dataDir(), name).arg(number, 4, 10, QLatin1Char('0'));
}

double accuracyAt(const std::vector<std::pair<double, bool>> &scored, double threshold)
{
    if (scored.empty())
        return 0.0;
    int correct = 0;
    for (const auto &[d, same] : scored)
        correct += ((d <= threshold) == same) ? 1 : 0;
    return double(correct) / double(scored.size());
}

double bestThreshold(const std::vector<std::pair<double, bool>> &scored)
{
    std::vector<double> candidates;
    for (const auto &s : scored)
        candidates.push_back(s.first);
    std::sort(candidates.begin(), candidates.end());
    double best = 0.0;
    double bestAcc = -1.0;
    for (size_t i = 0; i + 1 < candidates.size(); ++i) {
        const double t = (candidates[i] + candidates[i + 1]) / 2.0;
        const double acc = accuracyAt(scored, t);
        if (acc > bestAcc) {
            bestAcc = acc;
            best = t;
        }
    }
    return best;
}

} // namespace

int lfwBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("model"), QStringLiteral("embedding model id"), QStringLiteral("id") });
    parser.addOption({ QStringLiteral("cache"), QStringLiteral("embedding cache file"), QStringLiteral("file") });
    parser.process(args);

    QFile pairsFile(dataDir() + QStringLiteral("/faces/lfw-pairs.txt"));
    if (!pairsFile.open(QIODevice::ReadOnly | QIODevice::Text)) {
        print(QStringLiteral("cannot read %1").arg(pairsFile.fileName()));
        return 3;
    }
    QTextStream in(&pairsFile);
    const QStringList head = in.readLine().split(QLatin1Char('\t'));
    const int folds = head.value(0).toInt();
    const int perFold = head.value(1).toInt();
    std::vector<Pair> pairs;
    for (int f = 0; f < folds; ++f) {
        for (int i = 0; i < 2 * perFold; ++i) {
            const QStringList p = in.readLine().split(QLatin1Char('\t'));
            if (p.size() == 3)
                pairs.push_back({ imagePath(p[0], p[1].toInt()), imagePath(p[0], p[2].toInt()), true, f });
            else if (p.size() == 4)
                pairs.push_back({ imagePath(p[0], p[1].toInt()), imagePath(p[2], p[3].toInt()), false, f });
        }
    }

    RecognitionPipeline pipeline(modelsDir());
    if (parser.isSet(QStringLiteral("model")))
        pipeline.setEmbedderModel(parser.value(QStringLiteral("model")));
    pipeline.setKeepChips(false);
    const auto spec = pipeline.embedderSpec();
    if (!spec) {
        print(spec.error().message());
        return 4;
    }
    const QString cachePath = parser.value(QStringLiteral("cache"));
    QHash<QString, Embedding> embeddings;
    if (!cachePath.isEmpty()) {
        QFile cache(cachePath);
        if (cache.open(QIODevice::ReadOnly)) {
            QDataStream s(&cache);
            while (!s.atEnd()) {
                QString key;
                QList<float> values;
                s >> key >> values;
                embeddings.insert(key, Embedding(values.begin(), values.end()));
            }
        }
    }
    QStringList images;
    for (const Pair &p : pairs) {
        for (const QString &path : { p.a, p.b }) {
            if (!embeddings.contains(path) && !images.contains(path))
                images << path;
        }
    }
    print(QStringLiteral("LFW: %1 pairs in %2 folds, %3 images to embed with %4")
              .arg(pairs.size())
              .arg(folds)
              .arg(images.size())
              .arg(spec->id));
    QElapsedTimer timer;
    timer.start();
    int fallbacks = 0;
    // The pair's subject is the embedded face nearest the centre of the 250×250 crop.
    const auto centralFace = [](const PhotoResult &photo) -> const RecognisedFace * {
        const cv::Point2f centre(photo.size.width / 2.0f, photo.size.height / 2.0f);
        const RecognisedFace *best = nullptr;
        double bestDistance = 40.0;
        for (const RecognisedFace &f : photo.faces) {
            if (!f.embedded)
                continue;
            const cv::Point2f c(f.detection.box.x + f.detection.box.width / 2,
                                f.detection.box.y + f.detection.box.height / 2);
            const double d = cv::norm(c - centre);
            if (d < bestDistance) {
                bestDistance = d;
                best = &f;
            }
        }
        return best;
    };
    DetectionSettings lenient;
    lenient.keepUnconfirmedScore = 0.0f;
    for (qsizetype i = 0; i < images.size(); ++i) {
        pipeline.setPhotos({ images[i] });
        pipeline.setDetectionSettings({});
        auto result = pipeline.run();
        if (!result) {
            print(result.error().message());
            return 1;
        }
        const RecognisedFace *face = centralFace(result->photos.front());
        if (!face) {
            // Fall back to YuNet's proposals without dlib's confirmation.
            ++fallbacks;
            pipeline.setDetectionSettings(lenient);
            result = pipeline.run();
            if (!result) {
                print(result.error().message());
                return 1;
            }
            face = centralFace(result->photos.front());
        }
        embeddings.insert(images[i], face ? face->embedding : Embedding());
        if ((i + 1) % 500 == 0)
            print(QStringLiteral("  %1/%2 images, %3 s").arg(i + 1).arg(images.size()).arg(timer.elapsed() / 1000));
    }
    if (!cachePath.isEmpty()) {
        QFile cache(cachePath);
        if (cache.open(QIODevice::WriteOnly)) {
            QDataStream s(&cache);
            for (auto it = embeddings.constBegin(); it != embeddings.constEnd(); ++it)
                s << it.key() << QList<float>(it.value().begin(), it.value().end());
        }
    }

    int missing = 0;
    std::vector<std::vector<std::pair<double, bool>>> byFold(static_cast<size_t>(folds));
    std::vector<std::pair<double, bool>> all;
    for (const Pair &p : pairs) {
        const Embedding &a = embeddings[p.a];
        const Embedding &b = embeddings[p.b];
        // A pair with an image in which no face was found counts as "different" (distance 2).
        const double d = (a.empty() || b.empty()) ? 2.0 : Embedder::cosineDistance(a, b);
        missing += (a.empty() || b.empty()) ? 1 : 0;
        byFold[size_t(p.fold)].push_back({ d, p.same });
        all.push_back({ d, p.same });
    }
    std::vector<double> accuracies;
    std::vector<double> thresholds;
    for (int k = 0; k < folds; ++k) {
        std::vector<std::pair<double, bool>> train;
        for (int j = 0; j < folds; ++j) {
            if (j != k)
                train.insert(train.end(), byFold[size_t(j)].begin(), byFold[size_t(j)].end());
        }
        const double t = bestThreshold(train);
        thresholds.push_back(t);
        accuracies.push_back(accuracyAt(byFold[size_t(k)], t));
    }
    double mean = 0.0;
    for (double a : accuracies)
        mean += a;
    mean /= double(accuracies.size());
    double var = 0.0;
    for (double a : accuracies)
        var += (a - mean) * (a - mean);
    const double sd = std::sqrt(var / double(accuracies.size()));
    double meanT = 0.0;
    for (double t : thresholds)
        meanT += t;
    meanT /= double(thresholds.size());

    // False-accept rates of the shipped thresholds, and the thresholds at fixed FARs.
    std::vector<double> different;
    std::vector<double> same;
    for (const auto &[d, s] : all)
        (s ? same : different).push_back(d);
    std::sort(different.begin(), different.end());
    std::sort(same.begin(), same.end());
    const auto rateBelow = [](const std::vector<double> &v, double t) {
        return double(std::upper_bound(v.begin(), v.end(), t) - v.begin()) / double(v.size());
    };
    print(QStringLiteral("model %1: 10-fold accuracy %2% ± %3 (threshold chosen on 9 folds, mean %4); "
                         "%5 image(s) needed the unconfirmed fallback, %6 pair(s) without a face; %7 s")
              .arg(spec->id)
              .arg(100.0 * mean, 0, 'f', 2)
              .arg(100.0 * sd, 0, 'f', 2)
              .arg(meanT, 0, 'f', 4)
              .arg(fallbacks)
              .arg(missing)
              .arg(timer.elapsed() / 1000));
    const double t = spec->matchThreshold;
    const double tc = spec->matchThreshold - spec->uncertainBand;
    print(QStringLiteral("descriptor match_threshold %1: accuracy %2%, false accepts %3%, true accepts %4%")
              .arg(t)
              .arg(100.0 * accuracyAt(all, t), 0, 'f', 2)
              .arg(100.0 * rateBelow(different, t), 0, 'f', 2)
              .arg(100.0 * rateBelow(same, t), 0, 'f', 2));
    print(QStringLiteral("confident cut %1: false accepts %2%, true accepts %3%")
              .arg(tc)
              .arg(100.0 * rateBelow(different, tc), 0, 'f', 2)
              .arg(100.0 * rateBelow(same, tc), 0, 'f', 2));
    for (double far : { 0.01, 0.001 }) {
        const double at = different[size_t(far * double(different.size()))];
        print(QStringLiteral("threshold at FAR %1%: %2 (true accepts %3%)")
                  .arg(100.0 * far)
                  .arg(at, 0, 'f', 4)
                  .arg(100.0 * rateBelow(same, at), 0, 'f', 2));
    }
    return 0;
}

} // namespace rollcall::bench
