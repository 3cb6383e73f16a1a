#include "TestPaths.h"
#include "TestPhotos.h"
#include "UiFixture.h"
#include "common/Settings.h"
#include "handoff/PhoneUploadServer.h"
#include "mark/MarkDialog.h"
#include "phone/PhoneUploadDialog.h"
#include "storage/MarkReview.h"
#include "students/EnrolmentPhotoModel.h"
#include "students/RegisterStudentDialog.h"
#include "util/ClassComboBox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace rollcall;
using rollcall::test::bmpHeaderOnly;
using rollcall::test::TestPaths;
using rollcall::test::UiFixture;

// "From phone…" end to end: a real browser (headless Chromium driven by
// Selenium, tests/support/phone_browser.py) opens the address of the QR code,
// puts photos from ../shared/data into the page's file input and sends them;
// the photos reach the mark and registration dialogs. Refusals (wrong code,
// expired code, not an image, too many pixels) are read on the "phone", and
// two phones sending with one code at once get one batch through, not two.
class TestPhoneUploadDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void photoReachesTheMarkDialog();
    void photoReachesTheRegistrationDialog();
    void refusalsShowOnThePhone();
    void expiredCodeIsRefused();
    void twoPhonesAtOnce();
    void cannotListenSaysWhy();

private:
    struct Phone
    {
        std::unique_ptr<QProcess> process;
        QJsonObject result() const
        {
            const QByteArray out = process->readAllStandardOutput();
            const QByteArray last = out.trimmed().split('\n').constLast();
            return QJsonDocument::fromJson(last).object();
        }
    };
    // Starts a "phone" (a browser) on url; files go into the page's file input.
    static Phone startPhone(const QUrl &url, const QStringList &files, const QString &goFile = {});
    static QJsonObject runPhone(const QUrl &url, const QStringList &files = {});
    static bool waitFor(QProcess *process);
    void setPhoneSettings(const QString &addresses);

    std::unique_ptr<UiFixture> m_fixture;
    QString m_classId;
    QTemporaryDir m_files;
};

void TestPhoneUploadDialog::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/chromium"))
                 && QFile::exists(QStringLiteral("/usr/bin/chromedriver")),
             "needs Debian's chromium and chromium-driver (scripts/install-deps.sh)");
    m_fixture = std::make_unique<UiFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_classId = m_fixture->addClass(QStringLiteral("DEV-A")).id;
    m_fixture->addStudent(m_classId, QStringLiteral("DEV-A-001"), QStringLiteral("Jean Chretien"));
    // The test machine need not have a LAN: listen on loopback, on any free port.
    setPhoneSettings(QStringLiteral("127.0.0.1"));
    QVERIFY(m_files.isValid());
}

void TestPhoneUploadDialog::setPhoneSettings(const QString &addresses)
{
    Settings settings;
    QVERIFY(settings.setValue(Settings::Key::PhoneAddresses, addresses));
    QVERIFY(settings.setValue(Settings::Key::PhonePort, 0));
}

bool TestPhoneUploadDialog::waitFor(QProcess *process)
{
    // The server runs on this thread: keep its event loop turning.
    QElapsedTimer clock;
    clock.start();
    while (process->state() != QProcess::NotRunning && clock.elapsed() < 120000)
        QTest::qWait(20);
    if (process->state() != QProcess::NotRunning || process->exitCode() != 0) {
        qWarning() << "phone browser failed:" << process->readAllStandardError().right(3000);
        return false;
    }
    return true;
}

TestPhoneUploadDialog::Phone TestPhoneUploadDialog::startPhone(const QUrl &url, const QStringList &files,
                                                               const QString &goFile)
{
    QStringList args { QStringLiteral(ROLLCALL_SOURCE_DIR "/tests/support/phone_browser.py"), QStringLiteral("--url"),
                       url.toString() };
    for (const QString &file : files)
        args << QStringLiteral("--file") << file;
    if (!goFile.isEmpty())
        args << QStringLiteral("--go-file") << goFile;
    Phone phone { std::make_unique<QProcess>() };
    phone.process->start(QStringLiteral("/usr/bin/python3"), args);
    return phone;
}

QJsonObject TestPhoneUploadDialog::runPhone(const QUrl &url, const QStringList &files)
{
    Phone phone = startPhone(url, files);
    if (!waitFor(phone.process.get()))
        return {};
    return phone.result();
}

