#include "ResultAsserts.h"
#include "TestPaths.h"
#include "TestPhotos.h"
#include "handoff/PhoneUploadServer.h"

#include <QEventLoop>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

using namespace rollcall;
using rollcall::test::bmpHeaderOnly;
using rollcall::test::TestPaths;

// The phone upload server over real sockets on 127.0.0.1, as a hostile phone
// would use it: only the page and its upload exist, a code takes one batch,
// expires and cannot be guessed into, every photo is checked, and sizes,
// connections and request rates are bounded.
class TestPhoneUploadServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesToStartWithoutAddresses();
    void servesOnlyThePage();
    void takesOneBatchPerCode();
    void refusedBatchKeepsTheCode();
    void refusesOversizedPhotos();
    void cutsOffOversizedRequests();
    void codeExpires();
    void limitsRequestRate();
    void limitsConnectionsPerPhone();

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QNetworkReply *raw = nullptr;
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
        QHash<QByteArray, QByteArray> headers;
    };
    struct File
    {
        QString name;
        QByteArray data;
    };

    Reply finish(QNetworkReply *reply);
    Reply get(const QUrl &url);
    Reply post(const QUrl &url, const QList<File> &files);
    static QUrl withPath(QUrl url, const QString &path)
    {
        url.setPath(path);
        return url;
    }
    static QByteArray photo(const QString &relative)
    {
        QFile file(TestPaths::data(relative));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static PhoneUploadServer::Limits testLimits()
    {
        PhoneUploadServer::Limits limits;
        limits.requestsPerMinute = 1000;
        return limits;
    }

    QNetworkAccessManager m_network;
};

TestPhoneUploadServer::Reply TestPhoneUploadServer::finish(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

TestPhoneUploadServer::Reply TestPhoneUploadServer::get(const QUrl &url)
{
    return finish(m_network.get(QNetworkRequest(url)));
}

TestPhoneUploadServer::Reply TestPhoneUploadServer::post(const QUrl &url, const QList<File> &files)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (const File &file : files) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"photos\"; filename=\"%1\"").arg(file.name));
        part.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("image/jpeg"));
        part.setBody(file.data);
        multipart->append(part);
    }
    QNetworkReply *reply = m_network.post(QNetworkRequest(url), multipart);
    multipart->setParent(reply);
    return finish(reply);
}

void TestPhoneUploadServer::refusesToStartWithoutAddresses()
{
    PhoneUploadServer server;
    const Status started = server.start({});
    QVERIFY(!started.ok());
    QCOMPARE(started.error().code(), Error::Code::Network);
    QVERIFY(!server.isListening());
    // An address this host does not have cannot be bound: an error, not a crash.
    const Status foreign = server.start({ QHostAddress(QStringLiteral("192.0.2.123")) });
    QVERIFY(!foreign.ok());
    QVERIFY(foreign.error().message().contains(QLatin1String("192.0.2.123")));
}

