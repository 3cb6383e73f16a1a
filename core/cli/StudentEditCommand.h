#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli student edit ID [--name N] [--new-id ID] [--email E] [--class CODE] [--consent yes|no]
class StudentEditCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("student edit"); }
    QString summary() const override { return QStringLiteral("Change a student's name, ID, email or class."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
