#pragma once

#include "vision/VisionSettings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace rollcall::bench {

// Shared bits of the vision benchmarks.
QString dataDir(); // ../shared/data unless ROLLCALL_TEST_DATA_DIR is set
QString modelsDir();
long peakRssKb(); // of this process since the last resetPeakRss()
void resetPeakRss();
// Applies "name=value" overrides to detection settings; false on an unknown name.
bool applyDetectionSetting(DetectionSettings &settings, const QString &assignment);
// Runs this program again with args and returns the JSON object its last stdout line holds.
QJsonObject runChild(const QStringList &args);
void print(const QString &line);

} // namespace rollcall::bench
