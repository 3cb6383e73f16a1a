#include "vision/RecognitionConfig.h"

#include "vision/embedding/EmbedderSpec.h"

namespace rollcall {

RecognitionConfig RecognitionConfig::fromSettings(const Settings &settings)
{
    RecognitionConfig config;
    config.embedderModel = settings.string(Settings::Key::EmbeddingModel);
    config.detection.minRecognisableSize = settings.integer(Settings::Key::MinRecognisableFace);
    config.quality.enrolmentJitters = settings.integer(Settings::Key::EnrolmentJitters);
    for (const QString &model : settings.modelsWithThresholds()) {
        const Settings::Thresholds t = settings.thresholds(model);
        if (t.isSet())
            config.thresholds.insert(model, t);
    }
    return config;
}

RecognitionConfig RecognitionConfig::load()
{
    return fromSettings(Settings());
}

EmbedderSpec RecognitionConfig::applied(const EmbedderSpec &spec) const
{
    EmbedderSpec out = spec;
    const Settings::Thresholds t = thresholds.value(spec.id);
    out.matchThreshold = t.match.value_or(spec.matchThreshold);
    out.uncertainBand = t.uncertainBand.value_or(spec.uncertainBand);
    // A band wider than the (overridden) threshold would make every match uncertain.
    out.uncertainBand = std::min(out.uncertainBand, out.matchThreshold);
    return out;
}

} // namespace rollcall
