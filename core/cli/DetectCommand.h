#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli detect [--json] PHOTO: every face found, boxes in original pixels.
class DetectCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("detect"); }
    QString summary() const override { return QStringLiteral("Find the faces in a photo."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
