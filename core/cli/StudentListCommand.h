#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli student list [--class CODE] [--json]
class StudentListCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("student list"); }
    QString summary() const override { return QStringLiteral("List students, all or of one class."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
