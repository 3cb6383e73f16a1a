#include "MainWindow.h"
#include "UiFixture.h"
#include "dashboard/DashboardView.h"
#include "dashboard/GettingStartedPage.h"
#include "i18n/Localization.h"
#include "mark/MarkDialog.h"
#include "storage/Backup.h"
#include "storage/ClassRepository.h"
#include "students/ClassDialog.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace rollcall;
using rollcall::test::UiFixture;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAndClosesOffscreen();
    void menusAndShortcuts();
    void createsClassThroughTheDialog();
    void remembersGeometry();
    void backsUpOffTheGuiThread();
    void gettingStartedGuidesToAFirstSession();
    void tablesShowWholeCells_data();
    void tablesShowWholeCells();
};

void TestMainWindow::opensAndClosesOffscreen()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    auto *window = new MainWindow(&fixture.db());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->menuBar()->findChild<QMenu *>(QStringLiteral("menuFile")));
    QVERIFY(window->menuBar()->findChild<QMenu *>(QStringLiteral("menuHelp")));
    const QLabel *device = window->statusBar()->findChild<QLabel *>(QStringLiteral("statusDevice"));
    QVERIFY(device);
    QVERIFY2(device->text().contains(QLatin1String("cpu")) || device->text().contains(QLatin1String("cuda")),
             qPrintable(device->text()));
    const QLabel *database = window->statusBar()->findChild<QLabel *>(QStringLiteral("statusDatabase"));
    QVERIFY(database && database->text().contains(fixture.dataDir()));
    const QLabel *models = window->statusBar()->findChild<QLabel *>(QStringLiteral("statusModels"));
    QVERIFY(models && !models->text().isEmpty());
    // ui/reports fills the Reports menu (with the data folder's database open).
    const auto *reports = window->menuBar()->findChild<QMenu *>(QStringLiteral("menuReports"));
    QVERIFY(reports);
    QStringList reportActions;
    for (const QAction *a : reports->actions())
        reportActions << a->objectName();
    QCOMPARE(
        reportActions,
        (QStringList { QStringLiteral("actionExportSession"), QStringLiteral("actionExportRegister"),
                       QStringLiteral("actionExportStudentHistory"), QStringLiteral("actionExportBelowThreshold") }));
    QVERIFY(window->close());
    delete window;
}

void TestMainWindow::menusAndShortcuts()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(&fixture.db());
    const QStringList menus
        = { QStringLiteral("menuFile"),    QStringLiteral("menuStudents"), QStringLiteral("menuAttendance"),
            QStringLiteral("menuReports"), QStringLiteral("menuSync"),     QStringLiteral("menuHelp") };
    for (const QString &name : menus)
        QVERIFY2(window.findChild<QMenu *>(name), qPrintable(name));
    QVERIFY(window.reportsMenu() && window.syncMenu());
    const QList<QPair<QString, QKeySequence>> actions = {
        { QStringLiteral("actionBackup"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B) },
        { QStringLiteral("actionRestore"), {} },
        { QStringLiteral("actionSettings"), QKeySequence(Qt::CTRL | Qt::Key_Comma) },
        { QStringLiteral("actionQuit"), QKeySequence(QKeySequence::Quit) },
        { QStringLiteral("actionRegisterStudent"), QKeySequence(Qt::CTRL | Qt::Key_N) },
        { QStringLiteral("actionImportRoster"), QKeySequence(Qt::CTRL | Qt::Key_I) },
        { QStringLiteral("actionManageStudents"), QKeySequence(Qt::CTRL | Qt::Key_2) },
        { QStringLiteral("actionMarkFromPhoto"), QKeySequence(Qt::CTRL | Qt::Key_M) },
        { QStringLiteral("actionMarkFromWebcam"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M) },
        { QStringLiteral("actionSessions"), QKeySequence(Qt::CTRL | Qt::Key_3) },
        { QStringLiteral("actionModelLicences"), {} },
        { QStringLiteral("actionAbout"), QKeySequence(QKeySequence::HelpContents) },
    };
    for (const auto &[name, keys] : actions) {
        const QAction *action = window.findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        QCOMPARE(action->shortcut(), keys);
        QVERIFY2(!action->text().isEmpty(), qPrintable(name));
    }
    // Page shortcuts switch tabs.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    QVERIFY(tabs);
    window.findChild<QAction *>(QStringLiteral("actionSessions"))->trigger();
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("sessionsView"));
    window.findChild<QAction *>(QStringLiteral("actionManageStudents"))->trigger();
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("studentsView"));
}

