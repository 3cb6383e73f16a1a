#include "cli/ServerAddPcCommand.h"

#include "cli/CliContext.h"
#include "sync/CentralAdmin.h"

namespace rollcall {

void ServerAddPcCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(m_department);
}

int ServerAddPcCommand::runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin)
{
    auto pc = admin.addPc(parser.positionalArguments().constFirst(), parser.values(m_department));
    if (!pc)
        return context.fail(pc.error());
    // The password exists only here: the server keeps a SCRAM verifier.
    if (parser.isSet(m_json)) {
        context.printJson({ { QStringLiteral("role"), pc->role }, { QStringLiteral("password"), pc->password } });
    } else {
        context.out() << "PC " << pc->role << " added. Its password (shown once; enter it in Sync > Configure… on "
                      << "that PC):\n"
                      << pc->password << '\n';
    }
    return 0;
}

} // namespace rollcall
