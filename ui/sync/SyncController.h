#pragma once

#include "common/Error.h"
#include "sync/SyncReport.h"
#include "sync/SyncSettings.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QStatusBar;
class QTimer;
class QWidget;

namespace rollcall {

class Database;
class SyncJob;

// The GUI side of sync: Sync > Sync now / Configure…, the optional interval, and the
// status-bar label (last sync, changes waiting, last error). The work runs in a
// SyncJob on its own thread; the password comes from PGPASSWORD, the keychain, or
// is asked for once per session when there is no keychain.
class SyncController : public QObject
{
    Q_OBJECT

public:
    // window: parent for dialogs; menu: the Sync menu to fill; statusBar: gets the label.
    SyncController(Database *db, QWidget *window, QMenu *menu, QStatusBar *statusBar);
    ~SyncController() override; // cancels a running sync and waits for it

    QAction *syncNowAction() const { return m_syncNow; }
    QAction *configureAction() const { return m_configure; }
    QLabel *statusLabel() const { return m_label; }
    bool isSyncing() const { return m_job != nullptr; }

    void syncNow();
    void configure();

Q_SIGNALS:
    void syncFinished(bool ok);

private:
    void startSync(bool manual);
    void runWithPassword(const SyncSettings &settings, const QString &password, bool manual);
    void onFinished(const SyncReport &report);
    void onFailed(const Error &error);
    void refreshStatus();
    void applyInterval();
    void setLabel(const QString &text, const QString &tooltip, bool error);

    Database *m_db = nullptr;
    QWidget *m_window = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_configure = nullptr;
    QLabel *m_label = nullptr;
    QStatusBar *m_statusBar = nullptr;
    QTimer *m_interval = nullptr;
    QTimer *m_pendingTimer = nullptr;
    SyncJob *m_job = nullptr;
    bool m_manual = false;
    QString m_sessionPassword; // typed this session when no keychain could keep it
    QString m_lastError;
    QString m_lastSummary;
};

} // namespace rollcall
