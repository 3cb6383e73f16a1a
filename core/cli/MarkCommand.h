#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli mark --class CODE [--date YYYY-MM-DD] [--period P] [--accept-uncertain] [--json] PHOTO…
// Recognises the class's students in the photos and saves the attendance session.
class MarkCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("mark"); }
    QString summary() const override { return QStringLiteral("Take attendance from classroom photos."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
