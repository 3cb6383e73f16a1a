#include "TestHttpServer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>

namespace rollcall::test {

TestHttpServer::TestHttpServer(const QString &root, QObject *parent)
    : QTcpServer(parent)
    , m_root(root)
{ }

bool TestHttpServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QString TestHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(serverPort());
}

void TestHttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handle(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        m_buffers.remove(socket);
        socket->deleteLater();
    });
}

void TestHttpServer::handle(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return; // headers incomplete
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    buffer.clear();
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QByteArray range;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("range:"))
            range = line.mid(6).trimmed();
    }
    respond(socket, requestLine.value(1), range);
}

void TestHttpServer::respond(QTcpSocket *socket, const QByteArray &path, const QByteArray &range)
{
    Request record;
    record.path = QString::fromUtf8(path);
    record.range = range;
    const QString fileName = QString::fromUtf8(QByteArray::fromPercentEncoding(path)).section(QLatin1Char('/'), -1);
    QFile file(QDir(m_root).filePath(fileName));
    QByteArray header;
    QByteArray body;
    if (fileName.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        record.status = 404;
        body = "not found\n";
        header = "HTTP/1.1 404 Not Found\r\n";
    } else {
        QByteArray content = file.readAll();
        if (m_corrupt.contains(fileName))
            content[content.size() / 2] = char(content.at(content.size() / 2) ^ 0x5a);
        const qint64 size = content.size();
        static const QRegularExpression rangeRe(QStringLiteral("^bytes=(\\d+)-$"));
        const auto match = rangeRe.match(QString::fromLatin1(range));
        if (match.hasMatch() && !m_ignoreRange) {
            const qint64 from = match.captured(1).toLongLong();
            if (from >= size) {
                record.status = 416;
                header = "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + QByteArray::number(size)
                    + "\r\n";
            } else {
                record.status = 206;
                body = content.mid(from);
                header = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + QByteArray::number(from) + '-'
                    + QByteArray::number(size - 1) + '/' + QByteArray::number(size) + "\r\n";
            }
        } else {
            record.status = 200;
            body = content;
            header = "HTTP/1.1 200 OK\r\n";
        }
        header += "Accept-Ranges: bytes\r\nContent-Type: application/octet-stream\r\n";
    }
    header += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";

    qint64 send = body.size();
    const auto cut = m_cutAfter.constFind(fileName);
    if (cut != m_cutAfter.constEnd() && record.status >= 200 && record.status < 300) {
        send = qMin(send, cut.value());
        m_cutAfter.erase(cut);
    }
    record.bodyBytes = send;
    m_requests.append(record);
    socket->write(header);
    socket->write(body.constData(), send);
    socket->disconnectFromHost(); // after the queued bytes are written
}

QString unreachableBaseUrl()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QStringLiteral("http://127.0.0.1:%1/").arg(port);
}

} // namespace rollcall::test
