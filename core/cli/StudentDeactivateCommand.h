#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli student deactivate ID [--undo]
class StudentDeactivateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("student deactivate"); }
    QString summary() const override
    {
        return QStringLiteral("Mark a student inactive (kept, not expected in class).");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
