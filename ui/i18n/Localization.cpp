#include "i18n/Localization.h"

#include "common/LogCategories.h"

#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace rollcall {
namespace {

// The strings of Qt's standard buttons and dialogs, with Qt 6's own contexts
// and texts. Qt ships no Hindi translation, so lupdate copies these into
// RollCall's .ts files and RollCall's translator supplies them; where Qt has a
// translation, Qt's translator (installed later, asked first) wins. Only lupdate
// and the localization test read this table.
[[maybe_unused]] constexpr const char *kQtStrings[][2] = {
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "OK") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&No") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Help") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Open") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Abort") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Apply") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Close") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Reset") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Retry") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save All") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Discard") },
    { "QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All") },
    { "QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "Show Details...") },
    { "QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "Hide Details...") },
    { "QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "About Qt") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Look in:") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "File &name:") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of type:") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Open") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Save") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Choose") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Open") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Save As") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Find Directory") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Directory:") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Directories") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "All files (*)") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Back") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Forward") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Go back") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Go forward") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "New Folder") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&New Folder") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Rename") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Delete") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "List View") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Detail View") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Recent Places") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Sidebar") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?") },
    { "QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?") },
    { "QFileDialog",
      QT_TRANSLATE_NOOP("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given.") },
    { "QFileDialog",
      QT_TRANSLATE_NOOP("QFileDialog",
                        "%1\nDirectory not found.\nPlease verify the correct directory name was given.") },
    { "QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Name") },
    { "QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Size") },
    { "QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Type") },
    { "QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Kind") },
    { "QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified") },
    { "QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Computer") },
    { "QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer") },
    { "QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Undo") },
    { "QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Redo") },
    { "QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Cu&t") },
    { "QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Copy") },
    { "QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Paste") },
    { "QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Delete") },
    { "QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Select All") },
    { "QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo") },
    { "QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo") },
    { "QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t") },
    { "QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy") },
    { "QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste") },
    { "QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete") },
    { "QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All") },
    { "QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "< &Back") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "&Next >") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "&Next") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "&Finish") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "Cancel") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "&Help") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "Help") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "Done") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "Continue") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "Commit") },
    { "QWizard", QT_TRANSLATE_NOOP("QWizard", "Go Back") },
    { "QInputDialog", QT_TRANSLATE_NOOP("QInputDialog", "Enter a value:") },
    { "QProgressDialog", QT_TRANSLATE_NOOP("QProgressDialog", "Cancel") },
};

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
