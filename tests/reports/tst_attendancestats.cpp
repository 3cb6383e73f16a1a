#include "reports/AttendanceStats.h"

#include <QTest>

using namespace rollcall;

class TestAttendanceStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rate();
    void sessionsNeeded_data();
    void sessionsNeeded();
    void neededReallyReaches();
};

void TestAttendanceStats::rate()
{
    AttendanceStats s;
    QVERIFY(!s.rate());
    QVERIFY(!s.isBelow(75));
    s.present = 2;
    s.late = 1;
    s.absent = 1;
    s.excused = 5; // ignored
    QCOMPARE(s.attended(), 3);
    QCOMPARE(s.counted(), 4);
    QCOMPARE(s.total(), 9);
    QCOMPARE(*s.rate(), 0.75);
    QVERIFY(!s.isBelow(75)); // exactly at the threshold is not below
    QVERIFY(s.isBelow(75.01));
}

void TestAttendanceStats::sessionsNeeded_data()
{
    QTest::addColumn<int>("attended");
    QTest::addColumn<int>("counted");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("needed"); // -1: unreachable
    QTest::newRow("already there") << 3 << 4 << 75.0 << 0;
    QTest::newRow("nothing counted") << 0 << 0 << 75.0 << 0;
    QTest::newRow("1 of 4") << 1 << 4 << 75.0 << 8; // (1+8)/(4+8) = 0.75
    QTest::newRow("5 of 10") << 5 << 10 << 75.0 << 10; // 15/20
    QTest::newRow("0 of 10") << 0 << 10 << 75.0 << 30; // 30/40
    QTest::newRow("rounds up") << 2 << 4 << 60.0 << 1; // 3/5 = 0.6
    QTest::newRow("fractional threshold") << 1 << 3 << 66.67 << 4; // 4/6 = 0.66666 < 0.6667, 5/7 = 0.714
    QTest::newRow("100% unreachable") << 9 << 10 << 100.0 << -1;
    QTest::newRow("100% reached") << 10 << 10 << 100.0 << 0;
    QTest::newRow("0% threshold") << 0 << 10 << 0.0 << 0;
}

void TestAttendanceStats::sessionsNeeded()
{
    QFETCH(int, attended);
    QFETCH(int, counted);
    QFETCH(double, threshold);
    QFETCH(int, needed);
    const auto k = AttendanceStats::sessionsNeeded(attended, counted, threshold);
    QCOMPARE(k.value_or(-1), needed);
}

// For many cases, k sessions reach the threshold and k - 1 do not.
void TestAttendanceStats::neededReallyReaches()
{
    for (const double t : { 50.0, 66.67, 75.0, 80.0, 90.0, 99.0 }) {
        for (int n = 0; n <= 40; ++n) {
            for (int a = 0; a <= n; ++a) {
                const auto k = AttendanceStats::sessionsNeeded(a, n, t);
                QVERIFY(k.has_value());
                AttendanceStats after;
                after.present = a + *k;
                after.absent = n - a;
                QVERIFY2(!after.isBelow(t), qPrintable(QStringLiteral("a=%1 n=%2 t=%3").arg(a).arg(n).arg(t)));
                if (*k > 0) {
                    AttendanceStats before;
                    before.present = a + *k - 1;
                    before.absent = n - a;
                    QVERIFY(before.isBelow(t));
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestAttendanceStats)
#include "tst_attendancestats.moc"
