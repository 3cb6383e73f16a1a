#include "handoff/LanAddresses.h"

#include <QtTest>

using namespace rollcall;

// Which addresses the phone page may listen on: private and link-local ones,
// never loopback or a public address.
class TestLanAddresses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifies_data();
    void classifies();
    void foundAddressesAreLan();
};

void TestLanAddresses::classifies_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("lan");
    QTest::newRow("10/8") << "10.12.0.5" << true;
    QTest::newRow("172.16/12") << "172.16.3.4" << true;
    QTest::newRow("172.31") << "172.31.255.1" << true;
    QTest::newRow("172.32 is public") << "172.32.0.1" << false;
    QTest::newRow("192.168/16") << "192.168.1.23" << true;
    QTest::newRow("link-local") << "169.254.10.1" << true;
    QTest::newRow("public") << "8.8.8.8" << false;
    QTest::newRow("documentation") << "192.0.2.2" << false;
    QTest::newRow("loopback") << "127.0.0.1" << false;
    QTest::newRow("ULA") << "fd12:3456::1" << true;
    QTest::newRow("v6 loopback") << "::1" << false;
    QTest::newRow("v6 global") << "2001:db8::1" << false;
    QTest::newRow("any") << "0.0.0.0" << false;
}

void TestLanAddresses::classifies()
{
    QFETCH(QString, address);
    QFETCH(bool, lan);
    QCOMPARE(LanAddresses::isLan(QHostAddress(address)), lan);
}

void TestLanAddresses::foundAddressesAreLan()
{
    const QList<QHostAddress> found = LanAddresses::find();
    for (const QHostAddress &address : found)
        QVERIFY2(LanAddresses::isLan(address), qPrintable(address.toString()));
}

QTEST_GUILESS_MAIN(TestLanAddresses)
#include "tst_lanaddresses.moc"