void TestPhoneUploadServer::servesOnlyThePage()
{
    PhoneUploadServer server(testLimits());
    VERIFY_OK(server.start({ QHostAddress::LocalHost }));
    const QUrl url = server.urls().value(0);
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    const QString code = url.path().section(QLatin1Char('/'), -1);
    QCOMPARE(code.size(), 22); // 128 bits, base64url
    QVERIFY(!code.contains(QLatin1Char('=')) && !code.contains(QLatin1Char('+')) && !code.contains(QLatin1Char('/')));

    const Reply page = get(url);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("<input id=\"camera\" type=\"file\" name=\"photos\" accept=\"image/*\" "
                               "capture=\"environment\" multiple>"));
    QVERIFY(page.body.contains("method=\"post\""));
    QVERIFY(!page.body.contains("<script"));
    QVERIFY(page.header("content-type").startsWith("text/html"));
    QVERIFY(page.header("content-security-policy").contains("default-src 'none'"));
    QCOMPARE(page.header("cache-control"), QByteArray("no-store"));
    QCOMPARE(page.header("referrer-policy"), QByteArray("no-referrer"));

    // Nothing else: no listing, no other route, no other method, no near miss.
    const QStringList paths { QStringLiteral("/"),
                              QStringLiteral("/u/"),
                              QStringLiteral("/u"),
                              QStringLiteral("/favicon.ico"),
                              QStringLiteral("/u/") + code + QStringLiteral("/x"),
                              QStringLiteral("/u/") + code.left(21),
                              QStringLiteral("/u/") + code + QLatin1Char('A'),
                              QStringLiteral("/u/../u/") + code.toLower(),
                              QStringLiteral("/../../etc/passwd") };
    for (const QString &path : paths) {
        const Reply other = get(withPath(url, path));
        QVERIFY2(other.status == 404, qPrintable(path + QLatin1Char(' ') + QString::number(other.status)));
        QVERIFY(!other.body.contains("<form"));
    }
    const Reply put = finish(m_network.put(QNetworkRequest(url), QByteArray("x")));
    QCOMPARE(put.status, 404);
    QVERIFY(server.isListening());
}

void TestPhoneUploadServer::takesOneBatchPerCode()
{
    PhoneUploadServer server(testLimits());
    VERIFY_OK(server.start({ QHostAddress::LocalHost }));
    QSignalSpy photos(&server, &PhoneUploadServer::photoReceived);
    QSignalSpy batches(&server, &PhoneUploadServer::batchReceived);
    QSignalSpy progress(&server, &PhoneUploadServer::receiving);
    const QUrl first = server.urls().value(0);
    const QByteArray easy = photo(QStringLiteral("classrooms/DEV-A/easy.jpg"));
    const QByteArray hard = photo(QStringLiteral("classrooms/DEV-A/hard.jpg"));
    QVERIFY(!easy.isEmpty() && !hard.isEmpty());

    const Reply sent = post(first, { { QStringLiteral("easy.jpg"), easy }, { QStringLiteral("hard.jpg"), hard } });
    QCOMPARE(sent.status, 200);
    QVERIFY(sent.body.contains("id=\"result\" class=\"ok\""));
    QCOMPARE(photos.size(), 2);
    QCOMPARE(photos.at(0).at(0).toByteArray(), easy); // byte for byte: EXIF reaches the provenance checks
    QCOMPARE(photos.at(0).at(1).toString(), QStringLiteral("easy.jpg"));
    QCOMPARE(photos.at(1).at(0).toByteArray(), hard);
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches.at(0).at(0).toInt(), 2);
    // Progress for the dialog: bytes received out of the request's size, ending complete.
    QVERIFY(!progress.isEmpty());
    const qint64 expected = progress.constLast().at(2).toLongLong();
    QVERIFY(expected > easy.size() + hard.size());
    QCOMPARE(progress.constLast().at(1).toLongLong(), expected);
    for (const QList<QVariant> &step : std::as_const(progress))
        QVERIFY(step.at(1).toLongLong() <= step.at(2).toLongLong());

    // The code is spent; the PC shows a new one.
    const QUrl second = server.urls().value(0);
    QVERIFY(second != first);
    const Reply again = post(first, { { QStringLiteral("easy.jpg"), easy } });
    QCOMPARE(again.status, 410);
    QVERIFY(again.body.contains("already"));
    QCOMPARE(get(first).status, 410);
    QCOMPARE(photos.size(), 2);
    QCOMPARE(get(second).status, 200);
    QCOMPARE(post(second, { { QStringLiteral("hard.jpg"), hard } }).status, 200);
    QCOMPARE(photos.size(), 3);
}

