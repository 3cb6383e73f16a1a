#include "startup/InstanceBeacon.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace rollcall {
namespace {

const QByteArray kRaise("raise\n");
const QByteArray kAck("ok\n");

} // namespace

InstanceBeacon::InstanceBeacon(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_name(serverName(dataDir))
{ }

InstanceBeacon::~InstanceBeacon() = default;

QString InstanceBeacon::serverName(const QString &dataDir)
{
    QByteArray key = QDir(dataDir).absolutePath().toUtf8();
#ifdef Q_OS_UNIX
    key += '/' + QByteArray::number(::getuid());
#else
    key += '/' + qgetenv("USERNAME");
#endif
    return QStringLiteral("rollcall-")
        + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
}

bool InstanceBeacon::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption); // this account only
    // We hold the data folder's lock, so a leftover socket can only be a dead instance's.
    QLocalServer::removeServer(m_name);
    if (!m_server->listen(m_name))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine())
                    return;
                if (socket->readLine(64) == kRaise) {
                    socket->write(kAck);
                    socket->flush();
                    Q_EMIT raiseRequested();
                }
                socket->disconnectFromServer();
            });
        }
    });
    return true;
}

bool InstanceBeacon::isListening(const QString &dataDir, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName(dataDir));
    const bool connected = socket.waitForConnected(timeoutMs);
    socket.abort();
    return connected;
}

bool InstanceBeacon::requestRaise(const QString &dataDir, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName(dataDir));
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(kRaise);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine(64) == kAck;
}

} // namespace rollcall
