#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

namespace rollcall::test {

// A small HTTP/1.1 file server on 127.0.0.1 for download tests: serves the files
// of one folder with GET, honours "Range: bytes=N-" (206, or 416 past the end),
// and can misbehave on purpose: corrupt a file's bytes, cut a response short
// (the connection closes mid-body), or ignore ranges.
class TestHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Request
    {
        QString path;
        QByteArray range; // the Range header, empty if none
        int status = 0;
        qint64 bodyBytes = 0; // body bytes sent
    };

    explicit TestHttpServer(const QString &root, QObject *parent = nullptr);

    bool start(); // listens on 127.0.0.1 on a free port
    QString baseUrl() const; // http://127.0.0.1:<port>/

    void setCorrupt(const QString &fileName) { m_corrupt.insert(fileName); }
    // The next response for fileName sends only `bytes` of the body, then closes.
    void cutNextResponseAfter(const QString &fileName, qint64 bytes) { m_cutAfter.insert(fileName, bytes); }
    void setIgnoreRange(bool ignore) { m_ignoreRange = ignore; }
    const QList<Request> &requests() const { return m_requests; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void handle(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &path, const QByteArray &range);

    QString m_root;
    QSet<QString> m_corrupt;
    QHash<QString, qint64> m_cutAfter;
    bool m_ignoreRange = false;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A URL on 127.0.0.1 where nothing listens (a port that was just free).
QString unreachableBaseUrl();

} // namespace rollcall::test