void TestPhoneUploadServer::refusedBatchKeepsTheCode()
{
    PhoneUploadServer server(testLimits());
    VERIFY_OK(server.start({ QHostAddress::LocalHost }));
    QSignalSpy photos(&server, &PhoneUploadServer::photoReceived);
    QSignalSpy refusals(&server, &PhoneUploadServer::uploadRefused);
    const QUrl url = server.urls().value(0);
    const QByteArray easy = photo(QStringLiteral("classrooms/DEV-A/easy.jpg"));

    struct Case
    {
        QList<File> files;
        QByteArray expected;
    };
    const QList<Case> cases {
        { { { QStringLiteral("notes.txt"), QByteArray("just some text, not a photo") } }, "not a photo" },
        { { { QStringLiteral("page.html"), QByteArray("<html><script>alert(1)</script></html>") } }, "not a photo" },
        // One bad photo refuses the batch: nothing half-arrives.
        { { { QStringLiteral("easy.jpg"), easy }, { QStringLiteral("bomb.bmp"), bmpHeaderOnly(10000, 6000) } },
          "too many pixels" },
        { { { QStringLiteral("cut.jpg"), easy.left(easy.size() / 2) } }, "incomplete" },
        { {}, "No photo was chosen" },
    };
    for (const Case &c : cases) {
        const Reply reply = post(url, c.files);
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.body.contains(c.expected), reply.body.constData());
        QVERIFY(!reply.body.contains("<script>alert")); // names are escaped, never echoed as HTML
    }
    QCOMPARE(photos.size(), 0);
    QCOMPARE(refusals.size(), cases.size());
    QCOMPARE(server.urls().value(0), url);

    PhoneUploadServer::Limits limits = testLimits();
    limits.maxPhotos = 2;
    server.setLimits(limits);
    const Reply tooMany = post(
        url,
        { { QStringLiteral("a.jpg"), easy }, { QStringLiteral("b.jpg"), easy }, { QStringLiteral("c.jpg"), easy } });
    QCOMPARE(tooMany.status, 400);
    QVERIFY(tooMany.body.contains("at most 2"));
    QCOMPARE(post(url, { { QStringLiteral("easy.jpg"), easy } }).status, 200);
    QCOMPARE(photos.size(), 1);
}

void TestPhoneUploadServer::refusesOversizedPhotos()
{
    PhoneUploadServer::Limits limits = testLimits();
    limits.maxPhotoBytes = 200 * 1000; // easy.jpg is 563 kB; the request limit is 2 × 200 kB + 1 MiB
    limits.maxPhotos = 2;
    PhoneUploadServer server(limits);
    VERIFY_OK(server.start({ QHostAddress::LocalHost }));
    QSignalSpy photos(&server, &PhoneUploadServer::photoReceived);
    const Reply reply = post(server.urls().value(0),
                             { { QStringLiteral("easy.jpg"), photo(QStringLiteral("classrooms/DEV-A/easy.jpg")) } });
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains("easy.jpg is too large (0.6 MB; at most 0.2 MB)"), reply.body.constData());
    QCOMPARE(photos.size(), 0);
}

