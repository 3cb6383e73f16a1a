#include "phone/PhoneUploadDialog.h"

#include "common/Settings.h"
#include "handoff/LanAddresses.h"
#include "handoff/PhoneUploadServer.h"
#include "handoff/QrCode.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace rollcall {

namespace {

constexpr int kQuietZone = 4; // modules of white around the code, as the standard asks

QPixmap renderCode(const QrCode &code, int pixels)
{
    const int modules = code.size() + 2 * kQuietZone;
    const int scale = std::max(1, pixels / modules);
    QImage image(modules * scale, modules * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code.size(); ++y) {
        for (int x = 0; x < code.size(); ++x) {
            if (code.isDark(x, y))
                painter.fillRect((x + kQuietZone) * scale, (y + kQuietZone) * scale, scale, scale, Qt::black);
        }
    }
    return QPixmap::fromImage(image);
}

// phone/addresses, or every LAN address when it is empty.
QList<QHostAddress> listenAddresses(const Settings &settings, QStringList *invalid)
{
    const QString configured = settings.string(Settings::Key::PhoneAddresses).trimmed();
    if (configured.isEmpty())
        return LanAddresses::find();
    QList<QHostAddress> result;
    const QStringList items = configured.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QHostAddress address(item.trimmed());
        if (address.isNull())
            *invalid << item.trimmed();
        else
            result << address;
    }
    return result;
}

} // namespace

PhoneUploadDialog::PhoneUploadDialog(const QString &purpose, QWidget *parent)
    : QDialog(parent)
    , m_server(new PhoneUploadServer(this))
    , m_code(new QLabel(this))
    , m_address(new QLabel(this))
    , m_expiry(new QLabel(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_firewallHint(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_renew(new QPushButton(tr("&New code"), this))
{
    setWindowTitle(tr("Photos from a phone"));
    setObjectName(QStringLiteral("phoneUploadDialog"));
    setMinimumWidth(460);

    auto *intro = new QLabel(tr("%1\nScan this code with the phone's camera, take the photos on the page that opens "
                                "and press Send. The phone must be on the same network as this PC.")
                                 .arg(purpose),
                             this);
    intro->setWordWrap(true);
    m_code->setObjectName(QStringLiteral("qrCode"));
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setMinimumSize(280, 280);
    m_address->setObjectName(QStringLiteral("address"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setWordWrap(true);
    m_expiry->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->hide();
    m_firewallHint->setWordWrap(true);
    m_firewallHint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_renew->setObjectName(QStringLiteral("renewButton"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_renew, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_renew, &QPushButton::clicked, this, &PhoneUploadDialog::restart);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_code, 1);
    layout->addWidget(m_address);
    layout->addWidget(m_expiry);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_firewallHint);
    layout->addWidget(buttons);

    connect(m_server, &PhoneUploadServer::photoReceived, this, [this](const QByteArray &data, const QString &name) {
        ++m_received;
        Q_EMIT photoReceived(data, name);
    });
    connect(m_server, &PhoneUploadServer::batchReceived, this, [this](int photos, const QString &peer) {
        m_progress->hide();
        setStatus(tr("%n photo(s) received from %1. Scan the new code to send more.", nullptr, photos).arg(peer));
    });
    connect(m_server, &PhoneUploadServer::receiving, this,
            [this](const QString &peer, qint64 received, qint64 expected) {
                if (expected < 256 * 1024)
                    return; // a page request, not photos
                m_progress->show();
                m_progress->setValue(int(100 * received / expected));
                setStatus(tr("Receiving photos from %1…").arg(peer));
            });
    connect(m_server, &PhoneUploadServer::uploadRefused, this, [this](const QString &peer, const QString &reason) {
        m_progress->hide();
        setStatus(tr("Refused a request from %1: %2").arg(peer, reason));
    });
    connect(m_server, &PhoneUploadServer::codeChanged, this, &PhoneUploadDialog::showCode);
    connect(m_server, &PhoneUploadServer::codeExpired, this, [this] {
        m_code->setPixmap({});
        m_code->setText(tr("The code has expired.\nPress New code to show another."));
        m_address->clear();
        m_expiry->clear();
    });
    restart();
}

PhoneUploadDialog::~PhoneUploadDialog() = default;

void PhoneUploadDialog::restart()
{
    if (m_server->isListening()) {
        m_server->renewCode();
        return;
    }
    const Settings settings;
    QStringList invalid;
    const QList<QHostAddress> addresses = listenAddresses(settings, &invalid);
    if (!invalid.isEmpty())
        return showError(tr("The setting phone/addresses holds addresses that are not valid: %1.")
                             .arg(invalid.join(QStringLiteral(", "))));
    if (addresses.isEmpty())
        return showError(tr("This PC is not connected to a local network (no Wi-Fi or wired LAN address), so a "
                            "phone cannot reach it. Connect the PC and the phone to the same network and press "
                            "Try again, or copy the photos over a cable."));
    const int port = settings.integer(Settings::Key::PhonePort);
    const Status started = m_server->start(addresses, quint16(port));
    if (!started)
        return showError(port != 0 ? tr("%1\nAnother program may be using port %2; choose another port in the "
                                        "settings (phone/port) or close that program.")
                                         .arg(started.error().message())
                                         .arg(port)
                                   : started.error().message());
    m_error->hide();
    m_renew->setText(tr("&New code"));
    m_firewallHint->setText(tr("If the phone cannot open the page, check that it uses the same Wi-Fi as this PC "
                               "and that the PC's firewall allows incoming TCP connections on port %1.")
                                .arg(m_server->port()));
    m_firewallHint->show();
    setStatus(tr("Waiting for the phone…"));
}

void PhoneUploadDialog::showCode()
{
    const QList<QUrl> urls = m_server->urls();
    if (urls.isEmpty())
        return;
    const Result<QrCode> code = QrCode::encode(urls.first().toString());
    if (!code)
        return showError(code.error().message());
    m_code->setPixmap(renderCode(*code, 280));
    QStringList addresses;
    for (const QUrl &url : urls)
        addresses << url.toString();
    m_address->setText(tr("Or type on the phone: %1").arg(addresses.join(tr(" or "))));
    m_expiry->setText(tr("The code works for one batch of photos, until %1.").arg(m_server->expiryTime()));
}

void PhoneUploadDialog::showError(const QString &message)
{
    m_code->setPixmap({});
    m_code->setText(QString());
    m_address->clear();
    m_expiry->clear();
    m_firewallHint->hide();
    m_error->setText(message);
    m_error->show();
    m_renew->setText(tr("&Try again"));
    setStatus(QString());
}

void PhoneUploadDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString PhoneUploadDialog::statusText() const
{
    return m_status->text();
}

QString PhoneUploadDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool PhoneUploadDialog::isListening() const
{
    return m_server->isListening();
}

void PhoneUploadDialog::done(int result)
{
    m_server->stop();
    QDialog::done(result);
}

} // namespace rollcall
