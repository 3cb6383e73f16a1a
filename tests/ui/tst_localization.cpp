#include "MainWindow.h"
#include "UiFixture.h"
#include "common/AppPaths.h"
#include "i18n/Localization.h"
#include "mark/MarkDialog.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::UiFixture;

class TestLocalization : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offersEnglishAndHindi();
    void choosesFromSettingThenSystem();
    void hindiTranslatesTheMainMenus();
    void hindiTranslatesTheMarkView();
    void hindiFormatsDatesAndNumbers();
    void englishHasPluralForms();
    void qtsOwnTranslationIsOptional();

private:
    static bool isDevanagari(const QString &text);
    QTemporaryDir m_data;
};

void TestLocalization::initTestCase()
{
    AppPaths::setDataDirOverride(m_data.path());
}

void TestLocalization::cleanup()
{
    Localization::install(QStringLiteral("en"));
}

bool TestLocalization::isDevanagari(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("[\\x{0900}-\\x{097F}]"));
    return text.contains(re);
}

void TestLocalization::offersEnglishAndHindi()
{
    const QStringList languages = Localization::availableLanguages();
    QVERIFY(languages.contains(QStringLiteral("en")));
    QVERIFY(languages.contains(QStringLiteral("hi")));
    QCOMPARE(Localization::nativeName(QStringLiteral("hi")), QStringLiteral("हिन्दी"));
    QCOMPARE(Localization::nativeName(QStringLiteral("en")), QStringLiteral("English"));
}

void TestLocalization::choosesFromSettingThenSystem()
{
    const QStringList hindiSystem { QStringLiteral("hi-IN"), QStringLiteral("en-IN") };
    const QStringList germanSystem { QStringLiteral("de-DE") };
    QCOMPARE(Localization::chooseLanguage({}, hindiSystem), QStringLiteral("hi"));
    QCOMPARE(Localization::chooseLanguage({}, germanSystem), QStringLiteral("en"));
    QCOMPARE(Localization::chooseLanguage(QStringLiteral("en"), hindiSystem), QStringLiteral("en"));
    QCOMPARE(Localization::chooseLanguage(QStringLiteral("hi_IN"), germanSystem), QStringLiteral("hi"));
    QCOMPARE(Localization::chooseLanguage(QStringLiteral("fr"), hindiSystem), QStringLiteral("hi"));
}

