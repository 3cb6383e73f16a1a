#pragma once

#include "common/Result.h"
#include "vision/VisionSettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
class QTimer;

namespace rollcall {

class GuardedTcpServer;

// "From phone…": a small web server, alive only while a dialog shows its QR
// code, that takes one batch of photos per code from a phone's browser.
// - Listens only on the addresses given (LanAddresses::find() in the GUI).
// - Serves exactly two things, GET and POST of /u/<code>; everything else is 404.
// - The code is 128 random bits; it works for one accepted batch and until it
//   expires, then a new one is made (codeChanged) and the old one is refused
//   with "already used" or "expired".
// - Every photo is checked from its header (format, dimensions, bytes) before
//   the batch is accepted; a refused batch leaves the code usable.
// - Requests are rate-limited per phone; GuardedTcpServer bounds connections and sizes.
// Not thread-safe: lives on the GUI thread (the network work is event-driven).
class PhoneUploadServer : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int maxPhotos = 12; // per batch
        qint64 maxPhotoBytes = 40LL * 1000 * 1000;
        qint64 maxPixels = ImageLimits {}.maxPixels; // the image loader's limit
        int requestsPerMinute = 30; // per phone address
        std::chrono::seconds codeLifetime { 600 };
    };

    explicit PhoneUploadServer(Limits limits, QObject *parent = nullptr);
    explicit PhoneUploadServer(QObject *parent = nullptr);
    ~PhoneUploadServer() override;

    // Listens on each address (port 0: one free port, the same on all). Fails
    // when the list is empty or no address can be bound.
    Status start(const QList<QHostAddress> &addresses, quint16 port = 0);
    void stop();
    bool isListening() const { return !m_servers.isEmpty(); }

    quint16 port() const { return m_port; }
    // The upload page's address on each listening address, with the current code.
    QList<QUrl> urls() const;
    // When the code expires, as the local time of day both the page and the dialog show.
    QString expiryTime() const;
    bool isExpired() const;
    const Limits &limits() const { return m_limits; }
    // Takes effect with the next code (renewCode) or start.
    void setLimits(const Limits &limits) { m_limits = limits; }
    // A new code (and expiry); the old one stops working.
    void renewCode();

Q_SIGNALS:
    void photoReceived(const QByteArray &data, const QString &name);
    void batchReceived(int photos, const QString &peer);
    void uploadRefused(const QString &peer, const QString &reason);
    void receiving(const QString &peer, qint64 received, qint64 expected);
    void codeChanged();
    void codeExpired();

private:
    enum class CodeState { Current, Used, Expired, Unknown };

    void setUpRoutes();
    CodeState checkCode(const QString &code) const;
    bool allowRequest(const QHostAddress &peer);
    QHttpServerResponse page(const QString &code, const QHttpServerRequest &request);
    QHttpServerResponse upload(const QString &code, const QHttpServerRequest &request);
    // The answer to a request that may not go on (rate limit, wrong, used or
    // expired code); nullopt for the current code.
    std::optional<QHttpServerResponse> refusal(const QString &code, const QHttpServerRequest &request);

    Limits m_limits;
    std::unique_ptr<QHttpServer> m_http;
    QList<GuardedTcpServer *> m_servers;
    QList<QHostAddress> m_addresses;
    quint16 m_port = 0;
    QString m_code;
    QSet<QString> m_usedCodes;
    QSet<QString> m_expiredCodes;
    QDateTime m_expiresAt;
    QTimer *m_expiryTimer;
    QHash<QHostAddress, QList<qint64>> m_requestTimes; // per phone, ms since epoch, the last minute
};

} // namespace rollcall
