#pragma once

#include "cli/ServerCommand.h"

namespace rollcall {

// rollcall-cli server list-pcs --postgres ADMIN_CONNINFO [--json]
class ServerListPcsCommand : public ServerCommand
{
public:
    QString name() const override { return QStringLiteral("server list-pcs"); }
    QString summary() const override
    {
        return QStringLiteral("List the PCs: departments, device, last sync, rows written and refused.");
    }

protected:
    void addOptions(QCommandLineParser &parser) const override;
    int runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin) override;
};

} // namespace rollcall
