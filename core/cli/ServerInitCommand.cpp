#include "cli/ServerInitCommand.h"

#include "cli/CliContext.h"
#include "sync/CentralAdmin.h"
#include "sync/CentralSchema.h"

namespace rollcall {

void ServerInitCommand::addOptions(QCommandLineParser &) const
{ }

int ServerInitCommand::runAdmin(CliContext &context, const QCommandLineParser &parser, CentralAdmin &admin)
{
    if (Status st = admin.init(); !st.ok())
        return context.fail(st.error());
    if (parser.isSet(m_json)) {
        context.printJson({ { QStringLiteral("central_schema"), CentralSchema::latestVersion() },
                            { QStringLiteral("owner_role"), admin.ownerRole() },
                            { QStringLiteral("pc_role"), admin.pcRole() } });
    } else {
        context.out() << "The central database is ready (schema " << CentralSchema::latestVersion() << "), owned by "
                      << admin.ownerRole() << "; PCs are members of " << admin.pcRole()
                      << ".\nNext: rollcall-cli server add-pc NAME --department DEPT --postgres …\n";
    }
    return 0;
}

} // namespace rollcall
