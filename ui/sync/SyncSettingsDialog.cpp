#include "sync/SyncSettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rollcall {

SyncSettingsDialog::SyncSettingsDialog(const SyncSettings &settings, bool passwordStored, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sync settings"));
    setObjectName(QStringLiteral("SyncSettingsDialog"));
    auto *form = new QFormLayout;

    auto named = [](QWidget *w, const char *name) {
        w->setObjectName(QLatin1String(name));
        return w;
    };
    m_host = new QLineEdit(settings.connection.host, this);
    form->addRow(tr("&Server:"), named(m_host, "syncHost"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(settings.connection.port);
    form->addRow(tr("&Port:"), named(m_port, "syncPort"));
    m_database = new QLineEdit(settings.connection.database, this);
    form->addRow(tr("&Database:"), named(m_database, "syncDatabase"));
    m_user = new QLineEdit(settings.connection.user, this);
    form->addRow(tr("&User:"), named(m_user, "syncUser"));
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(passwordStored ? tr("(stored in the keychain; type to change)")
                                                  : tr("(kept in the system keychain)"));
    form->addRow(tr("Pass&word:"), named(m_password, "syncPassword"));

    m_sslMode = new QComboBox(this);
    const QList<QPair<QString, QString>> modes {
        { QStringLiteral("verify-full"), tr("Verify the server's certificate and name (recommended)") },
        { QStringLiteral("verify-ca"), tr("Verify the server's certificate") },
        { QStringLiteral("require"), tr("Encrypt, do not verify") },
        { QStringLiteral("prefer"), tr("Encrypt if the server can") },
        { QStringLiteral("disable"), tr("No encryption (trial set-ups only)") },
    };
    for (const auto &mode : modes)
        m_sslMode->addItem(mode.second, mode.first);
    const int index = m_sslMode->findData(settings.connection.sslMode);
    m_sslMode->setCurrentIndex(index >= 0 ? index : m_sslMode->findData(QStringLiteral("verify-full")));
    form->addRow(tr("&TLS:"), named(m_sslMode, "syncSslMode"));

    m_caFile = new QLineEdit(settings.connection.caFile, this);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(named(m_caFile, "syncCaFile"), 1);
    caRow->addWidget(browse);
    form->addRow(tr("&CA certificate:"), caRow);
    m_tlsWarning = new QLabel(this);
    m_tlsWarning->setWordWrap(true);
    m_tlsWarning->setStyleSheet(QStringLiteral("color: #b35900"));
    form->addRow(QString(), named(m_tlsWarning, "syncTlsWarning"));

    m_interval = new QSpinBox(this);
    m_interval->setRange(0, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("Only when I choose Sync now"));
    m_interval->setValue(settings.intervalMinutes);
    form->addRow(tr("Sync &every:"), named(m_interval, "syncInterval"));
    m_classroomPhotos = new QCheckBox(tr("Also send classroom photos (enrolment photos are always sent)"), this);
    m_classroomPhotos->setChecked(settings.classroomPhotos);
    form->addRow(QString(), named(m_classroomPhotos, "syncClassroomPhotos"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("syncSettingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SyncSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &SyncSettingsDialog::browseCa);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &SyncSettingsDialog::updateCaState);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The department's central PostgreSQL database. Each PC keeps working offline "
                                "and sends its changes when it syncs."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    updateCaState();
}

void SyncSettingsDialog::updateCaState()
{
    const QString mode = m_sslMode->currentData().toString();
    m_caFile->setEnabled(mode != QLatin1String("disable"));
    PgConnectionSettings chosen;
    chosen.sslMode = mode;
    m_tlsWarning->setText(chosen.tlsWarning());
    m_tlsWarning->setVisible(!m_tlsWarning->text().isEmpty());
}

void SyncSettingsDialog::browseCa()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caFile->text(),
                                                      tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

SyncSettings SyncSettingsDialog::settings() const
{
    SyncSettings s;
    s.connection.host = m_host->text().trimmed();
    s.connection.port = m_port->value();
    s.connection.database = m_database->text().trimmed();
    s.connection.user = m_user->text().trimmed();
    s.connection.sslMode = m_sslMode->currentData().toString();
    s.connection.caFile = m_caFile->isEnabled() ? m_caFile->text().trimmed() : QString();
    s.intervalMinutes = m_interval->value();
    s.classroomPhotos = m_classroomPhotos->isChecked();
    return s;
}

QString SyncSettingsDialog::password() const
{
    return m_password->text();
}

void SyncSettingsDialog::accept()
{
    const SyncSettings s = settings();
    if (s.connection.database.isEmpty() && s.connection.user.isEmpty()) {
        QDialog::accept(); // no central database: sync is off
        return;
    }
    const Status valid = s.connection.validate();
    if (!valid.ok()) {
        m_error->setText(valid.error().message());
        m_error->show();
        return;
    }
    // libpq would look for ~/.postgresql/root.crt; in the dialog the CA is chosen explicitly.
    if (s.connection.sslMode.startsWith(QLatin1String("verify-")) && s.connection.caFile.isEmpty()) {
        m_error->setText(tr("Choose the CA certificate of the department's server: verifying the server needs it."));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace rollcall
