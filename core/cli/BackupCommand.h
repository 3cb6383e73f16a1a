#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli backup FILE [--json]
class BackupCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("backup"); }
    QString summary() const override
    {
        return QStringLiteral("Write the database and photos into one backup archive.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
