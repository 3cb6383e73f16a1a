#pragma once

#include "common/Result.h"
#include "sync/SyncTable.h"

#include <QSqlDatabase>
#include <QVariantList>

namespace rollcall {

// Merges rows that have different ids but the same natural key, which the local
// UNIQUE indexes refuse: two PCs that each created class "CS101", registered the
// same student ID, or (with random record ids) marked the same student in the same
// session before syncing. The rules are deterministic, so every PC reaches the same
// result whatever order the rows arrive in (docs/sync.md, "Conflicts"):
//  - editable keys (department name, class code, student ID): the row created first
//    ((created_at, id) smallest) keeps the key; the other gets " (dup <id prefix>)"
//    appended, stays live with all its data, and staff can merge or fix it;
//  - pairs (class membership, attendance record): the row with the smallest id
//    stands for the pair; the other is retired (membership tombstoned; a record
//    is not kept locally, as records are unique per pair even when deleted).
// Attendance records and memberships normally get ids derived from the pair
// (storage), so they merge by id and this is only a safety net.
class ConflictResolver
{
public:
    enum class Outcome {
        Retry, // room was made (or the incoming values were changed): apply again
        Skip, // the incoming row loses and is not kept locally
        Unresolved, // not a natural-key conflict this class knows
    };

    explicit ConflictResolver(QSqlDatabase local);

    // Called after applying values (in table.columns order) failed on a constraint.
    Result<Outcome> resolve(const SyncTable &table, QVariantList &values);

    int resolvedCount() const { return m_resolved; }

private:
    QSqlDatabase m_local;
    int m_resolved = 0;
};

} // namespace rollcall
