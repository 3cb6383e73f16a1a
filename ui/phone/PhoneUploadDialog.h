#pragma once

#include <QDialog>
#include <QHostAddress>
#include <QList>

class QLabel;
class QProgressBar;
class QPushButton;

namespace rollcall {

class PhoneUploadServer;

// "From phone…": shows a QR code of the upload page served by PhoneUploadServer
// while the dialog is open, and hands every photo the phone sends to the
// caller (photoReceived), which treats it as a file the user added. The server
// stops when the dialog closes. Addresses and port come from the settings
// (phone/addresses, phone/port); by default every LAN address, port 47800.
class PhoneUploadDialog : public QDialog
{
    Q_OBJECT

public:
    // purpose: one line under the title ("Classroom photos for …").
    explicit PhoneUploadDialog(const QString &purpose, QWidget *parent = nullptr);
    ~PhoneUploadDialog() override;

    // For tests.
    PhoneUploadServer *server() const { return m_server; }
    QString statusText() const;
    QString errorText() const;
    bool isListening() const;

    void done(int result) override; // stops listening

public Q_SLOTS:
    void restart(); // "New code" / "Try again"

Q_SIGNALS:
    void photoReceived(const QByteArray &data, const QString &name);

private:
    void showCode();
    void showError(const QString &message);
    void setStatus(const QString &text);

    PhoneUploadServer *m_server;
    QLabel *m_code;
    QLabel *m_address;
    QLabel *m_expiry;
    QLabel *m_status;
    QLabel *m_error;
    QLabel *m_firewallHint;
    QProgressBar *m_progress;
    QPushButton *m_renew;
    int m_received = 0;
};

} // namespace rollcall
