#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

class QSettings;

namespace rollcall {

// RollCall's settings, shared by the GUI, the CLI and the model downloader.
// They live in <data>/settings.ini (AppPaths::settingsPath()), so a data folder
// is a self-contained profile. Every key has its name, type, default and range
// in one table (Settings.cpp); a stored value that is not valid reads as the
// default. Per-model threshold overrides are kept beside them.
// Not thread-safe: make one Settings per thread (they share the file).
class Settings
{
public:
    enum class Key {
        ModelsDir, // empty: the default (AppPaths)
        ModelBaseUrl, // where the first-run dialog downloads models; empty: none
        EmbeddingModel, // model id; empty: automatic (EmbedderFactory's default)
        Device, // auto, cpu or cuda (ComputeDevice::Preference)
        MinRecognisableFace, // px (longer side); smaller faces are "too small"
        EnrolmentJitters, // extra jittered embeddings per registration photo
        AttendanceThreshold, // percent; students below it are flagged
        Language, // empty: the system's
        SkipFirstRun, // the first-run dialog's "don't show again"
        PhonePort, // TCP port of the "From phone" page (one firewall rule); 0: any free port
        PhoneAddresses, // comma-separated addresses it listens on; empty: every LAN address
    };

    // Overrides of a model's recognition thresholds (cosine distance); unset:
    // the model descriptor's match_threshold / uncertain_band.
    struct Thresholds
    {
        std::optional<double> match;
        std::optional<double> uncertainBand; // matches this close below the threshold need review

        bool isSet() const { return match.has_value() || uncertainBand.has_value(); }
        // Distances in (0, 2] for the threshold, [0, 2) for the band, the band below the threshold.
        bool isValid() const;
        bool operator==(const Thresholds &) const = default;
    };

    // file empty: AppPaths::settingsPath() at the time of the call.
    explicit Settings(const QString &file = {});
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QString fileName() const;

    QVariant value(Key key) const;
    QString string(Key key) const { return value(key).toString(); }
    int integer(Key key) const { return value(key).toInt(); }
    bool flag(Key key) const { return value(key).toBool(); }
    // Stores value when it is valid for the key; false (nothing stored) otherwise.
    bool setValue(Key key, const QVariant &value);
    void reset(Key key);

    Thresholds thresholds(const QString &modelId) const;
    // False (nothing stored) when a value is out of range (0 < match ≤ 2, 0 ≤ band < match).
    bool setThresholds(const QString &modelId, const Thresholds &thresholds);
    QStringList modelsWithThresholds() const;

    // Free-form values that are not settings (window geometry and the like).
    QVariant extra(const QString &key, const QVariant &fallback = {}) const;
    void setExtra(const QString &key, const QVariant &value);

    // Writes pending changes; false when the file cannot be written.
    bool sync();

    // The data folder chosen in the GUI, kept outside any data folder (the user's
    // configuration folder); empty: the default.
    static QString configuredDataDir();
    static void setConfiguredDataDir(const QString &dir);

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
    static QList<Key> allKeys();
    static std::optional<Key> keyFromName(const QString &name);
    // value converted to the key's type and checked against its range.
    static std::optional<QVariant> validated(Key key, const QVariant &value);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace rollcall
