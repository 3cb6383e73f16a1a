#pragma once

#include "common/Settings.h"
#include "vision/VisionSettings.h"

#include <QHash>
#include <QString>

namespace rollcall {

class EmbedderSpec;

// Everything the settings decide about recognition, applied by core so that the
// GUI and the CLI give the same result for the same photo, roster and settings
// (RecognitionPipeline::setConfig). CLI options may change a field for one run.
struct RecognitionConfig
{
    QString embedderModel; // empty: EmbedderFactory's default
    DetectionSettings detection;
    QualitySettings quality;
    QHash<QString, Settings::Thresholds> thresholds; // overrides per model id

    static RecognitionConfig fromSettings(const Settings &settings);
    // From <data>/settings.ini.
    static RecognitionConfig load();

    // spec with this config's threshold overrides for its model applied.
    EmbedderSpec applied(const EmbedderSpec &spec) const;
};

} // namespace rollcall
