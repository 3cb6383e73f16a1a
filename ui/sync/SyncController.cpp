#include "sync/SyncController.h"

#include "common/AppPaths.h"
#include "common/LogCategories.h"
#include "storage/Database.h"
#include "sync/PasswordStore.h"
#include "sync/SyncEngine.h"
#include "sync/SyncJob.h"
#include "sync/SyncSettingsDialog.h"
#include "util/Background.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace rollcall {
namespace {

SyncSettings loadSettings()
{
    const QSettings s(AppPaths::settingsPath(), QSettings::IniFormat);
    return SyncSettings::load(s);
}

struct LocalState
{
    qint64 pending = -1;
    QDateTime lastSuccess;
};

} // namespace

SyncController::SyncController(Database *db, QWidget *window, QMenu *menu, QStatusBar *statusBar)
    : QObject(window)
    , m_db(db)
    , m_window(window)
    , m_statusBar(statusBar)
{
    m_syncNow = menu->addAction(tr("Sync &now"), this, &SyncController::syncNow);
    m_syncNow->setObjectName(QStringLiteral("actionSyncNow"));
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F9));
    m_syncNow->setEnabled(m_db != nullptr);
    m_configure = menu->addAction(tr("&Configure…"), this, &SyncController::configure);
    m_configure->setObjectName(QStringLiteral("actionSyncConfigure"));

    m_label = new QLabel(window);
    m_label->setObjectName(QStringLiteral("statusSync"));
    statusBar->addPermanentWidget(m_label);

    m_interval = new QTimer(this);
    connect(m_interval, &QTimer::timeout, this, [this] { startSync(false); });
    // The count of changes waiting is a few indexed counts: refresh it now and then.
    m_pendingTimer = new QTimer(this);
    m_pendingTimer->setInterval(60 * 1000);
    connect(m_pendingTimer, &QTimer::timeout, this, &SyncController::refreshStatus);
    m_pendingTimer->start();
    applyInterval();
    refreshStatus();
}

SyncController::~SyncController()
{
    if (m_job) {
        m_job->cancel();
        delete m_job; // waits for its thread: the database outlives it
        m_job = nullptr;
    }
}

void SyncController::applyInterval()
{
    const SyncSettings settings = loadSettings();
    if (settings.isConfigured() && settings.intervalMinutes > 0 && m_db) {
        m_interval->start(settings.intervalMinutes * 60 * 1000);
    } else {
        m_interval->stop();
    }
}

