#include "DetectionBench.h"

#include "BenchCommon.h"
#include "models/ModelRegistry.h"
#include "vision/ImageLoader.h"
#include "vision/detection/FaceDetector.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace rollcall::bench {

int detectOne(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("mode"), QStringLiteral("ours or stock"), QStringLiteral("mode"), QStringLiteral("ours") });
    parser.addOption({ QStringLiteral("upsample"), QStringLiteral("stock: upsampling steps"), QStringLiteral("n"),
                       QStringLiteral("0") });
    parser.addOption({ QStringLiteral("set"), QStringLiteral("detection setting"), QStringLiteral("k=v") });
    parser.addOption(
        { QStringLiteral("draw"), QStringLiteral("write the photo with boxes to FILE"), QStringLiteral("file") });
    parser.process(args);
    DetectionSettings settings;
    for (const QString &a : parser.values(QStringLiteral("set"))) {
        if (!applyDetectionSetting(settings, a)) {
            print(QStringLiteral("unknown setting %1").arg(a));
            return 2;
        }
    }
    const ModelRegistry registry(modelsDir());
    auto detector = FaceDetector::create(registry, settings);
    if (!detector) {
        print(detector.error().message());
        return 4;
    }
    const auto image = ImageLoader().load(parser.positionalArguments().value(0));
    if (!image) {
        print(image.error().message());
        return 3;
    }
    QElapsedTimer timer;
    timer.start();
    const bool stock = parser.value(QStringLiteral("mode")) == QLatin1String("stock");
    const auto out = stock
        ? detector.value()->detectWithDlibOnly(*image, parser.value(QStringLiteral("upsample")).toInt())
        : detector.value()->detect(*image);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!out) {
        print(out.error().message());
        return 1;
    }
    if (parser.isSet(QStringLiteral("draw"))) {
        cv::Mat canvas = image->clone();
        for (const DetectedFace &f : out->faces) {
            const cv::Scalar colour
                = f.tooSmall ? cv::Scalar(0, 255, 255) : (f.confirmed ? cv::Scalar(0, 255, 0) : cv::Scalar(0, 0, 255));
            cv::rectangle(canvas, cv::Rect(f.box), colour, 2);
        }
        cv::imwrite(parser.value(QStringLiteral("draw")).toStdString(), canvas);
    }
    int small = 0;
    int confirmed = 0;
    QJsonArray boxes;
    for (const DetectedFace &f : out->faces) {
        small += f.tooSmall ? 1 : 0;
        confirmed += f.confirmed ? 1 : 0;
        boxes.append(
            QJsonArray { double(f.box.x), double(f.box.y), double(f.box.width), double(f.box.height), f.tooSmall });
    }
    QJsonObject o { { QStringLiteral("faces"), int(out->faces.size()) },
                    { QStringLiteral("too_small"), small },
                    { QStringLiteral("confirmed"), confirmed },
                    { QStringLiteral("proposals"), out->proposals },
                    { QStringLiteral("tiles_run"), QStringLiteral("%1/%2").arg(out->tilesRun).arg(out->tiles) },
                    { QStringLiteral("ms"), qRound(ms) },
                    { QStringLiteral("propose_ms"), qRound(out->proposeMs) },
                    { QStringLiteral("width"), image->cols },
                    { QStringLiteral("height"), image->rows },
                    { QStringLiteral("rss_mb"), double(peakRssKb()) / 1024.0 },
                    { QStringLiteral("boxes"), boxes } };
    print(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    return 0;
}

namespace {

// Faces of `a` that overlap some face of `b` (IoU ≥ 0.3), ignoring too-small ones of a.
int matchedFaces(const QJsonArray &a, const QJsonArray &b)
{
    int n = 0;
    for (const auto &va : a) {
        const QJsonArray ra = va.toArray();
        const cv::Rect2f fa(float(ra[0].toDouble()), float(ra[1].toDouble()), float(ra[2].toDouble()),
                            float(ra[3].toDouble()));
        for (const auto &vb : b) {
            const QJsonArray rb = vb.toArray();
            const cv::Rect2f fb(float(rb[0].toDouble()), float(rb[1].toDouble()), float(rb[2].toDouble()),
                                float(rb[3].toDouble()));
            const float inter = (fa & fb).area();
            if (inter / (fa.area() + fb.area() - inter) >= 0.3f) {
                ++n;
                break;
            }
        }
    }
    return n;
}

} // namespace

int detectionBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("set"), QStringLiteral("detection setting"), QStringLiteral("k=v") });
    parser.addOption({ QStringLiteral("no-stock"), QStringLiteral("skip the stock dlib runs") });
    parser.addOption({ QStringLiteral("upsample"), QStringLiteral("stock: upsampling steps"), QStringLiteral("n"),
                       QStringLiteral("0") });
    parser.process(args);
    QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        const QDir crowds(dataDir() + QStringLiteral("/group/crowds"));
        for (const QString &f : crowds.entryList({ QStringLiteral("*.jpg") }, QDir::Files, QDir::Name))
            files << crowds.filePath(f);
        files << dataDir() + QStringLiteral("/group/dlib-examples/bald_guys.jpg");
    }
    QStringList setArgs;
    for (const QString &a : parser.values(QStringLiteral("set")))
        setArgs << QStringLiteral("--set") << a;
    const bool stock = !parser.isSet(QStringLiteral("no-stock"));
    print(QStringLiteral("%1 %2 | %3 | %4")
              .arg(QStringLiteral("photo").leftJustified(16), QStringLiteral("size").leftJustified(10),
                   QStringLiteral("RollCall: faces (too small)   ms   peak MB"),
                   stock ? QStringLiteral("stock dlib x%1: faces   ms   peak MB | stock faces RollCall also found")
                               .arg(parser.value(QStringLiteral("upsample")))
                         : QString()));
    int oursTotal = 0;
    int stockTotal = 0;
    int stockFound = 0;
    double oursMs = 0;
    double stockMs = 0;
    for (const QString &file : files) {
        const QJsonObject ours
            = runChild(QStringList { QStringLiteral("detect-one") } + setArgs + QStringList { file });
        if (ours.contains(QLatin1String("error"))) {
            print(ours.value(QLatin1String("error")).toString());
            return 1;
        }
        QString line = QStringLiteral("%1 %2 | %3 (%4) %5 %6")
                           .arg(QFileInfo(file).fileName().leftJustified(16),
                                QStringLiteral("%1x%2")
                                    .arg(ours.value(QLatin1String("width")).toInt())
                                    .arg(ours.value(QLatin1String("height")).toInt())
                                    .leftJustified(10))
                           .arg(ours.value(QLatin1String("faces")).toInt(), 5)
                           .arg(ours.value(QLatin1String("too_small")).toInt(), 3)
                           .arg(ours.value(QLatin1String("ms")).toInt(), 6)
                           .arg(ours.value(QLatin1String("rss_mb")).toDouble(), 6, 'f', 0);
        oursTotal += ours.value(QLatin1String("faces")).toInt();
        oursMs += ours.value(QLatin1String("ms")).toDouble();
        if (stock) {
            const QJsonObject st
                = runChild({ QStringLiteral("detect-one"), QStringLiteral("--mode"), QStringLiteral("stock"),
                             QStringLiteral("--upsample"), parser.value(QStringLiteral("upsample")), file });
            const int found = matchedFaces(st.value(QLatin1String("boxes")).toArray(),
                                           ours.value(QLatin1String("boxes")).toArray());
            line += QStringLiteral(" | %1 %2 %3 | %4/%5")
                        .arg(st.value(QLatin1String("faces")).toInt(), 5)
                        .arg(st.value(QLatin1String("ms")).toInt(), 6)
                        .arg(st.value(QLatin1String("rss_mb")).toDouble(), 6, 'f', 0)
                        .arg(found)
                        .arg(st.value(QLatin1String("faces")).toInt());
            stockTotal += st.value(QLatin1String("faces")).toInt();
            stockFound += found;
            stockMs += st.value(QLatin1String("ms")).toDouble();
        }
        print(line);
    }
    print(QStringLiteral("total: RollCall %1 faces in %2 ms").arg(oursTotal).arg(qRound(oursMs))
          + (stock ? QStringLiteral("; stock %1 faces in %2 ms; stock faces RollCall also found: %3/%4")
                         .arg(stockTotal)
                         .arg(qRound(stockMs))
                         .arg(stockFound)
                         .arg(stockTotal)
                   : QString()));
    return 0;
}

int memoryBench(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("megapixels"), QStringLiteral("size of the test photo"), QStringLiteral("mp"),
                       QStringLiteral("12") });
    parser.process(args);
    const double mp = parser.value(QStringLiteral("megapixels")).toDouble();
    // A real class photo upscaled to the requested size (4:3), so it has real faces of realistic sizes.
    const auto source = ImageLoader().load(dataDir() + QStringLiteral("/group/retinaface/test.jpg"));
    if (!source) {
        print(source.error().message());
        return 3;
    }
    const int width = int(std::lround(std::sqrt(mp * 1e6 * 4.0 / 3.0)));
    const int height = int(std::lround(width * 3.0 / 4.0));
    cv::Mat big;
    cv::resize(*source, big, cv::Size(width, height), 0, 0, cv::INTER_CUBIC);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.jpg"));
    cv::imwrite(path.toStdString(), big, { cv::IMWRITE_JPEG_QUALITY, 90 });
    big.release();
    const QJsonObject ours = runChild({ QStringLiteral("detect-one"), path });
    print(
        QStringLiteral("%1x%2 (%3 MP, retinaface/test.jpg upscaled): %4 faces (%5 too small) in %6 ms, peak RSS %7 MB")
            .arg(width)
            .arg(height)
            .arg(double(width) * height / 1e6, 0, 'f', 1)
            .arg(ours.value(QLatin1String("faces")).toInt())
            .arg(ours.value(QLatin1String("too_small")).toInt())
            .arg(ours.value(QLatin1String("ms")).toInt())
            .arg(ours.value(QLatin1String("rss_mb")).toDouble(), 0, 'f', 0));
    return 0;
}

} // namespace rollcall::bench
