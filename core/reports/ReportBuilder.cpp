#include "reports/ReportBuilder.h"

#include "reports/BelowThresholdReport.h"
#include "reports/RegisterReport.h"
#include "reports/SessionReport.h"
#include "reports/StudentHistoryReport.h"

namespace rollcall {

Result<ReportDocument> ReportBuilder::build(Database &db, const ReportRequest &request,
                                            const std::atomic_bool *cancelled)
{
    if (request.thresholdPercent < 0 || request.thresholdPercent > 100)
        return Error::badInput(QStringLiteral("the threshold must be between 0 and 100"));
    switch (request.kind) {
    case ReportRequest::Kind::Session:
        return SessionReport::build(db, request.sessionId);
    case ReportRequest::Kind::Register:
        return RegisterReport::build(db, request.classCode, request.from, request.to, request.thresholdPercent,
                                     cancelled);
    case ReportRequest::Kind::StudentHistory:
        return StudentHistoryReport::build(db, request.studentId, request.from, request.to, request.thresholdPercent);
    case ReportRequest::Kind::BelowThreshold:
        return BelowThresholdReport::build(db, request.classCode, request.from, request.to, request.thresholdPercent,
                                           cancelled);
    }
    return Error::usage(QStringLiteral("unknown report"));
}

} // namespace rollcall