void TestMainWindow::createsClassThroughTheDialog()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(&fixture.db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction *>(QStringLiteral("actionNewClass"))->trigger();
    auto *dialog = window.findChild<ClassDialog *>(QStringLiteral("classDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no code yet
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("classCodeEdit")), QStringLiteral("CS-101"));
    // keyClicks types ASCII only: other scripts go in as input-method text would.
    dialog->findChild<QLineEdit *>(QStringLiteral("classNameEdit"))->insert(QStringLiteral("Programming — भाग 1"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!window.findChild<ClassDialog *>(QStringLiteral("classDialog")));
    const Result<ClassInfo> stored = ClassRepository(fixture.db()).findByCode(QStringLiteral("CS-101"));
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message()));
    QCOMPARE(stored->name, QStringLiteral("Programming — भाग 1"));

    // A second class with the same code is refused with the reason shown, and the dialog stays.
    window.findChild<QAction *>(QStringLiteral("actionNewClass"))->trigger();
    dialog = window.findChild<ClassDialog *>(QStringLiteral("classDialog"));
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("classCodeEdit")), QStringLiteral("CS-101"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("classError"));
    QTRY_VERIFY(!error->text().isEmpty());
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

void TestMainWindow::remembersGeometry()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    {
        MainWindow window(&fixture.db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        window.findChild<QAction *>(QStringLiteral("actionSessions"))->trigger();
        QVERIFY(window.close());
    }
    MainWindow again(&fixture.db());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(900, 640));
    QCOMPARE(again.findChild<QTabWidget *>(QStringLiteral("mainTabs"))->currentWidget()->objectName(),
             QStringLiteral("sessionsView"));
}

void TestMainWindow::backsUpOffTheGuiThread()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    fixture.addClass(QStringLiteral("BAK-1"));
    MainWindow window(&fixture.db());
    QSignalSpy done(&window, &MainWindow::backupFinished);
    const QString archive = QDir(fixture.dataDir()).filePath(QStringLiteral("backup.zip"));
    window.backupTo(archive);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
    const Result<Backup::Summary> summary = Backup::validate(archive);
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message()));
}

// An empty register opens on the getting-started page; each step is ticked as the
// register shows it done, and the dashboard takes over with the first session.
void TestMainWindow::gettingStartedGuidesToAFirstSession()
{
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    MainWindow window(&fixture.db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *page = window.findChild<GettingStartedPage *>();
    QVERIFY(page);
    QTRY_COMPARE(window.home()->currentWidget(), static_cast<QWidget *>(page));
    using Step = GettingStartedPage::Step;
    for (Step step : { Step::CreateClass, Step::ImportRoster, Step::RegisterStudent, Step::MarkAttendance })
        QVERIFY(!page->isDone(step));
    QVERIFY(page->button(Step::CreateClass)->isEnabled());
    QVERIFY(!page->button(Step::MarkAttendance)->isEnabled()); // nothing to mark without a class
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("userGuideLink")));

    // Step 1 through its button: the class dialog, then the tick.
    QTest::mouseClick(page->button(Step::CreateClass), Qt::LeftButton);
    auto *dialog = window.findChild<ClassDialog *>(QStringLiteral("classDialog"));
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("classCodeEdit")), QStringLiteral("CS-1"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(page->isDone(Step::CreateClass));
    QVERIFY(page->button(Step::MarkAttendance)->isEnabled());
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("stepCreateClassTick"))->text(), QStringLiteral("✔"));
    QVERIFY(!page->isDone(Step::ImportRoster));

    // The mark step opens the mark dialog.
    QTest::mouseClick(page->button(Step::MarkAttendance), Qt::LeftButton);
    auto *mark = window.findChild<MarkDialog *>();
    QVERIFY(mark);
    mark->reject();

    // Students and a first session, however they came: the dashboard takes over.
    const ClassInfo cls = ClassRepository(fixture.db()).findByCode(QStringLiteral("CS-1")).value();
    const Student s = fixture.addStudent(cls.id, QStringLiteral("S1"), QStringLiteral("Asha"));
    QSignalSpy updated(&window, &MainWindow::homeUpdated);
    window.refreshViews();
    QVERIFY(updated.wait(10000));
    QVERIFY(page->isDone(Step::ImportRoster));
    QVERIFY(!page->isDone(Step::RegisterStudent)); // no face photos yet
    QCOMPARE(window.home()->currentWidget(), static_cast<QWidget *>(page));
    QVERIFY(!fixture.addSession(cls.id, QDate(2026, 8, 3), { { s.studentUuid, QStringLiteral("present") } }).isEmpty());
    window.refreshViews();
    QTRY_VERIFY(qobject_cast<DashboardView *>(window.home()->currentWidget()));
}

