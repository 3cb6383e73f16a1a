#pragma once

#include "common/Result.h"

#include <QString>

namespace rollcall {

class ModelDescriptor;

// The input/output contract and matching thresholds of an embedding model,
// read from its descriptor (core/models/descriptors/*.json or a user's).
class EmbedderSpec
{
public:
    enum class Engine { Dlib, OpenCvDnn };
    enum class Layout { Nchw, Nhwc };
    enum class ColourOrder { Rgb, Bgr };
    enum class Resize { Stretch, Letterbox };

    static Result<EmbedderSpec> fromDescriptor(const ModelDescriptor &descriptor);

    QString id;
    QString name;
    Engine engine = Engine::Dlib;
    int inputSize = 150; // square chips of this many pixels
    double chipPadding = 0.25; // dlib face-chip padding used to cut the chip
    Layout layout = Layout::Nchw;
    ColourOrder colourOrder = ColourOrder::Rgb;
    Resize resize = Resize::Stretch; // for chips of another size
    double pixelMean = 0.0; // input = (pixel − mean) × scale
    double pixelScale = 1.0;
    int outputSize = 128;
    // Average the embeddings of each chip and its mirror image (test-time augmentation).
    bool flipAverage = false;
    QString metric = QStringLiteral("cosine");
    // Cosine distance at or below which a face may match a student (LFW-calibrated).
    double matchThreshold = 0.3;
    // Matches within this distance below matchThreshold are flagged "uncertain".
    double uncertainBand = 0.05;
    // Two faces whose best and second-best students are closer than this are
    // ambiguous: the match is flagged uncertain.
    double ambiguityMargin = 0.0;
    // A confident verdict also needs the runner-up student this much farther;
    // closer runners-up make the match uncertain (review).
    double confidentMargin = 0.0;
    // Faces narrower than smallFacePx (detector box, original pixels) are
    // confident only at or below smallFaceConfident: their embeddings are
    // noisier (0: no separate rule).
    int smallFacePx = 0;
    double smallFaceConfident = 0.0;
};

} // namespace rollcall
