#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"
#include "storage/ClassInfo.h"
#include "storage/ClassRegister.h"

#include <QHash>

#include <QDate>

#include <atomic>

namespace rollcall {

class Database;

// Students under the attendance threshold, one table per class ("<code> below 75%"):
// ID, name, email, sessions counted, attended, attendance % and how many more
// sessions they must attend in a row to reach the threshold (AttendanceStats:
// k = ⌈(t·counted − attended) / (1 − t)⌉; empty when unreachable, i.e. t = 100 %).
// Only active current members are listed, worst rate first. A class where nobody
// is below gets a table with its header only.
class BelowThresholdReport
{
public:
    // classCode empty: every class.
    static Result<ReportDocument> build(Database &db, const QString &classCode, const QDate &from, const QDate &to,
                                        double thresholdPercent, const std::atomic_bool *cancelled = nullptr);
    // emails: by student uuid.
    static void addClass(ReportDocument *doc, const ClassInfo &classInfo, const ClassRegister &reg,
                         const QHash<QString, QString> &emails, double thresholdPercent);
};

} // namespace rollcall