namespace {

// Cells and headers of the visible tables whose text does not fit its column.
QStringList cutCells(QWidget *root)
{
    QStringList cut;
    for (QTableView *table : root->findChildren<QTableView *>()) {
        if (!table->isVisible() || !table->model())
            continue;
        const QAbstractItemModel *model = table->model();
        const QFontMetrics cellFont = table->fontMetrics();
        const QFontMetrics headerFont = table->horizontalHeader()->fontMetrics();
        for (int c = 0; c < model->columnCount(); ++c) {
            if (table->isColumnHidden(c))
                continue;
            const int width = table->columnWidth(c);
            const QString title = model->headerData(c, Qt::Horizontal).toString();
            if (headerFont.horizontalAdvance(title) + 12 > width)
                cut << QStringLiteral("%1 header %2 \"%3\" (%4 px)")
                           .arg(table->objectName())
                           .arg(c)
                           .arg(title)
                           .arg(width);
            for (int r = 0; r < std::min(model->rowCount(), 50); ++r) {
                const QString text = model->data(model->index(r, c)).toString();
                if (!text.isEmpty() && cellFont.horizontalAdvance(text) + 8 > width)
                    cut << QStringLiteral("%1 row %2 col %3 \"%4\" (%5 px)")
                               .arg(table->objectName())
                               .arg(r)
                               .arg(c)
                               .arg(text)
                               .arg(width);
            }
        }
    }
    return cut;
}

} // namespace

void TestMainWindow::tablesShowWholeCells_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Hindi") << QStringLiteral("hi");
}

// At 1366x768, a common lab monitor, no table cuts a date, a name or a header.
void TestMainWindow::tablesShowWholeCells()
{
    QFETCH(QString, language);
    QVERIFY(Localization::install(language));
    auto english = qScopeGuard([] { Localization::install(QStringLiteral("en")); });
    UiFixture fixture;
    QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
    const ClassInfo cls = fixture.addClass(QStringLiteral("ECE-2"), QStringLiteral("Digital Electronics"));
    QList<Student> roster;
    for (int i = 0; i < 12; ++i) {
        roster << fixture.addStudent(cls.id, QStringLiteral("ECE2026-%1").arg(i + 1, 3, 10, QLatin1Char('0')),
                                     QStringLiteral("Venkatesh Raghunathan Subramanian %1").arg(i + 1));
    }
    for (int day = 0; day < 5; ++day) {
        QList<QPair<QString, QString>> statuses;
        for (int i = 0; i < roster.size(); ++i)
            statuses.append(
                { roster.at(i).studentUuid, (i + day) % 4 ? QStringLiteral("present") : QStringLiteral("late") });
        QVERIFY(!fixture.addSession(cls.id, QDate::currentDate().addDays(-1 - day), statuses).isEmpty());
    }
    MainWindow window(&fixture.db());
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    QStringList cut;
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        if (auto *students = tabs->currentWidget()->findChild<QTableView *>(QStringLiteral("studentsTable"))) {
            QTRY_VERIFY(students->model()->rowCount() > 0);
            students->selectRow(0); // fills the attendance history
            auto *history = tabs->currentWidget()->findChild<QTableView *>(QStringLiteral("studentHistory"));
            QTRY_COMPARE(history->model()->rowCount(), 5);
        }
        if (auto *sessions = tabs->currentWidget()->findChild<QTableView *>(QStringLiteral("sessionsTable")))
            QTRY_VERIFY(sessions->model()->rowCount() > 0);
        QTest::qWait(100);
        cut << cutCells(tabs->currentWidget());
    }
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
