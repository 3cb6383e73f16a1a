#include "i18n/Localization.h"

#include "common/LogCategories.h"

#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace rollcall {
namespace {

std::unique_ptr<QTranslator> g_rollcall;
std::unique_ptr<QTranslator> g_qt;
QString g_language;

// Installed translations first (they can be updated without a rebuild), then
// the copies compiled into the program.
QStringList searchPaths()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return { QDir(appDir).filePath(QStringLiteral("../share/rollcall/translations")),
             QDir(appDir).filePath(QStringLiteral("translations")),
             QDir(appDir).filePath(QStringLiteral("../Resources/translations")), QStringLiteral(":/i18n") };
}

QString baseLanguage(const QString &name)
{
    return name.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
}

} // namespace

QStringList Localization::availableLanguages()
{
    QStringList languages;
    const QStringList files
        = QDir(QStringLiteral(":/i18n")).entryList({ QStringLiteral("rollcall_*.qm") }, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(9, file.size() - 9 - 3)); // rollcall_<lang>.qm
    return languages;
}

QString Localization::chooseLanguage(const QString &explicitChoice, const QStringList &uiLanguages)
{
    const QStringList available = availableLanguages();
    const QString chosen = baseLanguage(explicitChoice);
    if (!chosen.isEmpty()) {
        if (available.contains(chosen))
            return chosen;
        qCWarning(lcUi) << "no translation for language" << explicitChoice << "- using the system language";
    }
    for (const QString &language : uiLanguages) {
        if (available.contains(baseLanguage(language)))
            return baseLanguage(language);
    }
    return QStringLiteral("en");
}

bool Localization::install(const QString &language)
{
    if (g_rollcall)
        QCoreApplication::removeTranslator(g_rollcall.get());
    if (g_qt)
        QCoreApplication::removeTranslator(g_qt.get());
    g_rollcall = std::make_unique<QTranslator>();
    g_qt = std::make_unique<QTranslator>();
    g_language = language;

    const QLocale system = QLocale::system();
    const QLocale locale(QLocale(language).language(), system.territory());
    QLocale::setDefault(locale);

    bool loaded = false;
    for (const QString &dir : searchPaths()) {
        if (g_rollcall->load(QStringLiteral("rollcall_%1").arg(language), dir)) {
            loaded = true;
            qCInfo(lcUi).noquote() << "translation" << language << "from" << dir;
            break;
        }
    }
    if (loaded)
        QCoreApplication::installTranslator(g_rollcall.get());
    else
        qCWarning(lcUi) << "no RollCall translation for" << language;

    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (language != QLatin1String("en") && g_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDir)) {
        QCoreApplication::installTranslator(g_qt.get());
    } else {
        g_qt.reset();
        if (language != QLatin1String("en"))
            qCInfo(lcUi) << "Qt has no translation for" << language << "in" << qtDir
                         << "- standard dialogs stay in English";
    }
    return loaded;
}

bool Localization::qtTranslationLoaded()
{
    return g_qt && !g_qt->isEmpty();
}

QString Localization::currentLanguage()
{
    return g_language;
}

QString Localization::nativeName(const QString &language)
{
    if (language == QLatin1String("en"))
        return QStringLiteral("English"); // not "American English"
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name;
}

} // namespace rollcall
