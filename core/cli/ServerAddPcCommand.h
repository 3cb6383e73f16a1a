#pragma once

#include "cli/ServerCommand.h"

namespace rollcall {

// rollcall-cli server add-pc NAME --department D [--department D…] --postgres ADMIN_CONNINFO [--json]
class ServerAddPcCommand : public ServerCommand
{
public:
    QString name() const override { return QStringLiteral("server add-pc"); }
    QString summary() const override
    {
        return QStringLiteral("Register a PC: its own login role, bound to departments; prints its password once.");
    }

protected:
    void addOptions(QCommandLineParser &parser) const override;
    int runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin) override;
    QString positionalName() const override { return QStringLiteral("NAME"); }

private:
    const QCommandLineOption m_department { QStringLiteral("department"),
                                            QStringLiteral("A department this PC may write (repeat; * for all)."),
                                            QStringLiteral("NAME") };
};

} // namespace rollcall
