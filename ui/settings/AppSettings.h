#pragma once

#include <QHash>
#include <QString>
#include <QVariant>

#include <optional>

namespace rollcall {

// The GUI's settings with their defaults, in one place. They live in
// <data>/settings.ini (AppPaths::settingsPath()), so a data folder is a
// self-contained profile; only the data folder's own location is kept outside
// it, in the user's configuration folder.
struct AppSettings
{
    // Overrides of the recognition thresholds per model id (cosine distance); unset: the
    // model descriptor's match_threshold / uncertain_band. (Photo retention lives in the
    // database: storage's PhotoRetention.)
    struct Thresholds
    {
        std::optional<double> match;
        std::optional<double> uncertainBand; // matches this close below the threshold need review
    };

    QString modelsDir; // empty: the default (AppPaths)
    QString preferredEmbedder; // model id; empty: automatic
    QHash<QString, Thresholds> thresholds;
    int minRecognisableFace = 24; // px, smaller faces are shown as "too small"
    int attendanceThreshold = 75; // percent; students below it are flagged
    QString language; // empty: the system's
    QString device = QStringLiteral("auto"); // auto, cpu or cuda (ComputeDevice::Preference)

    static AppSettings load();
    void save() const;

    // Free-form values (window geometry and the like).
    static QVariant value(const QString &key, const QVariant &fallback = {});
    static void setValue(const QString &key, const QVariant &value);

    // The data folder chosen in the settings (outside the data folder), empty: default.
    static QString configuredDataDir();
    static void setConfiguredDataDir(const QString &dir);
};

} // namespace rollcall
