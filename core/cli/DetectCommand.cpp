#include "cli/DetectCommand.h"

#include "cli/CliContext.h"
#include "cli/CliJson.h"
#include "models/ModelRegistry.h"
#include "vision/ImageLoader.h"
#include "vision/detection/FaceDetector.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

namespace rollcall {

int DetectCommand::run(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("photo"), QStringLiteral("The photo to search."));
    int status = 0;
    if (!parseArguments(context, parser, args, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("detect needs exactly one photo"));

    QElapsedTimer total;
    total.start();
    auto detector = FaceDetector::create(context.models());
    if (!detector)
        return context.fail(detector.error());
    QElapsedTimer timer;
    timer.start();
    const auto image = ImageLoader().load(parser.positionalArguments().constFirst());
    if (!image)
        return context.fail(image.error());
    const double decodeMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    const auto found = detector.value()->detect(image.value());
    if (!found)
        return context.fail(found.error());
    const double detectMs = double(timer.nsecsElapsed()) / 1e6;

    const cv::Size size = image->size();
    if (parser.isSet(json)) {
        QJsonArray faces;
        for (const DetectedFace &f : found->faces)
            faces.append(CliJson::face(f, size));
        QJsonObject timings;
        timings.insert(QStringLiteral("decode"), qRound(decodeMs));
        timings.insert(QStringLiteral("propose"), qRound(found->proposeMs));
        timings.insert(QStringLiteral("confirm"), qRound(found->confirmMs));
        timings.insert(QStringLiteral("detect"), qRound(detectMs));
        timings.insert(QStringLiteral("total"), qRound(double(total.nsecsElapsed()) / 1e6));
        QJsonObject root;
        root.insert(QStringLiteral("image"),
                    QJsonObject { { QStringLiteral("width"), size.width }, { QStringLiteral("height"), size.height } });
        root.insert(QStringLiteral("faces"), faces);
        root.insert(QStringLiteral("detector"), FaceDetector::name());
        root.insert(QStringLiteral("device"), detector.value()->deviceName());
        root.insert(QStringLiteral("timings_ms"), timings);
        context.printJson(root);
        return 0;
    }
    int small = 0;
    for (const DetectedFace &f : found->faces)
        small += f.tooSmall ? 1 : 0;
    context.out() << QStringLiteral("%1 face(s) found in %2 ms (%3 too small to recognise)\n")
                         .arg(found->faces.size())
                         .arg(qRound(detectMs))
                         .arg(small);
    for (const DetectedFace &f : found->faces) {
        const QJsonArray box = CliJson::box(f.box, size);
        context.out() << QStringLiteral("  %1,%2 %3×%4  confidence %5%6\n")
                             .arg(box[0].toInt())
                             .arg(box[1].toInt())
                             .arg(box[2].toInt())
                             .arg(box[3].toInt())
                             .arg(double(f.confidence), 0, 'f', 2)
                             .arg(f.tooSmall ? QStringLiteral("  too small") : QString());
    }
    return 0;
}

} // namespace rollcall