void TestLocalization::hindiTranslatesTheMainMenus()
{
    QVERIFY(Localization::install(QStringLiteral("hi")));
    QCOMPARE(Localization::currentLanguage(), QStringLiteral("hi"));
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(&fixture.db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 6); // File, Students, Attendance, Reports, Sync, Help
    int items = 0;
    for (const QAction *menu : menus) {
        QVERIFY2(isDevanagari(menu->text()), qPrintable(menu->text()));
        QVERIFY2(menu->text().contains(QLatin1Char('&')), qPrintable(menu->text())); // keyboard access kept
        for (const QAction *item : menu->menu()->actions()) {
            if (item->isSeparator() || item->menu())
                continue;
            ++items;
            QVERIFY2(isDevanagari(item->text()), qPrintable(menu->text() + QStringLiteral(" ▸ ") + item->text()));
        }
    }
    QVERIFY(items >= 10);
    QCOMPARE(window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"))->title(), QStringLiteral("फ़ाइल (&F)"));
    QCOMPARE(window.menuBar()->findChild<QMenu *>(QStringLiteral("menuAttendance"))->title(),
             QStringLiteral("उपस्थिति (&A)"));
}

void TestLocalization::hindiTranslatesTheMarkView()
{
    QVERIFY(Localization::install(QStringLiteral("hi")));
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("CS-101"), QStringLiteral("Data structures"));
    fixture.addStudent(cls.id, QStringLiteral("S1"), QStringLiteral("Asha"));
    fixture.addStudent(cls.id, QStringLiteral("S2"), QStringLiteral("Ravi"));
    MarkDialog dialog(&fixture.db());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY(!dialog.isBusy() && dialog.rosterTable()->model()->rowCount() == 2);

    QCOMPARE(dialog.windowTitle(), QStringLiteral("उपस्थिति दर्ज करें"));
    for (const char *name :
         { "addPhotosButton", "webcamButton", "confirmAllButton", "saveSessionButton", "closeButton" }) {
        const auto *button = dialog.findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button, name);
        QVERIFY2(isDevanagari(button->text()), qPrintable(QLatin1String(name) + QStringLiteral(": ") + button->text()));
    }
    const QAbstractItemModel *roster = dialog.rosterTable()->model();
    for (int column = 0; column < roster->columnCount(); ++column) {
        const QString header = roster->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(header.isEmpty() || isDevanagari(header), qPrintable(header));
    }
    QCOMPARE(roster->headerData(1, Qt::Horizontal).toString(), QStringLiteral("नाम"));
    bool sawHindiStatus = false;
    for (int column = 0; column < roster->columnCount(); ++column)
        sawHindiStatus = sawHindiStatus || isDevanagari(roster->index(0, column).data().toString());
    QVERIFY2(sawHindiStatus, "no roster cell shows a Hindi status");
    const auto *summary = dialog.findChild<QLabel *>(QStringLiteral("markSummary"));
    QVERIFY(summary);
    QVERIFY2(isDevanagari(summary->text()), qPrintable(summary->text()));
    const auto *legend = dialog.findChild<QLabel *>(QStringLiteral("markLegend"));
    QVERIFY(legend && isDevanagari(legend->text()));
    dialog.reject();
}

void TestLocalization::hindiFormatsDatesAndNumbers()
{
    QVERIFY(Localization::install(QStringLiteral("hi")));
    const QLocale locale;
    QCOMPARE(locale.language(), QLocale::Hindi);
    QVERIFY2(locale.toString(QDate(2025, 1, 15), QLocale::LongFormat).contains(QStringLiteral("जनवरी")),
             qPrintable(locale.toString(QDate(2025, 1, 15), QLocale::LongFormat)));
    QVERIFY(!locale.toString(1234.5, 'f', 1).isEmpty());
    QVERIFY(Localization::install(QStringLiteral("en")));
    QCOMPARE(QLocale().language(), QLocale::English);
    QVERIFY(QLocale().toString(QDate(2025, 1, 15), QLocale::LongFormat).contains(QStringLiteral("January")));
}

void TestLocalization::englishHasPluralForms()
{
    QVERIFY(Localization::install(QStringLiteral("en")));
    const QString one = QCoreApplication::translate("rollcall::MainWindow", "Models: %n missing", nullptr, 1);
    const QString two = QCoreApplication::translate("rollcall::MainWindow", "Models: %n missing", nullptr, 2);
    QVERIFY(one.contains(QLatin1String("1")));
    QVERIFY(two.contains(QLatin1String("2")));
    QVERIFY(Localization::install(QStringLiteral("hi")));
    QVERIFY(isDevanagari(QCoreApplication::translate("rollcall::MainWindow", "Models: %n missing", nullptr, 2)));
}

void TestLocalization::qtsOwnTranslationIsOptional()
{
    // Qt ships no qtbase_hi.qm (Debian 12): Hindi still loads, standard dialogs stay English.
    const bool qtHasHindi
        = QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_hi.qm"));
    QVERIFY(Localization::install(QStringLiteral("hi")));
    QCOMPARE(Localization::qtTranslationLoaded(), qtHasHindi);
    // Either way the standard buttons speak Hindi: RollCall's translation covers Qt's strings.
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
    for (const QAbstractButton *button : buttons.buttons())
        QVERIFY2(isDevanagari(button->text()), qPrintable(button->text()));
    QVERIFY(isDevanagari(QCoreApplication::translate("QFileDialog", "Look in:")));
}

QTEST_MAIN(TestLocalization)
#include "tst_localization.moc"
