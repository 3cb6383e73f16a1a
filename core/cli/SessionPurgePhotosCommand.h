#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli session purge-photos [--days N]: PhotoRetention
class SessionPurgePhotosCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("session purge-photos"); }
    QString summary() const override
    {
        return QStringLiteral("Apply the classroom-photo retention (or set it with --days).");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
