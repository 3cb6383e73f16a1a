#pragma once

#include "cli/ServerCommand.h"

namespace rollcall {

// rollcall-cli server init --postgres ADMIN_CONNINFO [--json]
class ServerInitCommand : public ServerCommand
{
public:
    QString name() const override { return QStringLiteral("server init"); }
    QString summary() const override
    {
        return QStringLiteral("Create or migrate the central database and its roles (administrator).");
    }

protected:
    void addOptions(QCommandLineParser &parser) const override;
    int runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin) override;
};

} // namespace rollcall
