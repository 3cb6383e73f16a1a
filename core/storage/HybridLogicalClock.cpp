#include "storage/HybridLogicalClock.h"

#include <QMutexLocker>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace rollcall {

HybridLogicalClock::HybridLogicalClock(qint64 last, WallClock wallClock)
    : m_last(last)
    , m_wallClock(std::move(wallClock))
{
    if (!m_wallClock)
        m_wallClock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

qint64 HybridLogicalClock::make(qint64 milliseconds, int counter)
{
    return (milliseconds << CounterBits) | (qint64(counter) & CounterMask);
}

QDateTime HybridLogicalClock::toDateTime(qint64 value)
{
    return QDateTime::fromMSecsSinceEpoch(milliseconds(value), QTimeZone::utc());
}

qint64 HybridLogicalClock::advance(qint64 floor)
{
    // The physical part is the larger of wall time and the floor's; when it
    // does not move on, the counter does (and overflows into the next millisecond).
    // Saturating: a stored value at the top of the range stays there instead of wrapping.
    const qint64 wall = make(m_wallClock(), 0);
    m_last = std::max(wall, floor < std::numeric_limits<qint64>::max() ? floor + 1 : floor);
    return m_last;
}

qint64 HybridLogicalClock::bounded(qint64 remote, bool *clamped) const
{
    const qint64 top = make(m_wallClock() + MaxSkewMs, int(CounterMask));
    if (clamped)
        *clamped = remote > top;
    return std::min(remote, top);
}

qint64 HybridLogicalClock::ceiling() const
{
    return bounded(std::numeric_limits<qint64>::max(), nullptr);
}

qint64 HybridLogicalClock::now()
{
    QMutexLocker lock(&m_mutex);
    return advance(m_last);
}

qint64 HybridLogicalClock::observe(qint64 remote, bool *clamped)
{
    QMutexLocker lock(&m_mutex);
    return advance(std::max(m_last, bounded(remote, clamped)));
}

void HybridLogicalClock::raiseTo(qint64 floor, bool *clamped)
{
    QMutexLocker lock(&m_mutex);
    m_last = std::max(m_last, bounded(floor, clamped));
}

qint64 HybridLogicalClock::last() const
{
    QMutexLocker lock(&m_mutex);
    return m_last;
}

} // namespace rollcall