void TestPhoneUploadDialog::photoReachesTheMarkDialog()
{
    QPointer<MarkDialog> dialog = new MarkDialog(&m_fixture->db());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->classCombo()->isLoaded(), 10000);
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("phoneButton"));
    QVERIFY(button);
    dialog->classCombo()->selectClass(m_classId);
    QTRY_VERIFY(button->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(dialog->review()->roster().size(), qsizetype(1), 10000);

    QTest::mouseClick(button, Qt::LeftButton);
    PhoneUploadDialog *phoneDialog = dialog->findChild<PhoneUploadDialog *>();
    QVERIFY(phoneDialog && phoneDialog->isVisible());
    QVERIFY2(phoneDialog->isListening(), qPrintable(phoneDialog->errorText()));
    const QUrl url = phoneDialog->server()->urls().value(0);
    QVERIFY(!phoneDialog->findChild<QLabel *>(QStringLiteral("qrCode"))->pixmap().isNull());
    QVERIFY(phoneDialog->findChild<QLabel *>(QStringLiteral("address"))->text().contains(url.toString()));

    const QJsonObject page = runPhone(url, { TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) });
    QCOMPARE(page.value(QLatin1String("result")).toString(), QStringLiteral("Sent"));
    QVERIFY(page.value(QLatin1String("message")).toString().contains(QLatin1String("1 photo(s) reached the PC")));

    // The photo is in the mark dialog and recognised as a file would be.
    QTRY_COMPARE(dialog->photoCount(), 1);
    QVERIFY(phoneDialog->statusText().contains(QLatin1String("1 photo(s) received from 127.0.0.1")));
    QVERIFY(phoneDialog->server()->urls().value(0) != url); // a new code for the next batch
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 180000);
    QVERIFY2(dialog->review()->faces().size() >= 20, qPrintable(QString::number(dialog->review()->faces().size())));

    // Closing the dialog stops listening.
    QPointer<PhoneUploadDialog> guard(phoneDialog);
    phoneDialog->close();
    QTRY_VERIFY(guard.isNull());
    QTcpSocket probe;
    probe.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(!probe.waitForConnected(3000)); // nothing answers any more
    dialog->close();
}

