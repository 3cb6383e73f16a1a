#pragma once

#include "sync/SyncSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rollcall {

// Sync > Configure…: where the department's central PostgreSQL is, TLS, the password
// (handed to the keychain by the caller, never written to the settings file) and how
// often to sync.
class SyncSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SyncSettingsDialog(const SyncSettings &settings, bool passwordStored, QWidget *parent = nullptr);

    SyncSettings settings() const;
    // What was typed; empty: keep the stored password.
    QString password() const;

    void accept() override;

private:
    void browseCa();
    void updateCaState();

    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_caFile = nullptr;
    QSpinBox *m_interval = nullptr;
    QCheckBox *m_classroomPhotos = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_tlsWarning = nullptr; // what a mode weaker than verify-full gives up
};

} // namespace rollcall
