#pragma once

#include "cli/CentralOptions.h"
#include "cli/CliCommand.h"

namespace rollcall {

class CentralAdmin;

// The `rollcall-cli server …` commands: the department administrator's, on a
// connection (--postgres) that may create roles and own the central schema.
// They need no local data folder.
class ServerCommand : public CliCommand
{
public:
    int run(CliContext &context, const QStringList &args) override;

protected:
    virtual void addOptions(QCommandLineParser &parser) const = 0;
    virtual int runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin) = 0;
    // The one positional argument's name (the PC), or empty for none.
    virtual QString positionalName() const { return {}; }

    const QCommandLineOption m_json = jsonOption();

private:
    CentralOptions m_central;
};

} // namespace rollcall
