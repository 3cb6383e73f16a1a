#include "vision/embedding/EmbedderSpec.h"

#include "models/ModelDescriptor.h"

namespace rollcall {

Result<EmbedderSpec> EmbedderSpec::fromDescriptor(const ModelDescriptor &descriptor)
{
    const QJsonObject &j = descriptor.raw;
    const auto fail = [&](const QString &what) {
        return Error::modelMissing(QStringLiteral("Model descriptor \"%1\": %2").arg(descriptor.id, what));
    };
    if (descriptor.role != QLatin1String("embedder"))
        return fail(QStringLiteral("not an embedding model"));
    EmbedderSpec s;
    s.id = descriptor.id;
    s.name = descriptor.name;
    const QString engine = j.value(QLatin1String("engine")).toString();
    if (engine == QLatin1String("dlib"))
        s.engine = Engine::Dlib;
    else if (engine == QLatin1String("opencv-dnn") || engine == QLatin1String("onnx"))
        s.engine = Engine::OpenCvDnn;
    else
        return fail(QStringLiteral("\"engine\" must be \"dlib\" or \"opencv-dnn\""));
    s.inputSize = j.value(QLatin1String("input_size")).toInt(s.inputSize);
    s.chipPadding = j.value(QLatin1String("chip_padding")).toDouble(s.chipPadding);
    const QString layout = j.value(QLatin1String("layout")).toString(QStringLiteral("NCHW")).toUpper();
    if (layout == QLatin1String("NCHW"))
        s.layout = Layout::Nchw;
    else if (layout == QLatin1String("NHWC"))
        s.layout = Layout::Nhwc;
    else
        return fail(QStringLiteral("\"layout\" must be NCHW or NHWC"));
    const QString colour = j.value(QLatin1String("colour_order")).toString(QStringLiteral("RGB")).toUpper();
    if (colour == QLatin1String("RGB"))
        s.colourOrder = ColourOrder::Rgb;
    else if (colour == QLatin1String("BGR"))
        s.colourOrder = ColourOrder::Bgr;
    else
        return fail(QStringLiteral("\"colour_order\" must be RGB or BGR"));
    const QString resize = j.value(QLatin1String("resize")).toString(QStringLiteral("stretch"));
    if (resize == QLatin1String("stretch"))
        s.resize = Resize::Stretch;
    else if (resize == QLatin1String("letterbox"))
        s.resize = Resize::Letterbox;
    else
        return fail(QStringLiteral("\"resize\" must be stretch or letterbox"));
    const QJsonObject norm = j.value(QLatin1String("normalisation")).toObject();
    s.pixelMean = norm.value(QLatin1String("mean")).toDouble(0.0);
    s.pixelScale = norm.value(QLatin1String("scale")).toDouble(1.0);
    s.outputSize = j.value(QLatin1String("output_size")).toInt(0);
    s.metric = j.value(QLatin1String("metric")).toString(s.metric);
    s.flipAverage = j.value(QLatin1String("flip_average")).toBool(false);
    if (qEnvironmentVariableIsSet("ROLLCALL_FLIP_AVERAGE")) // for benchmarks: compare with and without
        s.flipAverage = qEnvironmentVariableIntValue("ROLLCALL_FLIP_AVERAGE") != 0;
    s.matchThreshold = j.value(QLatin1String("match_threshold")).toDouble(s.matchThreshold);
    s.uncertainBand = j.value(QLatin1String("uncertain_band")).toDouble(s.uncertainBand);
    s.ambiguityMargin = j.value(QLatin1String("ambiguity_margin")).toDouble(s.ambiguityMargin);
    s.confidentMargin = j.value(QLatin1String("confident_margin")).toDouble(s.ambiguityMargin);
    s.smallFacePx = j.value(QLatin1String("small_face_px")).toInt(0);
    s.smallFaceConfident = j.value(QLatin1String("small_face_confident")).toDouble(s.matchThreshold - s.uncertainBand);
    if (s.inputSize < 16 || s.inputSize > 1024)
        return fail(QStringLiteral("\"input_size\" is out of range"));
    if (s.outputSize < 2 || s.outputSize > 8192)
        return fail(QStringLiteral("\"output_size\" is missing or out of range"));
    if (s.metric != QLatin1String("cosine"))
        return fail(QStringLiteral("only the \"cosine\" metric is supported"));
    if (s.matchThreshold <= 0.0 || s.matchThreshold >= 2.0 || s.uncertainBand < 0.0
        || s.uncertainBand > s.matchThreshold)
        return fail(QStringLiteral("\"match_threshold\"/\"uncertain_band\" are out of range"));
    if (s.ambiguityMargin < 0.0 || s.ambiguityMargin > 1.0 || s.confidentMargin < 0.0 || s.confidentMargin > 1.0)
        return fail(QStringLiteral("\"ambiguity_margin\"/\"confident_margin\" are out of range"));
    if (s.smallFacePx < 0 || s.smallFacePx > 1000 || s.smallFaceConfident <= 0.0
        || s.smallFaceConfident > s.matchThreshold)
        return fail(QStringLiteral("\"small_face_px\"/\"small_face_confident\" are out of range"));
    if (s.engine == Engine::Dlib && (s.inputSize != 150 || s.outputSize != 128))
        return fail(QStringLiteral("the dlib ResNet takes 150 px chips and gives 128 values"));
    return s;
}

} // namespace rollcall
