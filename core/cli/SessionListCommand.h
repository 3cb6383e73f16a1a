#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli session list [--class CODE] [--from DATE] [--to DATE] [--json]
class SessionListCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("session list"); }
    QString summary() const override { return QStringLiteral("List attendance sessions."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
