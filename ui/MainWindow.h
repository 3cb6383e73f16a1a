#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QTabWidget;

class QStackedWidget;

namespace rollcall {

class Database;
class DashboardView;
class GettingStartedPage;
class SessionsView;
class StudentsView;
class SyncController;

// The main window: menus for every task, the dashboard / students / sessions
// pages as tabs, and a status bar with the database, models and device.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    QStackedWidget *home() const { return m_home; }
    // Opens the database at AppPaths::databasePath() unless one is given (tests).
    explicit MainWindow(Database *database = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    Database *database() const { return m_database; }
    // Menus other features add their actions to (reports, sync).
    QMenu *reportsMenu() const { return m_reportsMenu; }
    QMenu *syncMenu() const { return m_syncMenu; }

public Q_SLOTS:
    void markFromPhoto();
    void markFromWebcam();
    void registerStudent();
    void newClass();
    void showDashboard();
    void showStudents();
    void showSessions();
    void openSettings();
    void backup();
    void backupTo(const QString &path);
    void restore();
    void importRoster();
    void showModelLicences();
    void showAbout();
    void refreshViews();

Q_SIGNALS:
    void backupFinished(const QString &path);
    void homeUpdated(); // the Dashboard tab chose between the guide and the dashboard

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateHome();
    void createMenus();
    void createPages();
    void createToolBar();
    void updateStatusBar();
    bool requireDatabase();
    QAction *makeAction(QMenu *menu, const QString &objectName, const QString &text, const QKeySequence &shortcut,
                        void (MainWindow::*slot)());

    std::unique_ptr<Database> m_ownedDatabase;
    Database *m_database = nullptr;
    QString m_databaseError;

    QTabWidget *m_tabs = nullptr;
    DashboardView *m_dashboard = nullptr;
    GettingStartedPage *m_gettingStarted = nullptr;
    QStackedWidget *m_home = nullptr; // the getting-started page until a first session, then the dashboard
    StudentsView *m_students = nullptr;
    SessionsView *m_sessions = nullptr;
    QMenu *m_reportsMenu = nullptr;
    QMenu *m_syncMenu = nullptr;
    SyncController *m_sync = nullptr; // ui/sync: Sync menu and status
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_modelsLabel = nullptr;
    QLabel *m_deviceLabel = nullptr;
};

} // namespace rollcall
