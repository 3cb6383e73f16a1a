#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli sync [--postgres 'host=… dbname=… user=…'] [--password-env VAR] [--classroom-photos] [--json]:
// (without --postgres: the server set in the GUI's Sync settings) pushes this PC's changes to the central PostgreSQL
// and pulls the other PCs'. Exit 6 when the server is down, refuses the password or the TLS handshake fails; nothing
// local changes then.
class SyncCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override { return QStringLiteral("Sync with the department's central PostgreSQL."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