void SyncController::setLabel(const QString &text, const QString &tooltip, bool error)
{
    m_label->setText(text);
    m_label->setToolTip(tooltip);
    m_label->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void SyncController::refreshStatus()
{
    if (m_job)
        return; // the progress owns the label while syncing
    const SyncSettings settings = loadSettings();
    if (!settings.isConfigured() || !m_db) {
        setLabel(tr("Sync: off"), tr("No central database is configured (Sync ▸ Configure…)."), false);
        return;
    }
    Database *db = m_db;
    runInBackground(
        this,
        [db] {
            LocalState state;
            auto pending = SyncEngine::pendingChanges(*db);
            state.pending = pending ? *pending : -1;
            state.lastSuccess = SyncEngine::lastSuccess(*db);
            return state;
        },
        [this, settings](const LocalState &state) {
            if (m_job)
                return;
            const QString when = state.lastSuccess.isValid()
                ? QLocale().toString(state.lastSuccess.toLocalTime(), QLocale::ShortFormat)
                : tr("never");
            QString text = m_lastError.isEmpty() ? tr("Synced: %1").arg(when) : tr("Sync failed");
            if (state.pending > 0)
                text += QStringLiteral(" · ") + tr("%n change(s) to send", nullptr, int(state.pending));
            QString tooltip = tr("Central database: %1").arg(settings.connection.displayName());
            // A connection that does not verify the server stays visible, not just in a dialog.
            if (const QString warning = settings.connection.tlsWarning(); !warning.isEmpty()) {
                text += QStringLiteral(" · ") + tr("server not verified");
                tooltip += QLatin1Char('\n') + warning;
            }
            if (!m_lastSummary.isEmpty())
                tooltip += QLatin1Char('\n') + m_lastSummary;
            if (!m_lastError.isEmpty())
                tooltip += QLatin1Char('\n') + m_lastError;
            setLabel(text, tooltip, !m_lastError.isEmpty());
        });
}

void SyncController::syncNow()
{
    startSync(true);
}

void SyncController::startSync(bool manual)
{
    if (m_job || !m_db)
        return;
    const SyncSettings settings = loadSettings();
    if (!settings.isConfigured()) {
        if (manual)
            configure();
        return;
    }
    // Scripts and tests: the libpq convention. Else the keychain, else ask once.
    if (qEnvironmentVariableIsSet("PGPASSWORD")) {
        runWithPassword(settings, qEnvironmentVariable("PGPASSWORD"), manual);
        return;
    }
    if (!m_sessionPassword.isNull()) {
        runWithPassword(settings, m_sessionPassword, manual);
        return;
    }
    m_syncNow->setEnabled(false);
    PasswordStore::read(settings.connection.keychainKey(), this, [this, settings, manual](Result<QString> password) {
        m_syncNow->setEnabled(true);
        if (password) {
            runWithPassword(settings, *password, manual);
            return;
        }
        qCInfo(lcUi).noquote() << "sync password not in the keychain:" << password.error().message();
        if (!manual) {
            onFailed(Error::usage(tr("No password for the central database; choose Sync ▸ Sync now to enter it.")));
            return;
        }
        bool ok = false;
        const QString typed
            = QInputDialog::getText(m_window, tr("Sync"), tr("Password for %1:").arg(settings.connection.displayName()),
                                    QLineEdit::Password, QString(), &ok);
        if (!ok)
            return;
        m_sessionPassword = typed;
        runWithPassword(settings, typed, manual);
    });
}

void SyncController::runWithPassword(const SyncSettings &settings, const QString &password, bool manual)
{
    if (m_job)
        return;
    SyncEngine::Options options;
    options.server = settings.connection;
    options.password = password;
    options.photoStoreDir = AppPaths::photoStoreDir();
    options.classroomPhotos = settings.classroomPhotos;
    m_manual = manual;
    m_job = new SyncJob(*m_db, options, this);
    connect(m_job, &SyncJob::progress, this,
            [this](int, const QString &text) { setLabel(tr("Syncing: %1…").arg(text), QString(), false); });
    connect(m_job, &SyncJob::finished, this, [this] { onFinished(m_job->report()); });
    connect(m_job, &SyncJob::failed, this, &SyncController::onFailed);
    m_syncNow->setEnabled(false);
    setLabel(tr("Syncing…"), QString(), false);
    m_job->start();
}

void SyncController::onFinished(const SyncReport &report)
{
    if (m_job) {
        m_job->deleteLater();
        m_job = nullptr;
    }
    m_syncNow->setEnabled(true);
    m_lastError.clear();
    m_lastSummary = tr("Last sync: %1 row(s) sent, %2 received, %3 photo(s) received.")
                        .arg(report.pushed())
                        .arg(report.pulled())
                        .arg(report.blobsReceived);
    refreshStatus();
    Q_EMIT syncFinished(true);
}

void SyncController::onFailed(const Error &error)
{
    if (m_job) {
        m_job->deleteLater();
        m_job = nullptr;
    }
    m_syncNow->setEnabled(m_db != nullptr);
    m_lastError = error.message();
    // A wrong password typed this session must not stick.
    if (error.code() == Error::Code::Network && m_lastError.contains(QLatin1String("password")))
        m_sessionPassword = QString();
    setLabel(tr("Sync failed"), m_lastError, true);
    if (m_manual && error.code() != Error::Code::Cancelled) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Sync"),
                                    tr("The sync did not complete. Nothing on this PC was lost; sync again "
                                       "later.\n\n%1")
                                        .arg(m_lastError),
                                    QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("syncErrorBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    refreshStatus();
    Q_EMIT syncFinished(false);
}

void SyncController::configure()
{
    const SyncSettings current = loadSettings();
    auto *dialog = new SyncSettingsDialog(current, current.isConfigured(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const SyncSettings settings = dialog->settings();
        {
            QSettings s(AppPaths::settingsPath(), QSettings::IniFormat);
            settings.save(s);
        }
        const QString password = dialog->password();
        if (!password.isEmpty() && settings.isConfigured()) {
            m_sessionPassword = password; // usable now, whatever the keychain says
            PasswordStore::write(settings.connection.keychainKey(), password, this, [this](const Status &stored) {
                if (!stored.ok())
                    m_statusBar->showMessage(tr("The password could not be stored in the keychain (%1); RollCall "
                                                "will ask for it after a restart.")
                                                 .arg(stored.error().message()),
                                             15000);
            });
        }
        m_lastError.clear();
        applyInterval();
        refreshStatus();
    });
    dialog->open();
}

} // namespace rollcall
