#include "handoff/QrCode.h"

#include <QtTest>

using namespace rollcall;

// The QR code of the upload address: a real code (finder patterns where a
// scanner looks for them, version growing with the text), not a picture.
class TestQrCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesAnUploadAddress();
    void longerTextNeedsALargerCode();

private:
    // The 7×7 finder pattern with its top-left module at (x, y).
    static bool finderAt(const QrCode &code, int x, int y)
    {
        for (int dy = 0; dy < 7; ++dy) {
            for (int dx = 0; dx < 7; ++dx) {
                const bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
                const bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
                if (code.isDark(x + dx, y + dy) != (ring || centre))
                    return false;
            }
        }
        return true;
    }
};

void TestQrCode::encodesAnUploadAddress()
{
    const auto code = QrCode::encode(QStringLiteral("http://192.168.1.23:47800/u/q5Xb2eWw0Xl1yJ3dQm9fGA"));
    QVERIFY(code.ok());
    // Version n is 17 + 4n modules wide; 46 bytes at level M need version 3 or 4.
    QVERIFY2(code->size() == 29 || code->size() == 33, qPrintable(QString::number(code->size())));
    QVERIFY(finderAt(*code, 0, 0));
    QVERIFY(finderAt(*code, code->size() - 7, 0));
    QVERIFY(finderAt(*code, 0, code->size() - 7));
    QVERIFY(!finderAt(*code, code->size() - 7, code->size() - 7)); // three finders, not four
    // Timing pattern: alternating modules on row 6 between the finders.
    for (int x = 8; x < code->size() - 8; ++x)
        QCOMPARE(code->isDark(x, 6), x % 2 == 0);
}

void TestQrCode::longerTextNeedsALargerCode()
{
    const auto small = QrCode::encode(QStringLiteral("http://10.0.0.2:47800/u/x"));
    const auto large
        = QrCode::encode(QStringLiteral("http://[fd00::1234:5678:9abc:def0]:47800/u/") + QString(100, u'a'));
    QVERIFY(small.ok() && large.ok());
    QVERIFY(large->size() > small->size());
}

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
