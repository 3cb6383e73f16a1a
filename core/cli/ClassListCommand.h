#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli class list [--json]
class ClassListCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("class list"); }
    QString summary() const override { return QStringLiteral("List classes."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
