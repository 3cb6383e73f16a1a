#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli session show ID [--json]
class SessionShowCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("session show"); }
    QString summary() const override { return QStringLiteral("Show one session with every student's status."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
