#include "MainWindow.h"

#include "Icons.h"
#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "common/Settings.h"
#include "dashboard/DashboardView.h"
#include "dashboard/GettingStartedPage.h"
#include "help/AboutDialog.h"
#include "help/ModelLicencesDialog.h"
#include "mark/MarkDialog.h"
#include "models/ModelRegistry.h"
#include "reports/ReportsMenu.h"
#include "reports/RosterImportDialog.h"
#include "sessions/SessionsView.h"
#include "settings/SettingsDialog.h"
#include "storage/Backup.h"
#include "storage/Database.h"
#include "storage/PhotoRetention.h"
#include "storage/PhotoStore.h"
#include "storage/SetupProgress.h"
#include "students/ClassDialog.h"
#include "students/RegisterStudentDialog.h"
#include "students/StudentsView.h"
#include "sync/SyncController.h"
#include "util/Background.h"
#include "vision/ComputeDevice.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>

namespace rollcall {

MainWindow::MainWindow(Database *database, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
{
    setWindowTitle(tr("RollCall"));
    setObjectName(QStringLiteral("MainWindow"));

    if (!m_database) {
        m_ownedDatabase = std::make_unique<Database>(AppPaths::databasePath());
        const Status opened = m_ownedDatabase->open();
        if (opened) {
            m_database = m_ownedDatabase.get();
        } else {
            m_databaseError = opened.error().message();
            qCWarning(lcUi) << "database not opened:" << m_databaseError;
        }
    }

    createPages();
    createMenus();
    createToolBar();

    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("statusDatabase"));
    m_modelsLabel = new QLabel(this);
    m_modelsLabel->setObjectName(QStringLiteral("statusModels"));
    m_deviceLabel = new QLabel(this);
    m_deviceLabel->setObjectName(QStringLiteral("statusDevice"));
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_modelsLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    updateStatusBar();
    m_sync = new SyncController(m_database, this, m_syncMenu, statusBar());

    if (!restoreGeometry(Settings().extra(QStringLiteral("MainWindow/geometry")).toByteArray()))
        resize(1200, 800);
    restoreState(Settings().extra(QStringLiteral("MainWindow/state")).toByteArray());
    m_tabs->setCurrentIndex(Settings().extra(QStringLiteral("MainWindow/tab"), 0).toInt());

    if (m_database) {
        // The photo retention setting: purge old classroom photos, off the GUI thread.
        Database *db = m_database;
        runInBackground(
            this,
            [db] {
                PhotoStore photos;
                return PhotoRetention(*db, photos).purge();
            },
            [](const Result<PhotoRetention::Outcome> &outcome) {
                if (outcome && outcome->files > 0)
                    qCInfo(lcUi) << "retention: removed" << outcome->files << "classroom photo(s)";
            });
    }

    if (!m_database) {
        // After show(), so the message has a parent on screen.
        QTimer::singleShot(0, this, [this] {
            QMessageBox::critical(this, tr("Database"),
                                  tr("The database could not be opened:\n%1\n\nNothing was changed. Restore a "
                                     "backup (File ▸ Restore…) or start RollCall with another data folder "
                                     "(--data-dir).")
                                      .arg(m_databaseError));
        });
    }
}

MainWindow::~MainWindow()
{
    delete m_sync; // stops a running sync before the database goes
    // Background jobs hold references to the database: let them finish first.
    QThreadPool::globalInstance()->waitForDone();
}

QAction *MainWindow::makeAction(QMenu *menu, const QString &objectName, const QString &text,
                                const QKeySequence &shortcut, void (MainWindow::*slot)())
{
    QAction *action = menu->addAction(text, this, slot);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

void MainWindow::createMenus()
{
    const bool haveDb = m_database != nullptr;

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    makeAction(file, QStringLiteral("actionBackup"), tr("&Backup…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
               &MainWindow::backup)
        ->setEnabled(haveDb);
    makeAction(file, QStringLiteral("actionRestore"), tr("&Restore…"), {}, &MainWindow::restore);
    file->addSeparator();
    makeAction(file, QStringLiteral("actionSettings"), tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
               &MainWindow::openSettings)
        ->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *students = menuBar()->addMenu(tr("&Students"));
    students->setObjectName(QStringLiteral("menuStudents"));
    makeAction(students, QStringLiteral("actionRegisterStudent"), tr("&Register student…"),
               QKeySequence(Qt::CTRL | Qt::Key_N), &MainWindow::registerStudent)
        ->setEnabled(haveDb);
    makeAction(students, QStringLiteral("actionNewClass"), tr("New &class…"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &MainWindow::newClass)
        ->setEnabled(haveDb);
    makeAction(students, QStringLiteral("actionImportRoster"), tr("&Import roster…"),
               QKeySequence(Qt::CTRL | Qt::Key_I), &MainWindow::importRoster)
        ->setEnabled(haveDb);
    students->addSeparator();
    makeAction(students, QStringLiteral("actionManageStudents"), tr("&Manage students"),
               QKeySequence(Qt::CTRL | Qt::Key_2), &MainWindow::showStudents);

    QMenu *attendance = menuBar()->addMenu(tr("&Attendance"));
    attendance->setObjectName(QStringLiteral("menuAttendance"));
    makeAction(attendance, QStringLiteral("actionMarkFromPhoto"), tr("Mark from &photo…"),
               QKeySequence(Qt::CTRL | Qt::Key_M), &MainWindow::markFromPhoto)
        ->setEnabled(haveDb);
    makeAction(attendance, QStringLiteral("actionMarkFromWebcam"), tr("Mark from &webcam…"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &MainWindow::markFromWebcam)
        ->setEnabled(haveDb);
    attendance->addSeparator();
    makeAction(attendance, QStringLiteral("actionSessions"), tr("&Sessions"), QKeySequence(Qt::CTRL | Qt::Key_3),
               &MainWindow::showSessions);
    makeAction(attendance, QStringLiteral("actionDashboard"), tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_1),
               &MainWindow::showDashboard);

    // The reports and sync features fill these menus (ui/reports, ui/sync).
    m_reportsMenu = menuBar()->addMenu(tr("&Reports"));
    m_reportsMenu->setObjectName(QStringLiteral("menuReports"));
    ReportsMenu::populate(m_reportsMenu, m_database, this);
    m_syncMenu = menuBar()->addMenu(tr("S&ync"));
    m_syncMenu->setObjectName(QStringLiteral("menuSync"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    makeAction(help, QStringLiteral("actionModelLicences"), tr("Model &licences…"), {}, &MainWindow::showModelLicences);
    makeAction(help, QStringLiteral("actionAbout"), tr("&About RollCall"), QKeySequence::HelpContents,
               &MainWindow::showAbout)
        ->setMenuRole(QAction::AboutRole);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    const QList<QPair<QString, QString>> items = {
        { QStringLiteral("actionMarkFromPhoto"), QStringLiteral("open-photo") },
        { QStringLiteral("actionMarkFromWebcam"), QStringLiteral("camera") },
        { QStringLiteral("actionRegisterStudent"), QStringLiteral("students") },
        { QStringLiteral("actionDashboard"), QStringLiteral("dashboard") },
        { QStringLiteral("actionSettings"), QStringLiteral("settings") },
    };
    for (const auto &[name, icon] : items) {
        QAction *action = findChild<QAction *>(name);
        if (!action)
            continue;
        action->setIcon(Icons::action(icon));
        bar->addAction(action);
    }
}

void MainWindow::createPages()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_home = new QStackedWidget(m_tabs);
    m_home->setObjectName(QStringLiteral("home"));
    m_gettingStarted = new GettingStartedPage(m_home);
    m_dashboard = new DashboardView(m_database, m_home);
    m_home->addWidget(m_gettingStarted);
    m_home->addWidget(m_dashboard);
    m_home->setCurrentWidget(m_dashboard);
    m_students = new StudentsView(m_database, m_tabs);
    m_sessions = new SessionsView(m_database, m_tabs);
    m_tabs->addTab(m_home, tr("Dashboard"));
    m_tabs->addTab(m_students, tr("Students"));
    m_tabs->addTab(m_sessions, tr("Sessions"));
    setCentralWidget(m_tabs);
    connect(m_students, &StudentsView::registerRequested, this, &MainWindow::registerStudent);
    connect(m_students, &StudentsView::newClassRequested, this, &MainWindow::newClass);
    connect(m_students, &StudentsView::dataChanged, this, &MainWindow::refreshViews);
    connect(m_sessions, &SessionsView::dataChanged, this, &MainWindow::refreshViews);
    connect(m_gettingStarted, &GettingStartedPage::stepRequested, this, [this](GettingStartedPage::Step step) {
        switch (step) {
        case GettingStartedPage::Step::CreateClass:
            newClass();
            break;
        case GettingStartedPage::Step::ImportRoster:
            importRoster();
            break;
        case GettingStartedPage::Step::RegisterStudent:
            registerStudent();
            break;
        case GettingStartedPage::Step::MarkAttendance:
            markFromPhoto();
            break;
        }
    });
    updateHome();
}

void MainWindow::updateHome()
{
    if (!m_database)
        return;
    Database *db = m_database;
    runInBackground(
        this, [db] { return SetupProgress::load(*db); },
        [this](const Result<SetupProgress> &progress) {
            if (!progress) {
                m_home->setCurrentWidget(m_dashboard);
                return;
            }
            m_gettingStarted->setProgress(*progress);
            m_home->setCurrentWidget(progress->isComplete() ? static_cast<QWidget *>(m_dashboard)
                                                            : static_cast<QWidget *>(m_gettingStarted));
            Q_EMIT homeUpdated();
        });
}

void MainWindow::updateStatusBar()
{
    m_databaseLabel->setText(m_database ? tr("Database: %1").arg(m_database->path())
                                        : tr("Database: not open (%1)").arg(m_databaseError));
    m_modelsLabel->setText(tr("Models: checking…"));
    m_modelsLabel->setToolTip(tr("Models folder: %1").arg(AppPaths::modelsDir()));
    // Checksums of large model files: off the GUI thread.
    struct ModelState
    {
        int missing = 0;
        QString embedder;
    };
    const QString dir = AppPaths::modelsDir();
    runInBackground(
        this,
        [dir] {
            const ModelRegistry registry(dir);
            ModelState state;
            for (const ModelDescriptor &d : registry.descriptors()) {
                if (d.required && registry.verify(d) != ModelRegistry::FileState::Ok)
                    ++state.missing;
            }
            for (const ModelDescriptor &d : registry.byRole(QStringLiteral("embedder"))) {
                if (registry.verify(d) == ModelRegistry::FileState::Ok) {
                    state.embedder = d.name;
                    break;
                }
            }
            return state;
        },
        [this](const ModelState &state) {
            m_modelsLabel->setText(state.missing == 0
                                       ? tr("Models: %1").arg(state.embedder.isEmpty() ? tr("none") : state.embedder)
                                       : tr("Models: %n missing", nullptr, state.missing));
        });
    m_deviceLabel->setText(tr("Device: %1").arg(ComputeDevice::current().description()));
}

bool MainWindow::requireDatabase()
{
    if (m_database)
        return true;
    QMessageBox::warning(this, tr("Database"), tr("The database is not open: %1").arg(m_databaseError));
    return false;
}

void MainWindow::markFromPhoto()
{
    if (!requireDatabase())
        return;
    auto *dialog = new MarkDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MarkDialog::sessionSaved, this, &MainWindow::refreshViews);
    dialog->open();
}

void MainWindow::markFromWebcam()
{
    if (!requireDatabase())
        return;
    auto *dialog = new MarkDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MarkDialog::sessionSaved, this, &MainWindow::refreshViews);
    dialog->open();
    dialog->captureFromWebcam();
}

void MainWindow::registerStudent()
{
    if (!requireDatabase())
        return;
    auto *dialog = new RegisterStudentDialog(m_database, m_students->currentClassId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegisterStudentDialog::studentRegistered, this, &MainWindow::refreshViews);
    dialog->open();
}

void MainWindow::newClass()
{
    if (!requireDatabase())
        return;
    auto *dialog = new ClassDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ClassDialog::classCreated, this, &MainWindow::refreshViews);
    dialog->open();
}

void MainWindow::showDashboard()
{
    m_tabs->setCurrentWidget(m_home);
}

void MainWindow::showStudents()
{
    m_tabs->setCurrentWidget(m_students);
}

void MainWindow::showSessions()
{
    m_tabs->setCurrentWidget(m_sessions);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        updateStatusBar();
        refreshViews();
    });
    dialog->open();
}

