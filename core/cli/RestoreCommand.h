#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli restore FILE [--check] [--json]
class RestoreCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("restore"); }
    QString summary() const override
    {
        return QStringLiteral("Restore a backup archive (validated before anything is replaced).");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
