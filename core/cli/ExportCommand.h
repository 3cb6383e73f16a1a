#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli export session ID | register --class CODE [--from D] [--to D]
//   | student ID [--from D] [--to D] | below [--class CODE] [--threshold 75] [--from D] [--to D]
//   --output FILE [--format xlsx|csv] [--separator comma|semicolon] [--no-bom] [--json]
class ExportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("Export a report to Excel (.xlsx) or CSV."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
