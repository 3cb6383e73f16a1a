#include "AppSettings.h"

#include "common/AppPaths.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace rollcall {

namespace {

QString locationFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("rollcall/location.ini"));
}

} // namespace

AppSettings AppSettings::load()
{
    const QSettings s(AppPaths::settingsPath(), QSettings::IniFormat);
    AppSettings out;
    out.modelsDir = s.value(QStringLiteral("models/dir")).toString();
    out.preferredEmbedder = s.value(QStringLiteral("models/embedder")).toString();
    out.minRecognisableFace
        = s.value(QStringLiteral("recognition/minRecognisableFace"), out.minRecognisableFace).toInt();
    out.attendanceThreshold = s.value(QStringLiteral("reports/attendanceThreshold"), out.attendanceThreshold).toInt();
    out.language = s.value(QStringLiteral("ui/language")).toString();
    out.device = s.value(QStringLiteral("vision/device"), out.device).toString();
    const QStringList keys = s.allKeys();
    for (const QString &key : keys) {
        // thresholds/<model id>/match and thresholds/<model id>/uncertainBand
        const QStringList parts = key.split(QLatin1Char('/'));
        if (parts.size() != 3 || parts.at(0) != QLatin1String("thresholds"))
            continue;
        bool ok = false;
        const double v = s.value(key).toDouble(&ok);
        if (!ok)
            continue;
        if (parts.at(2) == QLatin1String("match"))
            out.thresholds[parts.at(1)].match = v;
        else if (parts.at(2) == QLatin1String("uncertainBand"))
            out.thresholds[parts.at(1)].uncertainBand = v;
    }
    return out;
}

void AppSettings::save() const
{
    QSettings s(AppPaths::settingsPath(), QSettings::IniFormat);
    s.setValue(QStringLiteral("models/dir"), modelsDir);
    s.setValue(QStringLiteral("models/embedder"), preferredEmbedder);
    s.setValue(QStringLiteral("recognition/minRecognisableFace"), minRecognisableFace);
    s.setValue(QStringLiteral("reports/attendanceThreshold"), attendanceThreshold);
    s.setValue(QStringLiteral("ui/language"), language);
    s.setValue(QStringLiteral("vision/device"), device);
    s.remove(QStringLiteral("thresholds"));
    for (auto it = thresholds.cbegin(); it != thresholds.cend(); ++it) {
        if (it->match)
            s.setValue(QStringLiteral("thresholds/%1/match").arg(it.key()), *it->match);
        if (it->uncertainBand)
            s.setValue(QStringLiteral("thresholds/%1/uncertainBand").arg(it.key()), *it->uncertainBand);
    }
}

QVariant AppSettings::value(const QString &key, const QVariant &fallback)
{
    return QSettings(AppPaths::settingsPath(), QSettings::IniFormat).value(key, fallback);
}

void AppSettings::setValue(const QString &key, const QVariant &value)
{
    QSettings(AppPaths::settingsPath(), QSettings::IniFormat).setValue(key, value);
}

QString AppSettings::configuredDataDir()
{
    return QSettings(locationFile(), QSettings::IniFormat).value(QStringLiteral("dataDir")).toString();
}

void AppSettings::setConfiguredDataDir(const QString &dir)
{
    QSettings(locationFile(), QSettings::IniFormat).setValue(QStringLiteral("dataDir"), dir);
}

} // namespace rollcall
