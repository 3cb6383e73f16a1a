#include "common/Settings.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "common/PrivateFiles.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace rollcall {
namespace {

struct Definition
{
    Settings::Key key;
    const char *name; // the key in settings.ini (kept from earlier versions)
    QMetaType::Type type;
    QVariant defaultValue;
    int minimum = 0; // integers only
    int maximum = 0;
    QStringList choices = {}; // strings only; empty: any
};

// The one defaults table.
const std::array<Definition, 11> &definitions()
{
    static const std::array<Definition, 11> table { {
        { Settings::Key::ModelsDir, "models/dir", QMetaType::QString, QString() },
        { Settings::Key::ModelBaseUrl, "models/base_url", QMetaType::QString, QString() },
        { Settings::Key::EmbeddingModel, "models/embedder", QMetaType::QString, QString() },
        { Settings::Key::Device,
          "vision/device",
          QMetaType::QString,
          QStringLiteral("auto"),
          0,
          0,
          { QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda") } },
        { Settings::Key::MinRecognisableFace, "recognition/minRecognisableFace", QMetaType::Int, 24, 8, 400 },
        { Settings::Key::EnrolmentJitters, "recognition/enrolmentJitters", QMetaType::Int, 0, 0, 16 },
        { Settings::Key::AttendanceThreshold, "reports/attendanceThreshold", QMetaType::Int, 75, 0, 100 },
        { Settings::Key::Language, "ui/language", QMetaType::QString, QString() },
        { Settings::Key::SkipFirstRun, "firstRun/skipModelCheck", QMetaType::Bool, false },
        { Settings::Key::PhonePort, "phone/port", QMetaType::Int, 47800, 0, 65535 },
        { Settings::Key::PhoneAddresses, "phone/addresses", QMetaType::QString, QString() },
    } };
    return table;
}

const Definition &definition(Settings::Key key)
{
    for (const Definition &d : definitions()) {
        if (d.key == key)
            return d;
    }
    Q_UNREACHABLE();
}

QString locationFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("rollcall/location.ini"));
}

QString thresholdKey(const QString &modelId, const char *which)
{
    return QStringLiteral("thresholds/%1/%2").arg(modelId, QLatin1String(which));
}

std::optional<double> storedDouble(const QSettings &s, const QString &key)
{
    if (!s.contains(key))
        return std::nullopt;
    bool ok = false;
    const double v = s.value(key).toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

Settings::Settings(const QString &file)
    : m_settings(std::make_unique<QSettings>(file.isEmpty() ? AppPaths::settingsPath() : file, QSettings::IniFormat))
{ }

Settings::~Settings()
{
    sync();
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QString Settings::keyName(Key key)
{
    return QLatin1String(definition(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return definition(key).defaultValue;
}

QList<Settings::Key> Settings::allKeys()
{
    QList<Key> keys;
    for (const Definition &d : definitions())
        keys << d.key;
    return keys;
}

std::optional<Settings::Key> Settings::keyFromName(const QString &name)
{
    for (const Definition &d : definitions()) {
        if (name == QLatin1String(d.name))
            return d.key;
    }
    return std::nullopt;
}

std::optional<QVariant> Settings::validated(Key key, const QVariant &value)
{
    const Definition &d = definition(key);
    switch (d.type) {
    case QMetaType::Int: {
        bool ok = false;
        const int v = value.toString().trimmed().toInt(&ok);
        if (!ok || v < d.minimum || v > d.maximum)
            return std::nullopt;
        return QVariant(v);
    }
    case QMetaType::Bool: {
        const QString text = value.toString().trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1"))
            return QVariant(true);
        if (text == QLatin1String("false") || text == QLatin1String("0"))
            return QVariant(false);
        return std::nullopt;
    }
    default: {
        const QString text = value.toString().trimmed();
        if (!d.choices.isEmpty() && !d.choices.contains(text))
            return std::nullopt;
        return QVariant(text);
    }
    }
}

QVariant Settings::value(Key key) const
{
    const Definition &d = definition(key);
    const QString name = QLatin1String(d.name);
    if (!m_settings->contains(name))
        return d.defaultValue;
    const std::optional<QVariant> v = validated(key, m_settings->value(name));
    if (!v) {
        qCWarning(lcApp) << "setting" << name << "in" << m_settings->fileName() << "is not valid; using the default";
        return d.defaultValue;
    }
    return *v;
}

bool Settings::setValue(Key key, const QVariant &value)
{
    const std::optional<QVariant> v = validated(key, value);
    if (!v)
        return false;
    m_settings->setValue(keyName(key), *v);
    return true;
}

void Settings::reset(Key key)
{
    m_settings->remove(keyName(key));
}

bool Settings::Thresholds::isValid() const
{
    if (match && !(*match > 0.0 && *match <= 2.0))
        return false;
    if (uncertainBand && !(*uncertainBand >= 0.0 && *uncertainBand < 2.0))
        return false;
    return !(match && uncertainBand && *uncertainBand >= *match);
}

Settings::Thresholds Settings::thresholds(const QString &modelId) const
{
    Thresholds t { storedDouble(*m_settings, thresholdKey(modelId, "match")),
                   storedDouble(*m_settings, thresholdKey(modelId, "uncertainBand")) };
    if (!t.isValid()) {
        qCWarning(lcApp) << "threshold overrides of" << modelId << "are not valid; using the model's";
        return {};
    }
    return t;
}

bool Settings::setThresholds(const QString &modelId, const Thresholds &thresholds)
{
    if (modelId.isEmpty() || modelId.contains(QLatin1Char('/')) || !thresholds.isValid())
        return false;
    m_settings->remove(QStringLiteral("thresholds/") + modelId);
    if (thresholds.match)
        m_settings->setValue(thresholdKey(modelId, "match"), *thresholds.match);
    if (thresholds.uncertainBand)
        m_settings->setValue(thresholdKey(modelId, "uncertainBand"), *thresholds.uncertainBand);
    return true;
}

QStringList Settings::modelsWithThresholds() const
{
    m_settings->beginGroup(QStringLiteral("thresholds"));
    const QStringList models = m_settings->childGroups();
    m_settings->endGroup();
    return models;
}

QVariant Settings::extra(const QString &key, const QVariant &fallback) const
{
    return m_settings->value(key, fallback);
}

void Settings::setExtra(const QString &key, const QVariant &value)
{
    m_settings->setValue(key, value);
}

QString Settings::configuredDataDir()
{
    return QSettings(locationFile(), QSettings::IniFormat).value(QStringLiteral("dataDir")).toString();
}

void Settings::setConfiguredDataDir(const QString &dir)
{
    QSettings(locationFile(), QSettings::IniFormat).setValue(QStringLiteral("dataDir"), dir);
}

bool Settings::sync()
{
    m_settings->sync();
    // Later saves keep the mode (QSaveFile copies it from the file it replaces).
    PrivateFiles::restrict(m_settings->fileName());
    return m_settings->status() == QSettings::NoError;
}

} // namespace rollcall
