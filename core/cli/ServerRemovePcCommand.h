#pragma once

#include "cli/ServerCommand.h"

namespace rollcall {

// rollcall-cli server remove-pc NAME --postgres ADMIN_CONNINFO
class ServerRemovePcCommand : public ServerCommand
{
public:
    QString name() const override { return QStringLiteral("server remove-pc"); }
    QString summary() const override
    {
        return QStringLiteral("Revoke a PC: it can no longer sign in or write; its history stays.");
    }

protected:
    void addOptions(QCommandLineParser &parser) const override;
    int runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin) override;
    QString positionalName() const override { return QStringLiteral("NAME"); }
};

} // namespace rollcall
