#include "storage/AuditEntry.h"

#include "storage/HybridLogicalClock.h"

namespace rollcall {

QDateTime AuditEntry::time() const
{
    return HybridLogicalClock::toDateTime(at);
}

} // namespace rollcall