void MainWindow::backup()
{
    if (!requireDatabase())
        return;
    const QString suggested = QDir::home().filePath(
        QStringLiteral("rollcall-backup-%1.zip").arg(QDate::currentDate().toString(Qt::ISODate)));
    auto *dialog = new QFileDialog(this, tr("Back up to"), suggested, tr("RollCall backups (*.zip)"));
    dialog->setObjectName(QStringLiteral("backupFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("zip"));
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::backupTo);
    dialog->open();
}

void MainWindow::backupTo(const QString &path)
{
    if (!requireDatabase() || path.isEmpty())
        return;
    statusBar()->showMessage(tr("Backing up to %1…").arg(path));
    Database *db = m_database;
    runInBackground(
        this,
        [db, path] {
            const PhotoStore photos;
            return Backup::create(*db, photos, path);
        },
        [this, path](const Result<Backup::Summary> &done) {
            statusBar()->clearMessage();
            if (!done) {
                QMessageBox::critical(this, tr("Backup"), tr("The backup failed: %1").arg(done.error().message()));
                return;
            }
            statusBar()->showMessage(tr("Backed up to %1 (%n photo(s)).", nullptr, done->photoCount).arg(path), 10000);
            Q_EMIT backupFinished(path);
        });
}

void MainWindow::restore()
{
    auto *dialog = new QFileDialog(this, tr("Restore from backup"), QDir::homePath(), tr("RollCall backups (*.zip)"));
    dialog->setObjectName(QStringLiteral("restoreFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        // Check the whole archive before asking anything.
        statusBar()->showMessage(tr("Checking %1…").arg(path));
        runInBackground(
            this, [path] { return Backup::validate(path); },
            [this, path](const Result<Backup::Summary> &summary) {
                statusBar()->clearMessage();
                if (!summary) {
                    QMessageBox::critical(this, tr("Restore"),
                                          tr("This backup cannot be restored: %1").arg(summary.error().message()));
                    return;
                }
                auto *box = new QMessageBox(
                    QMessageBox::Warning, tr("Restore"),
                    tr("Restore the backup made on %1 (%n photo(s))?\n\nThe current database is replaced (it is "
                       "kept beside it as a copy). RollCall restarts to do this.",
                       nullptr, summary->photoCount)
                        .arg(summary->createdAt),
                    QMessageBox::Cancel, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                QPushButton *go = box->addButton(tr("Restore and restart"), QMessageBox::DestructiveRole);
                connect(go, &QPushButton::clicked, this, [this, path] {
                    // The database must not be open while it is replaced: a fresh process does it
                    // before opening anything.
                    QStringList args = QCoreApplication::arguments().mid(1);
                    const qsizetype at = args.indexOf(QStringLiteral("--restore"));
                    if (at >= 0)
                        args.remove(at, std::min<qsizetype>(2, args.size() - at));
                    if (!args.contains(QStringLiteral("--data-dir")))
                        args << QStringLiteral("--data-dir") << AppPaths::dataDir();
                    args << QStringLiteral("--restore") << path;
                    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), args)) {
                        QMessageBox::critical(this, tr("Restore"), tr("RollCall could not be restarted."));
                        return;
                    }
                    close();
                });
                box->open();
            });
    });
    dialog->open();
}

void MainWindow::importRoster()
{
    if (!requireDatabase())
        return;
    auto *dialog = new RosterImportDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RosterImportDialog::imported, this, &MainWindow::refreshViews);
    connect(dialog, &RosterImportDialog::photosEnrolled, this, &MainWindow::refreshViews);
    dialog->open();
}

void MainWindow::showModelLicences()
{
    auto *dialog = new ModelLicencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::refreshViews()
{
    updateHome();
    m_dashboard->refresh();
    m_students->refresh();
    m_sessions->refresh();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings settings;
    settings.setExtra(QStringLiteral("MainWindow/geometry"), saveGeometry());
    settings.setExtra(QStringLiteral("MainWindow/state"), saveState());
    settings.setExtra(QStringLiteral("MainWindow/tab"), m_tabs->currentIndex());
    event->accept();
}

} // namespace rollcall
