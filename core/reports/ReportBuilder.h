#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"
#include "reports/ReportRequest.h"

#include <atomic>

namespace rollcall {

class Database;

// Builds the report a ReportRequest asks for (the one entry point the CLI and the
// GUI's export dialogs share).
class ReportBuilder
{
public:
    static Result<ReportDocument> build(Database &db, const ReportRequest &request,
                                        const std::atomic_bool *cancelled = nullptr);
};

} // namespace rollcall
