#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli class add CODE --name NAME [--term T] [--department D] [--json]
class ClassAddCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("class add"); }
    QString summary() const override { return QStringLiteral("Create a class."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
