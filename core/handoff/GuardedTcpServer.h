#pragma once

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>

class QTcpSocket;
class QTimer;

namespace rollcall {

// The TCP listener under PhoneUploadServer's QHttpServer. Qt HttpServer 6.4
// buffers a request body without limit, so this listener bounds every
// connection before the HTTP layer sees its bytes: at most maxConnections at
// once (perPeerConnections from one address), a request larger than
// maxRequestBytes (its Content-Length, else the bytes counted) is answered with
// refusalPage (HTTP 413) and closed, and a connection idle for idleTimeoutMs is
// dropped. It also reports upload progress per connection.
// Not thread-safe: lives on the thread that listens.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxRequestBytes = 64LL * 1024 * 1024;
        qint64 maxHeaderBytes = 16 * 1024;
        int maxConnections = 16;
        int perPeerConnections = 4;
        int idleTimeoutMs = 30'000;
    };

    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);

    // The complete HTTP response sent before closing an oversized request.
    void setRefusalResponse(const QByteArray &response) { m_refusal = response; }

Q_SIGNALS:
    // bytes of the current request received so far; expected: its Content-Length, or -1.
    void receiving(const QHostAddress &peer, qint64 received, qint64 expected);
    void refused(const QHostAddress &peer, const QString &reason);

protected:
    void incomingConnection(qintptr handle) override;

private:
    struct State
    {
        qint64 received = 0; // bytes of the current request
        qint64 expected = -1; // Content-Length plus headers, once the headers are seen
        QTimer *idle = nullptr;
    };

    void onReadyRead(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const QString &reason, bool answer);

    Limits m_limits;
    QByteArray m_refusal;
    QHash<QTcpSocket *, State> m_states;
};

} // namespace rollcall