void TestPhoneUploadServer::cutsOffOversizedRequests()
{
    PhoneUploadServer::Limits limits = testLimits();
    limits.maxPhotoBytes = 100 * 1000;
    limits.maxPhotos = 1; // requests above 100 kB + 1 MiB are cut off before they are buffered
    PhoneUploadServer server(limits);
    VERIFY_OK(server.start({ QHostAddress::LocalHost }));
    QSignalSpy photos(&server, &PhoneUploadServer::photoReceived);
    const QUrl url = server.urls().value(0);

    // Declared too large: answered 413 from the headers.
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST " + url.path().toLatin1()
                 + " HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
                   "boundary=b\r\nContent-Length: 900000000\r\n\r\n--b\r\n");
    // The server shares this thread: wait with the event loop running.
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("too large"));

    // Lying about its size, or chunked: cut off once the bytes pass the limit.
    for (const QByteArray &head :
         { QByteArray("Content-Length: 10\r\n"), QByteArray("Transfer-Encoding: chunked\r\n") }) {
        QTcpSocket liar;
        liar.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(liar.waitForConnected(5000));
        liar.write("POST " + url.path().toLatin1() + " HTTP/1.1\r\nHost: x\r\n" + head + "\r\n");
        const QByteArray chunk(64 * 1024, 'x');
        for (int i = 0; i < 64 && liar.state() == QAbstractSocket::ConnectedState; ++i) {
            liar.write(chunk);
            liar.waitForBytesWritten(1000);
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE_WITH_TIMEOUT(liar.state(), QAbstractSocket::UnconnectedState, 10000);
    }
    // Headers that never end are cut off too.
    QTcpSocket endless;
    endless.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(endless.waitForConnected(5000));
    endless.write("GET " + url.path().toLatin1() + " HTTP/1.1\r\n");
    for (int i = 0; i < 40 && endless.state() == QAbstractSocket::ConnectedState; ++i) {
        endless.write("X-Pad: " + QByteArray(1000, 'p') + "\r\n");
        endless.waitForBytesWritten(1000);
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE_WITH_TIMEOUT(endless.state(), QAbstractSocket::UnconnectedState, 10000);

    // Still serving, the code still valid, nothing received.
    QCOMPARE(get(url).status, 200);
    QCOMPARE(photos.size(), 0);
}

void TestPhoneUploadServer::codeExpires()
{
    PhoneUploadServer::Limits limits = testLimits();
    limits.codeLifetime = std::chrono::seconds(1);
    PhoneUploadServer server(limits);
    QSignalSpy expired(&server, &PhoneUploadServer::codeExpired);
    VERIFY_OK(server.start({ QHostAddress::LocalHost }));
    const QUrl url = server.urls().value(0);
    QCOMPARE(get(url).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 5000);
    QVERIFY(server.isExpired());
    const Reply late
        = post(url, { { QStringLiteral("easy.jpg"), photo(QStringLiteral("classrooms/DEV-A/easy.jpg")) } });
    QCOMPARE(late.status, 410);
    QVERIFY(late.body.contains("expired"));

    // "New code": the old one stays refused, the new one works.
    limits.codeLifetime = std::chrono::seconds(600);
    server.setLimits(limits);
    server.renewCode();
    QCOMPARE(get(url).status, 410);
    QCOMPARE(get(server.urls().value(0)).status, 200);
}

void TestPhoneUploadServer::limitsRequestRate()
{
    PhoneUploadServer::Limits limits;
    limits.requestsPerMinute = 5;
    PhoneUploadServer server(limits);
    VERIFY_OK(server.start({ QHostAddress::LocalHost }));
    QUrl wrong = server.urls().value(0);
    wrong.setPath(QStringLiteral("/u/AAAAAAAAAAAAAAAAAAAAAA"));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(get(wrong).status, 404);
    // Guessing is slowed down to a few tries a minute, and the right code too waits.
    QCOMPARE(get(wrong).status, 429);
    QCOMPARE(get(server.urls().value(0)).status, 429);
}

void TestPhoneUploadServer::limitsConnectionsPerPhone()
{
    PhoneUploadServer server(testLimits());
    VERIFY_OK(server.start({ QHostAddress::LocalHost }));
    const QUrl url = server.urls().value(0);
    QList<QTcpSocket *> sockets;
    for (int i = 0; i < 5; ++i) {
        auto *socket = new QTcpSocket(this);
        socket->connectToHost(url.host(), quint16(url.port()));
        QVERIFY(socket->waitForConnected(5000));
        sockets << socket;
    }
    // Four stay open (idle), the fifth from the same address is closed at once.
    QTRY_COMPARE_WITH_TIMEOUT(sockets.last()->state(), QAbstractSocket::UnconnectedState, 5000);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(sockets.at(i)->state(), QAbstractSocket::ConnectedState);
    qDeleteAll(sockets);
    QTRY_COMPARE(get(url).status, 200);
}

QTEST_GUILESS_MAIN(TestPhoneUploadServer)
#include "tst_phoneuploadserver.moc"