void TestPhoneUploadDialog::photoReachesTheRegistrationDialog()
{
    QPointer<RegisterStudentDialog> dialog = new RegisterStudentDialog(&m_fixture->db(), m_classId);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("phoneButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    PhoneUploadDialog *phoneDialog = dialog->findChild<PhoneUploadDialog *>();
    QVERIFY(phoneDialog && phoneDialog->isListening());

    const QJsonObject page = runPhone(phoneDialog->server()->urls().value(0),
                                      { TestPaths::data(QStringLiteral("classrooms/DEV-A/enrol/DEV-A-001_0002.jpg")) });
    QCOMPARE(page.value(QLatin1String("result")).toString(), QStringLiteral("Sent"));
    EnrolmentPhotoModel *photos = dialog->photos();
    QTRY_COMPARE(photos->rowCount(), 1);
    // Checked by the engine like a file: one face, accepted.
    QTRY_COMPARE_WITH_TIMEOUT(photos->count(EnrolmentPhotoModel::State::Accepted), 1, 120000);
    dialog->close();
}

void TestPhoneUploadDialog::refusalsShowOnThePhone()
{
    PhoneUploadDialog dialog(QStringLiteral("Test"));
    dialog.show();
    QVERIFY(dialog.isListening());
    QSignalSpy received(&dialog, &PhoneUploadDialog::photoReceived);
    const QUrl url = dialog.server()->urls().value(0);

    QUrl wrong = url;
    wrong.setPath(QStringLiteral("/u/") + QString(22, u'A'));
    const QJsonObject wrongPage = runPhone(wrong, { TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) });
    QCOMPARE(wrongPage.value(QLatin1String("form")).toBool(), false);
    QVERIFY(wrongPage.value(QLatin1String("message")).toString().contains(QLatin1String("This link is not valid")));

    QFile text(m_files.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("homework, not a photo\n");
    text.close();
    const QJsonObject notImage = runPhone(url, { text.fileName() });
    QCOMPARE(notImage.value(QLatin1String("result")).toString(), QStringLiteral("Not sent"));
    QVERIFY(notImage.value(QLatin1String("message")).toString().contains(QLatin1String("notes.txt is not a photo")));

    // 60 megapixels declared in a 54-byte BMP: refused from its header.
    QFile big(m_files.filePath(QStringLiteral("huge.bmp")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(bmpHeaderOnly(10000, 6000));
    big.close();
    const QJsonObject tooBig = runPhone(url, { big.fileName() });
    QCOMPARE(tooBig.value(QLatin1String("result")).toString(), QStringLiteral("Not sent"));
    QVERIFY(tooBig.value(QLatin1String("message")).toString().contains(QLatin1String("huge.bmp has too many pixels")));

    QCOMPARE(received.size(), 0);
    QVERIFY(dialog.statusText().contains(QLatin1String("Refused a request from 127.0.0.1")));
    // A refused batch does not spend the code.
    QCOMPARE(dialog.server()->urls().value(0), url);
}

void TestPhoneUploadDialog::expiredCodeIsRefused()
{
    PhoneUploadDialog dialog(QStringLiteral("Test"));
    dialog.show();
    QVERIFY(dialog.isListening());
    PhoneUploadServer::Limits limits = dialog.server()->limits();
    limits.codeLifetime = std::chrono::seconds(1);
    dialog.server()->setLimits(limits);
    QSignalSpy expired(dialog.server(), &PhoneUploadServer::codeExpired);
    dialog.restart(); // "New code", with the short lifetime
    const QUrl url = dialog.server()->urls().value(0);
    QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 5000);
    auto *code = dialog.findChild<QLabel *>(QStringLiteral("qrCode"));
    QVERIFY(code->pixmap().isNull());
    QVERIFY(code->text().contains(QLatin1String("expired")));

    const QJsonObject page = runPhone(url, { TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) });
    QCOMPARE(page.value(QLatin1String("result")).toString(), QStringLiteral("Code expired"));
    QCOMPARE(page.value(QLatin1String("form")).toBool(), false);
}

void TestPhoneUploadDialog::twoPhonesAtOnce()
{
    PhoneUploadDialog dialog(QStringLiteral("Test"));
    dialog.show();
    QVERIFY(dialog.isListening());
    QSignalSpy received(&dialog, &PhoneUploadDialog::photoReceived);
    const QUrl url = dialog.server()->urls().value(0);
    const QString go = m_files.filePath(QStringLiteral("go"));

    // Both phones scanned the same code and chose their photos; then both press Send.
    Phone first = startPhone(url, { TestPaths::data(QStringLiteral("classrooms/DEV-A/easy.jpg")) }, go);
    Phone second = startPhone(url, { TestPaths::data(QStringLiteral("classrooms/DEV-A/hard.jpg")) }, go);
    QTRY_VERIFY_WITH_TIMEOUT(first.process->canReadLine() && second.process->canReadLine(), 60000);
    QCOMPARE(first.process->readLine().trimmed(), QByteArray("loaded"));
    QCOMPARE(second.process->readLine().trimmed(), QByteArray("loaded"));
    QFile(go).open(QIODevice::WriteOnly);
    QVERIFY(waitFor(first.process.get()));
    QVERIFY(waitFor(second.process.get()));
    const QStringList results { first.result().value(QLatin1String("result")).toString(),
                                second.result().value(QLatin1String("result")).toString() };
    // One batch per code: one phone's photo arrives, the other is told to scan the new code.
    QVERIFY2(results.count(QStringLiteral("Sent")) == 1 && results.count(QStringLiteral("Code already used")) == 1,
             qPrintable(results.join(QStringLiteral(" | "))));
    QCOMPARE(received.size(), 1);

    // The second phone scans the new code and gets through.
    const QString loser
        = results.at(0) == QLatin1String("Sent") ? QStringLiteral("hard.jpg") : QStringLiteral("easy.jpg");
    const QJsonObject retry
        = runPhone(dialog.server()->urls().value(0), { TestPaths::data(QStringLiteral("classrooms/DEV-A/") + loser) });
    QCOMPARE(retry.value(QLatin1String("result")).toString(), QStringLiteral("Sent"));
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(1).at(1).toString(), loser);
}

void TestPhoneUploadDialog::cannotListenSaysWhy()
{
    // An address this PC does not have (as when the network went away, or a wrong setting).
    setPhoneSettings(QStringLiteral("192.0.2.123"));
    {
        PhoneUploadDialog dialog(QStringLiteral("Test"));
        QVERIFY(!dialog.isListening());
        QVERIFY2(dialog.errorText().contains(QLatin1String("Cannot listen for the phone: 192.0.2.123")),
                 qPrintable(dialog.errorText()));
    }
    setPhoneSettings(QStringLiteral("not-an-address"));
    {
        PhoneUploadDialog dialog(QStringLiteral("Test"));
        QVERIFY(!dialog.isListening());
        QVERIFY(dialog.errorText().contains(QLatin1String("not-an-address")));
    }
    // A port already taken says which and where to change it.
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost));
    {
        Settings settings;
        QVERIFY(settings.setValue(Settings::Key::PhoneAddresses, QStringLiteral("127.0.0.1")));
        QVERIFY(settings.setValue(Settings::Key::PhonePort, int(blocker.serverPort())));
    }
    {
        PhoneUploadDialog dialog(QStringLiteral("Test"));
        QVERIFY(!dialog.isListening());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("port %1").arg(blocker.serverPort())),
                 qPrintable(dialog.errorText()));
        // "Try again" once the port is free.
        blocker.close();
        dialog.restart();
        QVERIFY(dialog.isListening());
        QVERIFY(dialog.errorText().isEmpty());
    }
    setPhoneSettings(QStringLiteral("127.0.0.1"));
}

QTEST_MAIN(TestPhoneUploadDialog)
#include "tst_phoneuploaddialog.moc"
