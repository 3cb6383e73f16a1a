#include "storage/HybridLogicalClock.h"

#include <QMutexLocker>
#include <QTimeZone>

#include <algorithm>

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
    const qint64 wall = make(m_wallClock(), 0);
    m_last = std::max(wall, floor + 1);
    return m_last;
}

qint64 HybridLogicalClock::now()
{
    QMutexLocker lock(&m_mutex);
    return advance(m_last);
}

qint64 HybridLogicalClock::observe(qint64 remote)
{
    QMutexLocker lock(&m_mutex);
    return advance(std::max(m_last, remote));
}

void HybridLogicalClock::raiseTo(qint64 floor)
{
    QMutexLocker lock(&m_mutex);
    m_last = std::max(m_last, floor);
}

qint64 HybridLogicalClock::last() const
{
    QMutexLocker lock(&m_mutex);
    return m_last;
}

} // namespace rollcall
