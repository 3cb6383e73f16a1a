#pragma once

#include <QDateTime>
#include <QMutex>
#include <QString>

#include <functional>

namespace rollcall {

// A hybrid logical clock (Kulkarni et al.): 64-bit values that follow wall-clock
// milliseconds but never go backwards on one device, even when the system clock
// does, so `updated_at` can decide which of two edits is newer during sync.
//
// Layout: (milliseconds since the Unix epoch << 16) | logical counter (16 bits).
// Values are stored as SQLite INTEGER (PostgreSQL BIGINT) and sort as integers.
class HybridLogicalClock
{
public:
    using WallClock = std::function<qint64()>; // milliseconds since the epoch

    explicit HybridLogicalClock(qint64 last = 0, WallClock wallClock = {});

    // A new value for a local change, greater than every value returned or observed before.
    qint64 now();
    // Merges a value received from another device (sync) and returns a value greater than
    // both. A remote value beyond ceiling() counts as ceiling() (*clamped set): a PC whose
    // clock runs a year ahead must not drag every PC's stamps a year ahead.
    qint64 observe(qint64 remote, bool *clamped = nullptr);
    qint64 last() const;
    // Makes every later value greater than floor (a stamp another process stored), without
    // using up a value; bounded by ceiling() like observe().
    void raiseTo(qint64 floor, bool *clamped = nullptr);

    // The newest stamp accepted from elsewhere now: this PC's wall clock + MaxSkewMs.
    qint64 ceiling() const;
    // A stamp a row from elsewhere may carry: not negative, not beyond ceiling().
    bool isPlausible(qint64 stamp) const { return stamp >= 0 && stamp <= ceiling(); }

    // How far ahead of this PC another PC's clock may run (lab PCs keep time by NTP).
    static constexpr qint64 MaxSkewMs = 5 * 60 * 1000;

    static qint64 make(qint64 milliseconds, int counter);
    static qint64 milliseconds(qint64 value) { return value >> CounterBits; }
    static int counter(qint64 value) { return static_cast<int>(value & CounterMask); }
    static QDateTime toDateTime(qint64 value);

    static constexpr int CounterBits = 16;
    static constexpr qint64 CounterMask = (qint64(1) << CounterBits) - 1;

private:
    qint64 advance(qint64 floor);
    qint64 bounded(qint64 remote, bool *clamped) const;

    mutable QMutex m_mutex;
    qint64 m_last = 0;
    WallClock m_wallClock;
};

} // namespace rollcall
