#include "handoff/GuardedTcpServer.h"

#include "common/LogCategories.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace rollcall {

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{ }

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    int fromPeer = 0;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it)
        fromPeer += it.key()->peerAddress().isEqual(peer) ? 1 : 0;
    if (m_states.size() >= m_limits.maxConnections || fromPeer >= m_limits.perPeerConnections) {
        qCInfo(lcHandoff) << "refusing a connection from" << peer.toString() << "(too many open)";
        Q_EMIT refused(peer, QStringLiteral("too many connections"));
        socket->abort();
        socket->deleteLater();
        return;
    }

    State state;
    state.idle = new QTimer(socket);
    state.idle->setSingleShot(true);
    state.idle->setInterval(m_limits.idleTimeoutMs);
    connect(state.idle, &QTimer::timeout, socket, [this, socket] {
        qCInfo(lcHandoff) << "dropping an idle connection from" << socket->peerAddress().toString();
        socket->abort();
    });
    state.idle->start();
    m_states.insert(socket, state);

    // Connected before QHttpServer's own readyRead handler (added once the
    // socket is taken from the pending queue), so the checks see every byte first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    // A response written means the request is over; keep-alive starts the next one.
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
        auto it = m_states.find(socket);
        if (it != m_states.end()) {
            it->received = 0;
            it->expected = -1;
        }
    });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_states.remove(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { m_states.remove(socket); });
    addPendingConnection(socket);
}

void GuardedTcpServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_states.find(socket);
    if (it == m_states.end())
        return;
    it->idle->start();
    // Unread bytes only: QHttpServer reads everything on each readyRead.
    it->received += socket->bytesAvailable();

    if (it->expected < 0) {
        const QByteArray head = socket->peek(m_limits.maxHeaderBytes + 4);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (it->received > m_limits.maxHeaderBytes)
                return refuse(socket, QStringLiteral("request headers too large"), false);
        } else {
            static const QRegularExpression contentLength(
                QStringLiteral("\\r\\ncontent-length:\\s*(\\d{1,18})\\s*\\r\\n"),
                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch match = contentLength.match(QString::fromLatin1(head.left(end + 2)));
            it->expected = end + 4 + (match.hasMatch() ? match.captured(1).toLongLong() : 0);
            if (head.left(end).toLower().contains("transfer-encoding"))
                return refuse(socket, QStringLiteral("chunked uploads are not accepted"), true);
        }
    }
    if ((it->expected >= 0 && it->expected > m_limits.maxRequestBytes) || it->received > m_limits.maxRequestBytes)
        return refuse(socket, QStringLiteral("upload larger than %1 MB").arg(m_limits.maxRequestBytes / 1000000), true);
    if (it->expected > 0)
        Q_EMIT receiving(socket->peerAddress(), std::min(it->received, it->expected), it->expected);
}

void GuardedTcpServer::refuse(QTcpSocket *socket, const QString &reason, bool answer)
{
    qCInfo(lcHandoff) << "refusing a request from" << socket->peerAddress().toString() << ":" << reason;
    Q_EMIT refused(socket->peerAddress(), reason);
    m_states.remove(socket);
    // Nothing more reaches QHttpServer: its handler runs after this one and
    // would read what is buffered.
    socket->blockSignals(true);
    socket->readAll();
    if (answer && !m_refusal.isEmpty()) {
        socket->write(m_refusal);
        socket->flush();
    }
    socket->disconnectFromHost();
    // Its signals are blocked, so nothing else deletes it.
    QTimer::singleShot(2000, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}

} // namespace rollcall
