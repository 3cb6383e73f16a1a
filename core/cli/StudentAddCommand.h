#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli student add --class CODE --id ID --name NAME --consent [--department D] [--email E]
//                          [--json] PHOTO [PHOTO…]
// Enrols a student with registration photos that pass the quality checks; exits 3
// with every photo's reasons when none does. Without --consent (the student agreed to face
// recognition) it is a usage error: nothing is enrolled.
class StudentAddCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("student add"); }
    QString summary() const override { return QStringLiteral("Enrol a student with registration photos."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
