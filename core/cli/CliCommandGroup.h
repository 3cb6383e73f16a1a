#pragma once

#include "cli/CliCommand.h"

#include <memory>
#include <vector>

namespace rollcall {

// A command with sub-commands: `rollcall-cli student list …`, `rollcall-cli student add …`.
// Each sub-command is an ordinary CliCommand whose name() is "<group> <action>"
// (e.g. "student list"); add() plugs it in, so several people can contribute actions
// to one group from their own files (registration in CliCommands.cpp).
class CliCommandGroup : public CliCommand
{
public:
    CliCommandGroup(QString name, QString summary);

    void add(std::unique_ptr<CliCommand> command);

    QString name() const override { return m_name; }
    QString summary() const override { return m_summary; }
    // args[0] is the group name, args[1] the action.
    int run(CliContext &context, const QStringList &args) override;

private:
    QString m_name;
    QString m_summary;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace rollcall
