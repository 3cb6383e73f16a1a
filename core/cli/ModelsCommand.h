#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli models [--json]: every known model with its file and checksum state.
class ModelsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("models"); }
    QString summary() const override { return QStringLiteral("List known models and check their files."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
