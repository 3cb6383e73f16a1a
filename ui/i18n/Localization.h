#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace rollcall {

// Which language the GUI speaks, and loading it: RollCall's translation
// (translations/rollcall_<lang>.ts, compiled in; an installed .qm of the same
// name in <prefix>/share/rollcall/translations takes precedence), Qt's own
// translation for standard dialogs when Qt ships one (there is no qtbase_hi:
// those dialogs then stay English), and the default QLocale, so numbers and
// dates follow the chosen language.
class Localization
{
    Q_DECLARE_TR_FUNCTIONS(Localization)

public:
    // explicitChoice (from --language or the setting) if RollCall has it, else
    // the first of the system's UI languages that it has, else English.
    static QString chooseLanguage(const QString &explicitChoice,
                                  const QStringList &uiLanguages = QLocale::system().uiLanguages());
    // Installs the translators for language ("en", "hi") on the application,
    // replacing earlier ones, and makes QLocale's default follow it (keeping the
    // system's territory). False if RollCall's translation could not be loaded.
    static bool install(const QString &language);
    // Languages with a translation compiled in, e.g. {"en", "hi"}.
    static QStringList availableLanguages();
    // A language's own name ("English", "हिन्दी"), for a language menu.
    static QString nativeName(const QString &language);
    // Whether Qt's own translation for the installed language was found.
    static bool qtTranslationLoaded();
    static QString currentLanguage();
};

} // namespace rollcall
