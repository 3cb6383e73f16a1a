#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QTabWidget;

namespace rollcall {

class Database;
class DashboardView;
class SessionsView;
class StudentsView;
class SyncController;

// The main window: menus for every task, the dashboard / students / sessions
// pages as tabs, and a status bar with the database, models and device.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
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
