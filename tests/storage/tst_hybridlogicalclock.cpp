#include "storage/HybridLogicalClock.h"

#include <QtTest>

#include <limits>

using namespace rollcall;

class TestHybridLogicalClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsWallClock();
    void neverGoesBackwardsWhenWallClockDoes();
    void observeJumpsPastRemote();
    void counterOverflowsIntoNextMillisecond();
    void foreignStampsAreBoundedAndNothingOverflows();
};

void TestHybridLogicalClock::followsWallClock()
{
    qint64 wall = 1'700'000'000'000;
    HybridLogicalClock clock(0, [&] { return wall; });
    const qint64 a = clock.now();
    QCOMPARE(HybridLogicalClock::milliseconds(a), wall);
    QCOMPARE(HybridLogicalClock::counter(a), 0);
    wall += 5;
    const qint64 b = clock.now();
    QCOMPARE(HybridLogicalClock::milliseconds(b), wall);
    QCOMPARE(HybridLogicalClock::toDateTime(b).toMSecsSinceEpoch(), wall);
}

void TestHybridLogicalClock::neverGoesBackwardsWhenWallClockDoes()
{
    qint64 wall = 1'700'000'000'000;
    HybridLogicalClock clock(0, [&] { return wall; });
    qint64 previous = clock.now();
    for (int i = 0; i < 1000; ++i) {
        wall += (i % 3 == 0) ? -50 : 1; // the system clock jumps back now and then
        const qint64 next = clock.now();
        QVERIFY(next > previous);
        previous = next;
    }
    // Starting from a stored value ahead of the wall clock also stays ahead.
    HybridLogicalClock restarted(previous, [&] { return wall - 100000; });
    QVERIFY(restarted.now() > previous);
}

void TestHybridLogicalClock::observeJumpsPastRemote()
{
    qint64 wall = 1'000;
    HybridLogicalClock clock(0, [&] { return wall; });
    const qint64 remote = HybridLogicalClock::make(5'000, 3);
    const qint64 merged = clock.observe(remote);
    QVERIFY(merged > remote);
    QCOMPARE(HybridLogicalClock::milliseconds(merged), qint64(5'000));
    QCOMPARE(HybridLogicalClock::counter(merged), 4);
    QVERIFY(clock.now() > merged);
    QVERIFY(clock.observe(HybridLogicalClock::make(10, 0)) > merged); // an old remote value changes nothing
}

void TestHybridLogicalClock::counterOverflowsIntoNextMillisecond()
{
    HybridLogicalClock clock(HybridLogicalClock::make(2'000, 0xffff), [] { return qint64(1'000); });
    const qint64 next = clock.now();
    QCOMPARE(HybridLogicalClock::milliseconds(next), qint64(2'001));
    QCOMPARE(HybridLogicalClock::counter(next), 0);
}

void TestHybridLogicalClock::foreignStampsAreBoundedAndNothingOverflows()
{
    const qint64 wall = 1'700'000'000'000;
    HybridLogicalClock clock(0, [&] { return wall; });
    const qint64 top = HybridLogicalClock::make(wall + HybridLogicalClock::MaxSkewMs, 0xffff);
    QCOMPARE(clock.ceiling(), top);
    // Within the skew: adopted as before.
    bool clamped = true;
    const qint64 near = HybridLogicalClock::make(wall + 60'000, 0);
    QVERIFY(clock.observe(near, &clamped) > near);
    QVERIFY(!clamped);
    // A year ahead: counts as the ceiling.
    const qint64 yearAhead = HybridLogicalClock::make(wall + 365LL * 24 * 3600 * 1000, 0);
    QVERIFY(!clock.isPlausible(yearAhead));
    QVERIFY(clock.observe(yearAhead, &clamped) <= top + 1);
    QVERIFY(clamped);
    clock.raiseTo(std::numeric_limits<qint64>::max(), &clamped);
    QVERIFY(clamped);
    QVERIFY(clock.now() <= top + 2);
    QVERIFY(!clock.isPlausible(-1));
    // A stored value at the top of the range saturates instead of wrapping negative.
    HybridLogicalClock stuck(std::numeric_limits<qint64>::max(), [&] { return wall; });
    QCOMPARE(stuck.now(), std::numeric_limits<qint64>::max());
}

QTEST_GUILESS_MAIN(TestHybridLogicalClock)
#include "tst_hybridlogicalclock.moc"
