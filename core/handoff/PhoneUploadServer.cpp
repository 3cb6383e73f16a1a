#include "handoff/PhoneUploadServer.h"

#include "common/LogCategories.h"
#include "handoff/GuardedTcpServer.h"
#include "handoff/MultipartParser.h"
#include "handoff/UploadPage.h"
#include "vision/ImageHeader.h"
#include "vision/ImageLoader.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimer>

namespace rollcall {

namespace {

using Status_ = QHttpServerResponder::StatusCode;

QString newCode()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Compares without an early exit, so the time taken says nothing about the code.
bool sameCode(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return false;
    char16_t diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= a.at(i).unicode() ^ b.at(i).unicode();
    return diff == 0;
}

QHttpServerResponse htmlResponse(const QByteArray &html, Status_ status)
{
    QHttpServerResponse response(QByteArrayLiteral("text/html; charset=utf-8"), html, status);
    for (auto &[name, value] : UploadPage::securityHeaders())
        response.addHeader(QByteArray(name), QByteArray(value));
    return response;
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

} // namespace

PhoneUploadServer::PhoneUploadServer(QObject *parent)
    : PhoneUploadServer(Limits {}, parent)
{ }

PhoneUploadServer::PhoneUploadServer(Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_expiryTimer(new QTimer(this))
{
    m_expiryTimer->setSingleShot(true);
    m_expiryTimer->setTimerType(Qt::PreciseTimer);
    connect(m_expiryTimer, &QTimer::timeout, this, [this] {
        m_expiresAt = std::min(m_expiresAt, QDateTime::currentDateTimeUtc()); // a timer may fire a little early
        if (!m_code.isEmpty())
            m_expiredCodes.insert(m_code);
        Q_EMIT codeExpired();
    });
}

PhoneUploadServer::~PhoneUploadServer()
{
    stop();
}

Status PhoneUploadServer::start(const QList<QHostAddress> &addresses, quint16 port)
{
    stop();
    if (addresses.isEmpty())
        return Error::network(tr("This PC has no local network address a phone could reach."));
    m_http = std::make_unique<QHttpServer>();
    setUpRoutes();

    GuardedTcpServer::Limits tcp;
    // One batch and its multipart framing; the photos' own limits are checked after.
    tcp.maxRequestBytes = m_limits.maxPhotos * m_limits.maxPhotoBytes + 1024 * 1024;
    const QByteArray refusal = QByteArrayLiteral("HTTP/1.1 413 Payload Too Large\r\n"
                                                 "Content-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n")
        + UploadPage::answer(tr("Not sent"),
                             tr("The photos are too large: at most %1 photos of %2 MB each can be sent at once.")
                                 .arg(m_limits.maxPhotos)
                                 .arg(m_limits.maxPhotoBytes / 1000000),
                             false);
    QStringList failures;
    for (const QHostAddress &address : addresses) {
        auto *server = new GuardedTcpServer(tcp, this);
        server->setRefusalResponse(refusal);
        if (!server->listen(address, port)) {
            failures << QStringLiteral("%1 (%2)").arg(address.toString(), server->errorString());
            delete server;
            continue;
        }
        port = server->serverPort(); // every address on the same port, so one firewall rule does
        connect(server, &GuardedTcpServer::receiving, this,
                [this](const QHostAddress &peer, qint64 received, qint64 expected) {
                    Q_EMIT receiving(peer.toString(), received, expected);
                });
        connect(server, &GuardedTcpServer::refused, this, [this](const QHostAddress &peer, const QString &reason) {
            Q_EMIT uploadRefused(peer.toString(), reason);
        });
        m_http->bind(server);
        m_servers.append(server);
        m_addresses.append(address);
    }
    if (m_servers.isEmpty()) {
        stop();
        return Error::network(tr("Cannot listen for the phone: %1").arg(failures.join(QStringLiteral(", "))));
    }
    if (!failures.isEmpty())
        qCWarning(lcHandoff) << "not listening on" << failures;
    m_port = port;
    renewCode();
    qCInfo(lcHandoff) << "listening for a phone on port" << m_port << "of" << m_addresses.size() << "address(es)";
    return Status::success();
}

void PhoneUploadServer::stop()
{
    m_expiryTimer->stop();
    for (GuardedTcpServer *server : std::as_const(m_servers))
        server->close();
    m_servers.clear();
    m_http.reset(); // QHttpServer::bind() made it the listeners' parent
    m_addresses.clear();
    m_code.clear();
    m_port = 0;
}

QList<QUrl> PhoneUploadServer::urls() const
{
    QList<QUrl> result;
    for (const QHostAddress &address : m_addresses) {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(address.toString());
        url.setPort(m_port);
        url.setPath(QStringLiteral("/u/") + m_code);
        result.append(url);
    }
    return result;
}

QString PhoneUploadServer::expiryTime() const
{
    return QLocale().toString(m_expiresAt.toLocalTime().time(), QLocale::ShortFormat);
}

bool PhoneUploadServer::isExpired() const
{
    return m_code.isEmpty() || QDateTime::currentDateTimeUtc() >= m_expiresAt;
}

void PhoneUploadServer::renewCode()
{
    if (!m_code.isEmpty() && !m_usedCodes.contains(m_code))
        m_expiredCodes.insert(m_code);
    m_code = newCode();
    m_expiresAt = QDateTime::currentDateTimeUtc().addSecs(m_limits.codeLifetime.count());
    m_expiryTimer->start(std::chrono::duration_cast<std::chrono::milliseconds>(m_limits.codeLifetime));
    Q_EMIT codeChanged();
}

void PhoneUploadServer::setUpRoutes()
{
    m_http->route(QStringLiteral("/u/<arg>"), QHttpServerRequest::Method::Get,
                  [this](const QString &code, const QHttpServerRequest &request) { return page(code, request); });
    m_http->route(QStringLiteral("/u/<arg>"), QHttpServerRequest::Method::Post,
                  [this](const QString &code, const QHttpServerRequest &request) { return upload(code, request); });
    m_http->setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        htmlResponse(UploadPage::answer(tr("Not found"), tr("There is nothing here."), false), Status_::NotFound)
            .write(std::move(responder));
    });
}

PhoneUploadServer::CodeState PhoneUploadServer::checkCode(const QString &code) const
{
    if (!m_code.isEmpty() && sameCode(code, m_code))
        return isExpired() ? CodeState::Expired : CodeState::Current;
    if (m_usedCodes.contains(code))
        return CodeState::Used;
    if (m_expiredCodes.contains(code))
        return CodeState::Expired;
    return CodeState::Unknown;
}

bool PhoneUploadServer::allowRequest(const QHostAddress &peer)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<qint64> &times = m_requestTimes[peer];
    times.removeIf([now](qint64 t) { return now - t > 60'000; });
    if (times.size() >= m_limits.requestsPerMinute)
        return false;
    times.append(now);
    return true;
}

std::optional<QHttpServerResponse> PhoneUploadServer::refusal(const QString &code, const QHttpServerRequest &request)
{
    if (!allowRequest(request.remoteAddress())) {
        Q_EMIT uploadRefused(request.remoteAddress().toString(), QStringLiteral("too many requests"));
        return htmlResponse(
            UploadPage::answer(tr("Please wait"), tr("Too many attempts. Wait a minute and try again."), false),
            Status_::TooManyRequests);
    }
    switch (checkCode(code)) {
    case CodeState::Current:
        return std::nullopt;
    case CodeState::Used:
        return htmlResponse(UploadPage::answer(tr("Code already used"),
                                               tr("Photos were already sent with this code. To send more, scan the "
                                                  "new code on the PC's screen."),
                                               false),
                            Status_::Gone);
    case CodeState::Expired:
        return htmlResponse(UploadPage::answer(tr("Code expired"),
                                               tr("This code has expired. Press \"New code\" on the PC and scan "
                                                  "it again."),
                                               false),
                            Status_::Gone);
    case CodeState::Unknown:
        break;
    }
    qCInfo(lcHandoff) << "wrong code from" << request.remoteAddress().toString();
    Q_EMIT uploadRefused(request.remoteAddress().toString(), QStringLiteral("wrong code"));
    return htmlResponse(UploadPage::answer(tr("Not found"),
                                           tr("This link is not valid. Scan the code on the PC's screen again."),
                                           false),
                        Status_::NotFound);
}

QHttpServerResponse PhoneUploadServer::page(const QString &code, const QHttpServerRequest &request)
{
    if (std::optional<QHttpServerResponse> refused = refusal(code, request))
        return std::move(*refused);
    return htmlResponse(UploadPage::form(expiryTime(), m_limits.maxPhotos, m_limits.maxPhotoBytes / 1000000),
                        Status_::Ok);
}

QHttpServerResponse PhoneUploadServer::upload(const QString &code, const QHttpServerRequest &request)
{
    if (std::optional<QHttpServerResponse> refused = refusal(code, request))
        return std::move(*refused);
    const QString peer = request.remoteAddress().toString();
    const auto badRequest = [&](const QString &message, const QString &logged) {
        qCInfo(lcHandoff) << "refused an upload from" << peer << ":" << logged;
        Q_EMIT uploadRefused(peer, message);
        return htmlResponse(UploadPage::answer(tr("Not sent"), message, false), Status_::BadRequest);
    };

    const MultipartParser parser(2 * m_limits.maxPhotos + 4);
    const Result<QList<MultipartParser::Part>> parts = parser.parse(request.value("Content-Type"), request.body());
    if (!parts)
        return badRequest(tr("The upload could not be read. Please try again."), parts.error().message());

    QList<const MultipartParser::Part *> photos;
    for (const MultipartParser::Part &part : *parts) {
        if (part.fileName.isEmpty() && part.data.isEmpty())
            continue; // an empty file field (the other input)
        if (part.name != QLatin1String("photos"))
            continue;
        photos.append(&part);
    }
    if (photos.isEmpty())
        return badRequest(tr("No photo was chosen. Take or choose a photo, then press Send."), QStringLiteral("empty"));
    if (photos.size() > m_limits.maxPhotos)
        return badRequest(tr("Too many photos: at most %1 can be sent at once.").arg(m_limits.maxPhotos),
                          QStringLiteral("too many photos"));

    // The image loader's own header checks, so a photo accepted here is one it will decode.
    const ImageLoader loader({ .maxPixels = m_limits.maxPixels, .maxFileBytes = m_limits.maxPhotoBytes });
    for (const MultipartParser::Part *photo : std::as_const(photos)) {
        const QString name = photo->fileName.isEmpty() ? tr("photo") : photo->fileName;
        if (photo->data.size() > m_limits.maxPhotoBytes)
            return badRequest(tr("%1 is too large (%2 MB; at most %3 MB).")
                                  .arg(name, megabytes(photo->data.size()), megabytes(m_limits.maxPhotoBytes)),
                              QStringLiteral("photo too large"));
        switch (loader.checkHeader(ImageHeader::parse(photo->data))) {
        case ImageLoader::HeaderCheck::Ok:
            break;
        case ImageLoader::HeaderCheck::NotAnImage:
            return badRequest(tr("%1 is not a photo RollCall can read (JPEG, PNG, BMP, WebP or TIFF).").arg(name),
                              QStringLiteral("not an image"));
        case ImageLoader::HeaderCheck::EmptyImage:
        case ImageLoader::HeaderCheck::TooManyPixels:
            return badRequest(
                tr("%1 has too many pixels (at most %2 megapixels).").arg(name).arg(m_limits.maxPixels / 1000000),
                QStringLiteral("too many pixels"));
        case ImageLoader::HeaderCheck::Truncated:
            return badRequest(tr("%1 arrived incomplete. Please send it again.").arg(name),
                              QStringLiteral("truncated"));
        }
    }

    // Accepted: this code is spent, the PC shows the next one.
    m_usedCodes.insert(m_code);
    m_code.clear();
    qCInfo(lcHandoff) << "received" << photos.size() << "photo(s) from" << peer;
    for (const MultipartParser::Part *photo : std::as_const(photos))
        Q_EMIT photoReceived(photo->data, photo->fileName.isEmpty() ? tr("Phone photo") : photo->fileName);
    Q_EMIT batchReceived(int(photos.size()), peer);
    renewCode();
    return htmlResponse(UploadPage::answer(tr("Sent"),
                                           tr("%n photo(s) reached the PC. To send more, scan the new code on the "
                                              "PC's screen.",
                                              nullptr, int(photos.size())),
                                           true),
                        Status_::Ok);
}

} // namespace rollcall
