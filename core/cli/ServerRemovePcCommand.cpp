#include "cli/ServerRemovePcCommand.h"

#include "cli/CliContext.h"
#include "sync/CentralAdmin.h"

namespace rollcall {

void ServerRemovePcCommand::addOptions(QCommandLineParser &) const
{ }

int ServerRemovePcCommand::runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin)
{
    const QString pc = parser.positionalArguments().constFirst();
    if (Status st = admin.removePc(pc); !st.ok())
        return context.fail(st.error());
    if (parser.isSet(m_json))
        context.printJson({ { QStringLiteral("removed"), pc } });
    else
        context.out() << "PC " << pc << " removed: it can no longer sign in; what it wrote stays attributed to it.\n";
    return 0;
}

} // namespace rollcall
