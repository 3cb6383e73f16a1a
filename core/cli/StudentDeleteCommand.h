#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli student delete ID: StudentRepository::forget
class StudentDeleteCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("student delete"); }
    QString summary() const override
    {
        return QStringLiteral("Forget a student: photos and embeddings removed, tombstone kept.");
    }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
